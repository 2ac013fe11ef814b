"""The line grammar (grammar/report.lark) and the Document built from it (reportlint/parser.py).

Positions are 1-based; a column counts code points (a CJK character is one column); end columns
are exclusive.
"""

from __future__ import annotations

import pytest
from lark import Lark
from lark.exceptions import GrammarError, LexError

from reportlint import lint_text
from reportlint.document import Heading, Paragraph, Span, Table
from reportlint.parser import build_parser, parse


def cells(row):
    return [(c.text, c.span.line, c.span.column, c.span.end_column) for c in row.cells]


def texts(row):
    return [c.text for c in row.cells]


def kinds(doc):
    return [type(b).__name__ for b in doc.blocks]


# ------------------------------------------------------------------ the grammar itself


def test_grammar_builds_strict_without_collisions_or_conflicts():
    parser = build_parser(strict=True)
    assert isinstance(parser, Lark)
    assert parser.options.parser == "lalr"
    assert parser.options.lexer == "contextual"
    # the strict parser parses a real shape, too
    tree = parser.parse("一、总体情况\n一、本年新收政府信息公开申请数量 | 8 | 0\n正文\n")
    assert [child.data for child in tree.children] == ["heading1", "table", "paragraph"]


def test_strict_mode_really_detects_collisions_and_conflicts():
    """Guard for the test above: strict mode must be able to fail (interegular is installed)."""
    with pytest.raises(LexError):
        Lark("start: A | B\nA: /a+/\nB: /ab?/\n", parser="lalr", strict=True)
    with pytest.raises(GrammarError):
        Lark('start: a | b\na: X\nb: X\nX: "x"\n', parser="lalr", strict=True)


def test_parser_is_built_once():
    assert build_parser() is build_parser()
    assert build_parser(strict=True) is build_parser(strict=True)


# ------------------------------------------------------------------ headings


@pytest.mark.parametrize(
    ("line", "level", "number", "title", "column", "end_column"),
    [
        ("一、总体情况", 1, "一", "总体情况", 1, 7),
        ("二、主动公开政府信息情况", 1, "二", "主动公开政府信息情况", 1, 13),
        ("十一、第十一部分", 1, "十一", "第十一部分", 1, 9),
        ("  三、收到和处理政府信息公开申请情况", 1, "三", "收到和处理政府信息公开申请情况", 3, 20),
        ("\u3000\u3000五、存在的主要问题及改进情况", 1, "五", "存在的主要问题及改进情况", 3, 17),
        ("（一）加强组织领导。为进一步深化工作", 2, "（一）", "加强组织领导", 1, 19),
        ("(三)突出工作重点", 2, "（三）", "突出工作重点", 1, 10),
        ("(二)下一步改进措施。", 2, "（二）", "下一步改进措施", 1, 12),
        ("1.规范模块设置。结合工作实际", 3, "1", "规范模块设置", 1, 16),
        ("2、强化主动公开", 3, "2", "强化主动公开", 1, 9),
        ("３．全角数字", 3, "3", "全角数字", 1, 7),
        ("12.第十二项", 3, "12", "第十二项", 1, 8),
    ],
)
def test_heading_levels(line, level, number, title, column, end_column):
    doc = parse(line + "\n")
    assert kinds(doc) == ["Heading"]
    heading = doc.headings[0]
    assert (heading.level, heading.number, heading.title) == (level, number, title)
    assert heading.text == line.strip()
    assert heading.span == Span(1, column, 1, end_column)


@pytest.mark.parametrize(
    "line",
    [
        "1.5万元用于平台建设",  # a decimal, not "1."
        "一是部分栏目内容不够丰富;",
        "2022年度共受理申请8件。",
        "为深入贯彻落实政务公开工作要点",
        "第二十条 第(一)项",
    ],
)
def test_not_headings(line):
    doc = parse(line + "\n")
    assert kinds(doc) == ["Paragraph"]
    assert doc.paragraphs[0].text == line


