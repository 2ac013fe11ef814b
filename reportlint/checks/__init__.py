"""Built-in rules, one module per rule family."""

from __future__ import annotations

from ..api import Rule
from . import arithmetic, engine_codes, patterns, structure


def builtin_rules() -> list[Rule]:
    rules: list[Rule] = []
    for module in (engine_codes, structure, arithmetic, patterns):
        rules.extend(value for value in vars(module).values() if isinstance(value, Rule))
    return rules
