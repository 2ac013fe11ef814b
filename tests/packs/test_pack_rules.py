"""What each kind of pack entry finds, and where: the example pack on its sample reports and on variants of them."""

from __future__ import annotations

import pytest
from pack_helpers import EXAMPLE_PACK, FAILS, MEETS, MINIMAL, write_pack

from reportlint import LintOptions, lint_text
from reportlint.packs import load_pack

RULES = load_pack(EXAMPLE_PACK)
MEETS_TEXT = MEETS.read_text(encoding="utf-8")
ROW = "其他主动公开文件 | 48 | 3 | 126"


def _found(text: str, rules=RULES, lang: str = "zh", select=("HB",)) -> list[tuple]:
    result = lint_text(text, "report.txt", LintOptions(extra_rules=rules, select=select, lang=lang))
    return [(d.code, d.line, d.column, d.end_line, d.end_column, d.message) for d in result.diagnostics]


def _diagnostics(text: str, rules=RULES, select=("HB",)):
    return lint_text(text, "report.txt", LintOptions(extra_rules=rules, select=select)).diagnostics


def _once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.mark.parametrize("code", [r.code for r in RULES])
def test_each_rules_bad_example_triggers_it_and_its_good_example_does_not(code):
    rule = next(r for r in RULES if r.code == code)
    assert code in [found[0] for found in _found(rule.bad, select=(code,))]
    assert _found(rule.good, select=(code,)) == []


# ---------------------------------------------------------------- the samples


def test_the_report_that_meets_the_pack_has_no_pack_findings_and_no_errors():
    result = lint_text(MEETS_TEXT, str(MEETS), LintOptions(extra_rules=RULES))
    assert result.status == "pass"
    assert [d.code for d in result.diagnostics if d.code.startswith("HB") or d.severity.value == "error"] == []


def test_the_failing_report_fails_with_the_pack_codes_only():
    result = lint_text(FAILS.read_text(encoding="utf-8"), str(FAILS), LintOptions(extra_rules=RULES))
    assert result.status == "fail"
    assert [(d.code, d.severity.value, d.line, d.column, d.end_column) for d in result.diagnostics] == [
        ("HB101", "error", 3, 1, 7),  # on the heading 一、总体情况
        ("HB301", "warning", 11, 105, 107),  # exactly 等等
        ("HB201", "error", 18, 1, 21),  # the block's last row, where the row belongs
    ]


# ---------------------------------------------------------------- [[required_phrase]]


def test_a_missing_phrase_is_reported_on_its_sections_heading_in_both_languages():
    text = _once(MEETS_TEXT, "政务公开工作领导小组", "政务公开工作专班")
    assert _found(text) == [("HB101", 3, 1, 3, 7, "「一、总体情况」未写明政务公开工作领导小组（应写明组织领导和机构保障情况）")]
    assert _found(text, lang="en") == [("HB101", 3, 1, 3, 7, "'一、总体情况' does not name the 政务公开 leading group (the report must say who leads the work)")]


def test_the_phrase_must_be_in_its_own_section():
    text = _once(MEETS_TEXT, "政务公开工作领导小组", "政务公开工作专班")
    text = _once(text, "部分栏目信息更新不够及时", "领导小组指出部分栏目信息更新不够及时")  # 五, not 一
    assert [f[0] for f in _found(text)] == ["HB101"]
    moved = _once(text, "领导小组指出", "政务公开领导小组指出")
    assert [f[0] for f in _found(moved)] == ["HB101"]


def test_a_phrase_wrapped_over_two_lines_or_spaced_out_is_found():
    assert _found(_once(MEETS_TEXT, "政务公开工作领导小组", "政务公开工作领导\n小组")) == []
    assert _found(_once(MEETS_TEXT, "政务公开工作领导小组", "政务公开 工作领导小组")) == []


def test_a_literal_phrase(tmp_path):
    text = _once(MEETS_TEXT, "本年度我局未发出信息处理费收费通知，未收取信息处理费。", "")
    assert _found(text) == [("HB102", 67, 1, 67, 12, "「六、其他需要报告的事项」未报告信息处理费的收取情况（即使未收取也应写明）")]
    diagnostic = _diagnostics(text)[0]
    assert diagnostic.expected == "信息处理费" and diagnostic.section == ("六",)


