"""RL301 row-total: in the request table every data row's 总计 = the six applicant columns (identity R)."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

SELECT = LintOptions(select=("RL301",))
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"
HEADER = (
    "三、收到和处理政府信息公开申请情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况\n"
    "自然人 | 法人或其他组织 | 总计\n"
    "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他\n"
)
ROW_LINE = 6  # the line of a single row appended to TITLE + HEADER


def _table(*rows: str) -> str:
    return TITLE + "\n" + HEADER + "\n".join(rows) + "\n"


def _rl301(text):
    result = lint_text(text, options=SELECT)
    assert all(d.code == "RL301" for d in result.diagnostics)
    return [(d.line, d.column, d.end_column, d.row, d.column_label, d.expected, d.actual) for d in result.diagnostics]


# ---------------------------------------------------------------- bad


def test_row_total_sample(bad_sample):
    result = lint_path(bad_sample("RL301"))
    rl301 = [d for d in result.diagnostics if d.code == "RL301"]
    assert len(rl301) == 1
    diagnostic = rl301[0]
    assert diagnostic.name == "row-total"
    assert diagnostic.severity is Severity.ERROR
    # line 35: 「三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 6」, the 6 at column 47
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (35, 47, 35, 48)
    assert diagnostic.section == ("三",)
    assert (diagnostic.row, diagnostic.column_label, diagnostic.expected, diagnostic.actual) == ("（一）予以公开", "总计", "5", "6")
    assert diagnostic.message == "「（一）予以公开」行「总计」列应为 5，实际为 6；依据：总计应等于各类申请人之和；「（一）予以公开·总计」很可能有误：改为 5 则 2 处勾稽关系都成立"
    assert result.status == "fail"


def test_message_in_english(bad_sample):
    result = lint_path(bad_sample("RL301"), LintOptions(select=("RL301",), lang="en"))
    assert [d.message for d in result.diagnostics] == [
        "row '（一）予以公开', column '总计': expected 5, found 6; the total must equal the sum of the applicant columns; "
        "the cell '（一）予以公开 · 总计' is probably wrong: with 5 there, both identities hold"
    ]


def test_every_wrong_row_is_reported(good_text, replace_once):
    text = replace_once(good_text, "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1", "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 0")
    text = replace_once(text, "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "3.其他 | 0 | 0 | 2 | 0 | 0 | 0 | 0")
    assert _rl301(text) == [
        (34, 44, 45, "二、上年结转政府信息公开申请数量", "总计", "1", "0"),
        (55, 32, 33, "3.其他", "总计", "2", "0"),
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # half-width brackets (corpus/real/05, 07, 11 …)
        ("(一)予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 6", (ROW_LINE, 35, 36, "（一）予以公开", "总计", "5", "6")),
        # a stray space inside the label (corpus/real/21) and the group label in its own cell
        ("(五)不予 处理 | 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 2", (ROW_LINE, 50, 51, "1.信访举报投诉类申请", "总计", "1", "2")),
        ("（三） 不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 2", (ROW_LINE, 47, 48, "1.属于国家秘密", "总计", "1", "2")),
        # numbers written with a unit
        ("一、本年新收政府信息公开申请数量 | 17256件 | 0 | 0 | 0 | 0 | 0 | 17265件", (ROW_LINE, 49, 55, "一、本年新收政府信息公开申请数量", "总计", "17256", "17265")),
        # full-width digits
        ("一、本年新收政府信息公开申请数量 | １２ | ０ | ０ | ０ | ０ | ０ | １３", (ROW_LINE, 45, 47, "一、本年新收政府信息公开申请数量", "总计", "12", "13")),
        # thousands separators
        ("一、本年新收政府信息公开申请数量 | 1,200 | 34 | 0 | 0 | 0 | 0 | 1,243", (ROW_LINE, 49, 54, "一、本年新收政府信息公开申请数量", "总计", "1234", "1243")),
        # Markdown row and trailing filler cells
        ("| （一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 6 |", (ROW_LINE, 37, 38, "（一）予以公开", "总计", "5", "6")),
        ("（一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 6 | ||", (ROW_LINE, 35, 36, "（一）予以公开", "总计", "5", "6")),
        # tab separated
        ("（一）予以公开\t3\t1\t0\t1\t0\t0\t6", (ROW_LINE, 21, 22, "（一）予以公开", "总计", "5", "6")),
        # a label typo is still recognised (corpus/real/02: 「2.其他法律行政止公开」)
        ("2.其他法律行政止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 2", (ROW_LINE, 39, 40, "2.其他法律行政法规禁止公开", "总计", "1", "2")),
        # '/' and '-' applicant cells count as 0
        ("（一）予以公开 | 3 | - | / | 1 | / | 0 | 5", (ROW_LINE, 35, 36, "（一）予以公开", "总计", "4", "5")),
    ],
)
def test_label_and_number_forms(row, expected):
    assert _rl301(_table(row)) == [expected]


def test_pdf_text_row():
    # PDF text layout (corpus/real/02): the label, then the seven figures separated by spaces
    text = _table("一、本年新收政府信息公开申请数量 21 0 0 0 0 0 22")
    assert _rl301(text) == [(ROW_LINE, 31, 33, "一、本年新收政府信息公开申请数量", "总计", "21", "22")]


# ---------------------------------------------------------------- good


def test_good_sample(good_text):
    assert _rl301(good_text) == []


@pytest.mark.parametrize(
    "row",
    [
        "（一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 |  ",  # blank 总计: not a figure to check against
        "（一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | ",
        "（一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | /",
        "二、上年结转政府信息公开申请数量 |  |  |  |  |  |  | 0",  # applicants blank, 总计 0 (corpus/real/13)
        "二、上年结转政府信息公开申请数量 | / | / | / | / | / | / | /",  # all '/' (corpus/real/11)
        "(一)予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 5",
        "(五)不予 处理 | 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
        "一、本年新收政府信息公开申请数量 | 17256件 | 0 | 0 | 0 | 0 | 0 | 17256件",
        "一、本年新收政府信息公开申请数量 | 17,256 | 0 | 0 | 0 | 0 | 0 | 17256",
        "一、本年新收政府信息公开申请数量 | １２ | ０ | ０ | ０ | ０ | ０ | １２",
        "（一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 5 | | |",
        "一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21",
    ],
)
def test_rows_that_add_up_or_cannot_be_checked(row):
    assert _rl301(_table(row)) == []


def test_header_rows_are_not_data_rows():
    # 「自然人 | 法人或其他组织 | 总计」 has a 总计 and no figures: nothing to check
    assert _rl301(_table()) == []


def test_narrative_figures_are_not_table_rows():
    text = _table("（一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 5") + "全年共收到政府信息公开申请12件，其中自然人申请8件。\n"
    assert _rl301(text) == []


def test_seed_table_with_half_width_labels_adds_up(seeds_dir):
    # seeds/001: a real 2022 table with 「(五)不予 处理」 and trailing filler cells; every row adds up
    path = seeds_dir / "001_c22fe348ddb0941e.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert [d for d in lint_path(path, SELECT).diagnostics] == []


@pytest.mark.parametrize("name", ["02_huaian_hongze_district_2023.txt", "04_shanghai_municipal_gov_office_2019.txt"])
def test_real_tables_add_up(corpus_dir, name):
    # REFERENCE: R holds in 02 (PDF text) and in 04 (whose outcome rows leave 总计 blank)
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert lint_path(path, SELECT).diagnostics == ()
