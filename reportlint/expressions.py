"""The template's identity expressions (`a + b = c + d_*`): parsed, never evaluated as code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TERM = re.compile(r"[A-Za-z0-9_]+\*?")


@dataclass(frozen=True)
class Expression:
    left: tuple[str, ...]
    right: tuple[str, ...]


@lru_cache(maxsize=None)
def parse_expression(text: str) -> Expression:
    """'a + b = c + d_*' -> Expression(('a', 'b'), ('c', 'd_*')). Only sums: no eval, no surprises."""
    left, equals, right = text.partition("=")
    if not equals:
        raise ValueError(f"identity {text!r} has no '='")
    sides = []
    for side in (left, right):
        terms = tuple(term.strip() for term in side.split("+"))
        if not all(_TERM.fullmatch(term) for term in terms):
            raise ValueError(f"identity {text!r}: terms must be ids joined by '+'")
        sides.append(terms)
    return Expression(*sides)
