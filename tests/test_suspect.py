"""One wrong cell behind several arithmetic findings (reportlint/suspect.py): every single-cell error
in the request table is generated, in two layouts; the cell is named only when it alone explains
every violated identity, and the findings stay, each saying so."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from reportlint import LintOptions, lint_text
from reportlint.formats import render
from reportlint.registry import all_rules

ROOT = Path(__file__).resolve().parents[1]
GOOD = (ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8")
LINES = GOOD.split("\n")
REQUEST_ROWS = range(33, 58)  # 1-based lines of 表三's data rows in the good sample
ARITHMETIC = ("RL301", "RL302", "RL303", "RL304")
OPTIONS = LintOptions(select=ARITHMETIC)
SCHEMA = json.loads((ROOT / "reportlint" / "schema" / "check-output.schema.json").read_text(encoding="utf-8"))


def _changed(line_no: int, field: int, delta: int, separator: str = " | ") -> tuple[str, int, str]:
    """The good sample with figure `field` (0 = 自然人 … 6 = 总计) of line `line_no` moved by `delta`;
    also the changed cell's column and its original figure."""
    lines = list(LINES)
    parts = lines[line_no - 1].split(" | ")
    index = len(parts) - 7 + field
    original = parts[index]
    parts[index] = str(int(original) + delta)
    lines[line_no - 1] = separator.join(parts)
    column = len(separator.join(parts[:index])) + len(separator) + 1
    if separator != " | ":
        lines = [line.replace(" | ", separator) if 30 <= n <= 57 else line for n, line in enumerate(lines, 1)]
    return "\n".join(lines), column, original


CELLS = [(line, field) for line in REQUEST_ROWS for field in range(7)]


@pytest.mark.parametrize("line, field", CELLS)
def test_a_single_wrong_cell_is_named_in_every_finding_it_explains(line, field):
    text, column, original = _changed(line, field, 3)
    found = [d for d in lint_text(text, "r.txt", OPTIONS).diagnostics if d.code in ARITHMETIC]
    assert found, "a changed figure always breaks an identity"
    if len(found) == 1:
        assert found[0].suspect is None  # one identity alone does not single out a cell
        return
    suspects = {json.dumps(d.suspect, sort_keys=True) for d in found}
    assert len(suspects) == 1 and found[0].suspect is not None, found
    suspect = found[0].suspect
    assert (suspect["line"], suspect["column"], suspect["expected"], suspect["actual"]) == (line, column, original, str(int(original) + 3))
    assert suspect["findings"] == len(found)
    for d in found:
        assert f"很可能有误：改为 {original} 则 {len(found)} 处勾稽关系都成立" in d.message
        assert f"「{suspect['row']}·{suspect['column_label']}」" in d.message


@pytest.mark.parametrize("line, field", CELLS[::5])
def test_the_same_cell_is_found_in_a_tab_separated_table(line, field):
    piped = [d.suspect for d in lint_text(_changed(line, field, 2)[0], "r.txt", OPTIONS).diagnostics]
    tabbed = [d.suspect for d in lint_text(_changed(line, field, 2, "\t")[0], "r.txt", OPTIONS).diagnostics]
    assert [s and (s["row"], s["column_label"], s["expected"]) for s in piped] == [s and (s["row"], s["column_label"], s["expected"]) for s in tabbed]


@pytest.mark.parametrize("first, second", [((35, 0), (36, 4)), ((33, 1), (57, 0)), ((40, 0), (56, 6)), ((45, 2), (48, 0))])
def test_two_wrong_cells_name_no_suspect(first, second):
    text, _, _ = _changed(*first, 2)
    global LINES
    saved, LINES = LINES, text.split("\n")
    try:
        text, _, _ = _changed(*second, 5)
    finally:
        LINES = saved
    found = [d for d in lint_text(text, "r.txt", OPTIONS).diagnostics if d.code in ARITHMETIC]
    assert len(found) >= 2 and all(d.suspect is None for d in found)
    assert all("很可能有误" not in d.message for d in found)


def test_a_review_table_error_alone_names_no_cell():
    text = GOOD.replace("2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1", "2 | 1 | 0 | 0 | 4 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1")
    [finding] = lint_text(text, "r.txt", OPTIONS).diagnostics
    assert finding.code == "RL304" and finding.suspect is None


def test_json_carries_the_suspect_and_text_groups_the_findings():
    text, _, _ = _changed(56, 0, 3)  # （七）总计·自然人 8 -> 11: row total, outcome total, cross-check
    result = lint_text(text, "r.txt", LintOptions(select=ARITHMETIC, lang="zh"))
    assert sorted(d.code for d in result.diagnostics) == ["RL301", "RL302", "RL303"]
    document = json.loads(render("json", [result], all_rules(), "zh"))
    jsonschema.validate(document, SCHEMA)
    suspects = [d["suspect"] for d in document["files"][0]["diagnostics"]]
    assert suspects[0] == {"row": "（七）总计", "column_label": "自然人", "line": 56, "column": 9,
                           "actual": "11", "expected": "8", "findings": 3}
    assert all(s == suspects[0] for s in suspects)
    assert "「（七）总计·自然人」很可能有误：改为 8 则 3 处勾稽关系都成立" in result.diagnostics[0].message
    from io import StringIO

    from rich.console import Console

    from reportlint.report import render_text

    out = StringIO()
    render_text([result], Console(file=out, width=200, no_color=True), "zh", quiet=True)
    lines = out.getvalue().splitlines()
    heads = [n for n, line in enumerate(lines) if line.startswith("── 以下 3 条问题很可能都出自一格「（七）总计·自然人」")]
    assert len(heads) == 1
    findings = [n for n, line in enumerate(lines) if line.startswith("r.txt:")]
    assert heads[0] < findings[0] and findings == [findings[0], findings[0] + 3, findings[0] + 6]  # together, each with its snippet


def test_english_messages_name_the_cell():
    text, _, _ = _changed(56, 0, 3)
    messages = [d.message for d in lint_text(text, "r.txt", LintOptions(select=ARITHMETIC, lang="en")).diagnostics]
    assert all(m.endswith("; the cell '（七）总计 · 自然人' is probably wrong: with 8 there, all 3 identities hold") for m in messages)
