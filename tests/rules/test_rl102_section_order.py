"""RL102 section-order: the six sections appear once each, in the template's order."""

from __future__ import annotations

import re

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"
HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


def _report(order: str) -> str:
    """A title, then the headings in `order` (e.g. "一二四三五六"), each followed by one body line."""
    return TITLE + "\n" + "".join(f"{HEADINGS[n]}\n本部分内容。\n" for n in order)


def _rl102(text, lang="zh"):
    result = lint_text(text, options=LintOptions(select=("RL102",), lang=lang))
    assert all(d.code == "RL102" for d in result.diagnostics)
    return result.diagnostics


# ---------------------------------------------------------------- bad


def test_swapped_sections_sample(bad_sample):
    result = lint_path(bad_sample("RL102"))
    assert [d.code for d in result.diagnostics] == ["RL102"]  # the sample has exactly one defect
    diagnostic = result.diagnostics[0]
    assert diagnostic.name == "section-order"
    assert diagnostic.severity is Severity.ERROR
    # 「五、存在的主要问题及改进情况」 (14 characters) on line 65, after 六 on line 63
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (65, 1, 65, 15)
    assert diagnostic.section == ("五",)
    assert diagnostic.message.startswith("「五、存在的主要问题及改进情况」顺序错误：")
    assert result.status == "fail"


def test_out_of_order_message_names_the_other_section(bad_sample):
    # the message template is 「X」顺序错误：按模板应排在「Y」之后 — Y must be a real heading, never empty
    (diagnostic,) = _rl102(bad_sample("RL102").read_text(encoding="utf-8"))
    assert "「」" not in diagnostic.message
    assert re.search(r"应排在「[一二三四五六]、[^」]+」", diagnostic.message), diagnostic.message


def test_out_of_order_message_in_english_names_the_other_section(bad_sample):
    (diagnostic,) = _rl102(bad_sample("RL102").read_text(encoding="utf-8"), lang="en")
    assert diagnostic.message.startswith("'五、存在的主要问题及改进情况' is out of order: the template puts it ")
    assert not diagnostic.message.endswith("''")


def test_section_placed_too_early():
    (diagnostic,) = _rl102(_report("一四二三五六"))
    assert (diagnostic.line, diagnostic.column, diagnostic.end_column) == (4, 1, 20)
    assert diagnostic.section == ("四",)
    assert re.fullmatch(
        r"「四、政府信息公开行政复议、行政诉讼情况」顺序错误：按模板应排在「(二、主动公开政府信息情况|三、收到和处理政府信息公开申请情况)」之后",
        diagnostic.message,
    ), diagnostic.message


def test_duplicated_section():
    (diagnostic,) = _rl102(_report("一二二三四五六"))
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (6, 1, 6, 13)
    assert diagnostic.message == "「二、主动公开政府信息情况」重复出现（第一次在第 4 行）"


def test_duplicated_section_in_english():
    (diagnostic,) = _rl102(_report("一二三四五六六"), lang="en")
    assert diagnostic.line == 14
    assert diagnostic.message == "'六、其他需要报告的事项' appears again (first at line 12)"


def test_duplicate_under_a_reworded_heading():
    text = _report("一二三四五六").replace("本部分内容。\n六、", "本部分内容。\n五、存在的问题及改进措施\n本部分内容。\n六、")
    (diagnostic,) = _rl102(text)
    assert diagnostic.line == 12
    assert diagnostic.message == "「五、存在的问题及改进措施」重复出现（第一次在第 10 行）"


# ---------------------------------------------------------------- good


def test_good_sample_in_order(good_text):
    # includes the tricky pair on lines 57/58: row 「四、结转下年度继续办理 | …」 then heading 「四、…」
    assert _rl102(good_text) == ()


def test_row_label_four_before_heading_four_is_not_a_duplicate():
    text = _report("一二三四五六").replace(
        HEADINGS["四"], "四、结转下年度继续办理 0 0 0 0 0 0 0\n" + HEADINGS["四"]
    )
    assert _rl102(text) == ()


def test_sub_headings_may_repeat_across_sections():
    text = _report("一二三四五六").replace(HEADINGS["一"] + "\n", HEADINGS["一"] + "\n（一）主动公开\n").replace(
        HEADINGS["二"] + "\n", HEADINGS["二"] + "\n（一）主动公开\n"
    )
    assert _rl102(text) == ()


@pytest.mark.parametrize("order", ["一二三四五六", "一二三五六", "二三四"])
def test_in_order_with_or_without_gaps(order):
    # a missing section is RL101's finding, not an ordering problem
    assert _rl102(_report(order)) == ()
