"""Maps parsed tables onto a template's table spec: which row is which, which cell is which column.

Real reports print the same table in many shapes (REFERENCE §5): parent labels in their own
cells, half-width brackets, spaces inside labels, trailing filler cells, blank cells. The view
built here hides those differences from the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

from .document import Cell, Document, Row, Span, Table
from .labels import normalise, similarity
from .numbers import MISSING, Kind, Value, looks_like_value, parse_value
from .templates import RowSpec, TableSpec

_FUZZY_THRESHOLD = 0.8


@dataclass(frozen=True)
class MatchedRow:
    """A source row recognised as template row `spec`."""

    spec: RowSpec
    row: Row
    label: str  # the label as printed
    exact: bool  # False when only a fuzzy match (a typo in the label)
    values: tuple[Value, ...]  # one per template column (MISSING where the row is short)
    extra: int = 0  # figures beyond the template's columns


@dataclass(frozen=True)
class TableView:
    """A template table as found in one document."""

    spec: TableSpec
    rows: tuple[MatchedRow, ...]

    @cached_property
    def by_id(self) -> dict[str, MatchedRow]:
        found: dict[str, MatchedRow] = {}
        for matched in self.rows:
            found.setdefault(matched.spec.id, matched)
        return found

    def value(self, row_id: str, column_id: str) -> Value:
        matched = self.by_id.get(row_id)
        if matched is None:
            return MISSING
        return matched.values[self.spec.column_ids.index(column_id)]

    def children(self, row_id: str) -> tuple[str, ...]:
        return tuple(row.id for row in self.spec.rows if row.parent == row_id)


@dataclass(frozen=True)
class Candidate:
    """A printed table row, whatever its layout: label fragments and the value cells after them.

    `labels` are the ways to read the row's label, most specific first; `label_cells` are the
    printed label cells, so that a text cell read as a label (`2.重复申请 | 无 | 0 …`) can be
    handed back as a value once the real label is known.
    """

    labels: tuple[str, ...]
    cells: tuple[Cell, ...]
    row: Row
    label_cells: tuple[Cell, ...] = ()


def _split(row: Row) -> tuple[list[Cell], list[Cell]]:
    """Leading label cells and the value cells after them."""
    cells = list(row.cells)
    while cells and not cells[0].text:
        cells.pop(0)
    labels = []
    while cells and not looks_like_value(cells[0].text):
        labels.append(cells.pop(0))
    return labels, cells


PAGE_MARKER = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|P\.\s*\d+|Page\s+\d+.*)\s*$")
_TOKEN = re.compile(r"\S+")
_MAX_PENDING = 16


def _text_candidates(doc: Document, line_numbers: set[int]) -> Iterator[Candidate]:
    """Rows in text pasted from PDFs or HTML: a label, then figures separated by spaces.

    Long labels wrap onto earlier lines and group labels stand one character per line; those
    lines are kept as pending label fragments and joined to the next line that ends in figures.
    Lines holding only figures right after a row continue it (one cell per line, or wrapped rows).
    """
    pending: list[str] = []
    last: Candidate | None = None
    for piece in doc.logical_lines():  # a line whose line breaks were lost comes as the lines it held
        number, line, base = piece.line, piece.text, piece.column - 1
        if number in line_numbers or PAGE_MARKER.match(line):
            continue
        tokens = list(_TOKEN.finditer(line))
        if not tokens:
            continue
        k = len(tokens)
        while k > 0 and _is_figure(tokens[k - 1].group()):
            k -= 1
        if k == len(tokens):
            pending = (pending + [line.strip()])[-_MAX_PENDING:]
            continue
        cells = tuple(Cell(t.group(), Span(number, base + t.start() + 1, number, base + t.end() + 1), i) for i, t in enumerate(tokens[k:], start=1))
        if k == 0 and not pending and last is not None:
            last = Candidate(last.labels, last.cells + cells, last.row)
            continue
        if last is not None:
            yield last
        label = line[: tokens[k].start()].strip() if k else ""
        label_span = Span(number, base + tokens[0].start() + 1, number, base + tokens[k - 1].end() + 1) if k else cells[0].span
        row = Row((Cell(label, label_span, 0), *cells), Span(number, base + tokens[0].start() + 1, number, base + tokens[-1].end() + 1), line)
        if label:  # own label first (joined, then word by word from the end), then with wrapped fragments
            words = label.split()
            readings = ["".join(words), *reversed(words), "".join(pending) + "".join(words)]
        else:  # one figure per line: the label is the last fragment
            readings = ["".join(pending[-1:]), "".join(pending)]
        last = Candidate(tuple(dict.fromkeys(x for x in readings if x)), cells, row)
        pending = []
    if last is not None:
        yield last


def _is_figure(token: str) -> bool:
    value = parse_value(token)
    return value.kind is Kind.NUMBER or (value.kind is Kind.NOT_APPLICABLE and token in ("/", "-", "—"))


def _table_candidates(table: Table) -> Iterator[Candidate]:
    """Rows of a pipe/tab table. One-cell-per-line layouts (`规章 |`, `/ |`, `|`) are reassembled."""
    stacked: list[Row] = []
    for row in table.rows:
        texts = [cell.text for cell in row.cells]
        if len(row.cells) <= 2 and not any(texts[1:]):  # `X |` or a lone `|`: one cell per line
            stacked.append(row)
            continue
        if not any(texts) and len(texts) < 6:  # filler such as `|||` (a wide empty row is a blank data row)
            continue
        yield from _unstack(stacked)
        stacked = []
        labels, cells = _split(row)
        yield Candidate(tuple(cell.text for cell in labels), tuple(cells), row, tuple(labels))
    yield from _unstack(stacked)


def _unstack(rows: list[Row]) -> Iterator[Candidate]:
    label: Row | None = None
    cells: list[Cell] = []
    for row in rows:
        cell = row.cells[0]
        if cell.text and not looks_like_value(cell.text):
            if label is not None:
                yield Candidate((label.cells[0].text,), tuple(cells), label)
            label, cells = row, []
        elif label is not None:
            cells.append(cell)
    if label is not None:
        yield Candidate((label.cells[0].text,), tuple(cells), label)


def candidates(doc: Document) -> tuple[Candidate, ...]:
    """Every printed row of the document, table rows and PDF text rows, in document order."""
    found: list[Candidate] = []
    line_numbers: set[int] = set()
    for table in doc.tables:
        found.extend(_table_candidates(table))
        line_numbers.update(range(table.span.line, table.span.end_line + 1))
    found.extend(_text_candidates(doc, line_numbers))
    found.sort(key=lambda c: c.row.span.line)
    return tuple(found)


def _values(cells: list, width: int) -> tuple[tuple[Value, ...], int]:
    """Exactly `width` values (trailing filler dropped, short rows padded with MISSING), and how
    many non-empty cells were left over beyond the template's columns."""
    while len(cells) > width and not cells[-1].text:
        cells = cells[:-1]
    while len(cells) > width and not cells[0].text:  # a label cell merged across columns (PDF tables)
        cells = cells[1:]
    values = [parse_value(cell.text, cell) for cell in cells[:width]]
    extra = sum(1 for cell in cells[width:] if cell.text)
    return tuple(values + [MISSING] * (width - len(values))), extra


