"""A printed table, whatever its layout, as one sequence of label fragments and figures.

This is the only layout-specific step of table reading (tablealign.py does the rest). Pipe, tab
and Markdown rows give their cells; text pasted from PDFs gives its space-separated words; a
one-cell-per-line copy gives one piece per line. Labels are cut further where a numbering starts
(`（四）无法提供1.本机关…`) and where figures are glued on (`申请数量7000007`), so that a group
label glued to a sub-row, or a label wrapped around its figures, can be put back together by the
alignment. Narrative lines and page markers give nothing: a sentence never arms a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .document import Cell, Document, Row, Span
from .labels import normalise
from .numbers import Kind, parse_value

# SOFT: a blank cell that may be filler (`|` alone on a line, trailing `||`); WORD: a short word after a
# label cell where the row's figures belong (`行政许可 | 若干`), a cell if a row takes it, else skipped
LABEL, FIGURE, SOFT, WORD = 0, 1, 2, 3

PAGE_MARKER = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|P\.\s*\d+|Page\s+\d+.*)\s*$")
# Sentences: end punctuation, or a figure counted in a unit (`351 件`, `受理3119件`). Template labels have neither.
_NARRATIVE = re.compile(r"[。！？；：:!?;]|\d\s*(?:件|条|次|个|项|人次|份|家|篇)\s*[，,、（(）)\u4e00-\u9fff]")
_WORD = re.compile(r"\S+")
# where a label fragment begins a new numbered label: （三）, 三、, 1. (not 1.5)
_NUMBERING = re.compile(r"(?<=\S)(?=[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d))")
_GLUED_DIGITS = re.compile(r"^(.*[^\d.,，\s/、．])(\d+)$")
_DIGITS_FIRST = re.compile(r"^(\d+)([^\d.,，、．%年月日号件个条项次份万元人\s].*)$")  # `105（四）无`: a row's last figure, the next label


@dataclass(frozen=True, slots=True)
class Piece:
    kind: int  # LABEL, FIGURE or SOFT
    text: str  # as printed
    key: str  # normalised label text ("" for figures)
    cell: Cell  # where it is
    starts_line: bool  # the first piece of its line or row
    row: int = 0  # which printed line or row it is on (a line that lost its line breaks holds several)


def is_narrative(line: str) -> bool:
    """A sentence of the report's text, not a table line."""
    text = line.strip()
    return bool(_NARRATIVE.search(text))


def _is_figure(token: str) -> bool:
    value = parse_value(token)
    return value.kind is Kind.NUMBER or (value.kind is Kind.NOT_APPLICABLE and token in ("/", "-", "—", "／"))


def _label_parts(text: str, span: Span) -> Iterator[tuple[str, Span]]:
    """A label text cut where a new numbering starts; parts keep their exact columns."""
    start = 0
    for match in _NUMBERING.finditer(text):
        if match.start() > start:
            yield text[start:match.start()], Span(span.line, span.column + start, span.line, span.column + match.start())
        start = match.start()
    if start < len(text):
        yield text[start:], Span(span.line, span.column + start, span.line, span.column + len(text))


def _labels(text: str, span: Span, index: int, first: bool) -> Iterator[Piece]:
    for part, where in _label_parts(text, span):
        key = normalise(part)
        if key:
            yield Piece(LABEL, part, key, Cell(part, where, index), first)
            first = False


def _text_line(number: int, line: str, base: int = 0) -> Iterator[Piece]:
    """A line of text pasted from a PDF: words, each a figure or a label fragment (`base`: the
    column before the line's first character in its source line)."""
    first = True
    for index, match in enumerate(_WORD.finditer(line)):
        word, column = match.group(), base + match.start() + 1
        if _is_figure(word):
            yield Piece(FIGURE, word, "", Cell(word, Span(number, column, number, column + len(word)), index), first)
            first = False
            continue
        ahead = _DIGITS_FIRST.match(word)
        if ahead:
            digits = ahead.group(1)
            yield Piece(FIGURE, digits, "", Cell(digits, Span(number, column, number, column + len(digits)), index), first)
            first = False
            word, column = ahead.group(2), column + len(digits)
            if _is_figure(word):
                yield Piece(FIGURE, word, "", Cell(word, Span(number, column, number, column + len(word)), index), first)
                continue
        glued = _GLUED_DIGITS.match(word)
        label = glued.group(1) if glued else word
        for piece in _labels(label, Span(number, column, number, column + len(label)), index, first):
            yield piece
            first = False
        if glued:
            digits = glued.group(2)
            at = column + len(label)
            yield Piece(FIGURE, digits, "", Cell(digits, Span(number, at, number, at + len(digits)), index), first)
            first = False


