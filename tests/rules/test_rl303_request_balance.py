"""RL303 request-balance: per column, 一 + 二 = 三（七） + 四 (the template's own 勾稽关系, identity K)."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

SELECT = LintOptions(select=("RL303",))
LEFT = "三（七）总计＋四、结转下年度继续办理"
NEW = "一、本年新收政府信息公开申请数量 | 8 | 2 | 0 | 1 | 1 | 0 | 12"  # line 33
CARRIED = "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1"  # line 34
SEVEN = "（七）总计 | 8 | 2 | 0 | 1 | 1 | 0 | 12"  # line 56
NEXT_YEAR = "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1"  # line 57


def _rl303(text):
    result = lint_text(text, options=SELECT)
    assert all(d.code == "RL303" for d in result.diagnostics)
    return [(d.line, d.column, d.end_column, d.row, d.column_label, d.expected, d.actual) for d in result.diagnostics]


# ---------------------------------------------------------------- bad


def test_carry_over_sample(bad_sample):
    # line 57: 四 raised from 1 to 2 in 自然人 and 总计; 一+二 = 9 / 13 but （七）+四 = 10 / 14
    result = lint_path(bad_sample("RL303"))
    # (samples/README: the narrative's 结转下年度1件 no longer matches either — another rule's finding)
    rl303 = [d for d in result.diagnostics if d.code == "RL303"]
    assert len(rl303) == 2
    assert all(d.name == "request-balance" and d.severity is Severity.ERROR and d.section == ("三",) for d in rl303)
    # placed on the first left-hand cell: （七）总计 on line 56
    assert [(d.line, d.column, d.end_line, d.end_column, d.row, d.column_label, d.expected, d.actual) for d in rl303] == [
        (56, 9, 56, 10, LEFT, "自然人", "9", "10"),
        (56, 33, 56, 35, LEFT, "总计", "13", "14"),
    ]
    assert rl303[0].message == (
        "「自然人」列：三（七）总计＋四、结转下年度继续办理 = 10，而 一、本年新收＋二、上年结转 = 9；"
        "依据：第三项（七）总计加第四项应等于第一项加第二项（勾稽关系）"
    )
    assert result.status == "fail"


def test_message_in_english(bad_sample):
    result = lint_path(bad_sample("RL303"), LintOptions(select=("RL303",), lang="en"))
    assert [d.message for d in result.diagnostics] == [
        "column '自然人': 三（七）总计＋四、结转下年度继续办理 = 10 but 一、本年新收＋二、上年结转 = 9; "
        "三（七）+ 四 must equal 一 + 二 (the template's cross-check)",
        "column '总计': 三（七）总计＋四、结转下年度继续办理 = 14 but 一、本年新收＋二、上年结转 = 13; "
        "三（七）+ 四 must equal 一 + 二 (the template's cross-check)",
    ]


def test_outcome_sample_breaks_the_balance_too(bad_sample):
    # samples/bad/RL302 raises （七）总计 by one in 自然人 and 总计: the balance fails in both columns
    assert _rl303(bad_sample("RL302").read_text(encoding="utf-8")) == [
        (56, 9, 10, LEFT, "自然人", "9", "10"),
        (56, 33, 35, LEFT, "总计", "13", "14"),
    ]


def test_new_requests_wrong_in_one_column(good_text, replace_once):
    text = replace_once(good_text, NEW, "一、本年新收政府信息公开申请数量 | 8 | 2 | 3 | 1 | 1 | 0 | 15")
    assert _rl303(text) == [
        (56, 17, 18, LEFT, "法人或其他组织·科研机构", "3", "0"),
        (56, 33, 35, LEFT, "总计", "16", "13"),
    ]


def test_carried_over_forgotten(good_text, replace_once):
    # 二 written as 0 although 一 + 二 must cover the 13 requests handled or carried on
    text = replace_once(good_text, CARRIED, "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0")
    assert _rl303(text) == [
        (56, 9, 10, LEFT, "自然人", "8", "9"),
        (56, 33, 35, LEFT, "总计", "12", "13"),
    ]


def test_half_width_labels(good_text, replace_once):
    text = replace_once(good_text, SEVEN, "(七)总计 | 8 | 2 | 0 | 1 | 1 | 0 | 12")
    text = replace_once(text, NEXT_YEAR, "四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2")
    assert _rl303(text) == [
        (56, 9, 10, LEFT, "自然人", "9", "10"),
        (56, 33, 35, LEFT, "总计", "13", "14"),
    ]


def test_pdf_text_rows():
    # corpus/real/02 layout: one line per row, figures separated by spaces
    text = (
        "青山县交通运输局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21\n"
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
        "（七）总计 20 0 0 0 0 0 20\n"
        "四、结转下年度继续办理 0 0 0 0 0 0 0\n"
        "四、政府信息公开行政复议、行政诉讼情况\n本年度无。\n"
    )
    assert _rl303(text) == [
        (5, 7, 9, LEFT, "自然人", "21", "20"),
        (5, 20, 22, LEFT, "总计", "21", "20"),
    ]


# ---------------------------------------------------------------- good


def test_good_sample(good_text):
    assert _rl303(good_text) == []


def test_row_sample_keeps_the_balance(bad_sample):
    # samples/bad/RL301 changes one outcome row only: 一, 二, （七）, 四 are untouched
    assert _rl303(bad_sample("RL301").read_text(encoding="utf-8")) == []


def test_no_carry_over_written_as_slashes(good_text, replace_once):
    # 二 and 四 as '/' count as 0: 12 + 0 = 12 + 0 (a '/' row is another rule's finding)
    text = replace_once(good_text, CARRIED, "二、上年结转政府信息公开申请数量 | / | / | / | / | / | / | /")
    text = replace_once(text, NEXT_YEAR, "四、结转下年度继续办理 | / | / | / | / | / | / | /")
    assert _rl303(text) == []


def test_blank_carry_over_rows_count_as_zero(good_text, replace_once):
    text = replace_once(good_text, CARRIED, "二、上年结转政府信息公开申请数量 |  |  |  |  |  |  | ")
    text = replace_once(text, NEXT_YEAR, "四、结转下年度继续办理 |  |  |  |  |  |  | ")
    assert _rl303(text) == []


def test_row_four_directly_before_heading_four(good_text):
    # the template puts row 「四、结转下年度继续办理」 right before heading 「四、…行政诉讼情况」: the row is read
    text = good_text.replace(NEXT_YEAR, "四、结转下年度继续办理 | 5 | 0 | 0 | 0 | 0 | 0 | 5")
    assert [d[4] for d in _rl303(text)] == ["自然人", "总计"]


def test_table_cut_before_seven_is_not_checked(good_lines):
    assert _rl303("\n".join(good_lines[:50])) == []


@pytest.mark.parametrize("name", ["02_huaian_hongze_district_2023.txt", "04_shanghai_municipal_gov_office_2019.txt"])
def test_real_tables_balance(corpus_dir, name):
    # REFERENCE: K holds in 02 (21+0 = 21+0) and in 04 (859+18 = 805+72)
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert lint_path(path, SELECT).diagnostics == ()
