"""Word .docx: automatic numbering, merged cells, headers/footers, the official 2021 template."""

from __future__ import annotations

import copy
import io
import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from readers_conftest import SAMPLES_DIR, SEED_001, W_NS, diagnostic_key, lint_file
from reportlint.readers import Origin, read_path
from reportlint.readers.docx import read_docx

# ---------------------------------------------------------------- Word numbering helpers


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'


class Numbering:
    """Adds list definitions to a python-docx document's numbering part (numbering.xml)."""

    def __init__(self, document) -> None:
        self.root = document.part.numbering_part.element

    def abstract(self, abstract_id: int, *levels: str) -> None:
        element = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')
        first_num = self.root.find(qn("w:num"))  # the schema wants every abstractNum before the nums
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self.root.append(element)

    def num(self, num_id: int, abstract_id: int, restart_level: int | None = None) -> None:
        override = f'<w:lvlOverride w:ilvl="{restart_level}"><w:startOverride w:val="1"/></w:lvlOverride>' if restart_level is not None else ""
        self.root.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'))


def number(paragraph, num_id: int, ilvl: int = 0) -> None:
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def text_lines(result) -> list[str]:
    return [line for line in result.text.split("\n") if line]


# ---------------------------------------------------------------- automatic numbering


def test_multilevel_chinese_numbering_is_restored_and_restarts_under_each_parent():
    document = docx.Document()
    numbering = Numbering(document)
    numbering.abstract(90, _lvl(0, "chineseCounting", "%1、"), _lvl(1, "chineseCounting", "（%2）"), _lvl(2, "decimal", "%3."))
    numbering.num(90, 90)
    for text, level in [
        ("总体情况", 0), ("主动公开", 1), ("依申请公开", 1), ("政府信息管理", 1),
        ("主动公开政府信息情况", 0), ("规章", 1), ("制发", 2), ("废止", 2),
        ("收到和处理政府信息公开申请情况", 0), ("申请", 1), ("新收", 2),
    ]:
        number(document.add_paragraph(text), 90, level)
    result = read_docx(saved(document))
    assert text_lines(result) == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "（三）政府信息管理",
        "二、主动公开政府信息情况", "（一）规章", "1.制发", "2.废止",
        "三、收到和处理政府信息公开申请情况", "（一）申请", "1.新收",
    ]


def test_chinese_counting_past_ten():
    document = docx.Document()
    numbering = Numbering(document)
    numbering.abstract(91, _lvl(0, "chineseCounting", "%1、"))
    numbering.num(91, 91)
    for i in range(21):
        number(document.add_paragraph(f"项目{i + 1}"), 91)
    lines = text_lines(read_docx(saved(document)))
    assert lines[9] == "十、项目10"
    assert lines[10] == "十一、项目11"
    assert lines[19] == "二十、项目20"
    assert lines[20] == "二十一、项目21"


def test_separate_lists_restarted_with_start_override():
    """Word's 「重新开始于一」: a new w:num for the same list definition with a startOverride.

    The sub-headings of 五 start again at （一）; they do not continue 一's （一）（二）."""
    document = docx.Document()
    numbering = Numbering(document)
    numbering.abstract(92, _lvl(0, "chineseCounting", "%1、"))
    numbering.abstract(93, _lvl(0, "chineseCounting", "（%1）"))
    numbering.num(92, 92)
    numbering.num(93, 93)
    numbering.num(94, 93, restart_level=0)
    for text, num_id in [
        ("总体情况", 92), ("主动公开", 93), ("依申请公开", 93),
        ("存在的主要问题及改进情况", 92), ("存在的主要问题", 94), ("改进措施", 94),
    ]:
        number(document.add_paragraph(text), num_id)
    assert text_lines(read_docx(saved(document))) == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开",
        "二、存在的主要问题及改进情况", "（一）存在的主要问题", "（二）改进措施",
    ]


def test_a_list_continues_across_unnumbered_paragraphs_and_tables():
    document = docx.Document()
    numbering = Numbering(document)
    numbering.abstract(95, _lvl(0, "chineseCounting", "%1、"))
    numbering.num(95, 95)
    number(document.add_paragraph("总体情况"), 95)
    document.add_paragraph("正文一段。")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "表格"
    number(document.add_paragraph("主动公开政府信息情况"), 95)
    lines = text_lines(read_docx(saved(document)))
    assert lines[0] == "一、总体情况"
    assert lines[-1] == "二、主动公开政府信息情况"


