"""Text whose line breaks were lost (a saved web page with its whole body on one line): the full
corpus reports joined in several ways keep their sections (never RL101) and give no error the
text with its line breaks lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import lint_text

from layout_helpers import full_corpus_texts

JOINS = {"nothing": "", "space": " ", "ideographic-space": "\u3000"}
TEXTS = full_corpus_texts()


def _key(d) -> tuple:
    return (d.code, d.row, d.column_label, d.expected, d.actual)


def _errors(result) -> set:
    return {_key(d) for d in result.diagnostics if d.severity.value == "error"}


pytestmark = pytest.mark.skipif(not TEXTS, reason="shared corpus not available")


@pytest.mark.parametrize("join", JOINS, ids=list(JOINS))
@pytest.mark.parametrize("source", TEXTS, ids=lambda p: p.name[:2])
def test_no_missing_section(source: Path, join: str) -> None:
    text = JOINS[join].join(source.read_text(encoding="utf-8").split("\n"))
    result = lint_text(text)
    assert "RL101" not in {d.code for d in result.diagnostics}
    assert "RL108" not in {d.code for d in result.diagnostics}  # every section and table was found


def _cases():
    for source in TEXTS:
        for join in JOINS:
            yield pytest.param(source, join, id=f"{source.name[:2]}-{join}")


@pytest.mark.parametrize(("source", "join"), list(_cases()))
def test_no_error_the_text_with_line_breaks_lacks(source: Path, join: str) -> None:
    original = source.read_text(encoding="utf-8")
    joined = lint_text(JOINS[join].join(original.split("\n")))
    assert _errors(joined) <= _errors(lint_text(original))


def test_a_section_heading_inside_a_sentence_is_cut_only_after_a_long_line() -> None:
    from reportlint.parser import parse

    assert parse("本报告包括：一、总体情况，二、主动公开政府信息情况等部分。\n").cut_lines == ()  # a short line is never cut


# ---------------------------------------------------------------- generated reports, every way of joining

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from printed import generated_report  # noqa: E402


@settings(derandomize=True, max_examples=40, deadline=None, database=None)
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    layout=st.sampled_from(["2021", "2019"]),
    wrong_cell=st.booleans(),
    join=st.sampled_from(list(JOINS.values())),
    pipes=st.booleans(),
)
def test_generated_reports_joined_keep_their_verdict(seed: int, layout: str, wrong_cell: bool, join: str, pipes: bool) -> None:
    """2019 and 2021 layouts, random consistent tables (or one changed cell), pipe rows or figures
    after their labels, joined with nothing or spaces: the same errors, never RL101 or RL108."""
    text = generated_report(seed, layout, wrong_cell)
    if not pipes:
        text = text.replace(" | ", " ")
    joined = lint_text(join.join(text.split("\n")))
    assert not {"RL101", "RL108"} & {d.code for d in joined.diagnostics}
    assert sorted(_errors(joined)) == sorted(_errors(lint_text(text)))
