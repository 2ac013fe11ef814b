"""The plain-text reader's checks (_binary, _garbled, _cjk_share) count with regexes instead of a
Python loop over characters; these tests hold them to the loops they replaced."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from reportlint.readers import text

ROOT = Path(__file__).resolve().parents[1]
GOOD = (ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8")
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")


# ---------------------------------------------------------------- the loops as they were


def binary_loop(sample: str) -> bool:
    sample = sample[:65536]
    if "\x00" in sample:
        return True
    controls = sum(1 for c in sample if c < " " and c not in _ALLOWED_CONTROLS)
    return controls > max(2, len(sample) // 100)


def garbled_loop(sample: str) -> bool:
    sample = sample[:65536]
    odd = sum(1 for c in sample if ord(c) > 127 and (0xFFF0 <= ord(c) <= 0xFFFF or unicodedata.category(c) in ("Cn", "Co", "Cs")))
    return odd > max(2, len(sample) // 50)


def cjk_share_loop(sample: str) -> float:
    sample = sample[:65536]
    non_ascii = [c for c in sample if ord(c) > 127]
    if not non_ascii:
        return 1.0
    cjk = sum(1 for c in non_ascii if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return cjk / len(non_ascii)


# ---------------------------------------------------------------- inputs


def _inputs() -> list[str]:
    rng = random.Random(2023)
    gbk = GOOD.encode("gbk")
    found = [
        "", "a", "\x00", "\x01\x02\x03", "\x1a" * 50, GOOD, GOOD * 30,  # longer than the 64K sample
        GOOD + "\x07" * 3, GOOD[:500] + "\x07" * 6, GOOD + "\ue000" * 3, GOOD + "\ue000" * 400,
        GOOD + "\ufff0\ufffd\uffff" * 200, GOOD + "\u0378" * 500, GOOD + "\U000f0000" * 300,
        gbk.decode("latin-1"), gbk.decode("cp1252", errors="replace"), gbk.decode("big5", errors="replace"),
        GOOD.encode("utf-8").decode("gb18030", errors="replace"), "Café naïve " * 500, "😀𠀀" * 100,
    ]
    for size in (10, 300, 5000, 70000):
        raw = bytes(rng.randrange(256) for _ in range(size))
        found += [raw.decode("latin-1"), raw.decode("gb18030", errors="ignore"), raw.decode("utf-8", errors="replace")]
        found.append("".join(chr(rng.randrange(0x110000)) for _ in range(size)))
        found.append("".join(chr(rng.randrange(0x3100)) for _ in range(size)))
    return found


INPUTS = _inputs()


@pytest.mark.parametrize("index", range(len(INPUTS)))
def test_checks_agree_with_the_loops(index):
    sample = INPUTS[index]
    assert text._binary(sample) is binary_loop(sample)
    assert text._garbled(sample) is garbled_loop(sample)
    share = text._cjk_share(sample)
    assert share == cjk_share_loop(sample) and type(share) is float


def test_plain_blocks_hold_no_odd_character():
    """_garbled skips what _PLAIN matches without asking unicodedata: none of it may count as odd."""
    plain = [chr(c) for c in range(0x110000) if 0xD800 > c or c > 0xDFFF]
    plain = [c for c in plain if text._PLAIN.fullmatch(c)]
    assert len(plain) > 25000  # CJK ideographs and the usual punctuation at least
    assert not [c for c in plain if text._odd(c)]


def test_control_class_is_what_the_loop_counted():
    counted = {chr(c) for c in range(32) if chr(c) not in _ALLOWED_CONTROLS and c != 0}
    assert {chr(c) for c in range(128) if text._CONTROL.fullmatch(chr(c))} == counted | {"\x00"}