def test_section_paths_three_levels():
    text = "\n".join(
        [
            "标题行",  # 1
            "一、总体情况",  # 2
            "（一）主动公开",  # 3
            "1.规范模块设置",  # 4
            "正文一",  # 5
            "2、强化主动公开",  # 6
            "(二)依申请公开",  # 7
            "正文二",  # 8
            "二、主动公开政府信息情况",  # 9
            "信息内容 | 本年制发件数",  # 10
            "三、收到和处理政府信息公开申请情况",  # 11
        ]
    )
    doc = parse(text)
    got = [(type(b).__name__, b.span.line, b.section) for b in doc.blocks]
    assert got == [
        ("Paragraph", 1, ()),
        ("Heading", 2, ("一",)),
        ("Heading", 3, ("一", "（一）")),
        ("Heading", 4, ("一", "（一）", "1")),
        ("Paragraph", 5, ("一", "（一）", "1")),
        ("Heading", 6, ("一", "（一）", "2")),
        ("Heading", 7, ("一", "（二）")),
        ("Paragraph", 8, ("一", "（二）")),
        ("Heading", 9, ("二",)),
        ("Table", 10, ("二",)),
        ("Heading", 11, ("三",)),
    ]
    assert [h.level for h in doc.headings] == [1, 2, 3, 3, 2, 1, 1]


def test_section_paths_level3_directly_under_level1():
    """`1、` sub-sections straight under `一、` (REFERENCE §5, corpus/real/09) are siblings."""
    doc = parse("一、总体情况\n1、主动公开\n2、依申请公开\n3、政府信息管理\n二、主动公开政府信息情况\n")
    assert [h.section for h in doc.headings] == [
        ("一",),
        ("一", "1"),
        ("一", "2"),
        ("一", "3"),
        ("二",),
    ]


# ------------------------------------------------------------------ rows that look like headings


@pytest.mark.parametrize(
    "line",
    [
        "一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8 | ||",
        "三、本年度办理结果 | (一)予以公开 | 7 | 0 | 0 | 0 | 0 | 0 | 7 | |",
        "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "一、本年新收政府信息公开申请数量\t8\t0\t0\t0\t0\t0\t8",
        "(一)予以公开 | 7 | 0 | 0 | 0 | 0 | 0 | 7",
        "1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    ],
)
def test_heading_like_table_row_is_a_row(line):
    doc = parse("三、收到和处理政府信息公开申请情况\n" + line + "\n")
    assert kinds(doc) == ["Heading", "Table"]
    assert len(doc.headings) == 1
    table = doc.tables[0]
    assert len(table.rows) == 1
    assert table.rows[0].span.line == 2
    assert table.section == ("三",)
    assert texts(table.rows[0])[0] == line.split("|")[0].split("\t")[0].strip()


@pytest.mark.parametrize(
    "line",
    [
        "四、结转下年度继续办理",
        "四、结转下年度继续办理 0 0 0 0 0 0 0",
        "一、本年新收政府信息公开申请数量",
        "一、本年新收政府信息公开申请数量 8 0 0 0 0 0 8",
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
        "三、本年度办理结果",
        "四、 结转下年度继续办理",
    ],
)
def test_pdf_row_label_on_its_own_line_is_not_a_heading(line):
    """The template puts the row 四、结转下年度继续办理 right before the heading 四、… (REFERENCE §2.2)."""
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "（七）总计 | 8 | 0 | 0 | 0 | 0 | 0 | 8",
            line,
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
        ]
    )
    doc = parse(text)
    assert [(h.number, h.span.line) for h in doc.headings] == [("三", 1), ("四", 4), ("五", 5)]
    assert all(h.level == 1 for h in doc.headings)
    row_label = next(p for p in doc.paragraphs if p.span.line <= 3 <= p.span.end_line)
    assert row_label.section == ("三",)
    assert row_label.lines[-1].text == line
    # the section 四 starts at the real heading, not at the row label
    assert doc.headings[1].title == "政府信息公开行政复议、行政诉讼情况"


# ------------------------------------------------------------------ pipe, Markdown and tab rows


def test_pipe_row_cell_positions_with_cjk():
    line = "三、本年度办理结果 | (一)予以公开 | 7 | 0 |"
    doc = parse(line + "\n")
    (table,) = doc.tables
    (row,) = table.rows
    assert cells(row) == [
        ("三、本年度办理结果", 1, 1, 10),
        ("(一)予以公开", 1, 13, 20),
        ("7", 1, 23, 24),
        ("0", 1, 27, 28),
        ("", 1, 30, 30),
    ]
    assert row.span == Span(1, 1, 1, 30)
    assert row.line_text == line
    # every non-empty cell's span points at its text in the source line
    for cell in row.cells:
        if cell.text:
            assert line[cell.span.column - 1 : cell.span.end_column - 1] == cell.text


