"""Suppression comments (`<!-- reportlint-disable… -->`) and RL003 unused-suppression.

The reports are copies of samples/bad/RL401_placeholder.txt, whose two RL401 findings sit on
line 9 (`xxxx年6月`, column 62) and line 13 (`XX科`, column 45), with comment lines inserted.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import docx
import jsonschema
import pytest
from click.testing import CliRunner

from reportlint.api import Severity
from reportlint.cli import main
from reportlint.engine import Diagnostic
from reportlint.lint import LintOptions, lint_path, lint_text
from reportlint.parser import parse
from reportlint.registry import all_rules, find_rule
from reportlint.suppress import UNUSED_SUPPRESSION, apply_suppressions, parse_directives

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "bad" / "RL401_placeholder.txt"
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
SCHEMA = json.loads((ROOT / "reportlint" / "schema" / "check-output.schema.json").read_text(encoding="utf-8"))
LINES = SAMPLE.read_text(encoding="utf-8").rstrip("\n").split("\n")
XXXX_LINE, XX_LINE = 9, 13  # the two RL401 findings of the sample


def with_comments(comments: dict[int, str], lines: list[str] = LINES) -> str:
    """The report with `comments[n]` inserted as its own line before original line n (0: at the end)."""
    out = []
    for number, line in enumerate(lines, 1):
        if number in comments:
            out.append(comments[number])
        out.append(line)
    if 0 in comments:
        out.append(comments[0])
    return "\n".join(out) + "\n"


def found(result) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in result.diagnostics if d.severity is not Severity.INFO]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sample_has_two_placeholders():
    assert found(lint_text(with_comments({}), "r.txt")) == [("RL401", XXXX_LINE, 62), ("RL401", XX_LINE, 45)]


# ---------------------------------------------------------------- .txt and .md


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_disable_next_line_hides_only_the_next_line(tmp_path, suffix):
    path = write(tmp_path, "report" + suffix, with_comments({XXXX_LINE: "<!-- reportlint-disable-next-line RL401 -->"}))
    result = lint_path(path)
    assert found(result) == [("RL401", XX_LINE + 1, 45)]  # the XX one, one line further down
    assert result.status == "fail"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_block_disable_enable(tmp_path, suffix):
    text = with_comments({3: "<!-- reportlint-disable RL401 -->", 12: "<!-- reportlint-enable RL401 -->"})
    result = lint_path(write(tmp_path, "report" + suffix, text))
    assert found(result) == [("RL401", XX_LINE + 2, 45)]  # line 9 inside the block, line 13 after it


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_disable_without_enable_runs_to_the_end(tmp_path, suffix):
    result = lint_path(write(tmp_path, "report" + suffix, with_comments({3: "<!-- reportlint-disable RL401 -->"})))
    assert found(result) == []
    assert result.status == "pass"


def test_enable_without_codes_ends_every_disable():
    text = with_comments({3: "<!-- reportlint-disable RL401 RL402 -->", 12: "<!-- reportlint-enable -->"})
    assert found(lint_text(text, "r.md")) == [("RL003", 3, 31), ("RL401", XX_LINE + 2, 45)]  # RL402: nothing to hide


def test_disable_line_on_the_same_line():
    lines = list(LINES)
    lines[XXXX_LINE - 1] += "<!-- reportlint-disable-line RL401 -->"
    assert found(lint_text(with_comments({}, lines), "r.txt")) == [("RL401", XX_LINE, 45)]


def test_block_comments_take_effect_where_they_stand_in_a_line():
    """A `disable` after the placeholder on the same line does not cover it; the next line is covered."""
    lines = list(LINES)
    lines[XXXX_LINE - 1] += "<!-- reportlint-disable RL401 -->"
    assert found(lint_text(with_comments({}, lines), "r.txt")) == [("RL401", XXXX_LINE, 62)]


@pytest.mark.parametrize(
    "selectors",
    ["RL401", "rl401", "RL4", "RL", "placeholder", "RL402,RL401", "RL402, placeholder", ""],
    ids=["code", "lower-case", "prefix", "wide-prefix", "name", "comma-list", "comma-space-name", "no-codes-all"],
)
def test_selectors_codes_prefixes_names(selectors):
    comment = f"<!-- reportlint-disable-next-line {selectors} -->".replace("  ", " ")
    result = lint_text(with_comments({XXXX_LINE: comment}), "r.txt", LintOptions(select=("RL4", "RL003")))
    assert [c for c, _, _ in found(result) if c == "RL401"] == ["RL401"]  # only the XX one is left
    assert ("RL401", XXXX_LINE + 1, 62) not in found(result)


def test_a_selector_for_another_rule_does_not_hide_the_finding():
    result = lint_text(with_comments({XXXX_LINE: "<!-- reportlint-disable-next-line RL402 -->"}), "r.txt")
    assert ("RL401", XXXX_LINE + 1, 62) in found(result)
    assert ("RL003", XXXX_LINE, 35) in found(result)  # and the comment is reported: RL402 found nothing there


def test_a_blank_line_between_comment_and_finding_breaks_next_line():
    text = with_comments({XXXX_LINE: "<!-- reportlint-disable-next-line RL401 -->\n"})
    assert ("RL401", XXXX_LINE + 2, 62) in found(lint_text(text, "r.txt"))


# ---------------------------------------------------------------- RL003 unused-suppression


def test_unused_suppression_warning_exact_position():
    comment = "<!-- reportlint-disable-next-line RL401 -->"
    good_lines = GOOD.read_text(encoding="utf-8").rstrip("\n").split("\n")
    result = lint_text(with_comments({9: comment}, good_lines), "good.txt", LintOptions(lang="en"))
    [warning] = [d for d in result.diagnostics if d.code == "RL003"]
    assert (warning.line, warning.column, warning.end_line, warning.end_column) == (9, 35, 9, 40)  # the "RL401"
    assert comment[34:39] == "RL401"
    assert warning.severity is Severity.WARNING
    assert warning.name == "unused-suppression"
    assert warning.message == f"suppression comment '{comment}' suppresses nothing; remove it"
    assert warning.source_line == comment
    assert warning.section == ("一", "（三）")
    assert result.status == "pass"  # a warning does not fail the file


def test_unused_comment_without_codes_points_at_the_whole_comment():
    comment = "<!-- reportlint-disable-next-line -->"
    result = lint_text(with_comments({2: comment}, GOOD.read_text(encoding="utf-8").rstrip("\n").split("\n")), "g.md")
    [warning] = [d for d in result.diagnostics if d.code == "RL003"]
    assert (warning.line, warning.column, warning.end_column) == (2, 1, len(comment) + 1)
    assert warning.message == f"抑制注释「{comment}」没有抑制任何问题，请删除"


def test_one_stale_name_in_a_comment_that_still_works():
    comment = "<!-- reportlint-disable-next-line RL401 RL502 -->"
    result = lint_text(with_comments({XXXX_LINE: comment}), "r.txt", LintOptions(lang="en"))
    [warning] = [d for d in result.diagnostics if d.code == "RL003"]
    assert (warning.line, warning.column, warning.end_column) == (XXXX_LINE, comment.index("RL502") + 1, comment.index("RL502") + 6)
    assert warning.message.startswith("'RL502' in suppression comment")
    assert ("RL401", XXXX_LINE + 1, 62) not in found(result)


def test_unused_block_and_unmatched_enable():
    text = with_comments({2: "<!-- reportlint-disable RL301 -->", 4: "<!-- reportlint-enable RL301 -->", 6: "<!-- reportlint-enable RL402 -->"})
    result = lint_text(text, "r.txt", LintOptions(lang="en"))
    warnings = [(d.line, d.column, d.message) for d in result.diagnostics if d.code == "RL003"]
    assert warnings == [
        (2, 25, "suppression comment '<!-- reportlint-disable RL301 -->' suppresses nothing; remove it"),
        (8, 24, "'<!-- reportlint-enable RL402 -->' has no matching reportlint-disable"),
    ]


def test_unknown_names_and_directives_are_reported():
    text = with_comments({2: "<!-- reportlint-disable-next-line RL999 plaseholder -->", 5: "<!-- reportlint-disabel RL401 -->"})
    result = lint_text(text, "r.txt", LintOptions(lang="en"))
    messages = [(d.line, d.column, d.message) for d in result.diagnostics if d.code == "RL003"]
    assert messages[0][:2] == (2, 35) and "'RL999' in suppression comment" in messages[0][2] and "not a rule code" in messages[0][2]
    assert messages[1][:2] == (2, 41) and "'plaseholder'" in messages[1][2]
    assert messages[2] == (6, 1, "unknown suppression comment '<!-- reportlint-disabel RL401 -->': "
                                 "use reportlint-disable-next-line, -disable-line, -disable or -enable")
    assert ("RL401", XXXX_LINE + 2, 62) in found(result)  # the misspelt directive suppresses nothing


def test_rules_that_did_not_run_are_not_called_unused():
    text = with_comments({2: "<!-- reportlint-disable-next-line RL301 -->"})
    assert "RL003" not in [d.code for d in lint_text(text, "r.txt", LintOptions(select=("RL4", "RL003"))).diagnostics]
    assert "RL003" not in [d.code for d in lint_text(text, "r.txt", LintOptions(ignore=("RL301",))).diagnostics]
    assert "RL003" in [d.code for d in lint_text(text, "r.txt").diagnostics]


def test_not_a_report_runs_no_report_rule_so_nothing_is_called_unused():
    result = lint_text("<!-- reportlint-disable-next-line RL401 -->\n会议纪要：xxxx年6月召开。\n", "notes.txt")
    assert [d.code for d in result.diagnostics] == ["RL004"]


def test_rl003_can_be_ignored_deselected_or_made_an_error():
    text = with_comments({2: "<!-- reportlint-disable-next-line RL301 -->"})
    assert "RL003" not in [d.code for d in lint_text(text, "r.txt", LintOptions(ignore=("RL003",))).diagnostics]
    assert "RL003" not in [d.code for d in lint_text(text, "r.txt", LintOptions(ignore=("unused-suppression",))).diagnostics]
    assert "RL003" not in [d.code for d in lint_text(text, "r.txt", LintOptions(select=("RL3",))).diagnostics]
    result = lint_text(text, "r.txt", LintOptions(severity={"RL003": Severity.ERROR}, select=("RL301", "RL003")))
    assert [(d.code, d.severity) for d in result.diagnostics] == [("RL003", Severity.ERROR)]
    assert result.status == "fail"


def test_rl003_examples_run_under_a_report_title():
    """RL003 is reported by the engine (no check function); its bad/good examples still hold."""
    title = "青山县交通运输局2023年政府信息公开工作年度报告\n"
    assert "RL003" in [d.code for d in lint_text(title + UNUSED_SUPPRESSION.bad, "bad.txt").diagnostics]
    good = lint_text(title + UNUSED_SUPPRESSION.good, "good.txt").diagnostics
    assert "RL003" not in [d.code for d in good] and "RL401" not in [d.code for d in good]
    assert UNUSED_SUPPRESSION.code == "RL003" and UNUSED_SUPPRESSION.name == "unused-suppression"
    assert UNUSED_SUPPRESSION.severity is Severity.WARNING and UNUSED_SUPPRESSION.check is None


def test_rl003_is_registered_like_the_other_engine_codes():
    registered = find_rule(all_rules(), "RL003")
    if registered is None:
        pytest.skip("RL003 is not in the built-in rule list yet (reportlint/checks/engine_codes.py)")
    assert registered.name == UNUSED_SUPPRESSION.name and registered.severity is UNUSED_SUPPRESSION.severity


# ---------------------------------------------------------------- never suppressed


def test_suppressions_never_hide_rl001(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"<!-- reportlint-disable -->\n<!-- reportlint-disable RL001 -->\n\x00\x01binary\x00\n")
    result = lint_path(path)
    assert [d.code for d in result.diagnostics] == ["RL001"]
    assert result.status == "error"


def test_unsuppressible_codes_are_kept_and_the_comment_is_reported():
    text = with_comments({1: "<!-- reportlint-disable RL001 RL002 RL004 -->"})
    doc = parse(text, path="r.txt")
    fake = [Diagnostic(code, name, Severity.ERROR, "x", 3, 1, 3, 2, ()) for code, name in
            (("RL001", "unreadable-file"), ("RL002", "rule-crashed"), ("RL004", "not-a-report"), ("RL003", "unused-suppression"))]
    kept = apply_suppressions(doc, list(fake), tuple(all_rules()), LintOptions(lang="en"), True)
    assert [d.code for d in kept if d.message == "x"] == ["RL001", "RL002", "RL003", "RL004"]
    reported = [d.message for d in kept if d.message != "x"]
    assert len(reported) == 3 and all("cannot be suppressed by a comment" in m for m in reported)


def test_a_comment_cannot_hide_not_a_report():
    result = lint_text("<!-- reportlint-disable -->\n会议纪要\n", "notes.md")
    assert "RL004" in [d.code for d in result.diagnostics]
    assert result.status == "error"


# ---------------------------------------------------------------- .html: comments in the page source


def to_html(lines: list[str], comments: dict[int, str] | None = None) -> tuple[str, dict[int, int]]:
    """A page with one <p> or <tr> per report line, each on its own source line; also returns
    report line -> page source line."""
    comments = comments or {}
    out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>年报</title></head>', "<body>", '<div class="article">']
    where: dict[int, int] = {}
    in_table = False
    for number, line in enumerate(lines, 1):
        is_row = "|" in line
        if in_table and not is_row:
            out.append("</table>")
            in_table = False
        if number in comments:
            out.append(comments[number])
        if is_row and not in_table:
            out.append("<table>")
            in_table = True
        where[number] = len(out) + 1
        if is_row:
            out.append("<tr>" + "".join(f"<td>{html.escape(cell.strip())}</td>" for cell in line.split("|")) + "</tr>")
        else:
            out.append(f"<p>{html.escape(line)}</p>")
    if in_table:
        out.append("</table>")
    out += ["</div>", "</body></html>"]
    return "\n".join(out) + "\n", where


def test_html_without_comments_has_both_placeholders(tmp_path):
    page, where = to_html(LINES)
    result = lint_path(write(tmp_path, "report.html", page))
    assert [(d.code, d.origin) for d in result.diagnostics if d.code == "RL401"] == [
        ("RL401", {"line": where[XXXX_LINE]}), ("RL401", {"line": where[XX_LINE]})]


def test_html_disable_next_line_uses_page_source_lines(tmp_path):
    page, where = to_html(LINES, {XXXX_LINE: "<!-- reportlint-disable-next-line RL401 -->"})
    result = lint_path(write(tmp_path, "report.html", page))
    assert [(d.code, d.origin) for d in result.diagnostics if d.severity is not Severity.INFO] == [("RL401", {"line": where[XX_LINE]})]


def test_html_block_in_the_page_source(tmp_path):
    page, where = to_html(LINES, {3: "<!-- reportlint-disable placeholder -->", 12: "<!-- reportlint-enable placeholder -->"})
    result = lint_path(write(tmp_path, "report.htm", page))
    assert [(d.code, d.origin) for d in result.diagnostics if d.severity is not Severity.INFO] == [("RL401", {"line": where[XX_LINE]})]


def test_html_table_rows_are_covered_by_a_comment_above_the_tr(tmp_path):
    bad = list(LINES)
    row = bad.index("规章 | 0 | 0 | 0") + 1
    bad[row - 1] = "规章 | XX | 0 | 0"
    page, where = to_html(bad)
    codes = [d.code for d in lint_path(write(tmp_path, "a.html", page)).diagnostics]
    assert codes.count("RL401") == 3
    page, where = to_html(bad, {row: "<!-- reportlint-disable-next-line RL401 RL203 -->"})
    result = lint_path(write(tmp_path, "b.html", page))
    assert [d.code for d in result.diagnostics].count("RL401") == 2
    assert "RL003" not in [d.code for d in result.diagnostics]


def test_html_unused_comment_names_its_source_line(tmp_path):
    page, where = to_html(LINES, {5: "<!-- reportlint-disable-next-line RL401 -->"})
    comment_line = where[5] - 1
    result = lint_path(write(tmp_path, "report.html", page), LintOptions(lang="en"))
    [warning] = [d for d in result.diagnostics if d.code == "RL003"]
    assert warning.message == f"source line {comment_line}: suppression comment '<!-- reportlint-disable-next-line RL401 -->' suppresses nothing; remove it"
    assert warning.origin == {"line": where[5]}  # pointed at the element right after the comment
    assert warning.line == 5  # the extracted text line of that element


def test_html_comment_text_is_not_read_from_the_extracted_text(tmp_path):
    """Escaped, visible comment text in a page is text, not a directive."""
    lines = list(LINES)
    lines.insert(XXXX_LINE - 1, "<!-- reportlint-disable-next-line RL401 -->")
    page, _ = to_html(lines)  # html.escape: &lt;!-- … --&gt; is shown on the page
    assert [d.code for d in lint_path(write(tmp_path, "report.html", page)).diagnostics].count("RL401") == 2


def test_lint_text_with_an_html_name_but_other_text_reads_the_text(tmp_path):
    page, _ = to_html(LINES)
    path = write(tmp_path, "report.html", page)
    text = with_comments({XXXX_LINE: "<!-- reportlint-disable-next-line RL401 -->"})
    assert found(lint_text(text, str(path))) == [("RL401", XX_LINE + 1, 45)]


# ---------------------------------------------------------------- .docx / .pdf: per-file-ignores


def make_docx(path: Path, lines: list[str]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def test_docx_cannot_carry_suppression_comments(tmp_path):
    lines = list(LINES)
    lines.insert(XXXX_LINE - 1, "<!-- reportlint-disable-next-line RL401 -->")
    result = lint_path(make_docx(tmp_path / "report.docx", lines), LintOptions(lang="en"))
    assert [d.code for d in result.diagnostics].count("RL401") == 2  # nothing suppressed
    [warning] = [d for d in result.diagnostics if d.code == "RL003"]
    assert "has no effect in a .docx/.pdf file: use per-file-ignores" in warning.message
    assert warning.origin == {"paragraph": XXXX_LINE}
    assert result.status == "fail"


@pytest.mark.parametrize("name", ["report.pdf", "report.PDF", "report.docx"])
def test_text_extracted_from_pdf_or_docx_is_never_read_for_comments(name):
    result = lint_text(with_comments({XXXX_LINE: "<!-- reportlint-disable-next-line RL401 -->"}), name, LintOptions(lang="en"))
    assert [(d.code, d.line) for d in result.diagnostics if d.code in ("RL003", "RL401")] == [
        ("RL003", XXXX_LINE), ("RL401", XXXX_LINE + 1), ("RL401", XX_LINE + 1)]


def test_docx_per_file_ignores_instead(tmp_path):
    make_docx(tmp_path / "report.docx", LINES)
    (tmp_path / "reportlint.toml").write_text('[per-file-ignores]\n"report.docx" = ["RL401"]\n', encoding="utf-8")
    outcome = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path / "report.docx")], catch_exceptions=False)
    document = json.loads(outcome.output)
    assert outcome.exit_code == 0
    assert "RL401" not in [d["code"] for d in document["files"][0]["diagnostics"]]


def test_parse_directives():
    line = "text <!-- reportlint-disable-line RL401, placeholder --> <!--reportlint-enable-->"
    [one, two] = parse_directives([line])
    columns = (line.index("RL401") + 1, line.index("placeholder") + 1)
    assert (one.kind, one.selectors, one.line, one.column) == ("disable-line", (("RL401", columns[0]), ("placeholder", columns[1])), 1, 6)
    assert one.end_column == line.index("-->") + 4
    assert (two.kind, two.selectors, two.column) == ("enable", (), line.index("<!--reportlint") + 1)
    assert parse_directives(["<!-- other comment -->", "reportlint-disable without a comment"]) == []


# ---------------------------------------------------------------- the command


def test_cli_exit_code_and_json(tmp_path):
    stale = "<!-- reportlint-disable-line RL301 -->"
    path = write(tmp_path, "report.md", with_comments({3: "<!-- reportlint-disable RL401 -->", 0: stale}))
    outcome = CliRunner().invoke(main, ["check", "--format", "json", str(path)], catch_exceptions=False)
    assert outcome.exit_code == 0  # both errors suppressed, the stale comment is only a warning
    document = json.loads(outcome.output)
    jsonschema.validate(document, SCHEMA)
    [warning] = [d for d in document["files"][0]["diagnostics"] if d["code"] != "RL005" and d["severity"] != "info"]
    assert (warning["code"], warning["severity"], warning["line"], warning["column"]) == ("RL003", "warning", len(LINES) + 2, stale.index("RL301") + 1)
    assert document["files"][0]["status"] == "pass"
