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

import itertools
import math

from .document import Cell, Document, Row, Span, Table
from .expressions import parse_expression
from .labels import normalise, similarity
from .numbers import MISSING, Kind, Value, looks_like_value, parse_value
from .tablealign import WEAK, Alignment, Block, align
from .tablepieces import FIGURE, LABEL, PAGE_MARKER, SOFT, Piece
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
    unreadable: str = ""  # why the figures could not be placed with confidence ('' when they were)

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


def read_table(found: tuple[Piece, ...], spec: TableSpec) -> TableView | None:
    """Table `spec` as printed in the document (tablepieces.pieces), by alignment with the template.

    None when the document shows none of its labels (or, for the unlabelled review table, no
    header naming it). A view whose figures could not be placed with confidence carries the reason
    in `unreadable`; its cells then take part in no check.
    """
    region = _region(found, spec)
    if region is None:
        return None
    part = found[region[0]:region[1]]
    alignment = align(part, spec)
    if not any(block.cells for block in alignment.blocks):
        return None  # labels without a single cell: the table printed empty (RL201 says so)
    # a group label on its own line is part of the reading, not a row of figures
    rows = tuple(_matched(part, spec, block) for block in alignment.blocks if block.cells or spec.rows[block.row].kind != "group")
    return TableView(spec, rows, _doubt(part, spec, alignment))


def _doubt(part: tuple[Piece, ...], spec: TableSpec, alignment: Alignment) -> str:
    """Why the reading is not sure ('' when it is)."""
    labelled = any(row.label for row in spec.rows)
    weak = [b for b in alignment.blocks if b.cells and labelled and b.score < WEAK]
    if weak:
        return f"weak:{len(weak)}"
    labelled_lines = {p.row for p in part if p.kind == LABEL}
    stray = [i for i in alignment.stray if part[i].row not in labelled_lines]
    if stray:
        return f"stray:{len(stray)}"
    for block in alignment.blocks:
        if block.packed and len(_splits(part[block.cells[0]].text, spec)) != 1:
            return "packed"
    return ""


def _matched(part: tuple[Piece, ...], spec: TableSpec, block: Block) -> MatchedRow:
    width = len(spec.columns)
    label_pieces = [part[i] for i in block.labels]
    if block.packed:
        piece = part[block.cells[0]]
        splits = _splits(piece.text, spec)
        cells = _packed_cells(piece.cell, splits[0]) if len(splits) == 1 else [piece.cell]
    else:
        cells = [part[i].cell for i in block.cells]
    values = [parse_value(cell.text, cell) for cell in cells[:width]]
    values += [MISSING] * (width - len(values))
    everything = [p.cell for p in label_pieces] + cells
    first = min(everything, key=lambda c: (c.span.line, c.span.column))
    last = max(everything, key=lambda c: (c.span.end_line, c.span.end_column))
    label = "".join(p.text for p in label_pieces)
    if label_pieces:
        head = label_pieces[0].cell.span
        tail = label_pieces[-1].cell.span
        label_cell = Cell(label, Span(head.line, head.column, tail.end_line, tail.end_column) if tail.line == head.line else head, 0)
    else:
        label_cell = Cell("", Span(first.span.line, first.span.column, first.span.line, first.span.column), 0)
    span = Span(first.span.line, first.span.column, last.span.end_line, last.span.end_column)
    row = Row((label_cell, *cells), span, "")
    return MatchedRow(spec.rows[block.row], row, label, block.exact, tuple(values), block.extra)


def _packed_cells(cell: Cell, parts: tuple[str, ...]) -> list[Cell]:
    cells, at = [], cell.span.column
    for index, text in enumerate(parts):
        cells.append(Cell(text, Span(cell.span.line, at, cell.span.line, at + len(text)), cell.index + index))
        at += len(text)
    return cells


_MAX_SPLITS = 50_000


def _splits(digits: str, spec: TableSpec) -> list[tuple[str, ...]]:
    """The ways to cut a run of digits into one figure per column (no leading zeros) that satisfy
    every per-row identity of the table; more than one (or none) means the row cannot be read."""
    width = len(spec.columns)
    checks = [parse_expression(identity.expression) for identity in spec.identities if identity.each == "row"]
    if not checks or len(digits) < width:
        return []
    if math.comb(len(digits) - 1, width - 1) > _MAX_SPLITS:
        return []
    found: list[tuple[str, ...]] = []
    columns = spec.column_ids
    for cuts in itertools.combinations(range(1, len(digits)), width - 1):
        bounds = (0, *cuts, len(digits))
        parts = tuple(digits[a:b] for a, b in zip(bounds, bounds[1:]))
        if any(len(x) > 1 and x[0] == "0" for x in parts):
            continue
        amounts = dict(zip(columns, (int(x) for x in parts)))
        if all(sum(amounts[t] for t in e.left) == sum(amounts[t] for t in e.right) for e in checks):
            found.append(parts)
            if len(found) > 1:
                break
    return found