class _LabelIndex:
    """Finds the template row a printed label stands for: exactly, by its start, or by likeness."""

    def __init__(self, spec: TableSpec) -> None:
        self.keys = [(normalise(row.label), row) for row in spec.rows]
        # "（二）部分公开（区分处理的…）" is often printed without its note
        self.short_keys = [(normalise(_strip_note(row.label)), row) for row in spec.rows]
        self._fuzzy: dict[str, tuple[RowSpec, bool] | None] = {}  # labels repeat across rows and files
        self._matched: dict[tuple[str, ...], tuple[RowSpec, bool, str] | None] = {}

    def exact(self, label: str) -> tuple[RowSpec, bool] | None:
        key = normalise(label)
        return next(((row, True) for candidate, row in self.keys if key and key == candidate), None)

    def prefix(self, label: str) -> tuple[RowSpec, bool] | None:
        key = normalise(label)
        for candidate, row in self.short_keys:
            if len(candidate) >= 4 and key and (key == candidate or key.startswith(candidate)):
                return row, True
        return None

    def fuzzy(self, label: str) -> tuple[RowSpec, bool] | None:
        key = normalise(label)
        if key not in self._fuzzy:
            if len(self._fuzzy) >= _MEMO_LIMIT:
                self._fuzzy.clear()
            self._fuzzy[key] = self._closest(key)
        return self._fuzzy[key]

    def _closest(self, key: str) -> tuple[RowSpec, bool] | None:
        if len(key) < 2:
            return None
        best, best_score = None, _FUZZY_THRESHOLD
        for candidate, row in self.keys:
            # a ratio can reach the threshold only if the lengths are close enough
            if 2 * min(len(key), len(candidate)) < best_score * (len(key) + len(candidate)):
                continue
            score = similarity(key, candidate)
            if score >= best_score:
                best, best_score = row, score
        return (best, False) if best is not None else None

    def match(self, readings: list[str]) -> tuple[RowSpec, bool, str] | None:
        """The best reading: any exact match beats any prefix match beats any fuzzy one."""
        key = tuple(readings)
        if key not in self._matched:  # the same printed labels come back in file after file
            if len(self._matched) >= _MEMO_LIMIT:
                self._matched.clear()
            self._matched[key] = self._best(readings)
        return self._matched[key]

    def _best(self, readings: list[str]) -> tuple[RowSpec, bool, str] | None:
        for mode in (self.exact, self.prefix, self.fuzzy):
            for reading in readings:
                found = mode(reading)
                if found:
                    return found[0], found[1], reading
        return None


