"""Long-line and many-match texts (issue 12): the rewritten scans give what the old ones gave, and
hostile texts get a verdict. How their cost grows is measured by bench/run.py, not here."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shapes import SHAPES  # noqa: E402

from reportlint import LintOptions, lint_text  # noqa: E402
from reportlint.checks import patterns  # noqa: E402
from reportlint.parser import parse  # noqa: E402

FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=200,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# the terminals as they were before issue 12 (quadratic, but the reference for what matches)
OLD_MD_SEP = re.compile(r"[ \t\u3000]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*(?=\n)")
OLD_FIGURES = r"(?![^\n]*(?:[ \t\u3000]+[0-9０-９.\/-]+){3}[ \t\u3000]*(?:\n|$))"
OLD_ROW_LINE = re.compile(r"\||\t|(\s[0-9]+){3,}$")


def _grammar_terminal(name: str) -> re.Pattern[str]:
    grammar = (Path(__file__).resolve().parents[2] / "grammar" / "report.lark").read_text(encoding="utf-8")
    line = next(line for line in grammar.splitlines() if line.startswith(name))
    return re.compile(line.split(": /", 1)[1].rsplit("/", 1)[0])


LINE_PARTS = st.lists(st.sampled_from([" ", "\t", "\u3000", "|", "-", "---", ":", "1", "12", "x", "一、", "（七）总计", "."]), max_size=30).map("".join)


@FUZZ
@given(LINE_PARTS)
def test_md_sep_matches_the_lines_the_old_terminal_matched(line):
    new = _grammar_terminal("_MD_SEP").match(line + "\n")
    old = OLD_MD_SEP.match(line + "\n")
    assert (new and new.group()) == (old and old.group())


@FUZZ
@given(LINE_PARTS)
def test_heading_figures_lookahead_is_unchanged(line):
    new_la = re.compile(r"(?![^\n]*(?<![ \t\u3000])(?:[ \t\u3000]+[0-9０-９.\/-]+){3}[ \t\u3000]*(?:\n|$))")
    assert bool(new_la.match(line + "\n")) == bool(re.compile(OLD_FIGURES).match(line + "\n"))
    assert new_la.pattern in _grammar_terminal("HEADING1").pattern


@FUZZ
@given(LINE_PARTS)
def test_row_line_finds_the_same_lines(line):
    from reportlint.context import _ROW_LINE

    assert bool(_ROW_LINE.search(line.strip())) == bool(OLD_ROW_LINE.search(line.strip()))


def _pairwise_free(matches, taken):
    """patterns._free as it was inside _scan: each match compared with every earlier one (the reference)."""
    taken, kept = list(taken), []
    for match in matches:
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        taken.append(match.span())
        kept.append(match)
    return kept


PLACEHOLDER_TEXT = st.lists(st.sampled_from(["XX", "xx", "xxxx年", "X", "科", "某某", "20XX", "202X年", "××", "○○", "**年", "&nbsp;", "<p>", "（文字描述）", "，", "2023年"]), max_size=40).map("".join)


@FUZZ
@given(PLACEHOLDER_TEXT)
def test_scan_finds_what_the_pairwise_scan_found(body):
    doc = parse("某某局2023年政府信息公开工作年度报告\n" + body + "\n**" + body + "**\n", path="x.md")
    for kind in ("placeholder", "template_text", "artifact"):
        new = [(f.span, f.actual) for f in patterns._scan(doc, kind, ascii_lines=True)]
        linear = patterns._free
        patterns._free = _pairwise_free
        try:
            old = [(f.span, f.actual) for f in patterns._scan(doc, kind, ascii_lines=True)]
        finally:
            patterns._free = linear
        assert new == old


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_hostile_shapes_get_a_verdict(name):
    result = lint_text(SHAPES[name](3000), path="x.txt")
    assert result.status in {"pass", "fail", "error"}


def test_text_over_the_bound_is_rl001_naming_it():
    result = lint_text("x" * 101, options=LintOptions(max_text_chars=100, lang="en"))
    assert [d.code for d in result.diagnostics] == ["RL001"] and "max_text_chars = 100" in result.diagnostics[0].message
    result = lint_text("x\n" + "y" * 51, options=LintOptions(max_line_chars=50))
    assert "max_line_chars = 50" in result.diagnostics[0].message


def test_lone_surrogates_are_replaced_before_any_rule():
    result = lint_text("某某局2023年政府信息公开工作年度报告\n一、总体情况\n\ud800文字。\n", path="x.txt")
    for d in result.diagnostics:
        d.message.encode("utf-8")


def test_suppression_messages_quote_a_long_comment_short():
    text = SHAPES["suppression-names"](2000)
    result = lint_text(text, path="x.txt")
    rl003 = [d for d in result.diagnostics if d.code == "RL003"]
    assert len(rl003) == 2000 and max(len(d.message) for d in rl003) < 400
