"""Acceptance on seed 001 (乌鲁木齐市交通运输局 2022): the request table's （七）总计 row is all zeros.

Line 54 is `(七)总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||` although the outcome rows hold 7 + 1 = 8
(自然人 and 总计), and 一 + 二 = 8 + 0. So identity C (RL302) and identity K (RL303) fail in the
自然人 and 总计 columns; every row still adds up (no RL301) and all six sections are there (no RL101).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import LintOptions, lint_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "001_c22fe348ddb0941e.txt"

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="shared seeds not available")

RL3 = LintOptions(select=("RL3",))
FIXED_54 = "(七)总计 | 8 | 0 | 0 | 0 | 0 | 0 | 8 | ||"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_lines(seed_text) -> list[str]:
    lines = seed_text.split("\n")
    # the facts the expectations below rest on
    assert lines[53] == "(七)总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||"
    assert lines[32] == "三、本年度办理结果 | (一)予以公开 | 7 | 0 | 0 | 0 | 0 | 0 | 7 | |"
    assert lines[30].startswith("一、本年新收政府信息公开申请数量 | 8 |")
    return lines


def with_line(lines: list[str], number: int, text: str) -> list[str]:
    changed = list(lines)
    changed[number - 1] = text
    return changed


def rl3(diagnostics):
    return [d for d in diagnostics if d.code.startswith("RL3")]


def findings(diagnostics, *, line_map=None):
    """(code, line, row, column_label, expected, actual) of the RL3xx diagnostics."""
    out = set()
    for d in rl3(diagnostics):
        line = line_map[d.line] if line_map is not None else d.line
        out.add((d.code, line, d.row, d.column_label, d.expected, d.actual))
    return out


# ------------------------------------------------------------------ the seed as is


def test_seed_as_is_reports_outcome_total_and_balance(seed_text, seed_lines):
    result = lint_text(seed_text, path=str(SEED))
    codes = [d.code for d in result.diagnostics]
    assert "RL101" not in codes
    assert "RL301" not in codes
    assert "RL002" not in codes
    assert result.status == "fail"
    assert result.template == "2021"
    assert result.year == 2022

    rl302 = [d for d in result.diagnostics if d.code == "RL302"]
    assert sorted((d.line, d.column_label, d.expected, d.actual) for d in rl302) == [
        (54, "总计", "8", "0"),
        (54, "自然人", "8", "0"),
    ]
    assert {d.row for d in rl302} == {"（七）总计"}

    rl303 = [d for d in result.diagnostics if d.code == "RL303"]
    assert sorted((d.line, d.column_label, d.expected, d.actual) for d in rl303) == [
        (54, "总计", "8", "0"),
        (54, "自然人", "8", "0"),
    ]
    # nothing else in the RL3 family
    assert sorted(d.code for d in rl3(result.diagnostics)) == ["RL302", "RL302", "RL303", "RL303"]


def test_seed_findings_point_at_the_zero_cells(seed_text, seed_lines):
    result = lint_text(seed_text, options=RL3)
    line = seed_lines[53]
    np_col = line.index("| 0") + 3  # first value cell, 1-based
    tot_col = line.index("| 0 | ||") + 3  # the 总计 cell
    spans = sorted({(d.column_label, d.line, d.column, d.end_column) for d in result.diagnostics})
    assert spans == [("总计", 54, tot_col, tot_col + 1), ("自然人", 54, np_col, np_col + 1)]
    assert (np_col, tot_col) == (9, 33)


def test_seed_with_crlf_and_cr_reports_the_same(seed_text):
    base = [(d.code, d.line, d.column, d.column_label) for d in lint_text(seed_text).diagnostics]
    for newline in ("\r\n", "\r"):
        other = lint_text(seed_text.replace("\n", newline)).diagnostics
        assert [(d.code, d.line, d.column, d.column_label) for d in other] == base


# ------------------------------------------------------------------ fixed, then broken again


def test_fixed_total_row_gives_no_rl3(seed_lines):
    fixed = with_line(seed_lines, 54, FIXED_54)
    result = lint_text("\n".join(fixed))
    assert rl3(result.diagnostics) == []
    assert "RL101" not in [d.code for d in result.diagnostics]
    # what still fails the file is seed 001's other real defect: the 收费 block cites 第(五)项 (RL504)
    errors = [(d.code, d.line) for d in result.diagnostics if d.severity.value == "error"]
    assert errors == [("RL504", 24)]


def test_one_applicant_cell_changed_gives_row_and_column_findings(seed_lines):
    fixed = with_line(seed_lines, 54, FIXED_54)
    broken = with_line(fixed, 33, "三、本年度办理结果 | (一)予以公开 | 6 | 0 | 0 | 0 | 0 | 0 | 7 | |")
    result = lint_text("\n".join(broken), options=RL3)
    assert findings(result.diagnostics) == {
        ("RL301", 33, "（一）予以公开", "总计", "6", "7"),
        ("RL302", 54, "（七）总计", "自然人", "7", "8"),
    }
    rl301 = next(d for d in result.diagnostics if d.code == "RL301")
    # placed on the row's 总计 cell
    column = broken[32].index("| 7 |") + 3
    assert (rl301.line, rl301.column, rl301.end_column) == (33, column, column + 1)


# ------------------------------------------------------------------ the same tables in other layouts


def _runs(lines: list[str]) -> list[tuple[int, int]]:
    """[start, end) index ranges of consecutive lines containing '|'."""
    runs, start = [], None
    for index, line in enumerate(lines + [""]):
        if "|" in line and start is None:
            start = index
        elif "|" not in line and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _cells(line: str) -> list[str]:
    pieces = [piece.strip() for piece in line.split("|")]
    while pieces and not pieces[-1]:
        pieces.pop()  # trailing filler cells "| ||"
    return pieces


def to_markdown(lines: list[str]) -> tuple[list[str], dict[int, int]]:
    """`| a | b |` rows and a `|---|` line after each table's first row; returns the new lines
    and a map new line number -> original line number."""
    out: list[str] = []
    origin: dict[int, int] = {}
    starts = {start for start, _ in _runs(lines)}
    for index, line in enumerate(lines):
        if "|" not in line:
            out.append(line)
            origin[len(out)] = index + 1
            continue
        cells = _cells(line)
        out.append("| " + " | ".join(cells) + " |")
        origin[len(out)] = index + 1
        if index in starts:
            out.append("|" + "---|" * len(cells))
    return out, origin


def to_tabs(lines: list[str]) -> list[str]:
    return ["\t".join(_cells(line)) if "|" in line else line for line in lines]


def test_converters_produce_the_intended_layouts(seed_lines):
    markdown, origin = to_markdown(seed_lines)
    assert len(_runs(seed_lines)) == 3  # 表二, 表三, 表四
    assert len(markdown) == len(seed_lines) + 3
    assert markdown[origin_index(origin, 54)] == "| (七)总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    assert markdown[origin_index(origin, 28) + 1].startswith("|---|---|")
    tabs = to_tabs(seed_lines)
    assert tabs[53] == "(七)总计\t0\t0\t0\t0\t0\t0\t0"
    assert tabs[32] == "三、本年度办理结果\t(一)予以公开\t7\t0\t0\t0\t0\t0\t7"


def origin_index(origin: dict[int, int], original_line: int) -> int:
    new_line = next(new for new, old in origin.items() if old == original_line)
    return new_line - 1


def _variants(seed_lines):
    fixed = with_line(seed_lines, 54, FIXED_54)
    broken = with_line(fixed, 33, "三、本年度办理结果 | (一)予以公开 | 6 | 0 | 0 | 0 | 0 | 0 | 7 | |")
    broken_k = with_line(fixed, 55, "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 2 | 0 | 2 |")
    return {"as_is": seed_lines, "fixed": fixed, "broken_row": broken, "broken_balance": broken_k}


@pytest.mark.parametrize("variant", ["as_is", "fixed", "broken_row", "broken_balance"])
def test_markdown_layout_gives_the_same_findings(seed_lines, variant):
    lines = _variants(seed_lines)[variant]
    pipe = findings(lint_text("\n".join(lines), options=RL3).diagnostics)
    markdown, origin = to_markdown(lines)
    doc = lint_text("\n".join(markdown), options=RL3)
    assert findings(doc.diagnostics, line_map=origin) == pipe
    assert len(pipe) == {"as_is": 4, "fixed": 0, "broken_row": 2, "broken_balance": 2}[variant]


@pytest.mark.parametrize("variant", ["as_is", "fixed", "broken_row", "broken_balance"])
def test_tab_layout_gives_the_same_findings(seed_lines, variant):
    lines = _variants(seed_lines)[variant]
    pipe = findings(lint_text("\n".join(lines), options=RL3).diagnostics)
    tabs = lint_text("\n".join(to_tabs(lines)), options=RL3)
    assert findings(tabs.diagnostics) == pipe
    assert len(pipe) == {"as_is": 4, "fixed": 0, "broken_row": 2, "broken_balance": 2}[variant]


def test_broken_balance_variant_expectation(seed_lines):
    """Guard for the layout comparisons: the K-only variant really reports K in one column."""
    lines = _variants(seed_lines)["broken_balance"]
    result = lint_text("\n".join(lines), options=RL3)
    assert findings(result.diagnostics) == {
        ("RL303", 54, "三（七）总计＋四、结转下年度继续办理", "法人或其他组织·法律服务机构", "0", "2"),
        ("RL303", 54, "三（七）总计＋四、结转下年度继续办理", "总计", "8", "10"),
    }
