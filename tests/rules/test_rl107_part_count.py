"""RL107 part-count: "由…等六部分组成" against the parts listed and the sections present."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from variants import BODIES, YEARS, report

RL107 = LintOptions(select=("RL107",))
PARTS = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议和行政诉讼情况",
         "存在的主要问题及改进情况", "其他需要报告的事项")
INTRO = "全文包括" + "、".join(PARTS) + "六部分。"


def _rl107(text, path="r.txt"):
    return [(d.line, d.message) for d in lint_text(text, path, RL107).diagnostics]


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL107"))
    [d] = result.diagnostics
    assert (d.code, d.name, d.severity) == ("RL107", "part-count", Severity.WARNING)
    assert d.line == 2 and d.source_line[d.column - 1] == "六"
    assert d.message.startswith("导语称全文共六部分，但列出的只有 5 项：总体情况、")
    assert (d.expected, d.actual) == ("6", "5") and result.status == "pass"


def test_corpus_13_says_six_and_lists_five(corpus_dir):
    [d] = lint_path(corpus_dir / "13_yangling_stats_2023_excerpt.txt", RL107).diagnostics
    assert (d.line, d.expected, d.actual) == (1, "6", "5")


WORDINGS = ("全文包括{list}{n}部分。", "本报告由{list}等{n}部分组成。", "本报告由{list}共{n}个部分组成。", "报告分{list}{n}个方面。")


@pytest.mark.parametrize("wording", WORDINGS)
@pytest.mark.parametrize("sep", ("、", "，"))
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("year", YEARS)
def test_a_part_left_out_of_the_list(wording, sep, body, year):
    listed = sep.join(p for p in PARTS if "复议" not in p)
    text = report(body, year).replace(INTRO, wording.format(list=listed, n="六"))
    [(line, message)] = _rl107(text)
    assert line == 2 and "列出的只有 5 项" in message


@pytest.mark.parametrize("wording", WORDINGS)
@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_a_whole_list(wording, layout):
    text = report(layout=layout).replace(INTRO, wording.format(list="、".join(PARTS), n="六"))
    assert _rl107(text, "r.md" if layout == "markdown" else "r.txt") == []


@pytest.mark.parametrize("intro", (
    # corpus 34: 七部分, one part holding a 、 of its own
    "本报告包括基本工作情况、主动公开政府信息情况、回应解读情况、依申请公开政府信息情况、行政复议和行政诉讼情况、机构设置、保障经费和培训会议情况、存在问题及工作打算等七部分组成。",
    # corpus 35: 九个部分, the same item between commas
    "本年报由基本工作情况,主动公开政府信息情况,回应解读情况,依申请公开政府信息情况,行政复议诉讼和举报投诉情况,机构建设、保障经费和培训会议情况,存在问题及工作打算,附件,共九个部分组成。",
    # corpus 08: 政府信息公开行政复议、行政诉讼情况 between commas
    "本报告由总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议、行政诉讼情况,存在的主要问题及改进情况,其他需要报告的事项等六部分组成。",
))
def test_an_item_with_a_comma_of_its_own_is_one_part_or_two(intro):
    text = report(year=2016).replace(INTRO, intro)
    text = text[: text.index("二、主动公开")]  # an excerpt: only the introduction is compared with itself
    assert _rl107(text) == []


def test_a_complete_report_with_an_extra_section():
    text = report().replace("六、其他需要报告的事项", "六、其他需要报告的事项\n无。\n七、附件")
    assert [m for _, m in _rl107(text)] == ["导语称全文共六部分，但报告有 7 个部分（一、二、三、四、五、六、七）"]


def test_a_missing_section_is_rl101s_not_said_twice():
    text = report()
    text = text[: text.index("五、存在的主要问题")] + text[text.index("六、其他需要报告的事项"):]
    assert _rl107(text) == []


def test_only_the_corpus_13_is_flagged(corpus_dir, seeds_dir):
    flagged = [p.name for folder in (corpus_dir, seeds_dir) for p in sorted(folder.glob("*.txt")) if lint_path(p, RL107).diagnostics]
    assert flagged == ["13_yangling_stats_2023_excerpt.txt"]
