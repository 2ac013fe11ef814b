"""RL304 review-total: 行政复议, 未经复议直接起诉 and 复议后起诉 each have a 总计 = 维持+纠正+其他+尚未审结 (T4)."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

SELECT = LintOptions(select=("RL304",))
ROW = "政府信息公开行政复议、行政诉讼情况"  # the table has one unlabelled row: findings name the table
REVIEW = "行政复议·总计"
DIRECT = "行政诉讼·未经复议直接起诉·总计"
AFTER_REVIEW = "行政诉讼·复议后起诉·总计"
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n"
HEADER = (
    "行政复议 | 行政诉讼\n"
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n"
)
END = "五、存在的主要问题及改进情况\n本年度无。\n"
GOOD_ROW = "2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1"  # line 62 of the good sample


def _rl304(text):
    result = lint_text(text, options=SELECT)
    assert all(d.code == "RL304" for d in result.diagnostics)
    return [(d.line, d.column, d.end_column, d.row, d.column_label, d.expected, d.actual) for d in result.diagnostics]


def _table(row: str, header: str = HEADER) -> str:
    return TITLE + header + row + "\n" + END


# ---------------------------------------------------------------- bad


def test_review_total_sample(bad_sample):
    result = lint_path(bad_sample("RL304"))
    # (samples/README: the narrative's 行政复议3件 no longer matches either — another rule's finding)
    (diagnostic,) = [d for d in result.diagnostics if d.code == "RL304"]
    assert diagnostic.name == "review-total"
    assert diagnostic.severity is Severity.ERROR
    # line 62: 「2 | 1 | 0 | 0 | 4 | …」 — the 4 at column 17
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (62, 17, 62, 18)
    assert diagnostic.section == ("四",)
    assert (diagnostic.row, diagnostic.column_label, diagnostic.expected, diagnostic.actual) == (ROW, REVIEW, "3", "4")
    assert diagnostic.message == (
        "「政府信息公开行政复议、行政诉讼情况」行「行政复议·总计」列应为 3，实际为 4；"
        "依据：行政复议总计应等于结果维持、结果纠正、其他结果、尚未审结之和"
    )
    assert result.status == "fail"


def test_message_in_english(bad_sample):
    result = lint_path(bad_sample("RL304"), LintOptions(select=("RL304",), lang="en"))
    assert [d.message for d in result.diagnostics] == [
        "row '政府信息公开行政复议、行政诉讼情况', column '行政复议·总计': expected 3, found 4; "
        "the 行政复议 total must equal 维持 + 纠正 + 其他 + 尚未审结"
    ]


def test_each_total_is_checked_on_its_own():
    row = "2 | 1 | 0 | 0 | 4 | 1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 1 | 0"
    assert _rl304(_table(row)) == [
        (6, 17, 18, ROW, REVIEW, "3", "4"),
        (6, 37, 38, ROW, DIRECT, "1", "2"),
        (6, 57, 58, ROW, AFTER_REVIEW, "1", "0"),
    ]


def test_litigation_totals_are_not_summed_together():
    # there is no overall 行政诉讼 total: 直接起诉 1 and 复议后起诉 1 are separate, each correct
    assert _rl304(_table(GOOD_ROW)) == []
    # …so a 复议后起诉 总计 of 2 (= both litigation kinds) is wrong
    row = "2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 2"
    assert _rl304(_table(row)) == [(6, 57, 58, ROW, AFTER_REVIEW, "1", "2")]


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        # Markdown
        ("| 行政复议 | 行政诉讼 |\n|---|---|\n", "| 2 | 1 | 0 | 0 | 4 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1 |", (5, 19, 20)),
        # HTML copy with filler cells and a trailing pipe (seeds/001)
        ("行政复议 | 行政诉讼 | |||||||||||||\n", "2 | 1 | 0 | 0 | 4 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1 |", (4, 17, 18)),
        # tab separated
        ("行政复议\t行政诉讼\n", "2\t1\t0\t0\t4\t1\t0\t0\t0\t1\t0\t0\t0\t1\t1", (4, 9, 10)),
        # full-width digits
        (HEADER, "２ | １ | ０ | ０ | ４ | １ | ０ | ０ | ０ | １ | ０ | ０ | ０ | １ | １", (6, 17, 18)),
        # PDF text: header fragments, then the 15 figures separated by spaces (corpus/real/02)
        ("行政复议 行政诉讼\n结果 维持 结果 纠正 其他 结果 尚未 审结 总 计\n", "2 1 0 0 4 1 0 0 0 1 0 0 0 1 1", (5, 9, 10)),
    ],
)
def test_table_layouts(header, row, expected):
    line, column, end_column = expected
    assert _rl304(_table(row, header)) == [(line, column, end_column, ROW, REVIEW, "3", "4")]


def test_page_marker_between_header_and_row_is_skipped():
    # PDF copies put 「- 5 -」 between table rows: it is neither the figures row nor a break in the table
    row = "2 | 1 | 0 | 0 | 4 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1"
    assert _rl304(_table(row, HEADER + "- 5 -\n")) == [(7, 17, 18, ROW, REVIEW, "3", "4")]


def test_corpus_report_with_wrong_totals(corpus_dir):
    # REFERENCE §3/§6.10: corpus/real/02 prints 「10 1 0 0 0 0 0 0 0 0 5 0 0 0 0」 on line 131:
    # 行政复议 总计 0 but 10+1 = 11; 复议后起诉 总计 0 but 5
    path = corpus_dir / "02_huaian_hongze_district_2023.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    result = lint_path(path, SELECT)
    assert [(d.line, d.column, d.end_column, d.column_label, d.expected, d.actual) for d in result.diagnostics] == [
        (131, 10, 11, REVIEW, "11", "0"),
        (131, 30, 31, AFTER_REVIEW, "5", "0"),
    ]


# ---------------------------------------------------------------- good


def test_good_sample(good_text):
    assert _rl304(good_text) == []


@pytest.mark.parametrize(
    "row",
    [
        GOOD_ROW,
        "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "/ | / | / | / | / | / | / | / | / | / | / | / | / | / | /",  # nothing to check
        "2 | 1 | 0 | 0 |  | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1",  # blank 总计: not a figure to check against
        "2件 | 1件 | 0 | 0 | 3件 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1",  # figures with a unit
        "2 | 1 | - | - | 3 | 1 | - | - | - | 1 | - | - | - | 1 | 1",  # '-' for zero
    ],
)
def test_rows_that_add_up_or_cannot_be_checked(row):
    assert _rl304(_table(row)) == []


def test_seed_all_zero_review_table(seeds_dir):
    path = seeds_dir / "001_c22fe348ddb0941e.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert lint_path(path, SELECT).diagnostics == ()


def test_2019_report_review_table(corpus_dir):
    # corpus/real/04 (2019 layout): 5+0+0+2 = 7 and 8+0+0+1 = 9 — T4 holds
    path = corpus_dir / "04_shanghai_municipal_gov_office_2019.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert lint_path(path, SELECT).diagnostics == ()
