"""Converters for the reader tests: a text report (the samples' `a | b | c` layout) -> .docx / .html.

Every converter also returns a map from the text version to the place it put each piece, so a test
can say exactly where a finding *must* point in the converted file:

- ``Converted.paragraph_of[txt_line]``  -> Word paragraph number (1-based, counting every body
  paragraph, blank ones included, as Word does; paragraphs inside tables are not counted) or, for
  HTML, the source line of the ``<p>``;
- ``Converted.cell_of[(txt_line, txt_cell)]`` -> ``(table, row, grid column)`` (all 1-based) of the
  Word / HTML cell that holds text cell ``txt_cell`` (0-based, as the text parser numbers the
  pieces of ``line.split("|")``) of text line ``txt_line``;
- ``Converted.row_line_of[(table, row)]`` -> HTML source line of that ``<tr>``.

Layouts:

- ``plain``: each run of consecutive `|` lines is one table; a row with fewer cells than the widest
  row has its last cell stretched over the rest (Word ``gridSpan`` / HTML ``colspan``), so every row
  keeps exactly its own cells.
- ``merged``: as plain, but the request table (the block opening with 「（本列数据的勾稽关系…」) is
  laid out like the official 2021 template: three label columns, group labels (三、本年度办理结果,
  （三）不予公开 …) vertically merged over their rows, single labels spanning the label columns,
  and the three header rows merged as in the template.
"""

from __future__ import annotations

import html as html_lib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLES_DIR = ROOT / "samples"
SHARED_DIR = ROOT.parent / "shared"
SEED_001 = SHARED_DIR / "seeds" / "001_c22fe348ddb0941e.txt"
TEMPLATE_DOCX = SHARED_DIR / "corpus" / "docx" / "template-2021-official.docx"
HONGZE_PDF = SHARED_DIR / "corpus" / "pdf" / "hongze-district-2023.pdf"
HONGZE_TXT = SHARED_DIR / "corpus" / "real" / "02_huaian_hongze_district_2023.txt"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# The test modules import the helpers below as `readers_conftest` (every test folder's conftest is
# a module named "conftest", so that name is ambiguous).
sys.modules.setdefault("readers_conftest", sys.modules[__name__])


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a test that takes more than a few seconds (still run by default)")


# ---------------------------------------------------------------- the text model


@dataclass(frozen=True)
class TextCell:
    text: str  # stripped
    index: int  # index in line.split("|"), as reportlint.parser numbers cells
    start: int  # first column of the piece (1-based) in the text line
    end: int  # one past its last column


def split_cells(line: str) -> list[TextCell]:
    """The cells of a `|` line. A leading `|` (Markdown) and a closing `|` are not cells."""
    pieces = line.split("|")
    cells = []
    offset = 0
    for index, piece in enumerate(pieces):
        cells.append(TextCell(piece.strip(), index, offset + 1, offset + len(piece) + 1))
        offset += len(piece) + 1
    if line.lstrip().startswith("|") and cells and not cells[0].text:
        cells = cells[1:]
    if line.rstrip().endswith("|") and cells and not cells[-1].text:
        cells = cells[:-1]
    return cells


def cell_at(line: str, column: int) -> int | None:
    """The text-parser cell index of `column` (1-based) in a `|` line."""
    offset = 0
    for index, piece in enumerate(line.split("|")):
        if offset + 1 <= column <= offset + len(piece):
            return index
        offset += len(piece) + 1
    return None


@dataclass
class Para:
    line: int
    text: str


@dataclass
class TextTable:
    rows: list[tuple[int, list[TextCell]]]  # (text line, cells)


def blocks(text: str) -> list[Para | TextTable]:
    out: list[Para | TextTable] = []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    for number, line in enumerate(lines, start=1):
        if "|" in line:
            if out and isinstance(out[-1], TextTable):
                out[-1].rows.append((number, split_cells(line)))
            else:
                out.append(TextTable([(number, split_cells(line))]))
        else:
            out.append(Para(number, line))
    return out


# ---------------------------------------------------------------- grid layouts


@dataclass
class GridCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    source: tuple[int, int] | None = None  # (text line, text cell index)


@dataclass
class Grid:
    rows: list[list[GridCell]]
    first_line: int


def plain_grid(table: TextTable) -> Grid:
    width = max(len(cells) for _, cells in table.rows)
    rows = []
    for line, cells in table.rows:
        row = [GridCell(c.text, source=(line, c.index)) for c in cells] or [GridCell("")]
        row[-1].colspan = width - len(row) + 1
        rows.append(row)
    return Grid(rows, table.rows[0][0])


_TOP = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_SECOND = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_THIRD = re.compile(r"^[0-9０-９]+[.．、]")
_NUMBERISH = re.compile(r"^[0-9０-９.,，]+(件|条|万元)?$|^[/—-]$")


def _is_request_table(table: TextTable) -> bool:
    first = table.rows[0][1]
    return bool(first) and "本列数据的勾稽关系" in first[0].text