_REGION_GAP = 60  # lines between two labels of one table at most (one cell per line: 8 lines a row)
_LINE_GAP = 4  # lines without pieces (narrative) that end a table


def _region(found: tuple[Piece, ...], spec: TableSpec) -> tuple[int, int] | None:
    """The pieces that may belong to `spec`: around the densest run of its labels (or after its header)."""
    labelled = any(row.label for row in spec.rows)
    anchors = [i for i, p in enumerate(found) if p.kind == LABEL and _is_anchor(p.key, spec, labelled)]
    if not anchors:
        return None
    clusters: list[list[int]] = [[anchors[0]]]
    for i in anchors[1:]:
        if found[i].cell.span.line - found[clusters[-1][-1]].cell.span.line > _REGION_GAP:
            clusters.append([])
        clusters[-1].append(i)
    width = len(spec.columns)
    if not labelled:
        for cluster in clusters:
            end = _after_header(found, cluster[-1], width)
            if end is not None:
                return cluster[0], end
        return None
    cluster = max(clusters, key=lambda c: len({_anchor_rows(found[i].key, spec) for i in c}))
    return _back(found, cluster[0], spec), _forward(found, cluster[-1], spec)


def _after_header(found: tuple[Piece, ...], start: int, width: int) -> int | None:
    """The review table's figures follow its header: the end of the line where `width` figures are complete."""
    figures = 0
    i = start + 1
    while i < len(found):
        if found[i].cell.span.line - found[i - 1].cell.span.line > _LINE_GAP:
            break
        if found[i].kind in (FIGURE, SOFT):  # the template's empty row is blank cells
            figures += 1
            if figures >= width:
                line = found[i].row
                while i + 1 < len(found) and found[i + 1].row == line:
                    i += 1
                return i + 1
        i += 1
    return i if figures else None


def _back(found: tuple[Piece, ...], start: int, spec: TableSpec) -> int:
    """Include the first row's figures printed before its label, fragments on its line and the start of its wrapped label."""
    width = len(spec.columns)
    line = found[start].row
    i = start
    figures = 0
    while i > 0:
        before = found[i - 1]
        near = found[start].cell.span.line - before.cell.span.line <= _LINE_GAP
        wrapped = before.kind == LABEL and start - i < 8 and _continues(before.key, spec)  # `一、本` / `年新收…`
        if before.row == line or (near and (wrapped or (before.kind != LABEL and figures < width))):
            figures += before.kind == FIGURE
            i -= 1
            line = before.row
            continue
        break
    return i


def _forward(found: tuple[Piece, ...], last: int, spec: TableSpec) -> int:
    """Past the last label: its figures (one per line, too) and the rest of a wrapped label."""
    width = len(spec.columns)
    i = last + 1
    figures = 0
    while i < len(found) and figures <= 3 * width:
        piece = found[i]
        if piece.cell.span.line - found[i - 1].cell.span.line > _LINE_GAP:
            break
        if piece.kind == LABEL and piece.starts_line and not _continues(piece.key, spec):
            break
        figures += piece.kind == FIGURE
        i += 1
    return i


def _continues(key: str, spec: TableSpec) -> bool:
    return any(key in normalise(row.label) for row in spec.rows)


_ANCHORS: dict[int, tuple[list[tuple[str, str]], dict[str, int]]] = {}  # templates are loaded once per process


def _anchor_rows(key: str, spec: TableSpec) -> int:
    """The template row whose label `key` is, begins, or starts with (-1: none)."""
    if id(spec) not in _ANCHORS:
        _ANCHORS[id(spec)] = ([(normalise(row.label), normalise(_strip_note(row.label))) for row in spec.rows], {})
    labels, memo = _ANCHORS[id(spec)]
    if key not in memo:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[key] = next(
            (n for n, (full, short) in enumerate(labels)
             if key == full or key == short or (len(short) >= 4 and key.startswith(short)) or (len(key) >= 6 and full.startswith(key))),
            -1,
        )
        if memo[key] < 0 and len(key) >= 4:  # a typo (`2.其他法律行政止公开`) still names its row
            close = _index_for(spec).fuzzy(key)
            memo[key] = spec.rows.index(close[0]) if close else -1
    return memo[key]


def _is_anchor(key: str, spec: TableSpec, labelled: bool) -> bool:
    if labelled:
        return _anchor_rows(key, spec) >= 0
    return any(word in key for word in spec.header_words)
