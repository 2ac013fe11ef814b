"""RL505 carry-over-mismatch and RL509 in-force-count: figures that carry from one year's report to the next.

REFERENCE §3: cross-year identity Y (二、上年结转 of year N = 四、结转下年度继续办理 of N−1, per column) and the
表二 soft check 现行有效件数(N) = 现行有效件数(N−1) + 本年制发件数 − 本年废止件数 (2021 layout only).
"""

from __future__ import annotations

import pytest

from crossyear_data import (
    CARRY_OVER_2023, CROSS_YEAR, GOOD, TOWN_2022, TRANSPORT_2022, edit, found, lint, lines, next_year, read,
)
from reportlint.api import Severity

GOOD_TEXT = read(GOOD)
LAST_YEAR = read(TRANSPORT_2022)

CARRIED_IN = "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1"  # good line 34
CARRIED_OUT = "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1"  # 2022 line 57
NORMATIVE = "行政规范性文件 | 2 | 1 | 15"  # good line 18
NORMATIVE_LAST_YEAR = "行政规范性文件 | 3 | 0 | 14"  # 2022 line 18


# ---------------------------------------------------------------- the realistic pair


def test_the_shipped_pair_chains():
    """The 2022 report was written so that both identities hold; make sure it still says so."""
    assert lines(GOOD_TEXT)[33] == CARRIED_IN and lines(LAST_YEAR)[56] == CARRIED_OUT
    assert lines(GOOD_TEXT)[17] == NORMATIVE and lines(LAST_YEAR)[17] == NORMATIVE_LAST_YEAR


def test_good_report_against_its_real_previous_year_has_no_findings_at_all():
    assert lint(GOOD_TEXT, LAST_YEAR).diagnostics == ()


def test_last_years_report_alone_is_clean_too():
    assert lint(LAST_YEAR, None).diagnostics == ()


def test_without_a_previous_report_the_rules_find_nothing():
    assert found(lint(read(CARRY_OVER_2023), None, *CROSS_YEAR)) == []


# ---------------------------------------------------------------- RL505


def test_carry_over_mismatch_names_both_figures_years_and_lines():
    result = lint(read(CARRY_OVER_2023), LAST_YEAR, *CROSS_YEAR, path="carry.txt")
    assert found(result) == ["RL505"]
    d = result.diagnostics[0]
    assert d.severity is Severity.ERROR
    assert (d.line, d.column, d.section, d.row, d.column_label) == (34, 44, ("三",), "二、上年结转政府信息公开申请数量", "总计")
    assert (d.expected, d.actual) == ("1", "2")
    for part in ("为 2", "为 1", "2023年度", "2022年度", "carry.txt 第34行", "第57行", "「四、结转下年度继续办理」", "「自然人」2≠1"):
        assert part in d.message, part


def test_carry_over_mismatch_in_english():
    d = lint(read(CARRY_OVER_2023), LAST_YEAR, "RL505", lang="en", path="carry.txt").diagnostics[0]
    assert d.message.startswith("二、上年结转 (总计) is 2 (2023, carry.txt line 34) but last year's report (2022) carried 1 forward at line 57")
    assert d.message.endswith("also 自然人 2 vs 1")


def test_whole_table_checked_even_when_the_totals_agree():
    """The same number of requests, but from a different kind of applicant: the 自然人 column is reported."""
    current = edit(GOOD_TEXT, CARRIED_IN, "二、上年结转政府信息公开申请数量 | 0 | 1 | 0 | 0 | 0 | 0 | 1")
    result = lint(current, LAST_YEAR, "RL505")
    assert [(d.line, d.column_label, d.expected, d.actual) for d in result.diagnostics] == [(34, "自然人", "1", "0")]
    assert "「法人或其他组织·商业企业」1≠0" in result.diagnostics[0].message


def test_one_finding_per_report_however_many_columns_differ():
    current = edit(GOOD_TEXT, CARRIED_IN, "二、上年结转政府信息公开申请数量 | 3 | 2 | 1 | 1 | 1 | 1 | 9")
    result = lint(current, LAST_YEAR, "RL505")
    assert [(d.column_label, d.expected, d.actual) for d in result.diagnostics] == [("总计", "1", "9")]
    assert result.diagnostics[0].message.count("≠") == 6


def test_blank_or_slashed_cells_are_not_compared():
    current = edit(GOOD_TEXT, CARRIED_IN, "二、上年结转政府信息公开申请数量 | / |  | / | / | / | / | /")
    assert found(lint(current, LAST_YEAR, "RL505")) == []


def test_last_year_without_the_request_table_is_not_compared():
    start, end = LAST_YEAR.index("三、收到和处理政府信息公开申请情况"), LAST_YEAR.index("四、政府信息公开行政复议")
    previous = LAST_YEAR[:start] + "三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n" + LAST_YEAR[end:]
    assert found(lint(read(CARRY_OVER_2023), previous, "RL505")) == []


def test_carry_over_needs_the_year_just_before():
    """A 2021 report carried its requests into 2022, not 2023: nothing to compare (RL506 still may)."""
    two_years_back = LAST_YEAR.replace("2022年", "2021年").replace("2023年1月18日", "2022年1月18日")
    assert found(lint(read(CARRY_OVER_2023), two_years_back, "RL505", "RL509")) == []


def test_the_report_itself_in_the_previous_folder_is_not_last_years():
    assert found(lint(read(CARRY_OVER_2023), read(CARRY_OVER_2023), *CROSS_YEAR)) == []