def test_numbering_from_the_paragraph_style_and_numid_zero_switches_it_off():
    document = docx.Document()
    numbering = Numbering(document)
    numbering.abstract(96, _lvl(0, "chineseCounting", "%1、"), _lvl(1, "chineseCounting", "（%2）"))
    numbering.num(96, 96)
    heading1 = document.styles.add_style("年报一级标题", WD_STYLE_TYPE.PARAGRAPH)
    heading1.element.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="96"/></w:numPr>'))
    heading2 = document.styles.add_style("年报二级标题", WD_STYLE_TYPE.PARAGRAPH)
    heading2.element.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="1"/><w:numId w:val="96"/></w:numPr>'))
    document.add_paragraph("总体情况", style=heading1)
    document.add_paragraph("主动公开", style=heading2)
    unnumbered = document.add_paragraph("不编号的说明", style=heading2)
    unnumbered._p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="0"/></w:numPr>'))
    document.add_paragraph("依申请公开", style=heading2)
    document.add_paragraph("主动公开政府信息情况", style=heading1)
    assert text_lines(read_docx(saved(document))) == [
        "一、总体情况", "（一）主动公开", "不编号的说明", "（二）依申请公开", "二、主动公开政府信息情况",
    ]


_HEADING = re.compile(r"^(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)]|([0-9]+)\.)(?=\S)")


def _auto_numbered(text: str, path: Path, second_level: str, to_docx) -> list[str]:
    """Writes the report as .docx whose headings (一、 （一） 1.) are Word list numbers, not typed
    text; returns the text lines expected back (table rows left out)."""
    state = {"in_body": False}

    def prepare(document):
        numbering = Numbering(document)
        numbering.abstract(97, _lvl(0, "chineseCounting", "%1、"), _lvl(1, "chineseCounting", second_level), _lvl(2, "decimal", "%3."))
        numbering.num(97, 97)

    def add_paragraph(document, line):
        match = _HEADING.match(line)
        state["in_body"] = state["in_body"] or (match is not None and match.group(1) == "一")
        if not (match and state["in_body"]):  # the title and intro are never numbered
            return document.add_paragraph(line)
        paragraph = document.add_paragraph(line[match.end():])
        number(paragraph, 97, 0 if match.group(1) else 1 if match.group(2) else 2)
        return paragraph

    to_docx(text, path, prepare=prepare, add_paragraph=add_paragraph)
    assert state["in_body"]
    return [line for line in text.rstrip("\n").split("\n") if "|" not in line]


def test_good_report_with_word_numbered_headings_reads_and_lints_like_the_text(tmp_path, good_path, to_docx):
    path = tmp_path / "good.docx"
    expected = _auto_numbered(good_path.read_text(encoding="utf-8"), path, "（%2）", to_docx)
    assert "（一）主动公开" not in docx.Document(str(path)).paragraphs[3].text  # typed numbers are gone
    result = read_path(path)
    assert [line for line in text_lines(result) if "|" not in line] == expected
    assert "一、总体情况" in expected and "（五）监督保障" in expected and "六、其他需要报告的事项" in expected
    linted = lint_file(path)
    assert linted.status == "pass"
    assert [d.code for d in linted.diagnostics] == []


@pytest.mark.skipif(not SEED_001.is_file(), reason="seed 001 is absent")
def test_seed_001_with_word_numbered_headings_lints_like_the_text(tmp_path, to_docx):
    # seed 001 numbers （一）（二）（三） under 一 and again （一）（二） under 五, with 1. 2. 3. lists
    path = tmp_path / "seed001.docx"
    expected = _auto_numbered(SEED_001.read_text(encoding="utf-8"), path, "(%2)", to_docx)
    lines = [line for line in text_lines(read_path(path)) if "|" not in line]
    assert lines == expected
    assert "(一)存在的主要问题。" in lines and "1.提高认识,加强领导。进一步提高对政务信息公开工作重要性的认识,持续加强对政务信息公开工作的领导,将政务信息公开工作纳入全年全局性工作之一,一并抓好、落实好。" in lines
    ref = lint_file(SEED_001)
    assert Counter(map(diagnostic_key, lint_file(path).diagnostics)) == Counter(map(diagnostic_key, ref.diagnostics))


# ---------------------------------------------------------------- tables, headers and footers