def test_pipe_row_positions_on_later_indented_line():
    text = "前言\n  行政许可 | 17256件 | \n"
    doc = parse(text)
    (row,) = doc.tables[0].rows
    assert cells(row) == [("行政许可", 2, 3, 7), ("17256件", 2, 10, 16), ("", 2, 18, 18)]
    assert row.span == Span(2, 3, 2, 18)


def test_markdown_table_separator_is_not_a_row():
    text = "\n".join(
        [
            "| 信息内容 | 本年制发件数 |",
            "|---|---|",
            "| 规章 | 0 |",
            "| 行政规范性文件 | 12 |",
        ]
    )
    doc = parse(text)
    assert kinds(doc) == ["Table"]
    rows = doc.tables[0].rows
    assert [r.span.line for r in rows] == [1, 3, 4]
    # the leading "|" opens the row: no empty first cell
    assert cells(rows[0])[:2] == [("信息内容", 1, 3, 7), ("本年制发件数", 1, 10, 16)]
    assert [c.text for c in rows[1].cells if c.text] == ["规章", "0"]
    assert cells(rows[2])[:2] == [("行政规范性文件", 4, 3, 10), ("12", 4, 13, 15)]
    assert all("-" not in c.text for r in rows for c in r.cells)


@pytest.mark.parametrize(
    "separator",
    ["|---|---|", "| --- | --- |", "|:---|---:|", "| :---: | :--- |", "  |----|-----|", "---|---"],
)
def test_markdown_separator_variants(separator):
    doc = parse(f"| 规章 | 0 |\n{separator}\n| 行政许可 | 3 |\n")
    assert kinds(doc) == ["Table"]
    rows = doc.tables[0].rows
    assert [r.span.line for r in rows] == [1, 3]
    assert [[c.text for c in r.cells if c.text] for r in rows] == [["规章", "0"], ["行政许可", "3"]]


def test_separator_line_without_rows_makes_no_empty_table():
    """A stray `---` / `|---|` line (a horizontal rule) must not yield a table without rows."""
    for text in ("正文\n|---|---|\n", "---\n", "正文\n\n| --- |\n正文\n"):
        doc = parse(text)
        assert all(table.rows for table in doc.tables), text
        assert [r for t in doc.tables for r in t.rows] == [], text


def test_tab_separated_rows():
    text = "规章\t0\t0\t0\n行政规范性文件\t0\t6\t19\n行政许可\t17256件\t\n"
    doc = parse(text)
    assert kinds(doc) == ["Table"]
    rows = doc.tables[0].rows
    assert cells(rows[0]) == [("规章", 1, 1, 3), ("0", 1, 4, 5), ("0", 1, 6, 7), ("0", 1, 8, 9)]
    assert cells(rows[1]) == [("行政规范性文件", 2, 1, 8), ("0", 2, 9, 10), ("6", 2, 11, 12), ("19", 2, 13, 15)]
    assert cells(rows[2]) == [("行政许可", 3, 1, 5), ("17256件", 3, 6, 12), ("", 3, 13, 13)]
    assert rows[2].span == Span(3, 1, 3, 12)


def test_tab_row_with_empty_first_cell():
    """A merged group label leaves the first cell empty in tab-separated exports; the line still
    has text on both sides of a tab (the grammar's definition of a tab row)."""
    text = "(三)不予公开\t1.属于国家秘密\t0\t0\n\t2.其他法律行政法规禁止公开\t0\t0\n"
    doc = parse(text)
    assert kinds(doc) == ["Table"]
    rows = doc.tables[0].rows
    assert [r.span.line for r in rows] == [1, 2]
    # a leading tab gives an empty first cell; the label starts at column 2
    assert cells(rows[1]) == [("", 2, 1, 1), ("2.其他法律行政法规禁止公开", 2, 2, 16), ("0", 2, 17, 18), ("0", 2, 19, 20)]


def test_single_tab_without_text_on_both_sides_is_not_a_row():
    doc = parse("正文\t\n\t正文\n")
    assert doc.tables == ()
    assert [p.text for p in doc.paragraphs] == ["正文正文"]


def test_blank_lines_split_tables():
    text = "a | 1\nb | 2\n\nc | 3\n   \t \nd | 4\n\u3000\ne | 5\n正文\nf | 6\n"
    doc = parse(text)
    assert kinds(doc) == ["Table", "Table", "Table", "Table", "Paragraph", "Table"]
    assert [[r.span.line for r in t.rows] for t in doc.tables] == [[1, 2], [4], [6], [8], [10]]
    assert [[r.cells[0].text for r in t.rows] for t in doc.tables] == [["a", "b"], ["c"], ["d"], ["e"], ["f"]]


