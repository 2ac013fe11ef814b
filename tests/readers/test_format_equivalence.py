"""The same report as .txt, .docx and .html gives the same findings, and each finding of the
.docx/.html version points into the original file: the Word/HTML table cell or paragraph that
holds what the .txt finding points at.

Line/column of a .docx/.html finding refer to the extracted text and are not compared; the
(code, row, column_label, expected, actual) of every finding are, as a multiset.
"""

from __future__ import annotations

import codecs
from collections import Counter, defaultdict
from pathlib import Path

import docx
import pytest

from readers_conftest import SAMPLES_DIR, SEED_001, Converted, cell_at, diagnostic_key, lint_file

SOURCES = sorted((SAMPLES_DIR / "good").glob("*.txt")) + sorted((SAMPLES_DIR / "bad").glob("*.txt"))
if SEED_001.is_file():
    SOURCES.append(SEED_001)

VARIANTS = {
    "docx": dict(kind="docx", merged=False),
    "docx-merged": dict(kind="docx", merged=True),
    "html": dict(kind="html", merged=False),
    "html-merged": dict(kind="html", merged=True),
}
# the noisy web page (navigation, scripts, footer around a TRS_Editor body) for a few reports
NOISE_SOURCES = [p for p in SOURCES if p.stem.startswith(("qingshan", "RL301", "RL402", "RL401", "RL203", "001_"))]

_reference_cache: dict[Path, object] = {}


def reference(path: Path):
    if path not in _reference_cache:
        _reference_cache[path] = lint_file(path)
    return _reference_cache[path]


def convert(source: Path, tmp_path: Path, kind: str, merged: bool, to_docx, to_html, **extra) -> Converted:
    text = source.read_text(encoding="utf-8")
    if kind == "docx":
        return to_docx(text, tmp_path / f"{source.stem}.docx", merged=merged, **extra)
    return to_html(text, tmp_path / f"{source.stem}.html", merged=merged, **extra)


def pairs(reference_result, result):
    """Findings of the two versions matched up: same key, in document order."""
    by_key = defaultdict(list)
    for d in result.diagnostics:
        by_key[diagnostic_key(d)].append(d)
    matched = []
    for t in reference_result.diagnostics:
        matched.append((t, by_key[diagnostic_key(t)].pop(0)))
    return matched


def expected_origin(t, conv: Converted, txt_lines: list[str], kind: str) -> tuple[dict, bool]:
    """Where finding `t` of the .txt version must point in the converted file.

    Returns (origin subset that must match, whether `cell` is required)."""
    line = txt_lines[t.line - 1]
    if "|" in line:
        index = cell_at(line, t.column)
        # a finding inside one cell (not one spanning the whole row, like RL202's missing row)
        in_one_cell = index is not None and t.end_line == t.line and cell_at(line, max(t.column, t.end_column - 1)) == index
        if in_one_cell and (t.line, index) in conv.cell_of:
            table, row, cell = conv.cell_of[(t.line, index)]
            origin = {"table": table, "row": row, "cell": cell}
            if kind == "html":
                origin["line"] = conv.row_line_of[(table, row)]
            return origin, True
        table, row, _ = next(v for (ln, _), v in conv.cell_of.items() if ln == t.line)
        origin = {"table": table, "row": row}
        if kind == "html":
            origin["line"] = conv.row_line_of[(table, row)]
        return origin, False
    if kind == "docx":
        return {"paragraph": conv.paragraph_of[t.line]}, False
    return {"line": conv.paragraph_of[t.line]}, False


def check_origins(reference_result, result, conv: Converted, source: Path, kind: str) -> None:
    txt_lines = source.read_text(encoding="utf-8").split("\n")
    word = docx.Document(str(conv.path)) if kind == "docx" else None
    for t, d in pairs(reference_result, result):
        expected, needs_cell = expected_origin(t, conv, txt_lines, kind)
        assert d.origin is not None, f"{d.code} ({d.row}/{d.column_label}) has no origin in the {kind} version"
        assert d.origin_text, d
        got = dict(d.origin)
        if not needs_cell and "cell" in got and "table" in expected:
            got.pop("cell")  # a row-level finding may name the first cell; the row must be right
        assert got == expected, f"{d.code} {d.row}/{d.column_label}: origin {d.origin}, expected {expected} (txt line {t.line} col {t.column})"
        if word is not None:  # read the place back with python-docx, independently of the maps
            line = txt_lines[t.line - 1]
            if "cell" in expected:
                index = cell_at(line, t.column)
                cell_text = line.split("|")[index].strip()
                table = word.tables[expected["table"] - 1]
                assert table.rows[expected["row"] - 1].cells[expected["cell"] - 1].text == cell_text
            elif "paragraph" in expected:
                assert word.paragraphs[expected["paragraph"] - 1].text == line


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_same_findings_and_origins(source, variant, tmp_path, to_docx, to_html):
    spec = VARIANTS[variant]
    if source.stem.startswith("RL003") and spec["kind"] == "html":
        # the converter writes the comment line as visible text; suppression comments in a page are
        # real <!-- --> comments in its source (tests/suppress covers them), so no RL003 here
        pytest.skip("suppression comments are format-specific")
    ref = reference(source)
    conv = convert(source, tmp_path, spec["kind"], spec["merged"], to_docx, to_html)
    result = lint_file(conv.path)
    assert Counter(map(diagnostic_key, result.diagnostics)) == Counter(map(diagnostic_key, ref.diagnostics))
    assert (result.status, result.template, result.year) == (ref.status, ref.template, ref.year)
    assert result.encoding == ("docx" if spec["kind"] == "docx" else "utf-8")
    check_origins(ref, result, conv, source, spec["kind"])


