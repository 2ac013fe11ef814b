"""RL202 table-rows: rows and columns as the template has them (REFERENCE §2.4–2.6).

Errors: a template row missing, a row with the wrong number of figures. Warnings: a label typo
(corpus/real/02 「2.其他法律行政止公开」), the 2021 （六）其他处理 printed as one row (02), a row the template
does not have (23 「其他主动公开文件」), a column header that differs from the template (33 「现行有效件」).
Real layouts (REFERENCE §5: half-width brackets, spaces in labels, PDF text rows, one cell per line, page
markers, filler cells) are not defects."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from reportlint.registry import all_rules, find_rule

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "real"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")

GOOD = Path(__file__).resolve().parents[2] / "samples" / "good" / "qingshan_county_transport_2023.txt"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")
GOOD_LINES = GOOD_TEXT.split("\n")

SELECT = LintOptions(select=("RL202",))
SELECT_EN = LintOptions(select=("RL202",), lang="en")
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"
END = "五、存在的主要问题及改进情况\n部分栏目更新不够及时，下一步将完善更新机制。\n"

OTHER_HANDLING = (
    "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
    "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
)


def edit(old: str, new: str, text: str = GOOD_TEXT) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def rl202(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL202" for d in result.diagnostics)
    return [
        (d.line, d.column, d.end_column, d.severity, d.section, d.row, d.column_label, d.expected, d.actual)
        for d in result.diagnostics
    ]


def messages(text: str, options: LintOptions = SELECT) -> list[str]:
    return [d.message for d in lint_text(text, options=options).diagnostics]


E, W = Severity.ERROR, Severity.WARNING


# ---------------------------------------------------------------- the rule


def test_rule_metadata():
    rule = find_rule(all_rules(), "RL202")
    assert (rule.name, rule.severity) == ("table-rows", Severity.ERROR)
    assert "严禁擅自删减报告事项" in rule.explanation.zh
    assert "wrong number of figures is an error" in rule.explanation.en
    assert "RL202" in [d.code for d in lint_text(rule.bad, options=SELECT).diagnostics]
    assert lint_text(rule.good, options=SELECT).diagnostics == ()


# ---------------------------------------------------------------- bad: rows missing


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL202"))
    assert [d.code for d in result.diagnostics if d.severity is not Severity.INFO] == ["RL202"]
    [d] = [d for d in result.diagnostics if d.code == "RL202"]
    assert d.name == "table-rows" and d.severity is Severity.ERROR
    # the row 「4.无正当理由大量反复申请」 (good line 51) was deleted; the finding stands on the row that took its
    # place, 「5.要求行政机关确认或重新出具已获取信息 | 0 | … | 0」 (48 characters), now line 51
    assert (d.line, d.column, d.end_line, d.end_column) == (51, 1, 51, 49)
    assert d.section == ("三",)
    assert (d.row, d.column_label, d.expected, d.actual) == ("4.无正当理由大量反复申请", None, None, None)
    assert d.message == "收到和处理政府信息公开申请情况缺少「4.无正当理由大量反复申请」行"
    assert result.status == "fail"


def test_bad_sample_in_english(bad_sample):
    assert [d.message for d in lint_path(bad_sample("RL202"), SELECT_EN).diagnostics] == [
        "收到和处理政府信息公开申请情况 lacks the row '4.无正当理由大量反复申请'"
    ]


@pytest.mark.parametrize(
    "row,expected",
    [
        # the first data row: reported on the next row printed
        ("一、本年新收政府信息公开申请数量 | 8 | 2 | 0 | 1 | 1 | 0 | 12\n", (33, 1, 45, E, ("三",), "一、本年新收政府信息公开申请数量", None, None, None)),
        # the last row: reported on the last row printed, （七）总计
        ("四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n", (56, 1, 35, E, ("三",), "四、结转下年度继续办理", None, None, None)),
        # rows of the 主动公开 table
        ("规章 | 0 | 0 | 0\n", (17, 1, 21, E, ("二",), "规章", None, None, None)),
        ("行政强制 | 0\n", (24, 1, 11, E, ("二",), "行政强制", None, None, None)),
    ],
)
def test_missing_row(row, expected):
    assert rl202(edit(row, "")) == [expected]


def test_missing_active_row_message():
    assert messages(edit("行政强制 | 0\n", "")) == ["主动公开政府信息情况·第二十条第（六）项缺少「行政强制」行"]


def test_every_missing_row_is_reported():
    text = edit("2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n", "")
    assert [(line, row) for line, _, _, _, _, row, *_ in rl202(text)] == [(49, "2.重复申请"), (49, "3.要求提供公开出版物")]


def test_whole_active_block_missing():
    # REFERENCE §2.4 / §6 item 2 ("严禁擅自删减报告事项"): dropping the 第二十条第（八）项 block drops the row 行政事业性收费
    text = edit("第二十条第（八）项\n信息内容 | 本年收费金额（单位：万元）\n行政事业性收费 | 0\n", "")
    found = rl202(text)
    assert [(severity, row) for _, _, _, severity, _, row, *_ in found] == [(E, "行政事业性收费")]


# ---------------------------------------------------------------- bad: rows with the wrong number of figures


def test_short_row():
    text = edit("2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0")
    # line 49, the whole row (30 characters) is marked
    assert rl202(text) == [(49, 1, 31, E, ("三",), "2.重复申请", None, "7", "6")]
    assert messages(text) == ["「2.重复申请」行只有 6 个数字，模板有 7 列"]
    assert messages(text, SELECT_EN) == ["row '2.重复申请' has 6 figures; the template has 7 columns"]


def test_short_active_row():
    text = edit("行政规范性文件 | 2 | 1 | 15", "行政规范性文件 | 2 | 1")
    assert rl202(text) == [(18, 1, 16, E, ("二",), "行政规范性文件", None, "3", "2")]


@pytest.mark.parametrize(
    "old,new,line,row,width,count",
    [
        # an eighth figure in a seven-column row of table 三: the explanation calls "a row with the wrong
        # number of figures" an error, whichever way it is wrong
        ("2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0", 49, "2.重复申请", "7", "8"),
        ("行政规范性文件 | 2 | 1 | 15", "行政规范性文件 | 2 | 1 | 15 | 3", 18, "行政规范性文件", "3", "4"),
    ],
    ids=["request-8-of-7", "active-4-of-3"],
)
def test_row_with_too_many_figures(old, new, line, row, width, count):
    found = rl202(edit(old, new))
    assert [(f[0], f[3], f[5], f[7], f[8]) for f in found] == [(line, E, row, width, count)]


def test_short_review_row_is_a_short_row_not_a_missing_table():
    # table 四 printed with 14 of its 15 figures: a row of the wrong width (RL202), not a missing table (RL201)
    text = edit("2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1", "2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1")
    result = lint_text(text, options=LintOptions(select=("RL201", "RL202")))
    assert [(d.code, d.line, d.expected, d.actual) for d in result.diagnostics] == [("RL202", 62, "15", "14")]


# ---------------------------------------------------------------- warnings: typos, collapsed （六）, added rows, headers


def test_label_typo():
    # corpus/real/02
    text = edit("2.其他法律行政法规禁止公开 |", "2.其他法律行政止公开 |")
    assert rl202(text) == [(38, 1, 12, W, ("三",), "2.其他法律行政法规禁止公开", None, "2.其他法律行政法规禁止公开", "2.其他法律行政止公开")]
    assert messages(text) == ["行标签「2.其他法律行政止公开」与模板「2.其他法律行政法规禁止公开」不符（疑为错字）"]
    assert messages(text, SELECT_EN) == ["row label '2.其他法律行政止公开' differs from the template's '2.其他法律行政法规禁止公开' (a typo?)"]
    assert lint_text(text, options=SELECT).status == "pass"


def test_other_handling_printed_as_one_row():
    # corpus/real/02: the 2021 layout splits （六）其他处理 into three sub-rows
    text = edit(OTHER_HANDLING, "（六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n")
    assert rl202(text) == [(53, 1, 36, W, ("三",), "（六）其他处理", None, None, None)]
    assert messages(text) == ["「（六）其他处理」只印了一行，模板要求分为 3 个子项"]
    assert messages(text, SELECT_EN) == ["'（六）其他处理' is printed as one row; the template splits it into 3 sub-rows"]


def test_added_row():
    # corpus/real/23: Hubei's extra row in 第二十条第（一）项
    text = edit("行政规范性文件 | 2 | 1 | 15\n", "行政规范性文件 | 2 | 1 | 15\n其他主动公开文件 | 56 | 45\n")
    assert rl202(text) == [(19, 1, 19, W, ("二",), "其他主动公开文件", None, None, None)]
    assert messages(text) == ["主动公开表中有模板没有的行「其他主动公开文件」"]
    assert messages(text, SELECT_EN) == ["the 主动公开 table has a row the template does not: '其他主动公开文件'"]


def test_column_header_typo():
    # corpus/real/33: the header 现行有效件数 truncated to 现行有效件
    text = edit("本年废止件数 | 现行有效件数", "本年废止件数 | 现行有效件")
    assert rl202(text) == [(16, 26, 31, W, ("二",), None, "现行有效件数", "现行有效件数", "现行有效件")]
    assert messages(text) == ["列名「现行有效件」与模板「现行有效件数」不符"]
    assert messages(text, SELECT_EN) == ["column header '现行有效件' differs from the template's '现行有效件数'"]


# ---------------------------------------------------------------- good: the real layouts of the same table


def test_good_sample(good_path):
    assert lint_path(good_path, SELECT).diagnostics == ()


@pytest.mark.parametrize(
    "old,new",
    [
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"),  # half-width (05, 07)
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开"),  # printed without its note
        ("（三）不予公开 | 1.属于国家秘密", "(三) 不予公开 | 1、属于国家秘密"),  # stray space (21), 1、 numbering
        ("4.保护第三方合法权益", "4．保护第三方合法权益"),  # full-width full stop
        ("4.无正当理由大量反复申请", "4.无正当理由大量反复 申请"),  # a space inside (02)
        ("5.属于三类内部事务信息 |", "- 3 -\n5.属于三类内部事务信息 |"),  # a page marker between rows (02)
        ("（七）总计 | 8 | 2 | 0 | 1 | 1 | 0 | 12", "（七）总计 | 8 | 2 | 0 | 1 | 1 | 0 | 12 | ||"),  # filler cells
        ("第二十条第（八）项", "第二十条 第(八)项 | |||"),  # 第二十条 with a space and filler (seeds/001)
        ("本年收费金额（单位：万元）", "本年收费金额(单位:万元)"),  # half-width header (05, 07, 13)
    ],
    ids=["half-width", "note-dropped", "space-and-1、", "full-width-stop", "space-inside", "page-marker", "filler", "citation-spaced", "header-half-width"],
)
def test_layout_variants_are_not_defects(old, new):
    assert rl202(edit(old, new)) == []


def test_one_cell_per_line():
    # corpus/real/11, 13: every cell on its own line ending in `|`, filler lines `|||`
    lines = []
    for number, line in enumerate(GOOD_LINES, start=1):
        if 15 <= number <= 28 or 33 <= number <= 57:
            lines += [cell + " |" for cell in line.split(" | ")] + (["|||"] if number in (18, 21) else [])
        else:
            lines.append(line)
    assert rl202("\n".join(lines)) == []


def test_pdf_text_rows_with_vertical_group_label():
    # corpus/real/02: rows as "label figures…", the group label 三、本年度办理结果 one character per line,
    # group labels （三）（四）（五）（六） on their own line
    lines = GOOD_LINES[:32]
    for line in GOOD_LINES[32:57]:
        cells = line.split(" | ")
        if cells[0] == "三、本年度办理结果":
            lines += list("三、本年度办理结果")
            cells = cells[1:]
        elif len(cells) == 9:
            lines.append(cells[0])
            cells = cells[1:]
        lines.append(" ".join(cells))
    assert rl202("\n".join(lines + GOOD_LINES[57:])) == []


def test_pdf_text_rows_with_group_label_beside_the_first_sub_row():
    # REFERENCE §5: group labels share the line with their first sub-row (「（三）不予公开 | 1.属于国家秘密 | 14 | …」);
    # in PDF text the same row reads 「（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0」. The row is 1.属于国家秘密, not a
    # group printed as one row.
    lines = GOOD_LINES[:32] + [" ".join(line.split(" | ")) for line in GOOD_LINES[32:57]] + GOOD_LINES[57:]
    assert rl202("\n".join(lines)) == []


def test_2019_layout_in_a_2020_report():
    # 60号 (2019) layout: （六）其他处理 is one row, 第（五）项 has 其他对外管理服务事项, and there is a 第（九）项
    text = (
        "青山县交通运输局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规章 | 0 | 0 | 0\n规范性文件 | 2 | 2 | 15\n"
        "第二十条第（五）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n行政许可 | 56 | -3 | 1328\n其他对外管理服务事项 | 12 | 0 | 40\n"
        "第二十条第（六）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n行政处罚 | 120 | -8 | 216\n行政强制 | 5 | 0 | 0\n"
        "第二十条第（八）项\n信息内容 | 上一年项目数量 | 本年增/减\n行政事业性收费 | 3 | -1\n"
        "第二十条第（九）项\n信息内容 | 采购项目数量 | 采购总金额\n政府集中采购 | 6 | 25.1\n"
        + "\n".join(GOOD_LINES[28:52]) + "\n（六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
        + "\n".join(GOOD_LINES[55:57]) + "\n" + END
    )
    assert rl202(text) == []


# ---------------------------------------------------------------- excerpts


@pytest.mark.parametrize(
    "tail",
    [
        "三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0",  # cut inside a pipe row
        "（一）予以公开 3 1 0",  # cut inside a PDF text row
        "三、本年度办理结果 | （一）予以公开 | 3 | 1 |",
    ],
    ids=["pipe-row", "pdf-row", "pipe-row-trailing-bar"],
)
def test_excerpt_cut_inside_a_row(tail):
    # the text stops mid-row (an excerpt, REFERENCE §5 / corpus README): the missing figures lie past the cut;
    # RL203 already skips the cut line, RL202 must too
    text = "\n".join(GOOD_LINES[:34]) + "\n" + tail
    assert rl202(text) == []


def test_excerpt_rows_after_the_cut_are_not_missing():
    assert rl202("\n".join(GOOD_LINES[:45])) == []


# ---------------------------------------------------------------- real reports


@needs_corpus
def test_corpus_02_typo_and_collapsed_other_handling():
    path = CORPUS / "02_huaian_hongze_district_2023.txt"
    result = lint_path(path, LintOptions(select=("RL201", "RL202", "RL203", "RL204")))
    assert [(d.code, d.line, d.column, d.end_column, d.severity, d.row, d.expected, d.actual) for d in result.diagnostics] == [
        ("RL202", 90, 1, 12, W, "2.其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开", "2.其他法律行政止公开"),
        ("RL202", 109, 1, 22, W, "（六）其他处理", None, None),
    ]
    assert [d.message for d in result.diagnostics] == [
        "行标签「2.其他法律行政止公开」与模板「2.其他法律行政法规禁止公开」不符（疑为错字）",
        "「（六）其他处理」只印了一行，模板要求分为 3 个子项",
    ]


@needs_corpus
def test_corpus_23_added_row():
    result = lint_path(CORPUS / "23_xiaogan_gov_office_2020_excerpt.txt", SELECT)
    assert [(d.line, d.column, d.severity, d.row, d.message) for d in result.diagnostics] == [
        (16, 1, W, "其他主动公开文件", "主动公开表中有模板没有的行「其他主动公开文件」")
    ]


@needs_corpus
def test_corpus_33_truncated_header():
    result = lint_path(CORPUS / "33_daixian_health_2024_excerpt.txt", SELECT)
    assert [(d.line, d.column, d.end_column, d.severity, d.column_label, d.expected, d.actual, d.message) for d in result.diagnostics] == [
        (19, 1, 6, W, "现行有效件数", "现行有效件数", "现行有效件", "列名「现行有效件」与模板「现行有效件数」不符")
    ]


@needs_corpus
def test_corpus_07_header_cut_by_the_excerpt_is_not_a_typo():
    # 07 stops at 「信息内容 | 本年收费金额(单」: the copy was cut there (corpus README), the publisher's header
    # was whole; a header cut by the excerpt is not a header typo
    assert lint_path(CORPUS / "07_chongqing_jiulongpo_erlang_street_2022_excerpt.txt", SELECT).diagnostics == ()


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        "04_shanghai_municipal_gov_office_2019.txt",  # 2019 layout: （六） one row, 第（九）项, blank cells
        "05_shenzhen_longgang_dept_2024_excerpt.txt",  # 「商业 企业」, cut at 7.属于行政执法案卷
        "11_yueyang_xinfang_2021_excerpt.txt",  # one cell per line, '/' cells
        "13_yangling_stats_2023_excerpt.txt",
        "15_shijiazhuang_qiaoxi_zhongshan_street_2021_excerpt.txt",  # a lone `|` after each cell
        "25_civil_affairs_bureau_2023_old_format_excerpt.txt",  # old labels: RL204's business, not typos
        "31_audit_bureau_2020_page9_excerpt.txt",  # starts mid-table
    ],
)
def test_corpus_layouts_without_row_defects(name):
    assert lint_path(CORPUS / name, SELECT).diagnostics == ()
