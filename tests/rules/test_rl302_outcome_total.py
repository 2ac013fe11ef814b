"""RL302 outcome-total: per column, （七）总计 = （一）+（二）+ every sub-row of （三）…（六） (identity C)."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

SELECT = LintOptions(select=("RL302",))
SEVEN = "（七）总计 | 8 | 2 | 0 | 1 | 1 | 0 | 12"  # line 56 of the good sample
NEW = "一、本年新收政府信息公开申请数量 | 8 | 2 | 0 | 1 | 1 | 0 | 12"  # line 33
SIX_SUB_ROWS = (
    "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
    "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
)  # lines 53-55


def _rl302(text):
    result = lint_text(text, options=SELECT)
    assert all(d.code == "RL302" for d in result.diagnostics)
    return [(d.line, d.column, d.end_column, d.row, d.column_label, d.expected, d.actual) for d in result.diagnostics]


@pytest.fixture(scope="module")
def single_row_six(good_text):
    """The good sample with （六）其他处理 printed as one row holding 1 自然人 request (as corpus/real/02
    prints it in a 2021-layout table), and 一 / （七） raised by one so that every identity holds.
    The table then ends on line 54 (（七）总计) and 55 (四)."""
    assert good_text.count(SIX_SUB_ROWS) == 1
    text = good_text.replace(SIX_SUB_ROWS, "（六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1")
    text = text.replace(NEW, "一、本年新收政府信息公开申请数量 | 9 | 2 | 0 | 1 | 1 | 0 | 13")
    return text.replace(SEVEN, "（七）总计 | 9 | 2 | 0 | 1 | 1 | 0 | 13")


# ---------------------------------------------------------------- bad


def test_outcome_total_sample(bad_sample):
    result = lint_path(bad_sample("RL302"))
    rl302 = [d for d in result.diagnostics if d.code == "RL302"]
    assert [d.name for d in rl302] == ["outcome-total", "outcome-total"]
    assert all(d.severity is Severity.ERROR for d in rl302)
    assert all(d.section == ("三",) for d in rl302)
    # line 56: 「（七）总计 | 9 | 2 | 0 | 1 | 1 | 0 | 13」 — the outcome rows sum to 8 自然人 and 12 总计
    assert [(d.line, d.column, d.end_line, d.end_column, d.row, d.column_label, d.expected, d.actual) for d in rl302] == [
        (56, 9, 56, 10, "（七）总计", "自然人", "8", "9"),
        (56, 33, 56, 35, "（七）总计", "总计", "12", "13"),
    ]
    assert rl302[0].message == "「（七）总计」行「自然人」列应为 8，实际为 9；依据：（七）总计应等于（一）至（六）各项办理结果之和"
    assert result.status == "fail"


def test_message_in_english(bad_sample):
    result = lint_path(bad_sample("RL302"), LintOptions(select=("RL302",), lang="en"))
    assert [d.message for d in result.diagnostics][0] == (
        "row '（七）总计', column '自然人': expected 8, found 9; （七）总计 must equal the sum of the outcome rows （一）–（六）"
    )


def test_wrong_row_total_also_breaks_the_total_column(bad_sample):
    # samples/bad/RL301: （一）予以公开 总计 5 -> 6, so the 总计 column of the outcomes sums to 13
    assert _rl302(bad_sample("RL301").read_text(encoding="utf-8")) == [(56, 33, 35, "（七）总计", "总计", "13", "12")]


def test_single_column_off(good_text, replace_once):
    text = replace_once(good_text, "（一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 5", "（一）予以公开 | 3 | 2 | 0 | 1 | 0 | 0 | 6")
    assert _rl302(text) == [
        (56, 13, 14, "（七）总计", "法人或其他组织·商业企业", "3", "2"),
        (56, 33, 35, "（七）总计", "总计", "13", "12"),
    ]


def test_single_row_six_with_a_wrong_total(single_row_six, replace_once):
    text = replace_once(single_row_six, "（七）总计 | 9 | 2 | 0 | 1 | 1 | 0 | 13", "（七）总计 | 8 | 2 | 0 | 1 | 1 | 0 | 12")
    assert _rl302(text) == [
        (54, 9, 10, "（七）总计", "自然人", "9", "8"),
        (54, 33, 35, "（七）总计", "总计", "13", "12"),
    ]


def test_sub_rows_of_six_are_counted(good_text, replace_once):
    text = replace_once(good_text, "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1")
    assert _rl302(text) == [
        (56, 9, 10, "（七）总计", "自然人", "9", "8"),
        (56, 33, 35, "（七）总计", "总计", "13", "12"),
    ]


def test_half_width_labels_with_spaces(good_text, replace_once):
    start, end = good_text.index("一、本年新收"), good_text.index("四、政府信息公开行政复议")
    table = good_text[start:end].replace("（", "(").replace("）", ")").replace("(五)不予处理", "(五)不予 处理")
    text = good_text[:start] + table + good_text[end:]
    text = replace_once(text, "(五)不予 处理 | 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1", "(五)不予 处理 | 1.信访举报投诉类申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2")
    assert _rl302(text) == [
        (56, 9, 10, "（七）总计", "自然人", "9", "8"),
        (56, 33, 35, "（七）总计", "总计", "13", "12"),
    ]


def test_seed_with_zero_total(seeds_dir):
    # seeds/001 (a real 2022 table): （一）7 + （四）1 outcomes, but （七）总计 printed as all zeros
    path = seeds_dir / "001_c22fe348ddb0941e.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert _rl302(path.read_text(encoding="utf-8")) == [
        (54, 9, 10, "（七）总计", "自然人", "8", "0"),
        (54, 33, 34, "（七）总计", "总计", "8", "0"),
    ]


def test_2019_layout_single_row_six(single_row_six, replace_once):
    text = replace_once(single_row_six, "青山县交通运输局2023年", "青山县交通运输局2020年")
    text = replace_once(text, "（七）总计 | 9 | 2 | 0 | 1 | 1 | 0 | 13", "（七）总计 | 9 | 2 | 0 | 1 | 1 | 0 | 14")
    result = lint_text(text, options=SELECT)
    assert result.template == "2019"
    assert [(d.line, d.column_label, d.expected, d.actual) for d in result.diagnostics] == [(54, "总计", "13", "14")]


# ---------------------------------------------------------------- good


def test_good_sample(good_text):
    assert _rl302(good_text) == []


def test_single_row_six_in_2021_layout_adds_up(single_row_six):
    assert lint_text(single_row_six, options=LintOptions(select=("RL3",))).diagnostics == ()


def test_half_width_labels_add_up(good_text):
    start, end = good_text.index("一、本年新收"), good_text.index("四、政府信息公开行政复议")
    table = good_text[start:end].replace("（", "(").replace("）", ")").replace("(五)不予处理", "(五)不予 处理")
    assert lint_text(good_text[:start] + table + good_text[end:], options=LintOptions(select=("RL3",))).diagnostics == ()


def test_figures_with_units_add_up(good_text):
    text = good_text.replace(" | 12\n", " | 12件\n").replace(" | 5\n", " | 5件\n")
    assert text != good_text
    assert lint_text(text, options=LintOptions(select=("RL3",))).diagnostics == ()


def test_blank_total_column_of_outcome_rows(good_lines):
    # corpus/real/04 style: the 总计 cells of the outcome rows left blank; （七）总计 filled
    lines = list(good_lines)
    for index in range(34, 55):  # lines 35-55
        head, _, last = lines[index].rpartition(" | ")
        assert last.isdigit()
        lines[index] = head + " | "
    assert _rl302("\n".join(lines)) == []


def test_blank_seven_is_not_checked(good_text, replace_once):
    text = replace_once(good_text, SEVEN, "（七）总计 |  |  |  |  |  |  | ")
    assert _rl302(text) == []


def test_table_cut_before_seven_is_not_checked(good_lines):
    # an excerpt ending inside the table: （七） is not there, nothing to compare
    assert _rl302("\n".join(good_lines[:50])) == []


@pytest.mark.parametrize("name", ["02_huaian_hongze_district_2023.txt", "04_shanghai_municipal_gov_office_2019.txt"])
def test_real_tables_add_up(corpus_dir, name):
    # REFERENCE: C holds in 02 (PDF text, （六） as one row in a 2021 layout) and in 04 (2019 layout)
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert lint_path(path, SELECT).diagnostics == ()
