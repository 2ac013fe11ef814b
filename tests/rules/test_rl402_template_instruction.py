"""RL402 template-instruction: the template's own instructions (（文字描述）…) left in the report."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

SELECT = LintOptions(select=("RL402",))
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"
FEE_NOTE = "（文字描述，收取信息处理费情况在此处报告。）"  # the docx template's placeholder under 六


def _rl402(line: str):
    """RL402 findings for `line` placed as line 2 of a report: (column, end_column, actual)."""
    result = lint_text(TITLE + "\n" + line + "\n", options=SELECT)
    assert all(d.code == "RL402" and d.line == 2 for d in result.diagnostics)
    return [(d.column, d.end_column, d.actual) for d in result.diagnostics]


# ---------------------------------------------------------------- bad


def test_template_text_sample(bad_sample):
    result = lint_path(bad_sample("RL402"))
    assert [d.code for d in result.diagnostics] == ["RL402", "RL402"]  # the sample's only defect
    first, second = result.diagnostics
    assert all(d.name == "template-instruction" and d.severity is Severity.ERROR for d in (first, second))
    # line 64 starts with 「（文字描述）」 (6 characters); line 67 is the fee note (22 characters)
    assert (first.line, first.column, first.end_line, first.end_column, first.actual) == (64, 1, 64, 7, "（文字描述）")
    assert (second.line, second.column, second.end_line, second.end_column, second.actual) == (67, 1, 67, 23, FEE_NOTE)
    assert (first.section, second.section) == (("五",), ("六",))
    assert first.message == "模板说明文字「（文字描述）」未替换为实际内容"
    assert second.message == f"模板说明文字「{FEE_NOTE}」未替换为实际内容"
    assert result.status == "fail"


def test_message_in_english(bad_sample):
    result = lint_path(bad_sample("RL402"), LintOptions(select=("RL402",), lang="en"))
    assert [d.message for d in result.diagnostics] == [
        "template instruction '（文字描述）' was left in place of real content",
        f"template instruction '{FEE_NOTE}' was left in place of real content",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("（文字描述）", [(1, 7, "（文字描述）")]),
        ("(文字描述)", [(1, 7, "(文字描述)")]),  # half-width brackets
        ("（ 文字描述 ）", [(1, 9, "（ 文字描述 ）")]),
        (FEE_NOTE, [(1, 23, FEE_NOTE)]),
        ("本年度工作（文字描述）及成效。", [(6, 12, "（文字描述）")]),  # in the middle of a sentence
        ("（此处填写具体内容）", [(1, 11, "（此处填写具体内容）")]),
        ("（请填写本机关名称）", [(1, 11, "（请填写本机关名称）")]),
        ("（文字描述）（文字描述）", [(1, 7, "（文字描述）"), (7, 13, "（文字描述）")]),
    ],
)
def test_instructions(line, expected):
    assert _rl402(line) == expected


def test_instruction_under_its_section(good_text, replace_once):
    text = replace_once(good_text, "六、其他需要报告的事项\n本年度", "六、其他需要报告的事项\n（文字描述）\n本年度")
    result = lint_text(text, options=SELECT)
    assert [(d.line, d.column, d.section) for d in result.diagnostics] == [(67, 1, ("六",))]


# ---------------------------------------------------------------- good


def test_good_sample(good_text):
    assert lint_text(good_text, options=SELECT).diagnostics == ()


@pytest.mark.parametrize(
    "line",
    [
        "本部分以文字描述为主，辅以图表。",  # the words without the template's brackets
        "本年度未收取信息处理费。",
        "（以下简称《条例》）",
        "按照要求认真填写统计报表。",
        "（已按复议决定重新作出答复）",
        "工作时间：工作日上午8:30—12:00（法定节假日除外）。",
    ],
)
def test_ordinary_text(line):
    assert _rl402(line) == []
