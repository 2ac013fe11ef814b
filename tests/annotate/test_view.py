"""The report view (reportlint/annotate/view.py) as HTML: layout, marks, notes, list, safety."""

from __future__ import annotations

import dataclasses

import pytest
from view_helpers import ROOT, balanced, marked, parse, policy_hashes, sha, view_of

from reportlint.annotate import VIEW_POLICY, render_view
from reportlint.api import Severity
from reportlint.engine import Diagnostic
from reportlint.lint import FileResult, lint_text
from reportlint.registry import all_rules

SAMPLES = sorted(p for p in (ROOT / "samples").rglob("*") if p.is_file() and p.suffix in {".txt", ".md", ".html", ".pdf"})
RL302 = ROOT / "samples" / "bad" / "RL302_outcome_total.txt"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_view_is_well_formed_and_marks_every_finding(path):
    result, html = view_of(path)
    assert balanced(html) == []
    tree = parse(html)
    entries = tree.xpath('//details[contains(@class, "entry")]')
    assert len(entries) == len(result.diagnostics)
    notes = tree.xpath('//div[contains(@class, "note")]')
    assert len(notes) == len(result.diagnostics), "one margin note per finding"
    for index, d in enumerate(result.diagnostics):
        jump = entries[index].xpath('.//a[@class="jump"]/@href')[0]
        assert tree.xpath(f'//*[@id="{jump[1:]}"]'), f"{d.code}: the list entry jumps to an existing place"
        if d.code not in {"RL001"} and d.line <= len(path.read_text("utf-8", "replace").splitlines()) and d.source_line.strip():
            assert marked(tree, index), f"{d.code} at {d.line}:{d.column} is highlighted in the text"


def test_policy_allows_exactly_the_page_style_and_script():
    _, html = view_of(RL302)
    tree = parse(html)
    (style,) = tree.xpath("//style")
    (script,) = tree.xpath("//script")
    assert policy_hashes(html) == {"style": sha(style.text), "script": sha(script.text)}
    assert VIEW_POLICY in html and "default-src 'none'" in VIEW_POLICY
    assert not tree.xpath("//*[@style]"), "no style attribute: the policy allows none"
    assert not tree.xpath("//*[@src] | //link[@href!='data:,'] | //iframe | //object"), "nothing is loaded"


def test_placeholder_is_marked_exactly():
    result, html = view_of(ROOT / "samples" / "bad" / "RL401_placeholder.txt")
    tree = parse(html)
    for index, d in enumerate(result.diagnostics):
        if d.code == "RL401":
            marks = marked(tree, index)
            assert "".join(m.text_content() for m in marks) == d.source_line[d.column - 1:d.end_column - 1]


def test_rl302_cell_and_its_identity_are_linked():
    result, html = view_of(RL302)
    tree = parse(html)
    index = next(i for i, d in enumerate(result.diagnostics) if d.code == "RL302" and d.column_label == "自然人")
    (cell,) = marked(tree, index)
    assert cell.tag == "td" and cell.text_content() == result.diagnostics[index].actual
    linked = tree.xpath(f'//td[contains(concat(" ", @data-g, " "), " g{index} ")]')
    assert len(linked) == 22, "（七）总计 and the 21 outcome rows of the column"
    from_end = [len(td.getparent()) - td.getparent().index(td) for td in linked]
    assert from_end == [7] * 22, "all in the 自然人 column (the seventh figure from the right of each row)"
    note = tree.xpath(f'//div[@id="n{index}"]')[0]
    assert note.get("data-g") == f"g{index}" and "（一）予以公开=3" in note.text_content()


def test_side_list_groups_by_section_and_carries_the_rule_explanation():
    result, html = view_of(RL302)
    tree = parse(html)
    (group,) = tree.xpath('//nav[@class="side"]//section[@class="group"]')
    assert group.xpath("./h3")[0].text == "三"
    rule = next(r for r in all_rules() if r.code == "RL302")
    first = group.xpath('.//details[contains(@class, "entry")]')[0]
    assert first.xpath('.//pre[@class="bad"]')[0].text == rule.bad
    assert first.xpath('.//pre[@class="good"]')[0].text == rule.good