def test_merged_cells_are_written_once_per_row_with_grid_columns_as_cell_numbers():
    document = docx.Document()
    table = document.add_table(rows=5, cols=5)
    table.cell(0, 0).merge(table.cell(0, 4)).text = "第二十条第（一）项"  # across the whole row
    table.cell(1, 0).merge(table.cell(1, 2)).text = "一、本年新收政府信息公开申请数量"  # label over 3 columns
    table.cell(1, 3).text, table.cell(1, 4).text = "8", "8"
    group = table.cell(2, 0).merge(table.cell(4, 0))  # a group label down three rows
    group.text = "三、本年度办理结果"
    table.cell(2, 1).merge(table.cell(2, 2)).text = "（一）予以公开"
    table.cell(2, 3).text, table.cell(2, 4).text = "3", "3"
    sub = table.cell(3, 1).merge(table.cell(4, 1))
    sub.text = "（三）不予公开"
    table.cell(3, 2).text, table.cell(3, 3).text, table.cell(3, 4).text = "1.属于国家秘密", "0", "0"
    table.cell(4, 2).text, table.cell(4, 3).text, table.cell(4, 4).text = "2.其他法律行政法规禁止公开", "1", "1"
    result = read_docx(saved(document))
    rows = [line for line in result.text.split("\n") if line.startswith("|")]
    assert rows == [
        "| 第二十条第（一）项 |",
        "| 一、本年新收政府信息公开申请数量 | 8 | 8 |",
        "| 三、本年度办理结果 | （一）予以公开 | 3 | 3 |",
        "| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 |",
        "| 三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 | 1 | 1 |",
    ]
    line = result.text.split("\n").index(rows[1]) + 1
    source_map = result.source_map
    assert source_map.locate(line, rows[1].index("8") + 1) == Origin(table=1, row=2, cell=4)
    assert source_map.locate(line, rows[1].rindex("8") + 1) == Origin(table=1, row=2, cell=5)
    line = result.text.split("\n").index(rows[4]) + 1
    assert source_map.locate(line, rows[4].index("2.其他") + 1) == Origin(table=1, row=5, cell=3)
    assert source_map.locate(line, rows[4].rindex("1") + 1) == Origin(table=1, row=5, cell=5)


def test_headers_and_footers_are_ignored(tmp_path, good_text, to_docx):
    conv = to_docx(
        good_text, tmp_path / "good.docx",
        header="（文字描述）XX县2022年政府信息公开工作年度报告 | 1 | 2",
        footer="第 1 页 共 5 页 xxxx年x月x日",
    )
    word = docx.Document(str(conv.path))
    assert word.sections[0].header.paragraphs[0].text.startswith("（文字描述）")  # really written
    result = read_path(conv.path)
    assert "文字描述" not in result.text and "2022年" not in result.text and "xxxx" not in result.text
    linted = lint_file(conv.path)
    assert linted.status == "pass" and linted.diagnostics == ()


def test_body_paragraph_numbers_count_blank_paragraphs_but_not_table_paragraphs():
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).add_paragraph("单元格里的第二段")
    document.add_paragraph("（文字描述）")
    result = read_docx(saved(document))
    lines = result.text.split("\n")
    line = lines.index("（文字描述）") + 1
    assert result.source_map.locate(line, 1) == Origin(paragraph=3)
    assert document.paragraphs[2].text == "（文字描述）"


# ---------------------------------------------------------------- the official template


def test_unfilled_official_template(template_docx):
    result = lint_file(template_docx)
    counts = Counter(d.code for d in result.diagnostics)
    assert counts == Counter({"RL203": 6, "RL402": 3, "RL005": 1}), counts
    assert "RL201" not in counts
    assert result.status == "fail" and result.template == "2021"
    assert next(d for d in result.diagnostics if d.code == "RL005").severity.value == "info"
    # one RL203 per blank table: the four 第二十条 tables, the request table, the review table
    blank = [d for d in result.diagnostics if d.code == "RL203"]
    assert [d.row for d in blank] == ["规章", "行政许可", "行政处罚", "行政事业性收费", "一、本年新收政府信息公开申请数量", "政府信息公开行政复议、行政诉讼情况"]
    word = docx.Document(str(template_docx))
    for d in blank:
        table, row, cell = d.origin["table"], d.origin["row"], d.origin["cell"]
        assert set(d.origin) == {"table", "row", "cell"}
        assert word.tables[table - 1].rows[row - 1].cells[cell - 1].text.strip() == ""  # the blank cell itself (U+3000 padded)
    assert [d.origin["table"] for d in blank] == [1, 1, 1, 1, 2, 3]
    # every （文字描述） leftover, at its Word paragraph
    leftovers = [d for d in result.diagnostics if d.code == "RL402"]
    assert [d.actual for d in leftovers] == ["（文字描述）", "（文字描述）", "（文字描述，收取信息处理费情况在此处报告。）"]
    assert [d.section for d in leftovers] == [("一",), ("五",), ("六",)]
    for d in leftovers:
        assert set(d.origin) == {"paragraph"}
        assert word.paragraphs[d.origin["paragraph"] - 1].text == d.actual
    assert [d.origin["paragraph"] for d in leftovers] == [5, 30, 32]


