"""RL203 cell-value: every cell of the statistics tables is a non-negative whole number (REFERENCE §3 NN, §5).

- blank cells: one error per table with their count and the first position (corpus/real/04, 13);
- '/', '-', '—' in tables 三 and 四: counted as 0, one info finding per table (corpus/real/11 writes '/' in
  most cells); in table 二 '/' is accepted silently (11, 13 correctly write '/' for 规章);
- text, negative and decimal values: one error per cell; decimals are allowed in 收费金额 (万元; 0.092 in
  corpus/real/15, 7730.28 in 02) and negatives in the 2019 column 本年增/减."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from texts_2019 import ACTIVE_2019, END, TITLE_2020

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from reportlint.registry import all_rules, find_rule

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "real"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")

GOOD = Path(__file__).resolve().parents[2] / "samples" / "good" / "qingshan_county_transport_2023.txt"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")
GOOD_LINES = GOOD_TEXT.split("\n")

SELECT = LintOptions(select=("RL203",))
SELECT_EN = LintOptions(select=("RL203",), lang="en")
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"
REQUEST = "收到和处理政府信息公开申请情况"
REVIEW = "政府信息公开行政复议、行政诉讼情况"
REVIEW_ROW = "2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1"
REPEATED = "2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0"  # good line 49

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


def edit(old: str, new: str, text: str = GOOD_TEXT) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def rl203(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL203" for d in result.diagnostics)
    return [(d.line, d.column, d.end_column, d.severity, d.section, d.row, d.column_label, d.actual) for d in result.diagnostics]


def messages(text: str, options: LintOptions = SELECT) -> list[str]:
    return [d.message for d in lint_text(text, options=options).diagnostics]


# ---------------------------------------------------------------- the rule


def test_rule_metadata():
    rule = find_rule(all_rules(), "RL203")
    assert (rule.name, rule.severity) == ("cell-value", Severity.ERROR)
    assert "收费金额" in rule.explanation.zh and "本年增/减" in rule.explanation.zh
    assert "once per table" in rule.explanation.en
    assert [d.code for d in lint_text(rule.bad, options=SELECT).diagnostics] == ["RL203"]
    assert lint_text(rule.good, options=SELECT).diagnostics == ()


# ---------------------------------------------------------------- blank cells


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL203"))
    assert [d.code for d in result.diagnostics if d.severity is not Severity.INFO] == ["RL203"]
    [d] = [d for d in result.diagnostics if d.code == "RL203"]
    assert d.name == "cell-value" and d.severity is Severity.ERROR
    # line 46: 「2.没有现成信息需要另行制作 | 0 | 0 |  | 0 | 0 | 0 | 0」, the blank 科研机构 cell starts at column 25
    assert (d.line, d.column, d.end_line, d.end_column) == (46, 25, 46, 25)
    assert d.section == ("三",)
    assert (d.row, d.column_label, d.expected, d.actual) == ("2.没有现成信息需要另行制作", "法人或其他组织·科研机构", None, "")
    assert d.message == (
        "收到和处理政府信息公开申请情况有 1 个空白单元格（应填数字，没有的填 0），第一个在「2.没有现成信息需要另行制作」行「法人或其他组织·科研机构」列"
    )
    assert result.status == "fail"


def test_bad_sample_in_english(bad_sample):
    assert [d.message for d in lint_path(bad_sample("RL203"), SELECT_EN).diagnostics] == [
        (
            "收到和处理政府信息公开申请情况 has 1 blank cells (write 0 where nothing happened); the first is row "
            "'2.没有现成信息需要另行制作', column '法人或其他组织·科研机构'"
        )
    ]


def test_blank_cells_one_finding_per_table_with_the_count():
    text = edit(REPEATED, "2.重复申请 | 0 |  |  | 0 | 0 | 0 | 0")
    text = edit("3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | ", text)
    text = edit(REVIEW_ROW, "2 | 1 |  | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1", text)
    text = edit("规章 | 0 | 0 | 0", "规章 | 0 |  | 0", text)
    assert rl203(text) == [
        (17, 9, 9, E, ("二",), "规章", "本年废止件数", ""),
        (49, 13, 13, E, ("三",), "2.重复申请", "法人或其他组织·商业企业", ""),
        (62, 8, 8, E, ("四",), REVIEW, "行政复议·其他结果", ""),
    ]
    assert messages(text)[1] == (
        f"{REQUEST}有 3 个空白单元格（应填数字，没有的填 0），第一个在「2.重复申请」行「法人或其他组织·商业企业」列"
    )
    assert messages(text)[2] == f"{REVIEW}有 1 个空白单元格（应填数字，没有的填 0），第一个在「{REVIEW}」行「行政复议·其他结果」列"


def test_table_with_every_cell_blank():
    text = "\n".join(GOOD_LINES[:32] + [re.sub(r" \| \d+(?= \||$)", " |  ", line) for line in GOOD_LINES[32:57]] + GOOD_LINES[57:])
    [(line, _, _, severity, section, row, column_label, _)] = rl203(text)
    assert (line, severity, section, row, column_label) == (33, E, ("三",), "一、本年新收政府信息公开申请数量", "自然人")
    assert messages(text) == [f"{REQUEST}未填写任何数字（175 个单元格全部空白）"]  # 25 data rows × 7
    assert messages(text, SELECT_EN) == [f"{REQUEST} has no figures at all (175 blank cells)"]


# ---------------------------------------------------------------- '/', '-' and '—'


def test_dashes_in_tables_three_and_four_one_note_per_table():
    text = edit(REPEATED, "2.重复申请 | 0 | / | / | 0 | 0 | 0 | 0")
    text = edit("3.要求提供公开出版物 | 0 |", "3.要求提供公开出版物 | / |", text)
    text = edit(REVIEW_ROW, "2 | 1 | / | / | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1", text)
    assert rl203(text) == [
        (49, 14, 15, I, ("三",), "2.重复申请", "法人或其他组织·商业企业", None),
        (62, 9, 10, I, ("四",), REVIEW, "行政复议·其他结果", None),
    ]
    assert messages(text) == [
        f"{REQUEST}有 3 个单元格填「/」，按 0 计；模板要求填数字",
        f"{REVIEW}有 2 个单元格填「/」，按 0 计；模板要求填数字",
    ]
    assert messages(text, SELECT_EN) == [
        f"{REQUEST} has 3 cells written '/', counted as 0; the template asks for figures",
        f"{REVIEW} has 2 cells written '/', counted as 0; the template asks for figures",
    ]
    assert lint_text(text, options=SELECT).status == "pass"


@pytest.mark.parametrize("dash", ["-", "—"])
def test_other_dashes(dash):
    text = edit(REPEATED, f"2.重复申请 | {dash} | 0 | 0 | 0 | 0 | 0 | 0")
    assert rl203(text) == [(49, 10, 11, I, ("三",), "2.重复申请", "自然人", None)]
    assert messages(text) == [f"{REQUEST}有 1 个单元格填「{dash}」，按 0 计；模板要求填数字"]


def test_slash_in_the_active_table_is_accepted():
    # 规章 row written '/' by bodies without rule-making power (corpus/real/11, 13)
    assert rl203(edit("规章 | 0 | 0 | 0", "规章 | / | / | /")) == []
    assert rl203(edit("行政许可 | 1328", "行政许可 | /")) == []


# ---------------------------------------------------------------- text, negative, decimal: one finding per cell


@pytest.mark.parametrize(
    "new,expected,message",
    [
        ("2.重复申请 | 0 | 0 | 无 | 0 | 0 | 0 | 0", [(49, 18, 19, E, ("三",), "2.重复申请", "法人或其他组织·科研机构", "无")],
         "「2.重复申请」行「法人或其他组织·科研机构」列「无」不是数字"),
        ("2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 无", [(49, 34, 35, E, ("三",), "2.重复申请", "总计", "无")],
         "「2.重复申请」行「总计」列「无」不是数字"),
    ],
)
def test_text_cell(new, expected, message):
    text = edit(REPEATED, new)
    assert rl203(text) == expected
    assert messages(text) == [message]


def test_text_cell_in_english():
    text = edit(REPEATED, "2.重复申请 | 0 | 0 | 无 | 0 | 0 | 0 | 0")
    assert messages(text, SELECT_EN) == ["row '2.重复申请', column '法人或其他组织·科研机构': '无' is not a figure"]


def test_two_text_cells_two_findings():
    text = edit(REPEATED, "2.重复申请 | 0 | 无 | 无 | 0 | 0 | 0 | 0")
    assert [(f[0], f[6]) for f in rl203(text)] == [(49, "法人或其他组织·商业企业"), (49, "法人或其他组织·科研机构")]


@pytest.mark.parametrize(
    "old,new,expected",
    [
        # text in the first figure cell of a row: still a text cell, not part of the label (and not a short row)
        (REPEATED, "2.重复申请 | 无 | 0 | 0 | 0 | 0 | 0 | 0", (49, 10, 11, E, ("三",), "2.重复申请", "自然人", "无")),
        # the only figure of a 主动公开 row
        ("行政许可 | 1328", "行政许可 | 若干", (21, 8, 10, E, ("二",), "行政许可", "本年处理决定数量", "若干")),
        ("行政强制 | 0", "行政强制 | 暂无", (25, 8, 10, E, ("二",), "行政强制", "本年处理决定数量", "暂无")),
        # a letter for a digit
        ("行政处罚 | 216", "行政处罚 | 2l6", (24, 8, 11, E, ("二",), "行政处罚", "本年处理决定数量", "2l6")),
    ],
    ids=["request-first-cell", "active-only-cell", "active-only-cell-zanwu", "letter-l"],
)
def test_text_in_the_first_cell(old, new, expected):
    text = edit(old, new)
    result = lint_text(text, options=LintOptions(select=("RL202", "RL203")))
    assert [(d.code, d.line, d.column, d.end_column, d.severity, d.section, d.row, d.column_label, d.actual) for d in result.diagnostics] == [
        ("RL203", *expected)
    ]


def test_text_in_the_review_table_is_a_text_cell_not_a_missing_table():
    text = edit(REVIEW_ROW, "2 | 1 | 无 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1")
    result = lint_text(text, options=LintOptions(select=("RL201", "RL203")))
    assert [(d.code, d.line, d.column, d.column_label, d.actual) for d in result.diagnostics] == [
        ("RL203", 62, 9, "行政复议·其他结果", "无")
    ]


def test_negative_cells():
    text = edit(REPEATED, "2.重复申请 | -1 | 0 | 0 | 0 | 0 | 0 | -1")
    assert rl203(text) == [
        (49, 10, 12, E, ("三",), "2.重复申请", "自然人", "-1"),
        (49, 35, 37, E, ("三",), "2.重复申请", "总计", "-1"),
    ]
    assert messages(text) == ["「2.重复申请」行「自然人」列为负数 -1", "「2.重复申请」行「总计」列为负数 -1"]
    assert messages(text, SELECT_EN) == ["row '2.重复申请', column '自然人' is negative: -1", "row '2.重复申请', column '总计' is negative: -1"]


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("行政规范性文件 | 2 | 1 | 15", "行政规范性文件 | 2 | 1 | -15", (18, 19, 22, E, ("二",), "行政规范性文件", "现行有效件数", "-15")),
        ("行政事业性收费 | 0", "行政事业性收费 | -3", (28, 11, 13, E, ("二",), "行政事业性收费", "本年收费金额（单位：万元）", "-3")),
        (REVIEW_ROW, "2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | -1 | 1", (62, 53, 55, E, ("四",), REVIEW, "行政诉讼·复议后起诉·尚未审结", "-1")),
    ],
    ids=["in-force", "fees", "review"],
)
def test_negative_in_other_tables(old, new, expected):
    assert rl203(edit(old, new)) == [expected]


def test_decimal_cells():
    text = edit(REPEATED, "2.重复申请 | 0.5 | 0 | 0 | 0 | 0 | 0 | 0.5")
    assert rl203(text) == [
        (49, 10, 13, E, ("三",), "2.重复申请", "自然人", "0.5"),
        (49, 36, 39, E, ("三",), "2.重复申请", "总计", "0.5"),
    ]
    assert messages(text)[0] == "「2.重复申请」行「自然人」列应为整数，实际为 0.5"
    assert messages(text, SELECT_EN)[0] == "row '2.重复申请', column '自然人' must be a whole number, found 0.5"


def test_decimal_count_in_the_active_table():
    assert rl203(edit("行政许可 | 1328", "行政许可 | 1328.5")) == [(21, 8, 14, E, ("二",), "行政许可", "本年处理决定数量", "1328.5")]


# ---------------------------------------------------------------- good: figures in their real forms


def test_good_sample(good_path):
    assert lint_path(good_path, SELECT).diagnostics == ()


@pytest.mark.parametrize(
    "old,new",
    [
        ("行政事业性收费 | 0", "行政事业性收费 | 0.092"),  # 万元 with decimals (corpus/real/15)
        ("行政事业性收费 | 0", "行政事业性收费 | 7730.28"),  # (corpus/real/02)
        ("行政事业性收费 | 0", "行政事业性收费 | 0.5万元"),  # with its unit
        ("行政许可 | 1328", "行政许可 | 1328件"),  # a count with its unit
        ("行政许可 | 1328", "行政许可 | 1,328"),  # thousands separator
        ("行政许可 | 1328", "行政许可 | １３２８"),  # full-width digits
        ("行政强制 | 0", "行政强制 | 0.0"),  # a whole number written with a decimal point
        (REPEATED, "2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||"),  # filler cells after the row
    ],
    ids=["fee-0.092", "fee-7730.28", "fee-unit", "count-unit", "thousands", "full-width", "0.0", "filler"],
)
def test_figures_in_real_forms(old, new):
    assert rl203(edit(old, new)) == []



def test_2019_layout_negative_change_and_procurement_amount_are_fine():
    # 本年增/减 may be negative (Hubei's labels even say "减用负值表示，如-8"); 采购总金额 is an amount
    assert rl203(f"{TITLE_2020}\n{ACTIVE_2019}{END}") == []


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("行政许可 | 56 | -3", "行政许可 | -56 | -3", (9, 8, 11, E, ("二",), "行政许可", "上一年项目数量", "-56")),
        ("| -3 | 1328", "| -3 | -1328", (9, 18, 23, E, ("二",), "行政许可", "处理决定数量", "-1328")),
        ("| -3 | 1328", "| -3.5 | 1328", (9, 13, 17, E, ("二",), "行政许可", "本年增/减", "-3.5")),
    ],
    ids=["negative-last-year", "negative-decisions", "decimal-change"],
)
def test_2019_layout_other_columns_stay_non_negative_integers(old, new, expected):
    assert rl203(f"{TITLE_2020}\n{edit(old, new, ACTIVE_2019)}{END}") == [expected]


def test_excerpt_cut_inside_a_row_is_not_blank():
    # the text stops mid-row: the cells after the cut are absent, not blank
    text = "\n".join(GOOD_LINES[:37]) + "\n2.其他法律行政法规禁止公开 | 0 | 0 |  "
    assert rl203(text) == []


# ---------------------------------------------------------------- real reports


@needs_corpus
def test_corpus_04_blank_cells_in_tables_three_and_four():
    # REFERENCE §6 item 12: 总计 column blank for the outcome rows, zero cells left empty
    result = lint_path(CORPUS / "04_shanghai_municipal_gov_office_2019.txt", SELECT)
    assert [(d.line, d.column, d.severity, d.section, d.row, d.column_label, d.actual) for d in result.diagnostics] == [
        (50, 30, E, ("三",), "一、本年新收政府信息公开申请数量", "法人或其他组织·科研机构", ""),
        (77, 4, E, ("四",), REVIEW, "行政复议·结果纠正", ""),
    ]
    assert [d.message for d in result.diagnostics] == [
        f"{REQUEST}有 126 个空白单元格（应填数字，没有的填 0），第一个在「一、本年新收政府信息公开申请数量」行「法人或其他组织·科研机构」列",
        f"{REVIEW}有 9 个空白单元格（应填数字，没有的填 0），第一个在「{REVIEW}」行「行政复议·结果纠正」列",
    ]


@needs_corpus
def test_corpus_13_blank_applicant_cells():
    # applicant cells blank with 总计 0, one cell per line; the 规章 row's '/' is fine
    result = lint_path(CORPUS / "13_yangling_stats_2023_excerpt.txt", SELECT)
    assert [(d.line, d.severity, d.section, d.row, d.column_label, d.actual) for d in result.diagnostics] == [
        (63, E, ("三",), "一、本年新收政府信息公开申请数量", "自然人", "")
    ]
    assert [d.message for d in result.diagnostics] == [
        f"{REQUEST}有 19 个空白单元格（应填数字，没有的填 0），第一个在「一、本年新收政府信息公开申请数量」行「自然人」列"
    ]


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        "02_huaian_hongze_district_2023.txt",  # 收费 7730.28 万元
        "11_yueyang_xinfang_2021_excerpt.txt",  # '/' in the 主动公开 table
        "15_shijiazhuang_qiaoxi_zhongshan_street_2021_excerpt.txt",  # 收费 0.092 万元
        "05_shenzhen_longgang_dept_2024_excerpt.txt",  # cut inside 7.属于行政执法案卷
        "31_audit_bureau_2020_page9_excerpt.txt",
    ],
)
def test_corpus_cells_that_are_fine(name):
    assert lint_path(CORPUS / name, SELECT).diagnostics == ()


# ---------------------------------------------------------------- a row printed with no figures at all

from variants import BODIES, YEARS  # noqa: E402
from variants import report as variant  # noqa: E402

_PARTLY = "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 1 | 0 | 2"
_SECRET = "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0"


@pytest.mark.parametrize("old, new, row", (
    (_PARTLY, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "2.重复申请", "2.重复申请"),
))
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_a_row_printed_as_its_label_only_is_blank_cells(old, new, row, body, year, layout):
    text = variant(body, year, layout).replace(old, new)
    result = lint_text(text, "r.md" if layout == "markdown" else "r.txt", LintOptions(select=("RL202", "RL203")))
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("RL203", f"收到和处理政府信息公开申请情况有 7 个空白单元格（应填数字，没有的填 0），第一个在「{row}」行「自然人」列")
    ]


def test_a_label_only_row_and_blank_cells_add_up():
    text = variant().replace(_PARTLY, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）").replace(
        "4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1", "4.保护第三方合法权益 | 1 |  |  |  |  |  | 1")
    [d] = lint_text(text, options=LintOptions(select=("RL203",))).diagnostics
    assert d.message.startswith("收到和处理政府信息公开申请情况有 12 个空白单元格") and d.line == 36


def test_a_row_really_missing_is_still_rl202():
    text = variant().replace(_SECRET + "\n", "")
    codes = [d.code for d in lint_text(text, options=LintOptions(select=("RL202", "RL203"))).diagnostics]
    assert codes == ["RL202"]


def test_corpus_10_coercion_cell_left_blank(corpus_dir):
    """阎良区信访局: 「行政强制 |」 with nothing after the bar (the manifest: blank, not 0)."""
    [d] = lint_path(corpus_dir / "10_xian_yanliang_xinfang_2021_excerpt.txt", LintOptions(select=("RL203",))).diagnostics
    assert d.line == 17 and "「行政强制」行「本年处理决定数量」列" in d.message


@pytest.mark.parametrize("row", ("行政强制 |", "行政强制 | ", "| 行政强制 |"))
@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_a_row_with_its_bar_and_no_figure_is_a_blank_cell(row, layout):
    text = variant(layout=layout).replace("行政强制 | 0", row)
    [d] = lint_text(text, "r.md" if layout == "markdown" else "r.txt", LintOptions(select=("RL202", "RL203"))).diagnostics
    assert d.code == "RL203" and "有 1 个空白单元格" in d.message and "「行政强制」行" in d.message
