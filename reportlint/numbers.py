"""Figures as written in report tables -> typed values (全角 digits, 1,234, units, '/', '-', blank)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
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
_LONGEST_VALUE = 48  # characters: '1,234,567,890.12万元' with room for padding; longer cells are words


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
    if len(raw) > _LONGEST_VALUE and len(raw.strip()) > _LONGEST_VALUE:  # a sentence, not a figure: skip normalising it
        return Value(Kind.TEXT, None, raw, cell)
    kind, number = _reading(raw)
    return Value(kind, number, raw, cell)


@lru_cache(maxsize=8192)
def _reading(raw: str) -> tuple[Kind, Decimal | None]:
    """What a cell's text says. Cached: tables repeat the same few texts ("0", "/", "")."""
    text = (raw if raw.isascii() else unicodedata.normalize("NFKC", raw)).strip()  # NFKC leaves ASCII as it is
    if not text:
        return Kind.BLANK, None
    if text in _NA:
        return Kind.NOT_APPLICABLE, None
    match = _NUMBER.fullmatch(text)
    if match is None:
        return Kind.TEXT, None
    number = Decimal(match["digits"].replace(",", "") + (match["fraction"] or ""))
    return Kind.NUMBER, -number if match["sign"] == "-" else number


def looks_like_value(raw: str) -> bool:
    """True for what can stand in a number cell: a figure, blank, '/', '-'."""
    return parse_value(raw).kind is not Kind.TEXT


def format_number(number: Decimal) -> str:
    """1 -> '1', 1.50 -> '1.5': figures as a person writes them."""
    text = format(number.normalize(), "f")
    return text


MISSING = Value(Kind.MISSING, None, "", None)