def merged_request_grid(table: TextTable) -> Grid:
    """The request table laid out like the official template (see the module docstring)."""
    header, data = table.rows[:3], table.rows[3:]
    values_width = 7
    label_cols = 3
    width = label_cols + values_width
    rows: list[list[GridCell]] = []
    # header rows: note | 申请人情况 / 自然人 | 法人或其他组织 | 总计 / 5 sub-columns
    (l1, c1), (l2, c2), (l3, c3) = header
    f1 = [c for c in c1 if c.text]
    f2 = [c for c in c2 if c.text]
    f3 = [c for c in c3 if c.text]
    assert len(f1) == 2 and len(f2) == 3 and len(f3) == 5, (f1, f2, f3)
    rows.append([GridCell(f1[0].text, rowspan=3, colspan=label_cols, source=(l1, f1[0].index)),
                 GridCell(f1[1].text, colspan=values_width, source=(l1, f1[1].index))])
    rows.append([GridCell(f2[0].text, rowspan=2, source=(l2, f2[0].index)),
                 GridCell(f2[1].text, colspan=5, source=(l2, f2[1].index)),
                 GridCell(f2[2].text, rowspan=2, source=(l2, f2[2].index))])
    rows.append([GridCell(c.text, source=(l3, c.index)) for c in f3])
    # data rows: work out each row's label path, then merge runs of the same group label
    parsed = []
    for line, cells in data:
        labels, values = [], []
        for cell in cells:
            if not values and cell.text and not _NUMBERISH.match(cell.text):
                labels.append(cell)
            else:
                values.append(cell)
        while len(values) > values_width and not values[-1].text:
            values.pop()  # trailing filler cells of exported tables
        parsed.append((line, labels, values))
    top = second = None
    paths = []
    for line, labels, values in parsed:
        slots: list[TextCell | None] = [None, None, None]
        for label in labels:
            if _TOP.match(label.text):
                top, second = label, None
                slots[0] = label
            elif _SECOND.match(label.text):
                second = label
                slots[1] = label
            else:
                slots[2] = label
        if slots[0] is None and (slots[1] or slots[2]):
            slots[0] = ("continue", top)
        if slots[1] is None and slots[2] is not None:
            slots[1] = ("continue", second)
        paths.append((line, slots, values))
    # convert to grid rows: a label continuing from the row above is absorbed in a rowspan
    open_cells: dict[int, GridCell] = {}
    for line, slots, values in paths:
        row: list[GridCell] = []
        last_label = max((i for i, s in enumerate(slots) if s is not None), default=0)
        for col in range(label_cols):
            slot = slots[col]
            if col > last_label:
                break
            if isinstance(slot, tuple):
                open_cells[col].rowspan += 1
                continue
            if slot is None:
                cell = GridCell("")
            else:
                cell = GridCell(slot.text, source=(line, slot.index))
            if col == last_label:
                cell.colspan = label_cols - col
            row.append(cell)
            open_cells[col] = cell
            for deeper in range(col + 1, label_cols):
                open_cells.pop(deeper, None)
        row.extend(GridCell(v.text, source=(line, v.index)) for v in values)
        used = label_cols + len(values)
        if used < width:
            row.append(GridCell("", colspan=width - used))
        rows.append(row)
    return Grid(rows, table.rows[0][0])


