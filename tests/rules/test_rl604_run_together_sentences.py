"""RL604 run-together-sentences: 二是/三是… straight after a character or figure, the punctuation
before it lost (corpus/real/33: "…及时获取关键信息二是依申请公开方面…", "…事项0三是…")."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text

SELECT = LintOptions(select=("RL604",))
HEAD = "青山县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n"


def _rl604(body: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.actual) for d in lint_text(HEAD + body + "\n", options=SELECT).diagnostics]


# ---------------------------------------------------------------- bad


def test_run_together_sample(bad_sample):
    result = lint_path(bad_sample("RL604"))
    assert [d.code for d in result.diagnostics] == ["RL604"]  # the sample's only defect
    (finding,) = result.diagnostics
    assert (finding.line, finding.column, finding.end_column) == (65, 57, 59)
    assert (finding.actual, finding.expected) == ("读二是", "读；二是")
    assert finding.section == ("五",) and finding.severity.value == "warning"
    assert finding.message == "“二是”前缺少标点，前后两句连在一起（「读二是」）"


def test_corpus_33_the_known_defect(corpus_dir):
    result = lint_path(corpus_dir / "33_daixian_health_2024_excerpt.txt", SELECT)
    assert [(d.line, d.actual) for d in result.diagnostics] == [(7, "息二是"), (7, "0三是"), (7, "性四是"), (7, "流五是")]


def test_after_a_figure_and_in_english():
    assert _rl604("一是主动公开信息386条二是办理申请12件") == [(3, 13, "条二是")]
    body = "一是共收到申请0三是加强管理"
    (finding,) = lint_text(HEAD + body, options=LintOptions(select=("RL604",), lang="en")).diagnostics
    assert finding.message == "no punctuation before '三是': two sentences run together ('0三是')"


# ---------------------------------------------------------------- good


@pytest.mark.parametrize(
    "body",
    [
        "一是主动公开信息386条；二是办理申请12件。三是加强管理，四是完善制度。",  # punctuation before each point
        "一是主动公开；第二是依申请公开的情况。",  # 第二是: an ordinal word
        "其二是指依申请公开。",  # no 一是 before it
        "本年度第十二是指第十二个月。",
        "二是与三是之间没有一是。",  # a list that does not start with 一是
    ],
)
def test_punctuated_lists_and_words_pass(body):
    assert _rl604(body) == []


def test_tables_are_not_read():
    assert _rl604("一是主动公开。\n项目 | 说明\n公开情况 | 信息二是文件") == []


def test_good_sample_and_other_corpus_files_have_none(good_path, corpus_dir):
    assert lint_path(good_path, SELECT).diagnostics == ()
    for path in sorted(corpus_dir.glob("*.txt")):
        if not path.name.startswith("33_"):
            assert lint_path(path, SELECT).diagnostics == (), path.name
