"""One wrong cell behind several arithmetic findings.

A single mistyped figure usually breaks more than one of a table's identities: a wrong 自然人 in
（一）予以公开 breaks its row total (RL301), the （七）总计 column sum (RL302) and, through （七）,
the 勾稽关系 (RL303). The findings stay (each identity is its own rule), but when exactly one
printed cell, changed to one non-negative whole number, makes every violated identity of the table
hold without breaking one that holds, that cell is named as the likely mistake.

Each identity instance is a sum on each side, so changing one cell by d moves an instance's
difference (left − right) by d times the cell's net count on the left. Works on arithmetic's
instances, whatever way the table was read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from .arithmetic import Instance, checkable, instances
from .document import Span
from .numbers import Kind
from .tables import TableView

Cell = tuple[str, str]  # (row id, column id)


@dataclass(frozen=True)
class Suspect:
    row_id: str
    column_id: str
    row: str  # template labels
    column: str
    span: Span
    printed: Decimal
    corrected: Decimal
    explains: int  # violated identity instances it explains

    def as_json(self, findings: int) -> dict:
        from .numbers import format_number

        return {
            "row": self.row, "column_label": self.column, "line": self.span.line, "column": self.span.column,
            "actual": format_number(self.printed), "expected": format_number(self.corrected), "findings": findings,
        }


def _difference(instance: Instance) -> Decimal:
    return sum((v.amount for _, v in instance.left), Decimal(0)) - sum((v.amount for _, v in instance.right), Decimal(0))


def _weights(instance: Instance) -> Counter:
    weights: Counter = Counter()
    for cell, _ in instance.left:
        weights[cell] += 1
    for cell, _ in instance.right:
        weights[cell] -= 1
    return weights


def find_suspect(view: TableView) -> Suspect | None:
    """The one cell that explains every violated identity of the table (at least two), or None."""
    if len({matched.spec.id for matched in view.rows}) != len(view.rows):
        return None  # a row printed twice: which copy the identities read is not certain
    evaluated = [(i, _difference(i), _weights(i)) for identity in view.spec.identities for i in instances(view, identity) if checkable(i)]
    violated = [(i, d, w) for i, d, w in evaluated if d != 0]
    if len(violated) < 2:
        return None
    values = {cell: value for i, _, _ in violated for cell, value in (*i.left, *i.right)}
    answers = []
    for cell, value in values.items():
        if value.kind is not Kind.NUMBER or value.cell is None:
            continue
        deltas = set()
        for _, difference, weights in evaluated:
            weight = weights.get(cell, 0)
            if difference == 0 and weight:
                deltas.add(None)  # a holding identity through this cell would break
            elif difference != 0:
                deltas.add(-difference / weight if weight else None)
        if len(deltas) != 1 or None in deltas:
            continue
        corrected = value.amount + deltas.pop()
        if corrected >= 0 and corrected == corrected.to_integral_value():
            answers.append((cell, value, corrected))
    if len(answers) != 1:
        return None
    (row_id, column_id), value, corrected = answers[0]
    spec = view.spec
    row = spec.row(row_id)
    label = row.label or spec.title
    if row.parent and spec.row(row.parent).parent:  # a sub-row: 「（三）不予公开·1.属于国家秘密」
        label = f"{spec.row(row.parent).label}·{label}"
    return Suspect(row_id, column_id, label, spec.column(column_id).display, value.cell.span, value.amount, corrected, len(violated))
