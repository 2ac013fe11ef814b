"""RL512 self-contradiction: 'none received', 'all handled', 'no review' against the report's own tables."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from variants import BODIES, YEARS, report

RL512 = LintOptions(select=("RL512",))
LINE7 = "全年共收到政府信息公开申请12件，上年结转1件，办结12件，结转下年度1件；"
SUPERVISION = "本年度未发生因政府信息公开工作引起的责任追究情况。"
# the good sample's tables: 一 新收 12 (line 33), 四 结转下年度 1 (line 57), 表四 复议 3, 诉讼 2 (line 62)


def _rl512(text, path="r.txt", lang="zh"):
    return [(d.line, d.message) for d in lint_text(text, path, LintOptions(select=("RL512",), lang=lang)).diagnostics]


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL512"))
    [d] = result.diagnostics
    assert (d.code, d.name, d.severity) == ("RL512", "self-contradiction", Severity.ERROR)
    assert (d.line, d.column) == (7, 67)
    assert d.message == "正文称“所有申请均已按要求办理完成”，但表三「四、结转下年度继续办理」总计为 1 件（第 57 行）"
    assert (d.expected, d.actual) == ("0", "1") and result.status == "fail"


def test_english(bad_sample):
    [d] = lint_path(bad_sample("RL512"), LintOptions(select=("RL512",), lang="en")).diagnostics
    assert d.message == "the text says '所有申请均已按要求办理完成', but table 三 row 四 (carried over to next year) totals 1 (line 57)"


CLAIMS = (  # (sentence put in place of line 7's, the table fact it contradicts)
    ("本年度我局未收到政府信息公开申请；", "「一、本年新收政府信息公开申请数量」总计为 12 件"),
    ("本年度我局没有收到依申请公开事项；", "「一、本年新收政府信息公开申请数量」总计为 12 件"),
    ("全年依申请公开数量为0件；", "「一、本年新收政府信息公开申请数量」总计为 12 件"),
    ("全年共收到政府信息公开申请12件，所有申请均已按要求办理完成；", "「四、结转下年度继续办理」总计为 1 件"),
    ("全年共收到政府信息公开申请12件，全部办结，无结转；", "「四、结转下年度继续办理」总计为 1 件"),
    ("全年共收到政府信息公开申请12件，无下年度结转；", "「四、结转下年度继续办理」总计为 1 件"),
)


@pytest.mark.parametrize("sentence, fact", CLAIMS)
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_claims_against_table_three(sentence, fact, body, year, layout):
    text = report(body, year, layout).replace(LINE7, sentence)
    [(line, message)] = _rl512(text, "r.md" if layout == "markdown" else "r.txt")
    assert fact in message and line == 7


@pytest.mark.parametrize("claim, what", (
    ("本年度未发生因政府信息公开引起的行政复议、行政诉讼。", "行政复议 3 件"),
    ("全年没有被申请行政复议。", "行政复议 3 件"),
    ("全年未被提起行政诉讼。", "行政诉讼 2 件"),
))
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
def test_claims_against_table_four(claim, what, body):
    text = report(body).replace(SUPERVISION, claim)
    [(line, message)] = _rl512(text)
    assert f"表四显示{what}（第 62 行）" in message


@pytest.mark.parametrize("sentence", (
    LINE7,  # the figures as they are
    "去年未收到政府信息公开申请，" + LINE7,  # another year
    LINE7 + "上年所有申请均已办理完成；",
    LINE7.replace("；", "，未发生被纠错的行政复议；"),  # one kind of result
))
def test_consistent_or_other_year_texts(sentence):
    assert _rl512(report().replace(LINE7, sentence)) == []


def test_claims_agreeing_with_a_table_of_zeros():
    """The same claims where the table shows 0: nothing contradicts them."""
    text = report().replace(LINE7, "本年度未收到政府信息公开申请，无结转；").replace(SUPERVISION, "未发生行政复议、行政诉讼。")
    zeros = text.replace("| 8 | 2 | 0 | 1 | 1 | 0 | 12", "| 0 | 0 | 0 | 0 | 0 | 0 | 0").replace(
        "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1", "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0").replace(
        "2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1", "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0")
    assert _rl512(zeros) == []


def test_a_table_that_is_not_printed_says_nothing():
    text = report()
    text = text[: text.index("三、收到和处理政府信息公开申请情况")] + "五、存在的主要问题及改进情况\n无。\n"
    assert _rl512(text.replace(LINE7, "本年度未收到政府信息公开申请；")) == []


def test_no_finding_on_the_corpus_and_seeds(corpus_dir, seeds_dir):
    flagged = [p.name for folder in (corpus_dir, seeds_dir) for p in sorted(folder.glob("*.txt")) if lint_path(p, RL512).diagnostics]
    assert flagged == []
