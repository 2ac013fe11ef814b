"""Cell texts -> typed values: the cached reading and the shortcut for long texts change nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.document import Cell, Span
from reportlint.numbers import Kind, parse_value


@pytest.mark.parametrize(
    ("raw", "kind", "number"),
    [
        ("12", Kind.NUMBER, Decimal(12)),
        ("１２", Kind.NUMBER, Decimal(12)),  # full-width digits go through NFKC
        ("1,234.5万元", Kind.NUMBER, Decimal("1234.5")),
        ("-3", Kind.NUMBER, Decimal(-3)),
        ("  7  " + " " * 60, Kind.NUMBER, Decimal(7)),  # long only because of padding
        ("", Kind.BLANK, None),
        (" " * 80, Kind.BLANK, None),
        ("／", Kind.NOT_APPLICABLE, None),
        ("无", Kind.TEXT, None),
        ("本机关全年共收到政府信息公开申请12件，均已按时答复，未发生因政府信息公开被申请行政复议的情况。", Kind.TEXT, None),
    ],
)
def test_cell_texts(raw, kind, number):
    value = parse_value(raw)
    assert (value.kind, value.number, value.raw) == (kind, number, raw)


def test_each_value_keeps_its_own_cell():
    first, second = (Cell("5", Span(n, 1, n, 2), 0) for n in (1, 2))
    assert parse_value("5", first).cell is first and parse_value("5", second).cell is second


@given(st.text(max_size=120))
def test_the_shortcut_for_long_texts_agrees_with_a_full_reading(raw):
    """Over the length limit a text counts as words. A full reading agrees unless the text is nothing
    but a figure that long (50 digits in one cell), which no report prints."""
    import unicodedata

    from reportlint.numbers import _LONGEST_VALUE, _reading

    value = parse_value(raw)
    full = _reading.__wrapped__(raw)
    if len(raw.strip()) <= _LONGEST_VALUE:
        assert (value.kind, value.number) == full
        return
    assert value.kind is Kind.TEXT
    if full[0] is not Kind.TEXT:  # only ever a run of digits with separators, sign and unit
        assert full[0] is Kind.NUMBER
        assert all(c.isdigit() or c in ",.-+%件个条项次人份万元" or c.isspace() for c in unicodedata.normalize("NFKC", raw))