@pytest.mark.parametrize("source", NOISE_SOURCES, ids=lambda p: p.stem)
def test_noisy_web_page_gives_the_same_findings(source, tmp_path, to_html):
    ref = reference(source)
    conv = to_html(source.read_text(encoding="utf-8"), tmp_path / "page.html", noise=True)
    result = lint_file(conv.path)
    assert Counter(map(diagnostic_key, result.diagnostics)) == Counter(map(diagnostic_key, ref.diagnostics))
    assert result.status == ref.status
    check_origins(ref, result, conv, source, "html")


# ---------------------------------------------------------------- a few positions spelled out


def _only(result, code):
    found = [d for d in result.diagnostics if d.code == code]
    assert len(found) == 1, [(d.code, d.row, d.column_label) for d in result.diagnostics]
    return found[0]


@pytest.mark.parametrize(
    "variant, cell",
    [("docx", 9), ("docx-merged", 10), ("html", 9), ("html-merged", 10)],
)
def test_rl301_points_at_the_total_cell_of_the_yuyi_gongkai_row(variant, cell, tmp_path, bad_sample, to_docx, to_html):
    # table 5 = the request table (after the four 主动公开 tables); row 6 = 3 header rows,
    # 一、本年新收, 二、上年结转, then 三 （一）予以公开; its last cell is 总计 (6 instead of 5)
    spec = VARIANTS[variant]
    conv = convert(bad_sample("RL301"), tmp_path, spec["kind"], spec["merged"], to_docx, to_html)
    result = lint_file(conv.path)
    rl301 = _only(result, "RL301")
    assert (rl301.row, rl301.column_label, rl301.expected, rl301.actual) == ("（一）予以公开", "总计", "5", "6")
    assert {k: v for k, v in rl301.origin.items() if k != "line"} == {"table": 5, "row": 6, "cell": cell}
    assert rl301.origin_text.startswith(f"表5 第6行 第{cell}列")
    if spec["kind"] == "docx":
        row = docx.Document(str(conv.path)).tables[4].rows[5]
        assert row.cells[cell - 1].text == "6"
        assert "（一）予以公开" in [c.text for c in row.cells]
    else:
        source_line = conv.path.read_text(encoding="utf-8").split("\n")[rl301.origin["line"] - 1]
        assert source_line.startswith("<tr>") and "（一）予以公开" in source_line and "<td>6</td></tr>" in source_line
    # the side effect RL302 points at the 总计 cell of （七）总计 (row 27)
    rl302 = _only(result, "RL302")
    assert (rl302.origin["table"], rl302.origin["row"], rl302.origin["cell"]) == (5, 27, 8 if cell == 9 else 10)


@pytest.mark.parametrize("variant, cell", [("docx", 4), ("docx-merged", 6), ("html", 4), ("html-merged", 6)])
def test_rl203_points_at_the_blank_cell(variant, cell, tmp_path, bad_sample, to_docx, to_html):
    spec = VARIANTS[variant]
    conv = convert(bad_sample("RL203"), tmp_path, spec["kind"], spec["merged"], to_docx, to_html)
    rl203 = _only(lint_file(conv.path), "RL203")
    assert (rl203.origin["table"], rl203.origin["row"], rl203.origin["cell"]) == (5, 17, cell)
    assert conv.text_at[(5, 17, cell)] == ""


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_rl402_points_at_the_paragraphs(kind, tmp_path, bad_sample, to_docx, to_html):
    # txt lines 64 and 67 are the 22nd and 25th lines without `|`: paragraphs 22 and 25 in Word
    conv = convert(bad_sample("RL402"), tmp_path, kind, False, to_docx, to_html)
    found = [d for d in lint_file(conv.path).diagnostics if d.code == "RL402"]
    assert len(found) == 2
    if kind == "docx":
        assert [d.origin for d in found] == [{"paragraph": 22}, {"paragraph": 25}]
        assert [d.origin_text for d in found] == ["段落22", "段落25"]
        paragraphs = docx.Document(str(conv.path)).paragraphs
        assert paragraphs[21].text.startswith("（文字描述）2023年")
        assert paragraphs[24].text == "（文字描述，收取信息处理费情况在此处报告。）"
    else:
        html_lines = conv.path.read_text(encoding="utf-8").split("\n")
        for d, needle in zip(found, ("<p>（文字描述）2023年", "<p>（文字描述，收取")):
            assert set(d.origin) == {"line"}
            assert html_lines[d.origin["line"] - 1].startswith(needle)


# ---------------------------------------------------------------- encodings of the text version


_ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.encode("gbk"),
    "gb2312": lambda t: t.replace("—", "－").encode("gb2312"),  # GB2312 has no U+2014
}


@pytest.mark.parametrize("encoding", list(_ENCODINGS))
@pytest.mark.parametrize("name", ["RL301", "RL402"])
def test_text_in_every_encoding_gives_the_same_findings(encoding, name, tmp_path, bad_sample):
    source = bad_sample(name)
    path = tmp_path / f"{name}.txt"
    path.write_bytes(_ENCODINGS[encoding](source.read_text(encoding="utf-8")))
    ref, result = reference(source), lint_file(path)
    assert "RL001" not in [d.code for d in result.diagnostics]
    assert [(diagnostic_key(d), d.line, d.column) for d in result.diagnostics] == [
        (diagnostic_key(d), d.line, d.column) for d in ref.diagnostics
    ]