def place(grid: Grid) -> tuple[list[tuple[GridCell, int, int]], int, int]:
    """HTML table semantics: each cell's anchor (row, column), 0-based; and the grid size."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((cell, r, c))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    rows = max(r for r, _ in taken) + 1
    cols = max(c for _, c in taken) + 1
    return placed, rows, cols


def layout(text: str, merged: bool) -> list[Para | Grid]:
    out: list[Para | Grid] = []
    for block in blocks(text):
        if isinstance(block, Para):
            out.append(block)
        elif merged and _is_request_table(block):
            out.append(merged_request_grid(block))
        else:
            out.append(plain_grid(block))
    return out


# ---------------------------------------------------------------- converted files


@dataclass
class Converted:
    path: Path
    paragraph_of: dict[int, int] = field(default_factory=dict)
    cell_of: dict[tuple[int, int], tuple[int, int, int]] = field(default_factory=dict)
    row_line_of: dict[tuple[int, int], int] = field(default_factory=dict)
    # (table, row, grid column) -> the text written into that cell (anchor cells only)
    text_at: dict[tuple[int, int, int], str] = field(default_factory=dict)


def write_docx(
    text: str,
    path: Path,
    merged: bool = False,
    header: str | None = None,
    footer: str | None = None,
    prepare: Callable | None = None,
    add_paragraph: Callable | None = None,
) -> Converted:
    """`prepare(document)` runs first (e.g. to add list definitions); `add_paragraph(document, text)`,
    if given, writes each non-table line (e.g. as a Word-numbered paragraph without its typed number)."""
    import docx

    document = docx.Document()
    body = document.element.body
    for child in list(body):  # python-docx's default template starts with no paragraphs; be sure
        if child.tag != f"{{{W_NS}}}sectPr":
            body.remove(child)
    if prepare is not None:
        prepare(document)
    result = Converted(path)
    paragraph_no = table_no = 0
    for block in layout(text, merged):
        if isinstance(block, Para):
            paragraph_no += 1
            (add_paragraph or (lambda d, t: d.add_paragraph(t)))(document, block.text)
            result.paragraph_of[block.line] = paragraph_no
            continue
        table_no += 1
        placed, n_rows, n_cols = place(block)
        table = document.add_table(rows=n_rows, cols=n_cols)
        for cell, r, c in placed:
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.text = cell.text
            result.text_at[(table_no, r + 1, c + 1)] = cell.text
            if cell.source is not None:
                result.cell_of[cell.source] = (table_no, r + 1, c + 1)
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    document.save(str(path))
    return result


_NOISE_HEAD = """<div class="header"><div class="topbar">无障碍 | 长者模式 | 登录</div>
<div class="nav"><a href="/">首页</a> | <a href="/xxgk/">政府信息公开</a> | <a href="/hd/">互动交流</a></div></div>
<nav><ul><li>（文字描述）</li><li>一、总体情况 | 1 | 2 | 3</li></ul></nav>
<script>var nav = "二、主动公开政府信息情况 | xxxx | 0"; document.write("<p>XX局</p>");</script>
<style>.TRS_Editor p { text-indent: 2em; } /* 三、收到和处理政府信息公开申请情况 */</style>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>
"""
_NOISE_FOOT = """<div class="share">分享到：微信 | 微博</div>
<div class="footer"><table><tr><td>主办：XX县人民政府办公室</td><td>网站标识码 xxxx</td></tr></table>
<p>版权所有 © 2024 青山县人民政府　（文字描述）</p></div>
<script>console.log("五、存在的主要问题及改进情况 | 3 | 4");</script>
"""


def write_html(
    text: str,
    path: Path,
    merged: bool = False,
    encoding: str = "utf-8",
    meta: str | None = '<meta charset="utf-8">',
    noise: bool = False,
    body_class: str | None = None,
) -> Converted:
    """`text` as a saved web page. `meta` is written into <head> as given (None: no declaration)."""
    result = Converted(path)
    lines: list[str] = ["<!DOCTYPE html>", "<html>", "<head>"]
    if meta:
        lines.append(meta)
    lines += ["<title>政府信息公开工作年度报告</title>", "</head>", "<body>"]
    if noise:
        lines += _NOISE_HEAD.rstrip("\n").split("\n")
    # the article wrapper: TRS_Editor on a noisy page unless `body_class` says otherwise ("" = none)
    wrapper = ("TRS_Editor" if noise else None) if body_class is None else (body_class or None)
    if wrapper:
        lines.append(f'<div class="{wrapper}">')
    table_no = 0
    for block in layout(text, merged):
        if isinstance(block, Para):
            lines.append(f"<p>{html_lib.escape(block.text, quote=False)}</p>")
            result.paragraph_of[block.line] = len(lines)
            continue
        table_no += 1
        placed, _, _ = place(block)
        lines.append('<table border="1" cellspacing="0">')
        lines.append("<tbody>")
        by_row: dict[int, list[tuple[GridCell, int]]] = {}
        for cell, r, c in placed:
            by_row.setdefault(r, []).append((cell, c))
        for r in range(len(block.rows)):
            tds = []
            for cell, c in by_row.get(r, []):
                spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
                tds.append(f"<td{spans}>{html_lib.escape(cell.text, quote=False)}</td>")
                result.text_at[(table_no, r + 1, c + 1)] = cell.text
                if cell.source is not None:
                    result.cell_of[cell.source] = (table_no, r + 1, c + 1)
            lines.append("<tr>" + "".join(tds) + "</tr>")
            result.row_line_of[(table_no, r + 1)] = len(lines)
        lines.append("</tbody>")
        lines.append("</table>")
    if wrapper:
        lines.append("</div>")
    if noise:
        lines += _NOISE_FOOT.rstrip("\n").split("\n")
    lines += ["</body>", "</html>"]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return result


# ---------------------------------------------------------------- shared helpers


def diagnostic_key(d) -> tuple:
    """What must not depend on the file format (line/column refer to the extracted text)."""
    return (d.code, d.row, d.column_label, d.expected, d.actual)


def lint_file(path: Path, **options):
    from reportlint.lint import LintOptions, lint_path

    return lint_path(path, LintOptions(**options))


@pytest.fixture(scope="session")
def to_docx() -> Callable[..., Converted]:
    return write_docx


@pytest.fixture(scope="session")
def to_html() -> Callable[..., Converted]:
    return write_html


@pytest.fixture(scope="session")
def template_docx() -> Path:
    if not TEMPLATE_DOCX.is_file():
        pytest.skip(f"{TEMPLATE_DOCX} is absent")
    return TEMPLATE_DOCX


@pytest.fixture(scope="session")
def hongze_pdf() -> Path:
    if not HONGZE_PDF.is_file():
        pytest.skip(f"{HONGZE_PDF} is absent")
    return HONGZE_PDF


@pytest.fixture(scope="session")
def hongze_txt() -> Path:
    if not HONGZE_TXT.is_file():
        pytest.skip(f"{HONGZE_TXT} is absent")
    return HONGZE_TXT