def test_hostile_text_stays_text():
    text = (ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt").read_text("utf-8")
    text = text.replace("一、总体情况", "一、总体情况</p><script>alert(1)</script><img src=x>\x01", 1)
    result = lint_text(text, path="<b>x</b>.txt")
    html = render_view(text, result, all_rules())
    tree = parse(html)
    assert len(tree.xpath("//script")) == 1 and not tree.xpath("//img") and not tree.xpath("//b[not(ancestor::div[@class='why'])]")
    assert "\\x01" in html


def test_unreadable_file_shows_the_reason():
    diagnostic = Diagnostic("RL001", "unreadable-file", Severity.ERROR, "无法读取 <x>", 1, 1, 1, 1, ())
    result = FileResult("a.pdf", "error", None, (diagnostic,))
    tree = parse(render_view(None, result, all_rules()))
    assert "无法读取 <x>" in tree.xpath('//p[@class="no-text"]')[0].text_content()


def test_english_view_and_same_input_same_page():
    result, html = view_of(RL302, "en")
    assert '<html lang="en">' in html and "Findings" in html and "expected 8 · actual 9" in html
    assert view_of(RL302, "en")[1] == html


def test_finding_past_the_end_or_spanning_lines_is_placed():
    text = (ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt").read_text("utf-8")
    result = lint_text(text)
    lines = text.count("\n")
    extra = [
        Diagnostic("RL999", "x", Severity.WARNING, "past the end", lines + 5, 1, lines + 5, 1, ()),
        Diagnostic("RL998", "y", Severity.INFO, "two lines", 3, 2, 4, 3, ()),
    ]
    result = dataclasses.replace(result, diagnostics=result.diagnostics + tuple(extra))
    html = render_view(text, result, all_rules())
    assert balanced(html) == []
    tree = parse(html)
    base = len(result.diagnostics) - 2
    assert tree.xpath(f'//div[@id="n{base}"]') and marked(tree, base + 1)


HONGZE = ROOT.parent / "shared" / "corpus" / "real" / "02_huaian_hongze_district_2023.txt"


@pytest.mark.skipif(not HONGZE.is_file(), reason="the corpus is absent")
def test_tables_printed_as_text_lines_are_laid_out_as_tables():
    """PDF text prints a table row as `label 1 0 0 …`: the view shows it as a row of cells, and a
    review-table finding marks the cell it names."""
    result, html = view_of(HONGZE)
    tree = parse(html)
    rows = tree.xpath('//table[@class="report-table"]//tr')
    new_requests = next(r for r in rows if r.xpath("./td")[0].text_content().startswith("一、本年新收"))
    assert [td.text_content() for td in new_requests.xpath("./td")][1:] == ["21", "0", "0", "0", "0", "0", "21"]
    for index, d in enumerate(result.diagnostics):
        if d.code == "RL304":
            (cell,) = marked(tree, index)
            assert cell.tag == "td" and cell.text_content() == d.actual


def test_a_finding_after_characters_the_reader_removes_is_marked_on_its_text():
    """Zero-width and private-use characters are dropped from the text the rules read
    (readers/normalise.py) while findings point at the file's own characters: the view marks the
    flagged text all the same, and a full-width ＸＸ (read as XX) too."""
    good = (ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8")
    text = good.replace("2023年6月", "\u200b\ue000\u200bxxxx年6月", 1).replace("明确办公室为", "明确ＸＸ科为", 1)
    result = lint_text(text, path="zw.txt")
    from reportlint.readers.normalise import normalise

    html = render_view(normalise(text).text, result, all_rules())
    tree = parse(html)
    flagged = [d for d in result.diagnostics if d.code == "RL401"]
    assert {d.actual for d in flagged} == {"xxxx", "ＸＸ"}
    for index, d in enumerate(result.diagnostics):
        if d.code == "RL401":
            assert "".join(m.text_content() for m in marked(tree, index)) in {"xxxx", "XX"}