def _table_row(row: Row) -> Iterator[Piece]:
    """A pipe/tab row. A row holding one cell (`规章 |`, `0 |`, `|`) is one cell of a stacked layout;
    blank cells before the first text and after the last are SOFT (filler or an empty cell)."""
    cells = row.cells
    texts = [cell.text for cell in cells]
    if len(cells) <= 2 and not any(texts[1:]):
        cells = cells[:1]
        texts = texts[:1]
    filled = [i for i, text in enumerate(texts) if text]
    if not filled:
        for n, cell in enumerate(cells[:1] if len(cells) <= 2 else cells):
            yield Piece(SOFT, "", "", cell, n == 0)
        return
    first_filled, last_filled = filled[0], filled[-1]
    first = True
    seen_figure = False
    for i, cell in enumerate(cells):
        text = cell.text
        if i < first_filled:
            continue
        if i > last_filled:
            yield Piece(SOFT, "", "", cell, first)
        elif not text:
            yield Piece(FIGURE if seen_figure else SOFT, "", "", cell, first)
        elif parse_value(text).kind is not Kind.TEXT or (seen_figure and len(text) <= 12):
            # a figure, or a word where a figure belongs once the figures have begun (`若干`)
            seen_figure = True
            yield Piece(FIGURE, text, "", cell, first)
        elif _short_word_before_figures(texts, i):
            seen_figure = True
            yield Piece(FIGURE, text, "", cell, first)
        elif _word_in_figure_place(texts, i):
            yield Piece(WORD, text, "", cell, first)
        else:
            yield from _labels(text, cell.span, cell.index, first)
        first = False


def _short_word_before_figures(texts: list[str], i: int) -> bool:
    """`2.重复申请 | 无 | 0 | …`: a short word after the label, where the first figure belongs."""
    return 0 < i and len(texts[i]) <= 2 and bool(texts[i - 1]) and i + 1 < len(texts) and parse_value(texts[i + 1]).kind is Kind.NUMBER


_NUMBERED = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])")


def _word_in_figure_place(texts: list[str], i: int) -> bool:
    """The only cell after a label, or the first of the cells after it, and short: `若干`, `暂无`, `2l6`."""
    first = next(n for n, text in enumerate(texts) if text)
    if i != first + 1 or not texts[i - 1] or len(texts[i]) > 4 or _NUMBERED.match(texts[i]) or parse_value(texts[i - 1]).kind is not Kind.TEXT:
        return False
    return all(not text or parse_value(text).kind is not Kind.TEXT for text in texts[i + 1:])


def pieces(doc: Document) -> tuple[Piece, ...]:
    """Every label fragment and figure of the document's table-like lines, in document order."""
    rows_at: dict[int, list[Row]] = {}
    for table in doc.tables:
        for row in table.rows:
            rows_at.setdefault(row.span.line, []).append(row)
    found: list[Piece] = []
    stacked_labels: dict[int, Cell] = {}
    ordinal = 0
    for part in doc.logical_lines():  # a line whose line breaks were lost comes as the lines it held
        number, text, base = part.line, part.text, part.column - 1
        rows = [row for row in rows_at.get(number, ()) if base < row.span.column <= base + max(len(text), 1)]
        if rows:
            for row in rows:
                ordinal += 1
                found.extend(_placed(_table_row(row), ordinal))
                if len(row.cells) == 2 and row.cells[0].text and not row.cells[1].text and found and found[-1].kind == LABEL:
                    stacked_labels[len(found) - 1] = row.cells[1]  # `行政强制 |`: a cell after the bar
        elif text.strip() and not PAGE_MARKER.match(text) and not is_narrative(text):
            ordinal += 1
            found.extend(_placed(_text_line(number, text, base), ordinal))
    return tuple(_label_rows_without_figures(found, stacked_labels))


def _label_rows_without_figures(found: list[Piece], stacked: dict[int, Cell]) -> Iterator[Piece]:
    """`行政强制 |` with no figure before the next label: the empty cell after its bar is its cell
    (RL203 says it is blank); followed by figures (`规章 |`, `0 |` …), the bar only ends the label."""
    for i, piece in enumerate(found):
        yield piece
        cell = stacked.get(i)
        if cell is None:
            continue
        j = i + 1
        while j < len(found) and found[j].kind == SOFT:
            j += 1
        if j == len(found) or found[j].kind == LABEL:
            yield Piece(SOFT, "", "", cell, False, piece.row)


def _placed(found: Iterator[Piece], ordinal: int) -> Iterator[Piece]:
    for piece in found:
        yield Piece(piece.kind, piece.text, piece.key, piece.cell, piece.starts_line, ordinal)