def test_a_section_that_is_missing_puts_the_finding_on_line_1():
    lines = MEETS_TEXT.split("\n")
    start = lines.index("六、其他需要报告的事项")
    text = "\n".join(lines[:start] + lines[start + 2:])  # heading and body of 六 gone (RL101 says so too)
    assert _found(text, select=("HB102",)) == [("HB102", 1, 1, 1, 26, "「六、其他需要报告的事项」未报告信息处理费的收取情况（即使未收取也应写明）")]


def test_a_phrase_without_a_section_is_looked_for_in_the_whole_report(tmp_path):
    pack = MINIMAL.replace('section = "六"\nphrase = "信息处理费"', 'phrase = "信息处理费"')
    rules = load_pack(write_pack(tmp_path, pack))
    assert _found(MEETS_TEXT, rules, select=("TP101",)) == []
    text = MEETS_TEXT.replace("信息处理费", "处理费")
    assert _found(text, rules, select=("TP101",)) == [("TP101", 1, 1, 1, 26, "「全文」未写明「信息处理费」")]


def test_an_excerpt_cut_before_the_section_is_not_judged():
    lines = MEETS_TEXT.split("\n")
    cut = "\n".join(lines[: lines.index("六、其他需要报告的事项") - 1]) + "\n2023年，我局政府信息公开工作取得一定成效，但仍存在"
    assert _found(cut, select=("HB102",)) == []
    whole = "\n".join(lines[: lines.index("六、其他需要报告的事项")] + ["六、其他需要报告的事项", "本年度无其他事项。"])
    assert [f[0] for f in _found(whole, select=("HB102",))] == ["HB102"]


def test_pack_rules_do_not_run_on_what_is_not_a_report():
    text = "青山县交通运输局2024年政务公开工作要点\n一、指导思想\n坚持以人民为中心。\n二、主要任务\n做好主动公开工作。\n"
    result = lint_text(text, "plan.txt", LintOptions(extra_rules=RULES))
    assert [d.code for d in result.diagnostics] == ["RL004"]


# ---------------------------------------------------------------- [[required_section]]


def test_a_required_sub_heading_and_its_rewordings():
    assert _found(_once(MEETS_TEXT, "（五）监督保障", "（五）保障措施")) == []  # the pack's pattern
    assert _found(_once(MEETS_TEXT, "（五）监督保障", "（五）监督保障情况。本年度加强考核。")) == []
    text = _once(MEETS_TEXT, "（五）监督保障", "（五）督查考核")
    assert _found(text) == [("HB103", 3, 1, 3, 7, "「一、总体情况」缺少“监督保障”小标题")]
    assert _diagnostics(text)[0].expected == "监督保障"


def test_the_sub_heading_must_stand_in_its_section():
    text = _once(MEETS_TEXT, "（五）监督保障", "（五）督查考核")
    text = _once(text, "六、其他需要报告的事项\n", "六、其他需要报告的事项\n（一）监督保障\n")
    assert [f[0] for f in _found(text)] == ["HB103"]


def test_a_heading_level(tmp_path):
    pack = MINIMAL.replace('label = "监督保障"', 'label = "监督保障"\nlevel = 3')
    rules = load_pack(write_pack(tmp_path, pack))
    assert [f[0] for f in _found(MEETS_TEXT, rules, select=("TP102",))] == ["TP102"]  # （五） is level 2
    assert _found(_once(MEETS_TEXT, "（五）监督保障", "5.监督保障"), rules, select=("TP102",)) == []


# ---------------------------------------------------------------- [[extra_row]]


def test_a_missing_row_is_reported_on_the_blocks_last_row():
    text = _once(MEETS_TEXT, ROW + "\n", "")
    assert _found(text) == [("HB201", 18, 1, 18, 21, "主动公开政府信息情况·第二十条第（一）项缺少湖北省增设的「其他主动公开文件」行")]
    diagnostic = _diagnostics(text)[0]
    assert (diagnostic.row, diagnostic.section, diagnostic.expected) == ("其他主动公开文件", ("二",), "其他主动公开文件")
    assert _found(text, lang="en")[0][5] == "主动公开政府信息情况·第二十条第（一）项 lacks the row '其他主动公开文件' that Hubei adds"


