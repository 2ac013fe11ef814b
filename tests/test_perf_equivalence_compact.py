"""CompactText slices one compact text per document (issuer.py `_Compactor`) instead of rebuilding
each range from its lines; these tests hold it, `fold_line` and the issuer's name spans to the code
they replaced."""

from __future__ import annotations

import random
import re
from array import array
from bisect import bisect_right
from pathlib import Path

import pytest

from reportlint import issuer
from reportlint.document import Span
from reportlint.issuer import _FOLD, _KEPT, _SPACES, CompactText, _find, _fold, _unspaced, fold_line
from reportlint.labels import RUBY as _RUBY
from reportlint.parser import parse
from reportlint.tables import PAGE_MARKER

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def without(span, holes):
    pieces, start, end = [], span[0], span[1]
    for hole_start, hole_end in holes:
        if hole_end <= start or hole_start >= end:
            continue
        if hole_start > start:
            pieces.append((start, hole_start))
        start = max(start, hole_end)
    if start < end:
        pieces.append((start, end))
    return pieces


class LineByLine:
    """CompactText as it was: built from lines first..last, a column per kept character."""

    def __init__(self, doc, first=1, last=None):
        last = len(doc.lines) if last is None else min(last, len(doc.lines))
        parts, self.columns, self.starts, self.numbers, length = [], array("i"), [], [], 0
        for number in range(max(first, 1), last + 1):
            line = doc.line(number)
            if not line or PAGE_MARKER.match(line):
                continue
            folded = line.translate(_FOLD)
            rubies = [ruby.span() for ruby in _RUBY.finditer(line)] if "(" in line else []
            self.starts.append(length)
            self.numbers.append(number)
            for run in _KEPT.finditer(folded):
                for start, end in without(run.span(), rubies):
                    parts.append(folded[start:end])
                    self.columns.extend(range(start + 1, end + 1))
                    length += end - start
        self.compact = "".join(parts)

    def place(self, offset):
        return self.numbers[max(bisect_right(self.starts, offset) - 1, 0)], self.columns[offset]

    def span(self, start, end):
        if not self.columns:
            return Span(1, 1, 1, 1)
        start = min(max(start, 0), len(self.columns) - 1)
        last = min(max(end - 1, start), len(self.columns) - 1)
        (line, column), (end_line, end_column) = self.place(start), self.place(last)
        return Span(line, column, end_line, end_column + 1)

    def line_of(self, offset):
        return self.place(min(max(offset, 0), len(self.columns) - 1))[0] if self.columns else 1


def _texts() -> list[str]:
    files = sorted((ROOT / "samples").rglob("*.txt")) + sorted(SHARED.glob("corpus/real/*.txt"))
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
    rng = random.Random(503)
    alphabet = list("统计期限自年月日 \t\r\u3000\u00a0\n\n0123456789０１２（）()：，開報區縣-—第页")
    alphabet += ["(tǒng)", "(jì)", "- 3 -", "第 2 页", "\n\n"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(150))) for _ in range(300)]
    return texts + ["", "\n", "  \n\t\n", "- 1 -\n第 2 页\n"]


TEXTS = _texts()


def _ranges(count: int, rng: random.Random) -> list[tuple[int, int | None]]:
    ranges = [(1, None), (1, count), (1, 10), (1, 60), (0, 5), (count, count), (count + 1, count + 5), (3, 2), (1, 0), (-3, 1)]
    ranges += [(first, first + rng.randrange(20)) for first in (rng.randrange(1, count + 2) for _ in range(6))]
    rng.shuffle(ranges)  # any order: the shared compact text grows as far as asked
    return ranges


def test_ranges_as_built_line_by_line():
    rng = random.Random(1)
    for text in TEXTS:
        doc = parse(text)
        for first, last in _ranges(len(doc.lines), rng):
            old, new = LineByLine(doc, first, last), CompactText(doc, first, last)
            assert new.compact == old.compact, (text[:80], first, last)
            size = len(old.compact)
            offsets = list(range(-2, size + 3)) if size < 300 else rng.sample(range(size), 60) + [-1, size, size + 1]
            for start in offsets:
                end = start + rng.randrange(-1, 8)
                assert new.span(start, end) == old.span(start, end), (text[:80], first, last, start, end)
                assert new.line_of(start) == old.line_of(start)


def test_fold_and_unspaced_are_translate_and_sub():
    assert not set(_FOLD.values()) & set(_FOLD)  # folding one character never makes another to fold
    for text in TEXTS[:40] + TEXTS[-80:]:
        assert _fold(text) == text.translate(_FOLD)
        assert _unspaced(text) == _SPACES.sub("", text)


def fold_line_as_it_was(line: str) -> str:
    return "".join(c for c in _RUBY.sub("", line).translate(_FOLD) if c not in set(" \t\u3000\u00a0\r"))


def find_as_it_was(line: str, number: int, name: str) -> Span:
    gap = r"(?:\s|\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))*"
    match = re.search(gap.join(re.escape(c) for c in name), line.translate(_FOLD))
    if match:
        return Span(number, match.start() + 1, number, match.end() + 1)
    start = len(line) - len(line.lstrip()) + 1
    return Span(number, start, number, len(line.rstrip()) + 1)


@pytest.mark.parametrize("seed", range(2))
def test_fold_line_and_name_spans(seed):
    rng = random.Random(seed)
    alphabet = list("青山县交通运输局人民政府办公室 \t\u3000\u00a0\r\x0b\u2003()（）·2023年") + ["(qīng)", "(shān)"]
    for _ in range(800):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(30)))
        assert fold_line(line) == fold_line_as_it_was(line)
        name = "".join(rng.choice("青山县交通()（）·局") for _ in range(rng.randrange(1, 6)))
        for candidate in (name, fold_line(line)[: rng.randrange(12)]):
            assert _find(line, 3, candidate) == find_as_it_was(line, 3, candidate), (line, candidate)


def test_large_text_grows_in_steps_without_rebuilding():
    doc = parse("统计 期限\n" * 5000)
    assert CompactText(doc, 1, 3).compact == "统计期限" * 3
    compactor = issuer._compactor(doc)
    assert len(compactor.ends) - 1 == 3  # only the lines asked for so far
    CompactText(doc, 1, 4)
    assert len(compactor.ends) - 1 == 6  # doubled
    whole = CompactText(doc)
    assert whole.compact is compactor.text  # the whole text is not copied
    assert whole.span(len(whole.compact) - 1, len(whole.compact)) == Span(5000, 5, 5000, 6)


def test_many_spans_on_one_long_line():
    doc = parse("标题\n" + "统计 期限(qī) 自2023年，" * 800 + "\n")
    old, new = LineByLine(doc), CompactText(doc)
    assert new.compact == old.compact
    for start in range(0, len(old.compact), 7):
        assert new.span(start, start + 3) == old.span(start, start + 3)
    long = parse("标题\n" + "统计 期限(qī) 自2023年，" * 50000 + "\n")
    unit = 45454 * 17 + 1  # "统计 期限(qī) 自2023年，" is 17 characters, 11 of them kept
    assert CompactText(long).span(2 + 45454 * 11 + 6, 2 + 45454 * 11 + 8) == Span(2, unit + 12, 2, unit + 14)  # in linear time


def test_outside_as_without():
    rng = random.Random(9)
    for _ in range(2000):
        cuts = sorted(rng.sample(range(60), rng.randrange(0, 12) * 2))
        spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
        cuts = sorted(rng.sample(range(60), rng.randrange(0, 8) * 2))
        holes = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
        assert issuer._outside(spans, holes) == [piece for span in spans for piece in without(span, holes)]
