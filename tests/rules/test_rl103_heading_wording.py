"""RL103 heading-wording (info): a heading recognised as a template section but worded differently."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"
EXACT = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def _report(headings) -> str:
    return TITLE + "\n" + "".join(f"{heading}\n本部分内容。\n" for heading in headings)


def _rl103(text, lang="zh"):
    result = lint_text(text, options=LintOptions(select=("RL1",), lang=lang))
    return result, [d for d in result.diagnostics if d.code == "RL103"]


# ---------------------------------------------------------------- bad (info)


def test_variant_heading_sample(bad_sample):
    result = lint_path(bad_sample("RL103"))
    assert [d.code for d in result.diagnostics] == ["RL103"]  # the sample has exactly one defect
    diagnostic = result.diagnostics[0]
    assert diagnostic.name == "heading-wording"
    assert diagnostic.severity is Severity.INFO
    # 「二、主动公开政府信息」 (10 characters) on line 14
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (14, 1, 14, 11)
    assert diagnostic.section == ("二",)
    assert diagnostic.expected == "二、主动公开政府信息情况"
    assert diagnostic.actual == "二、主动公开政府信息"
    assert diagnostic.message == "标题「二、主动公开政府信息」与模板措辞「二、主动公开政府信息情况」不同"
    assert result.status == "pass"  # accepted as the section: no RL101, nothing fails


def test_message_in_english(bad_sample):
    result = lint_path(bad_sample("RL103"), LintOptions(select=("RL103",), lang="en"))
    assert [d.message for d in result.diagnostics] == [
        "heading '二、主动公开政府信息' differs from the template wording '二、主动公开政府信息情况'"
    ]


@pytest.mark.parametrize(
    ("index", "variant"),
    [
        (1, "二、行政机关主动公开政府信息情况"),  # corpus/real/23
        (3, "四、因政府信息公开工作被申请行政复议提起行政诉讼情况"),
        (3, "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
        (3, "四、因政府信息公开被申请行政复议、提请行政诉讼情况"),  # seeds/001
        (4, "五、政府信息公开工作存在的主要问题及改进情况"),  # corpus/real/04
        (4, "五、存在的问题及改进措施"),  # seeds/001
        (5, "六、其他需要报告的情况"),  # corpus/real/15
    ],
)
def test_reference_variants_are_accepted_and_reported(index, variant):
    headings = list(EXACT)
    headings[index] = variant
    result, found = _rl103(_report(headings))
    line = 2 + 2 * index
    assert [(d.line, d.column, d.end_column, d.expected, d.actual) for d in found] == [
        (line, 1, 1 + len(variant), EXACT[index], variant)
    ]
    assert [d.code for d in result.diagnostics] == ["RL103"]  # no RL101, no RL102


def test_heading_with_body_text_after_the_full_stop():
    # 「五、存在的问题及改进措施。一是…」: only the part before 。 is the heading's title
    headings = list(EXACT)
    headings[4] = "五、存在的问题及改进措施。一是政策解读形式较为单一。"
    _, found = _rl103(_report(headings))
    assert [(d.line, d.expected, d.actual) for d in found] == [
        (10, "五、存在的主要问题及改进情况", "五、存在的问题及改进措施。一是政策解读形式较为单一。")
    ]


# ---------------------------------------------------------------- good


def test_good_sample_uses_template_wording(good_text):
    _, found = _rl103(good_text)
    assert found == []


@pytest.mark.parametrize(
    ("index", "written"),
    [
        (0, "一.总体情况"),  # half-width numbering
        (0, "一．总体情况"),  # full-width full stop
        (1, "二、 主动公开政府信息情况"),  # space after the numeral
        (2, "三、收到和处理政府信息公开申请情况　"),  # trailing ideographic space
        (2, "  三、收到和处理政府信息公开申请情况"),  # indented
    ],
)
def test_template_wording_with_cosmetic_differences_is_exact(index, written):
    headings = list(EXACT)
    headings[index] = written
    _, found = _rl103(_report(headings))
    assert found == []


def test_heading_with_body_after_full_stop_is_exact():
    headings = list(EXACT)
    headings[0] = "一、总体情况。2023年，我局坚持以公开为常态、不公开为例外。"
    _, found = _rl103(_report(headings))
    assert found == []


def test_table_rows_and_sub_headings_are_not_section_headings(good_text):
    # 「三、本年度办理结果 | （一）予以公开 | …」 is a row; 「（二）依申请公开」 is a level-2 heading
    assert "三、本年度办理结果 | （一）予以公开" in good_text
    assert "（二）依申请公开" in good_text
    _, found = _rl103(good_text)
    assert found == []
