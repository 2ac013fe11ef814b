"""Maps parsed tables onto a template's table spec: which row is which, which cell is which column.

Real reports print the same table in many shapes (REFERENCE §5): parent labels in their own
cells, half-width brackets, spaces inside labels, trailing filler cells, blank cells. The view
built here hides those differences from the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .document import Document, Row, Table
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


def _split(row: Row) -> tuple[list[str], list]:
    """Leading label cells and the value cells after them."""
    cells = list(row.cells)
    while cells and not cells[0].text:
        cells.pop(0)
    labels = []
    while cells and not looks_like_value(cells[0].text):
        labels.append(cells.pop(0).text)
    return labels, cells


def _values(cells: list, width: int) -> tuple[Value, ...]:
    """Exactly `width` values: trailing filler cells dropped, short rows padded with MISSING."""
    while len(cells) > width and not cells[-1].text:
        cells = cells[:-1]
    values = [parse_value(cell.text, cell) for cell in cells[:width]]
    return tuple(values + [MISSING] * (width - len(values)))


class _LabelIndex:
    """Finds the template row a printed label stands for."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.keys = [(normalise(row.label), row) for row in spec.rows]
        # "（二）部分公开（区分处理的…）" is often printed without its note
        self.short_keys = [(normalise(_strip_note(row.label)), row) for row in spec.rows]

    def find(self, label: str) -> tuple[RowSpec, bool] | None:
        key = normalise(label)
        if not key:
            return None
        for candidate, row in self.keys:
            if key == candidate:
                return row, True
        for candidate, row in self.short_keys:
            if len(candidate) >= 4 and (key == candidate or key.startswith(candidate)):
                return row, True
        best = max(self.keys, key=lambda item: similarity(key, item[0]))
        if similarity(key, best[0]) >= _FUZZY_THRESHOLD:
            return best[1], False
        return None


def _strip_note(label: str) -> str:
    """'（二）部分公开（区分处理的…）' -> '（二）部分公开'."""
    head, _, _ = label.partition("（区分")
    return head


def find_table(doc: Document, spec: TableSpec) -> TableView | None:
    """The rows of `spec` found anywhere in the document's tables, in document order."""
    index = _LabelIndex(spec)
    width = len(spec.columns)
    matched: list[MatchedRow] = []
    for table in doc.tables:
        for row in table.rows:
            labels, cells = _split(row)
            if not labels:
                continue
            found = None
            for label in (labels[-1], "".join(labels), labels[0]):
                found = index.find(label)
                if found:
                    break
            if found is None:
                continue
            row_spec, exact = found
            matched.append(MatchedRow(row_spec, row, label, exact, _values(cells, width)))
    return TableView(spec, tuple(matched)) if matched else None


def find_unlabelled_table(doc: Document, spec: TableSpec) -> TableView | None:
    """A one-row table of bare figures (the review/litigation table) under a header naming it."""
    width = len(spec.columns)
    words = spec.header_words
    header_seen = False
    for table in doc.tables:
        for row in table.rows:
            texts = [cell.text for cell in row.cells]
            if any(word in text for text in texts for word in words):
                header_seen = True
                continue
            if not header_seen:
                continue
            values = _values(list(row.cells), width)
            figures = [v for v in values if v.kind is Kind.NUMBER]
            if figures and all(v.kind is not Kind.TEXT for v in values) and len(row.cells) >= width:
                return TableView(spec, (MatchedRow(spec.rows[0], row, "", True, values),))
    return None
