"""Built-in rules, one module per rule family."""

from __future__ import annotations

from ..api import Rule
from . import arithmetic, citations, contradiction, crossyear_rules, dates, engine_codes, narrative, numbering, parts, patterns, plausibility, readability, regulation, shape, structure, text_quality


def builtin_rules() -> list[Rule]:
    rules: list[Rule] = []
    for module in (engine_codes, structure, shape, readability, arithmetic, patterns, dates, regulation, narrative, plausibility, text_quality, numbering, citations, contradiction, parts, crossyear_rules):
        rules.extend(value for value in vars(module).values() if isinstance(value, Rule))
    return rules
