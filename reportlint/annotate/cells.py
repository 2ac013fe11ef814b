"""The table cells behind an arithmetic finding (RL301–RL304): both sides of the identity.

A finding points at one cell; the author needs the others too ("（七）总计 ≠ （一）+（二）+…":
which cells are those?). The identity is evaluated again on the same table view the rule used,
and every printed cell of both sides is returned, keyed by where the finding points.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..arithmetic import _expand, check_identity, parse_expression
from ..context import LintContext
from ..document import Document, Span
from ..numbers import Value
from ..tables import TableView

ARITHMETIC = frozenset({"RL301", "RL302", "RL303", "RL304"})
_TABLES = ("request", "review")


@dataclass(frozen=True)
class CellRef:
    """One cell of an identity: where it is printed, its row and column labels, which side."""

    span: Span
    row: str
    column: str
    side: str  # "left" (the total as printed) or "right" (what it should equal)
    text: str


@dataclass(frozen=True)
class Involved:
    code: str
    column: str  # the column label the finding names
    cells: tuple[CellRef, ...]


def involved_cells(doc: Document, template: str | None = None) -> dict[tuple[str, int, int, str], Involved]:
    """(code, line, column, column label) of each arithmetic finding -> the cells of its identity."""
    try:
        ctx = LintContext(doc, template)
        views = [ctx.table(name) for name in _TABLES]
    except Exception:  # noqa: BLE001 - linking cells is a nicety; a view without links is still the view
        return {}
    found: dict[tuple[str, int, int, str], Involved] = {}
    for view in views:
        if view is None:
            continue
        for identity in view.spec.identities:
            if identity.code not in ARITHMETIC:
                continue
            for violation in check_identity(view, identity):
                cells = _sides(view, identity, violation.row_id, violation.column_id)
                anchor = violation.cell.cell
                matched = view.by_id.get(violation.row_id)
                span = anchor.span if anchor is not None else (matched.row.span if matched else view.rows[0].row.span)
                column = view.spec.column(violation.column_id).display
                found[(identity.code, span.line, span.column, column)] = Involved(identity.code, column, cells)
    return found


def _sides(view: TableView, identity, row_id: str, column_id: str) -> tuple[CellRef, ...]:
    """The printed cells of both sides of one instance, as `check_identity` summed them."""
    expression = parse_expression(identity.expression)
    spec = view.spec
    refs: list[CellRef] = []
    if identity.each == "row":
        matched = view.by_id[row_id]
        lookup = dict(zip(spec.column_ids, matched.values))
        for side, terms in (("left", expression.left), ("right", expression.right)):
            for term in terms:
                refs += _ref(lookup[term], matched.label, spec.column(term).display, side)
        return tuple(refs)
    row_ids = tuple(row.id for row in spec.rows)
    for side, terms in (("left", expression.left), ("right", expression.right)):
        for term in terms:
            for name in _expand(term, row_ids, view, "column"):
                if name in view.by_id:
                    refs += _ref(view.value(name, column_id), view.by_id[name].label, spec.column(column_id).display, side)
    return tuple(refs)


def _ref(value: Value, row: str, column: str, side: str) -> list[CellRef]:
    if value.cell is None:
        return []
    return [CellRef(value.cell.span, row, column, side, value.cell.text)]