@pytest.mark.parametrize(
    "row, expected",
    [
        ("其他主动公开文件 | 48 | 3", [(19, 1, 18, "「其他主动公开文件」行只有 2 个数字，应为 3 个", None, "3", "2")]),
        ("其他主动公开文件 | 48 | 3 | 126 | 7", [(19, 1, 28, "「其他主动公开文件」行有 4 个数字，应为 3 个", None, "3", "4")]),
        ("其他主动公开文件 | 48 |  | 126", [(19, 16, 16, "「其他主动公开文件」行「本年废止件数」列为空（应填数字，没有的填 0）", "本年废止件数", None, "")]),
        ("其他主动公开文件 | 48 | 3 | /", [(19, 21, 22, "「其他主动公开文件」行「现行有效件数」列「/」不是数字", "现行有效件数", None, "/")]),
        ("其他主动公开文件 | 48 | 若干 | 126", [(19, 17, 19, "「其他主动公开文件」行「本年废止件数」列「若干」不是数字", "本年废止件数", None, "若干")]),
        ("其他主动公开文件 | -2 | 3 | 126", [(19, 12, 14, "「其他主动公开文件」行「本年制发件数」列为负数 -2", "本年制发件数", None, "-2")]),
        ("其他主动公开文件 | 48 | 2.5 | 126", [(19, 17, 20, "「其他主动公开文件」行「本年废止件数」列应为整数，实际为 2.5", "本年废止件数", None, "2.5")]),
    ],
)
def test_a_printed_row_must_hold_non_negative_whole_numbers(row, expected):
    found = [
        (d.line, d.column, d.end_column, d.message, d.column_label, d.expected, d.actual)
        for d in _diagnostics(_once(MEETS_TEXT, ROW, row))
    ]
    assert found == expected


@pytest.mark.parametrize("row", ["其他主动公开文件 48 3 126", "其他主动公开文件（含部门文件） | 48 | 3 | 126", "| 其他主动公开文件 | 48 | 3 | 126 |"])
def test_the_row_is_recognised_in_other_layouts(row):
    assert _found(_once(MEETS_TEXT, ROW, row)) == []


def test_a_row_in_another_section_does_not_count():
    text = _once(MEETS_TEXT, ROW + "\n", "")
    text = _once(text, "六、其他需要报告的事项\n", "六、其他需要报告的事项\n" + ROW + "\n")
    assert [f[0] for f in _found(text)] == ["HB201"]


def test_an_optional_row_may_be_left_out_but_is_checked_when_printed(tmp_path):
    pack = MINIMAL.replace('label = "其他主动公开文件"', 'label = "其他主动公开文件"\nrequired = false')
    rules = load_pack(write_pack(tmp_path, pack))
    assert _found(_once(MEETS_TEXT, ROW + "\n", ""), rules, select=("TP201",)) == []
    assert _found(_once(MEETS_TEXT, ROW, "其他主动公开文件 | 48 | 3"), rules, select=("TP201",)) == [
        ("TP201", 19, 1, 19, 18, "「其他主动公开文件」行只有 2 个数字，应为 3 个")
    ]


def test_a_given_number_of_columns_and_a_figures_message(tmp_path):
    pack = MINIMAL.replace(
        'label = "其他主动公开文件"',
        'label = "其他主动公开文件"\ncolumns = 2\nfigures_zh = "{label}：{problem_zh}（{count}/{width}）"\nfigures_en = "{label}: {problem_en}"',
    )
    rules = load_pack(write_pack(tmp_path, pack))
    assert _found(_once(MEETS_TEXT, ROW, "其他主动公开文件 | 48 | 3"), rules, select=("TP201",)) == []
    assert _found(MEETS_TEXT, rules, select=("TP201",)) == [("TP201", 19, 1, 19, 24, "其他主动公开文件：有 3 个数字，应为 2 个（3/2）")]
    assert _found(_once(MEETS_TEXT, ROW, "其他主动公开文件 | 48 | x"), rules, select=("TP201",), lang="en") == [
        ("TP201", 19, 17, 19, 18, "其他主动公开文件: column '第2列': 'x' is not a figure")
    ]


