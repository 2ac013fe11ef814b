"""RL401/RL402 scan only the lines holding characters a pattern needs (checks/patterns.py `_scan`);
these tests hold the findings to the line-by-line scan it replaced."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from reportlint.api import Message
from reportlint.checks import patterns
from reportlint.checks.patterns import TextPattern, _bold_markers, _needs, _scan, load_patterns
from reportlint.document import Span
from reportlint.parser import parse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KINDS = ("placeholder", "template_text")


def scan_every_line(doc, kind, table=None):
    """The scan as it was: every pattern over every line."""
    for number, line in enumerate(doc.lines, start=1):
        if not line or line.isascii() and not any(c in line for c in "xX*(") or line.isdigit():
            continue
        taken = []
        for pattern in table or load_patterns()[kind]:
            bold = _bold_markers(line) if pattern.skip_markdown_bold and "**" in line else set()
            for match in pattern.regex.finditer(line):
                if match.start() in bold or any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append(match.span())
                text = match.group(0)
                span = Span(number, match.start() + 1, number, match.end() + 1)
                yield pattern.name, span, text, f"{pattern.name}:{text}:{line.strip()[:80]}"


def found(doc, kind):
    return [(f.fingerprint_text.split(":")[0], f.span, f.actual, f.fingerprint_text) for f in _scan(doc, kind)]


def _texts() -> list[str]:
    files = sorted((ROOT / "samples").rglob("*.txt"))
    files += sorted(SHARED.glob("corpus/real/*.txt")) + sorted(SHARED.glob("seeds/*.txt"))
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
    rng = random.Random(401)
    alphabet = list("xXｘＸ×✕╳*○◯〇某年月日号市县区局镇乡一二十零（）()文字描述此处填写请在报告说明 \t\r\n\n2019０１２ab")
    alphabet += ["**", "20"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(120))) for _ in range(1500)]
    pieces = ["（文字描述）", "( 文字描述，收取信息处理费情况在此处报告。)", "（请填写本单位名称）", "（\n文字描述）"]
    pieces += ["（此处填写", "**年**月", "20XX年"]
    texts += ["\n".join(rng.choice(pieces) + rng.choice(alphabet) for _ in range(8)) for _ in range(200)]
    return texts


TEXTS = _texts()


@pytest.mark.parametrize("kind", KINDS)
def test_findings_as_scanning_every_line(kind):
    total = 0
    for text in TEXTS:
        doc = parse(text)
        expected = list(scan_every_line(doc, kind))
        assert found(doc, kind) == expected, text[:200]
        total += len(expected)
    assert total > 200  # the inputs do hold placeholders and instructions


def test_needed_characters_of_the_shipped_patterns():
    needs = {p.name: _needs(p.regex) for kind in KINDS for p in load_patterns()[kind]}
    assert needs["mou-mou"] == ("某",)
    assert needs["xxxx"] == ("XxＸｘ",)  # both branches need one of them: a line without is skipped
    assert needs["year-placeholder"] == ("12１２", "XxＸｘ")
    assert needs["text-description"] == ("(（", ")）", "字", "描", "文", "述")


@pytest.mark.parametrize(
    ("regex", "needs"),
    [
        (r"\d+", ()),  # a category: cannot tell
        (r"a?b*", ()),  # may match nothing
        (r"(?i)xx", ()),  # case-insensitive
        (r"(?i:x)y", ("y",)),
        (r"[^a]b", ("b",)),
        (r"(?:ab|c)+", ("ac",)),
        (r"ab|\w", ()),
        (r"[a-z]{2}", ("abcdefghijklmnopqrstuvwxyz",)),
        (r"[\u4e00-\u9fff]", ()),  # too wide
    ],
)
def test_needs(regex, needs):
    assert _needs(re.compile(regex)) == needs


def test_patterns_it_cannot_read_scan_every_line(monkeypatch):
    table = (
        TextPattern("digits", re.compile(r"(?<!\d)\d{3}(?!\d)"), Message("{text}", "{text}")),
        TextPattern("ab", re.compile(r"ab"), Message("{text}", "{text}")),
    )
    monkeypatch.setattr(patterns, "load_patterns", lambda: {"placeholder": table})
    doc = parse("标题\n共 123 件ab\nxxx 456 6789\n\n1234\nab 999\n")  # ASCII lines without xX*( are skipped
    assert found(doc, "placeholder") == list(scan_every_line(doc, "placeholder", table))
    assert len(found(doc, "placeholder")) == 3
