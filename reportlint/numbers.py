"""Figures as written in report tables -> typed values (全角 digits, 1,234, units, '/', '-', blank)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from .document import Cell


class Kind(str, Enum):
    NUMBER = "number"
    BLANK = "blank"  # empty cell
    NOT_APPLICABLE = "na"  # '/', '-', '—'
    TEXT = "text"  # anything else where a number belongs
    MISSING = "missing"  # the row has fewer cells than the template's columns


_NA = {"/", "-", "—", "——", "－", "\\", "／", "–", "一"}
_NUMBER = re.compile(
    r"(?P<sign>[-+]?)\s*(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?\s*"
    r"(?P<unit>件|个|条|项|次|人次|份|万元|元|%)?"
)


@dataclass(frozen=True, slots=True)
class Value:
    kind: Kind
    number: Decimal | None
    raw: str
    cell: Cell | None

    @property
    def is_blank(self) -> bool:
        """Blank, '/' or missing: counted as 0 in sums, but not a figure a total can be checked against."""
        return self.kind in (Kind.BLANK, Kind.NOT_APPLICABLE, Kind.MISSING)

    @property
    def amount(self) -> Decimal:
        return self.number if self.number is not None else Decimal(0)


def parse_value(raw: str, cell: Cell | None = None) -> Value:
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        return Value(Kind.BLANK, None, raw, cell)
    if text in _NA:
        return Value(Kind.NOT_APPLICABLE, None, raw, cell)
    match = _NUMBER.fullmatch(text)
    if match is None:
        return Value(Kind.TEXT, None, raw, cell)
    number = Decimal(match["digits"].replace(",", "") + (match["fraction"] or ""))
    if match["sign"] == "-":
        number = -number
    return Value(Kind.NUMBER, number, raw, cell)


def looks_like_value(raw: str) -> bool:
    """True for what can stand in a number cell: a figure, blank, '/', '-'."""
    return parse_value(raw).kind is not Kind.TEXT


def format_number(number: Decimal) -> str:
    """1 -> '1', 1.50 -> '1.5': figures as a person writes them."""
    text = format(number.normalize(), "f")
    return text


MISSING = Value(Kind.MISSING, None, "", None)