def test_a_row_the_text_is_cut_in_is_not_checked():
    lines = MEETS_TEXT.split("\n")
    cut = "\n".join(lines[: lines.index(ROW)] + ["其他主动公开文件 | 48 | 3"])
    assert _found(cut, select=("HB201",)) == []


def test_an_entry_limited_to_other_template_versions_does_not_run(tmp_path):
    pack = MINIMAL.replace('label = "其他主动公开文件"', 'label = "其他主动公开文件"\ntemplates = ["2019"]')
    rules = load_pack(write_pack(tmp_path, pack))
    assert _found(_once(MEETS_TEXT, ROW + "\n", ""), rules, select=("TP201",)) == []
    rules = load_pack(write_pack(tmp_path, pack.replace('templates = ["2019"]', 'templates = ["2019", "2021"]')))
    assert [f[0] for f in _found(_once(MEETS_TEXT, ROW + "\n", ""), rules, select=("TP201",))] == ["TP201"]


def test_the_built_in_table_rule_accepts_the_row_the_pack_declares():
    result = lint_text(MEETS_TEXT, str(MEETS), LintOptions(extra_rules=RULES, select=("RL202",)))
    assert [d.message for d in result.diagnostics] == []


def test_without_the_pack_the_row_is_an_added_row():
    result = lint_text(MEETS_TEXT, str(MEETS), LintOptions(select=("RL202",)))
    assert [(d.code, d.severity.value, d.line) for d in result.diagnostics] == [("RL202", "warning", 19)]


# ---------------------------------------------------------------- [[pattern]]


def test_every_match_is_reported_on_exactly_its_characters():
    text = _once(MEETS_TEXT, "恶劣天气出行提示等便民信息", "恶劣天气出行提示等等便民信息")
    text = _once(text, "工作动态及通知公告254条", "工作动态及通知公告等等254条")
    found = _found(text)
    assert [(f[0], f[1], f[2], f[4]) for f in found] == [("HB301", 5, 135, 137), ("HB301", 11, 105, 107)]
    assert {f[5] for f in found} == {"公文列举未尽时用“等”，不用「等等」"}
    line = text.split("\n")[4]
    assert line[134:136] == "等等"
    assert _diagnostics(text)[0].actual == "等等"


def test_wording_wrapped_over_two_lines_is_found_with_a_two_line_span():
    text = _once(MEETS_TEXT, "恶劣天气出行提示等便民信息", "恶劣天气出行提示等\n等便民信息")
    assert [(f[1], f[2], f[3], f[4]) for f in _found(text)] == [(11, 105, 12, 2)]


def test_wording_in_a_table_row_and_in_a_heading(tmp_path):
    pack = MINIMAL.replace('regex = "等等"', 'regex = "其他主动|监督保障"').replace('example = "发布出行提示等等便民信息。"', 'example = "监督保障"')
    rules = load_pack(write_pack(tmp_path, pack))
    found = _found(MEETS_TEXT, rules, select=("TP301",))
    assert [(f[1], f[2], f[4]) for f in found] == [(5, 181, 185), (12, 4, 8), (19, 1, 5)]  # narrative, heading, row


def test_a_pattern_limited_to_one_section(tmp_path):
    pack = MINIMAL.replace('regex = "等等"', 'regex = "等等"\nsection = "五"')
    rules = load_pack(write_pack(tmp_path, pack))
    in_one = _once(MEETS_TEXT, "恶劣天气出行提示等便民信息", "恶劣天气出行提示等等便民信息")
    assert _found(in_one, rules, select=("TP301",)) == []
    in_five = _once(MEETS_TEXT, "图解、视频等群众喜闻乐见", "图解、视频等等群众喜闻乐见")
    assert [f[1] for f in _found(in_five, rules, select=("TP301",))] == [65]


def test_a_suppression_comment_names_a_pack_rule():
    lines = FAILS.read_text(encoding="utf-8").split("\n")
    lines.insert(10, "<!-- reportlint-disable-next-line no-dengdeng -->")
    assert [f[0] for f in _found("\n".join(lines))] == ["HB101", "HB201"]