def test_a_report_of_another_body_is_not_compared():
    """lint_text(previous=…) takes what it is given; two bodies naming themselves differently are not a pair."""
    assert found(lint(read(CARRY_OVER_2023), read(TOWN_2022), *CROSS_YEAR)) == []


def test_2019_layout_request_table_last_year_still_carries_over():
    """Rows 二 and 四 are the same in the 2019 and 2021 request tables: a 2020 → 2021 pair is compared."""
    previous = LAST_YEAR.replace("2022年", "2020年").replace("2023年1月18日", "2021年1月18日")
    current = GOOD_TEXT.replace("2023年", "2021年").replace("2024年", "2022年")
    current = edit(current, CARRIED_IN, "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2")
    assert found(lint(current, previous, "RL505")) == ["RL505"]


# ---------------------------------------------------------------- RL509


def test_in_force_count_that_does_not_chain():
    current = edit(GOOD_TEXT, NORMATIVE, "行政规范性文件 | 2 | 1 | 16")
    current = edit(current, "截至年底现行有效行政规范性文件15件", "截至年底现行有效行政规范性文件16件")
    result = lint(current, LAST_YEAR, path="in_force.txt")
    assert found(result) == ["RL509"]  # every other rule, RL505 and RL506 included, is satisfied
    d = result.diagnostics[0]
    assert d.severity is Severity.WARNING
    assert (d.line, d.column, d.row, d.column_label, d.expected, d.actual) == (18, 19, "行政规范性文件", "现行有效件数", "15", "16")
    assert d.message == (
        "「行政规范性文件」现行有效件数为 16（2023年度，in_force.txt 第18行），而上年度报告（2022年度）第18行"
        "现行有效 14 件＋本年制发 2 件－本年废止 1 件＝15 件"
    )


def test_in_force_count_in_english():
    current = edit(GOOD_TEXT, NORMATIVE, "行政规范性文件 | 2 | 1 | 16")
    d = lint(current, LAST_YEAR, "RL509", lang="en", path="x.txt").diagnostics[0]
    assert d.message == (
        "行政规范性文件: 现行有效件数 is 16 (2023, x.txt line 18), but last year's report (2022) had 14 in force at line 18, "
        "+ 2 made − 1 repealed = 15"
    )


def test_rules_row_is_checked_as_well():
    current = edit(GOOD_TEXT, "规章 | 0 | 0 | 0", "规章 | 0 | 0 | 1")
    result = lint(current, LAST_YEAR, "RL509")
    assert [(d.line, d.row, d.expected, d.actual) for d in result.diagnostics] == [(17, "规章", "0", "1")]


def test_in_force_count_only_counting_this_years_documents():
    """A typical mistake: 现行有效件数 filled with this year's new documents only (2 made → 2 in force)."""
    current = edit(GOOD_TEXT, NORMATIVE, "行政规范性文件 | 2 | 1 | 2")
    assert [(d.expected, d.actual) for d in lint(current, LAST_YEAR, "RL509").diagnostics] == [("15", "2")]


@pytest.mark.parametrize("row", ["行政规范性文件 | 2 | / | 15", "行政规范性文件 | 2 | 1 | ", "行政规范性文件 | 若干 | 1 | 16"])
def test_cells_that_are_not_figures_are_skipped(row):
    assert found(lint(edit(GOOD_TEXT, NORMATIVE, row), LAST_YEAR, "RL509")) == []


def test_last_years_cell_not_a_figure_is_skipped():
    previous = edit(LAST_YEAR, NORMATIVE_LAST_YEAR, "行政规范性文件 | 3 | 0 | /")
    assert found(lint(edit(GOOD_TEXT, NORMATIVE, "行政规范性文件 | 2 | 1 | 99"), previous, "RL509")) == []


def test_last_year_in_the_2019_layout_is_skipped():
    """对外公开总数量 (2019) is not 现行有效件数: a 2022 report still printed in the old layout is not compared."""
    previous = edit(LAST_YEAR, "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数", "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量")
    previous = edit(previous, NORMATIVE_LAST_YEAR, "规范性文件 | 3 | 3 | 40")
    assert found(lint(edit(GOOD_TEXT, NORMATIVE, "行政规范性文件 | 2 | 1 | 16"), previous, "RL509")) == []


def test_a_2020_report_has_the_2019_table_and_is_skipped():
    previous = LAST_YEAR.replace("2022年", "2020年").replace("2023年1月18日", "2021年1月18日")
    current = GOOD_TEXT.replace("2023年", "2021年").replace("2024年", "2022年")
    assert found(lint(edit(current, NORMATIVE, "行政规范性文件 | 2 | 1 | 99"), previous, "RL509")) == []


def test_copied_with_only_the_year_changed_breaks_both_chains_as_well():
    """Last year's report re-issued with the years moved on: 二 = 0 (last year forwarded 1), 现行有效 14 (should be 17)."""
    result = lint(next_year(LAST_YEAR), LAST_YEAR, *CROSS_YEAR)
    assert sorted(found(result)) == ["RL505", "RL506", "RL509"]
    by_code = {d.code: d for d in result.diagnostics}
    assert (by_code["RL505"].expected, by_code["RL505"].actual) == ("1", "0")
    assert (by_code["RL509"].expected, by_code["RL509"].actual) == ("17", "14")
    assert by_code["RL506"].actual == "100%"
