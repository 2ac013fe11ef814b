"""The template's arithmetic identities (data in rules/templates) evaluated on a table view."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from decimal import Decimal

from .expressions import parse_expression
from .numbers import Kind, Value
from .tables import TableView
from .templates import IdentitySpec


@dataclass(frozen=True)
class Violation:
    """One identity instance that does not hold."""

    identity: IdentitySpec
    row_id: str  # where the finding is placed
    column_id: str
    expected: Decimal  # the right-hand side
    actual: Decimal  # the left-hand side
    cell: Value  # the first printed cell of the left-hand side (else of the right): where to point


def _expand(term: str, names: tuple[str, ...], view: TableView, each: str) -> list[str]:
    """A glob over row ids; `x_*` falls back to `x` when the report prints x as one row."""
    if not term.endswith("*"):
        return [term]
    matches = [name for name in names if fnmatch.fnmatchcase(name, term)]
    if each == "column":
        present = [name for name in matches if name in view.by_id]
        parent = term[:-2]
        if not present and parent in view.by_id:
            return [parent]
    return matches


Term = tuple[tuple[str, str], Value]  # ((row id, column id), the value printed there)


@dataclass(frozen=True)
class Instance:
    """One instance of an identity (one data row, or one column) with the cells on each side."""

    identity: IdentitySpec
    row_id: str  # where a violation is placed
    column_id: str
    left: tuple[Term, ...]
    right: tuple[Term, ...]


def instances(view: TableView, identity: IdentitySpec) -> list[Instance]:
    """Every instance of `identity` the table prints (each data row, or each column)."""
    expression = parse_expression(identity.expression)
    spec = view.spec
    found = []
    if identity.each == "row":
        for matched in view.rows:
            if matched.spec.kind != "data" and all(v.is_blank for v in matched.values):
                continue
            lookup = dict(zip(spec.column_ids, matched.values))
            row_id = matched.spec.id
            left = tuple(((row_id, c), lookup[c]) for c in expression.left)
            right = tuple(((row_id, c), lookup[c]) for c in expression.right)
            found.append(Instance(identity, row_id, expression.left[0], left, right))
    else:
        row_ids = tuple(row.id for row in spec.rows)
        named = [term for term in expression.left + expression.right if not term.endswith("*")]
        if any(name not in view.by_id for name in named):
            return found  # a named row is not printed at all: nothing to check (the missing row is RL202's)
        sides_ids = [
            [name for term in terms for name in _expand(term, row_ids, view, "column") if name in view.by_id]
            for terms in (expression.left, expression.right)
        ]
        for column_id in spec.column_ids:
            left, right = (tuple(((name, column_id), view.value(name, column_id)) for name in ids) for ids in sides_ids)
            found.append(Instance(identity, expression.left[0], column_id, left, right))
    return found


def checkable(instance: Instance) -> bool:
    """An instance is skipped when either side has no figure at all (blank, '/', missing rows):
    there is nothing to check, and the blank itself is another rule's finding. Text where a
    figure belongs also skips the instance."""
    left = [v for _, v in instance.left]
    right = [v for _, v in instance.right]
    if any(v.kind is Kind.TEXT for v in left + right):
        return False
    return not (all(v.is_blank for v in left) or all(v.is_blank for v in right))


def check_identity(view: TableView, identity: IdentitySpec) -> list[Violation]:
    """Every instance (each data row, or each column) of `identity` that does not hold."""
    violations = []
    for instance in instances(view, identity):
        violation = _compare(identity, [v for _, v in instance.left], [v for _, v in instance.right], instance.row_id, instance.column_id)
        if violation:
            violations.append(violation)
    return violations


def _compare(identity: IdentitySpec, left: list[Value], right: list[Value], row_id: str, column_id: str) -> Violation | None:
    if any(v.kind is Kind.TEXT for v in left + right):
        return None
    if all(v.is_blank for v in left) or all(v.is_blank for v in right):
        return None
    actual = sum((v.amount for v in left), Decimal(0))
    expected = sum((v.amount for v in right), Decimal(0))
    if actual == expected:
        return None
    printed = next((v for v in left + right if v.cell is not None), left[0])
    return Violation(identity, row_id, column_id, expected, actual, printed)
