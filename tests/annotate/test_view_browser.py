"""The report view in headless Chromium: every sample and every full corpus text (the PDFs too)
opens with no request leaving the page and no console message; the RL302 screenshot shows the cells
the finding names, and only those."""

from __future__ import annotations

import json
import os
import re
import subprocess
import unicodedata

import pytest
from png import pixel, read_png
from view_helpers import ROOT, chromium, parse, view_of, with_driver

from review_html_helpers import BROWSER_TIMEOUT, FLAGS, page_url

CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = sorted(p for p in (ROOT / "samples").rglob("*") if p.is_file() and p.suffix in {".txt", ".md", ".html", ".pdf", ".docx", ".wps"})
FULL_TEXTS = sorted(CORPUS.glob("real/0[1-4]_*.txt")) + sorted(CORPUS.glob("pdf/*.pdf"))
RL302 = ROOT / "samples" / "bad" / "RL302_outcome_total.txt"


@pytest.fixture(scope="module")
def browser():
    found = chromium()
    if found is None:
        message = "Chromium is not installed (Debian: apt-get install chromium): the report view cannot be tested in a browser"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def open_page(browser, profile, page, size=(1400, 1600), screenshot=None):
    """(DOM after the scripts ran, console and blocked-request messages) of one headless run."""
    profile.mkdir(parents=True, exist_ok=True)
    args = [browser, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
            f"--window-size={size[0]},{size[1]}", "--virtual-time-budget=3000", "--hide-scrollbars"]
    args += [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
    done = subprocess.run([*args, page_url(page)], capture_output=True, timeout=BROWSER_TIMEOUT, stdin=subprocess.DEVNULL)
    log = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, log[-2000:]
    messages = [line for line in log.splitlines() if "CONSOLE" in line or "Refused to" in line or "net::ERR" in line]
    return done.stdout.decode("utf-8", "replace"), messages


def test_the_console_check_catches_errors_and_blocked_requests(browser, tmp_path):
    """The detector itself: a console error and an outside image are both seen."""
    _, html = view_of(RL302)
    page = tmp_path / "control.html"
    page.write_text(with_driver(html, 'console.error("probe-error");').replace(
        "</main>", '<img src="http://example.invalid/x.png" alt=""></main>', 1), encoding="utf-8")
    _, messages = open_page(browser, tmp_path / "profile", page)
    assert any("probe-error" in m for m in messages), messages
    assert any("example.invalid" in m for m in messages), messages


@pytest.mark.parametrize("source", SAMPLES + FULL_TEXTS, ids=lambda p: p.name)
def test_view_opens_with_no_request_and_no_console_message(browser, tmp_path, source):
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    result, html = view_of(source)
    page = tmp_path / "view.html"
    page.write_text(html, encoding="utf-8")
    dom, messages = open_page(browser, tmp_path / "profile", page)
    assert messages == []
    tree = parse(dom)
    assert tree.xpath("//html/@data-ready") == ["true"], "the view's script ran"
    assert len(tree.xpath('//details[contains(@class, "entry")]')) == len(result.diagnostics)
    if source in FULL_TEXTS:
        assert len(tree.xpath('//table[@class="report-table"]')) >= 3, "the tables are real tables"


def _named_cells(text: str, column_label: str) -> set[tuple[int, int]]:
    """(text line, cell position from the right) of the cells an RL302 finding names, read from the
    table independently of reportlint: the （七）总计 row and every outcome row above it, the column
    of `column_label` (counted from the right: 总计 1, 其他 2, …, 自然人 7)."""
    from_right = {"自然人": 7, "商业企业": 6, "科研机构": 5, "社会公益组织": 4, "法律服务机构": 3, "其他": 2, "总计": 1}[column_label]
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines, 1) if line.startswith("三、本年度办理结果"))
    last = next(i for i, line in enumerate(lines, 1) if line.startswith("（七）总计"))
    return {(number, from_right) for number in range(first, last + 1)}


PROBE = """
(function () {
  var finding = document.querySelector('td.hl[data-f~="INDEX"]');
  var table = finding.closest("table");
  document.querySelectorAll(".item").forEach(function (item) { if (!item.contains(table)) item.remove(); });
  document.querySelector(".side").remove();
  document.querySelector(".head").remove();
  document.getElementById("nINDEX").dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));  // hover its note
  var cells = [];
  table.querySelectorAll("tr").forEach(function (tr) {
    Array.prototype.forEach.call(tr.cells, function (td, i) {
      var r = td.getBoundingClientRect();
      cells.push([+tr.getAttribute("data-line"), tr.cells.length - i, Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)]);
    });
  });
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify(cells);
  document.body.appendChild(out);
})();
"""