def _strip_note(label: str) -> str:
    """'（二）部分公开（区分处理的…）' -> '（二）部分公开'."""
    head, _, _ = label.partition("（区分")
    return head


_MEMO_LIMIT = 50_000  # label readings remembered per template table (a bulk run stays flat)
_INDEXES: dict[int, _LabelIndex] = {}  # templates are loaded once per process


def _index_for(spec: TableSpec) -> _LabelIndex:
    if id(spec) not in _INDEXES:
        _INDEXES[id(spec)] = _LabelIndex(spec)
    return _INDEXES[id(spec)]


def find_table(rows: tuple[Candidate, ...], spec: TableSpec) -> TableView | None:
    """The rows of `spec` among the document's printed rows, in document order."""
    index = _index_for(spec)
    width = len(spec.columns)
    matched: list[MatchedRow] = []
    for candidate in rows:
        if not candidate.labels:
            continue
        cells = candidate.label_cells
        readings = [*reversed(candidate.labels), "".join(candidate.labels)] if cells else list(candidate.labels)
        found = index.match(readings)
        if found is None:
            continue
        row_spec, exact, label = found
        # label cells printed after the one that named the row are misplaced values ("无", "若干")
        spill = next((cells[i + 1:] for i in range(len(cells) - 1, -1, -1) if cells[i].text == label), ())
        values, extra = _values(list(spill) + list(candidate.cells), width)
        matched.append(MatchedRow(row_spec, candidate.row, label, exact, values, extra))
    return TableView(spec, tuple(matched)) if matched else None


def find_unlabelled_table(rows: tuple[Candidate, ...], spec: TableSpec) -> TableView | None:
    """A one-row table of bare figures (the review/litigation table) after a header naming it.

    The row may be short, or hold a word where a figure belongs: the shape and cell rules say so.
    """
    width = len(spec.columns)
    words = spec.header_words
    header_seen = False
    for candidate in rows:
        if any(word in label for label in candidate.labels for word in words):
            header_seen = True
        if not header_seen or candidate.label_cells or candidate.labels and not _only_header(candidate):
            continue
        cells = list(candidate.cells or candidate.row.cells)  # a wholly blank row keeps its empty cells
        values, extra = _values(cells, width)
        figures = sum(1 for v in values if v.kind is Kind.NUMBER)
        usable = sum(1 for v in values if v.kind is not Kind.TEXT and v.kind is not Kind.MISSING)
        # the template's empty row (all blank, full width), or a row that is mostly figures
        if (figures == 0 and len(cells) >= width and usable == width) or (figures and len(cells) >= width // 2 and usable >= width // 2):
            return TableView(spec, (MatchedRow(spec.rows[0], candidate.row, "", True, values, extra),))
    return None


def _only_header(candidate: Candidate) -> bool:
    """PDF text: the figures line may follow header fragments that were joined as its label."""
    return candidate.row.cells[0].text == "" or not candidate.row.cells[0].text.strip()