# ---------------------------------------------------------------- the official template, filled in

_NUMBER_SAMPLES = ["qingshan", "RL203", "RL301", "RL302", "RL303", "RL304", "RL508"]
_TEXT_SAMPLES = ["RL401", "RL402", "RL501", "RL502", "RL503", "RL507", "RL601", "RL602"]
_FILLABLE = [p for p in sorted(SAMPLES_DIR.rglob("*.txt")) if p.stem.startswith(tuple(_NUMBER_SAMPLES + _TEXT_SAMPLES))]
_VALUE = re.compile(r"^[0-9.]*$")


def _distinct(cells):
    out = []
    for cell in cells:
        if not out or cell._tc is not out[-1]._tc:
            out.append(cell)
    return out


def _txt_rows(text: str) -> list[tuple[str, list[str]]]:
    rows = []
    for line in text.split("\n"):
        if "|" not in line:
            continue
        cells = [c.strip() for c in line.split("|")]
        labels = []
        while cells and cells[0] and not _VALUE.match(cells[0]):
            labels.append(cells.pop(0))
        rows.append((labels[-1] if labels else "", cells))
    return rows


def _insert_after(paragraph: Paragraph, texts: list[str]) -> None:
    anchor = paragraph._p
    for text in texts:
        new = copy.deepcopy(paragraph._p)
        anchor.addnext(new)
        Paragraph(new, paragraph._parent).text = text
        anchor = new


def fill_template(template: Path, text: str, out: Path) -> None:
    """The official template with the sample's figures in its cells and its text in place of （文字描述）."""
    word = docx.Document(str(template))
    lines = text.rstrip("\n").split("\n")
    rows = _txt_rows(text)
    by_label = {label: values for label, values in rows if label}
    review_values = [values for label, values in rows if not label and len(values) == 15][-1]
    publish, request, review = word.tables
    filled = 0
    for table in (publish, request):
        for row in table.rows:
            cells = _distinct(row.cells)
            labels = [c for c in cells if c.text.strip()]
            blanks = [c for c in cells if not c.text.strip()]
            if not labels or not blanks or labels[-1].text.strip() not in by_label:
                continue
            values = by_label[labels[-1].text.strip()]
            assert len(values) == len(blanks), (labels[-1].text, values)
            for cell, value in zip(blanks, values):
                cell.text = value
            filled += 1
    assert filled == 6 + 25  # every 第二十条 row and every request row
    for cell, value in zip(_distinct(review.rows[3].cells), review_values, strict=True):
        cell.text = value

    def body(heading: str, next_heading: str | None) -> list[str]:
        start = lines.index(heading) + 1
        end = lines.index(next_heading) if next_heading else len(lines)
        return lines[start:end]

    paragraphs = word.paragraphs
    placeholders = [p for p in paragraphs if p.text.startswith("（文字描述")]
    assert len(placeholders) == 3
    for paragraph, content in zip(
        placeholders,
        (body("一、总体情况", "二、主动公开政府信息情况"), body("五、存在的主要问题及改进情况", "六、其他需要报告的事项"), body("六、其他需要报告的事项", None)),
    ):
        paragraph.text = content[0]
        _insert_after(paragraph, content[1:])
    title = paragraphs[1]
    assert title.text == "政府信息公开工作年度报告格式模板"
    title.text = lines[0]
    _insert_after(title, [lines[1]])
    word.save(str(out))


@pytest.mark.parametrize("source", _FILLABLE, ids=lambda p: p.stem)
def test_filled_in_official_template_lints_like_its_text_version(source, template_docx, tmp_path):
    path = tmp_path / "filled.docx"
    fill_template(template_docx, source.read_text(encoding="utf-8"), path)
    ref, result = lint_file(source), lint_file(path)
    assert Counter(map(diagnostic_key, result.diagnostics)) == Counter(map(diagnostic_key, ref.diagnostics))
    assert (result.status, result.year, result.template) == (ref.status, ref.year, ref.template)


def test_filled_in_template_points_at_the_template_cell(template_docx, tmp_path, bad_sample):
    path = tmp_path / "filled.docx"
    fill_template(template_docx, bad_sample("RL301").read_text(encoding="utf-8"), path)
    rl301 = next(d for d in lint_file(path).diagnostics if d.code == "RL301")
    # template table 2, row 6 (three header rows, 一, 二, （一）予以公开), 10th grid column = 总计
    assert rl301.origin == {"table": 2, "row": 6, "cell": 10}
    row = docx.Document(str(path)).tables[1].rows[5]
    assert row.cells[9].text == "6" and row.cells[1].text == "（一）予以公开"