def test_screenshot_highlights_exactly_the_cells_an_rl302_finding_names(browser, tmp_path):
    result, html = view_of(RL302)
    index, finding = next((i, d) for i, d in enumerate(result.diagnostics) if d.code == "RL302")
    page = tmp_path / "rl302.html"
    page.write_text(with_driver(html, PROBE.replace("INDEX", str(index))), encoding="utf-8")
    dom, messages = open_page(browser, tmp_path / "profile", page, size=(1100, 1000))
    assert messages == []
    cells = json.loads(parse(dom).xpath('//pre[@id="probe"]')[0].text)
    shot = tmp_path / "rl302.png"
    open_page(browser, tmp_path / "profile", page, size=(1100, 1000), screenshot=shot)
    image = read_png(shot.read_bytes())
    lit = (0x7B, 0x3F, 0xE4)  # --lit: the outline of every linked cell while one is hovered
    shown = set()
    for line, from_right, left, top, width, height in cells:
        assert top + height < image[1], "the table fits in the screenshot"
        y = top + height // 2  # the 3px outline is drawn on the cell's inner edge
        if any(all(abs(a - b) < 40 for a, b in zip(pixel(image, x, y), lit)) for x in range(left, left + 4)):
            shown.add((line, from_right))
    text = RL302.read_text(encoding="utf-8")
    assert shown == _named_cells(text, finding.column_label), f"{finding.message}: lit {sorted(shown)}"
    assert (finding.line, 7 if finding.column_label == "自然人" else 1) in shown
    assert re.search(r"应为 (\d+)", finding.message) and len(shown) == 22


DRIVER = """
(function () {
  var log = {};
  var cell = document.querySelector('td.hl[data-f~="INDEX"]');
  cell.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
  log.litByCell = document.querySelectorAll("td.lit").length;
  document.querySelector("h1").dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
  log.litAfter = document.querySelectorAll(".lit").length;
  var jump = document.querySelector('#eINDEX a.jump');
  log.openBefore = jump.closest("details").open;
  jump.click();
  log.openAfter = jump.closest("details").open;
  log.hash = location.hash;
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify(log);
  document.body.appendChild(out);
})();
"""


def test_hover_lights_the_identity_and_a_list_entry_jumps_and_opens(browser, tmp_path):
    result, html = view_of(RL302)
    index = next(i for i, d in enumerate(result.diagnostics) if d.code == "RL302")
    page = tmp_path / "driven.html"
    page.write_text(with_driver(html, DRIVER.replace("INDEX", str(index))), encoding="utf-8")
    dom, messages = open_page(browser, tmp_path / "profile", page)
    assert messages == []
    log = json.loads(parse(dom).xpath('//pre[@id="probe"]')[0].text)
    groups = parse(html).xpath(f'//td[@data-f and contains(concat(" ", @data-f, " "), " {index} ")]/@data-g')[0].split()
    linked = [td for td in parse(html).xpath("//td[@data-g]") if set(td.get("data-g").split()) & set(groups)]
    assert len(groups) == 2, "（七）总计 自然人 takes part in RL302 and RL303"
    assert log["litByCell"] == len(linked) == 22 + 4 - 1, "hovering the cell lights every cell of both identities"
    assert log["litAfter"] == 0, "moving away clears them"
    assert log == {**log, "openBefore": False, "openAfter": True, "hash": f"#f{index}"}


def test_printed_view_keeps_the_notes(browser, tmp_path):
    import pdfplumber

    result, html = view_of(RL302)
    page = tmp_path / "view.html"
    page.write_text(html, encoding="utf-8")
    target = tmp_path / "view.pdf"
    (tmp_path / "profile").mkdir()
    done = subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={target}",
                           "--no-pdf-header-footer", "--virtual-time-budget=3000", page_url(page)],
                          capture_output=True, timeout=BROWSER_TIMEOUT, stdin=subprocess.DEVNULL)
    assert done.returncode == 0 and target.is_file(), done.stderr.decode("utf-8", "replace")[-2000:]
    with pdfplumber.open(str(target)) as pdf:
        text = "".join("".join((p.extract_text() or "").split()) for p in pdf.pages)
    text = unicodedata.normalize("NFKC", text)  # the PDF's fonts map some characters to Kangxi radicals (⼀ for 一)
    for d in result.diagnostics:
        assert unicodedata.normalize("NFKC", "".join(d.message.split()))[:30] in text, f"{d.code}: its note is printed"
    assert "".join("应为 8 · 实际 9".split()) in text