def test_heading_ends_a_table():
    doc = parse("a | 1\n四、政府信息公开行政复议、行政诉讼情况\nb | 2\n")
    assert kinds(doc) == ["Table", "Heading", "Table"]
    assert [t.section for t in doc.tables] == [(), ("四",)]


# ------------------------------------------------------------------ paragraphs


def test_paragraph_lines_merge_and_keep_positions():
    doc = parse("\u3000\u3000为深入贯彻落实\n政务公开工作要点。\n  \n第二段\n")
    assert kinds(doc) == ["Paragraph", "Paragraph"]
    first, second = doc.paragraphs
    assert first.text == "为深入贯彻落实政务公开工作要点。"
    assert [(l.line, l.column) for l in first.lines] == [(1, 3), (2, 1)]
    assert first.span == Span(1, 3, 2, 10)
    assert first.locate(7, 11) == Span(2, 1, 2, 5)  # "政务公开"
    assert second.text == "第二段"
    assert second.span == Span(4, 1, 4, 4)


# ------------------------------------------------------------------ line ends and edge inputs

_LF = "标题\n一、总体情况\n正文第一行\n正文第二行\n\na | 1 | 2\nb\t3\n（一）小节\n1.条目\n"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_give_the_same_blocks_as_lf(newline):
    other = _LF.replace("\n", newline)
    assert parse(other).blocks == parse(_LF).blocks
    # without the final line end, too
    assert parse(other[: -len(newline)]).blocks == parse(_LF[:-1]).blocks


def test_mixed_line_ends():
    doc = parse("一、总体情况\r\n正文\r二、主动公开政府信息情况\na | 1\r\n")
    assert [(type(b).__name__, b.span.line) for b in doc.blocks] == [
        ("Heading", 1),
        ("Paragraph", 2),
        ("Heading", 3),
        ("Table", 4),
    ]
    assert doc.tables[0].rows[0].line_text == "a | 1"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("trailing", [True, False])
def test_crlf_and_cr_give_the_same_lines_as_lf(newline, trailing):
    lf = _LF if trailing else _LF[:-1]
    doc_lf = parse(lf)
    doc = parse(lf.replace("\n", newline))
    assert doc.lines == doc_lf.lines
    assert doc.text == doc_lf.text
    assert doc.end_span == doc_lf.end_span
    assert doc.line(6) == "a | 1 | 2"


def test_no_trailing_newline():
    doc = parse("a | 1\n一、总体情况")
    assert kinds(doc) == ["Table", "Heading"]
    assert doc.headings[0].span == Span(2, 1, 2, 7)
    assert doc.text == "a | 1\n一、总体情况"
    assert doc.lines == ("a | 1", "一、总体情况")

    doc = parse("正文\nx | 1 | 2")
    assert kinds(doc) == ["Paragraph", "Table"]
    assert cells(doc.tables[0].rows[0]) == [("x", 2, 1, 2), ("1", 2, 5, 6), ("2", 2, 9, 10)]


def test_empty_input():
    doc = parse("")
    assert doc.blocks == ()
    assert doc.headings == () and doc.paragraphs == () and doc.tables == ()
    assert doc.text == ""
    result = lint_text("")
    assert result.status == "error"
    assert [d.code for d in result.diagnostics] == ["RL004"]


@pytest.mark.parametrize("text", ["\n", "   \n", " \t \n\n\u3000\n", "\n\n\n", "\t"])
def test_whitespace_only_input(text):
    doc = parse(text)
    assert doc.blocks == ()


def test_whitespace_only_lines_keep_line_numbers():
    doc = parse("  \n\t\n一、总体情况\n \n正文\n")
    assert [(type(b).__name__, b.span.line) for b in doc.blocks] == [("Heading", 3), ("Paragraph", 5)]
    assert isinstance(doc.blocks[0], Heading) and isinstance(doc.blocks[1], Paragraph)


def test_block_types_are_document_nodes():
    doc = parse("一、总体情况\na | 1\n正文\n")
    assert isinstance(doc.blocks[1], Table)
    assert doc.blocks[1].span == Span(2, 1, 2, 6)
