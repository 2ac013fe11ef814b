"""Acceptance in a real headless Chromium (Debian's `chromium`, driven by Playwright's executable_path).

A real `reportlint serve` on a free port of 127.0.0.1; every page is also watched for console
errors, so a Content-Security-Policy violation (an inline script or style the policy forbids)
fails the test.
"""

from __future__ import annotations

import re
import shutil

import pytest

from serve_files import PLACEHOLDER, batch_zip, defective_docx

playwright_api = pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install '.[serve-test]'")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium package (apt-get install chromium)")


@pytest.fixture
def browser_page(live_server):
    server = live_server("--workers", "2", "--timeout", "60")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], timeout=30_000)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1200, "height": 900})
        context.set_default_timeout(90_000)  # a 20-file batch on a loaded 2-core machine
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        try:
            yield server, page, problems
        finally:
            context.close()
            browser.close()


def _upload(page, server, paths) -> None:
    page.goto(server.url + "/")
    page.set_input_files("#files", [str(p) for p in paths])
    page.click("#send")


def test_defective_docx_highlighted_and_annotated_copy(browser_page, tmp_path):
    server, page, problems = browser_page
    path = defective_docx(tmp_path, "青山县交通运输局2023年报.docx")
    _upload(page, server, [path])
    page.wait_for_url(re.compile(r"/b/[\w-]{22}/f/0$"))
    finding = page.locator("li.finding[data-code=RL401]").first
    assert finding.locator("mark").inner_text() in ("XX", "xxxx")
    view = page.frame_locator("#report-view")
    marked = view.locator("mark.hl").first
    marked.wait_for()
    assert marked.inner_text().strip() in ("XX", "xxxx")
    with page.expect_download() as download_info:
        page.click("a[href$='/annotated.docx']")
    saved = tmp_path / "annotated.docx"
    download_info.value.save_as(saved)
    import docx

    comments = [c.text for c in docx.Document(str(saved)).comments]
    assert sum("RL401" in text for text in comments) >= 2, comments
    assert not problems, problems


def test_zip_of_twenty_files_shows_the_review_page(browser_page, tmp_path):
    server, page, problems = browser_page
    archive = tmp_path / "第一季度报送.zip"
    archive.write_bytes(batch_zip(20))
    _upload(page, server, [archive])
    page.wait_for_url(re.compile(r"/b/[\w-]{22}$"))
    rows = page.locator("table tbody tr[data-i]")
    assert rows.count() == 20
    assert page.locator("#serve-files a").count() == 20
    rows.first.locator("button.toggle").click()  # the review page's own script runs under its policy
    page.locator("tr.detail").first.wait_for()
    page.click("#serve-list summary")
    page.locator("#serve-files a").nth(3).click()
    page.wait_for_url(re.compile(r"/b/[\w-]{22}/f/3$"))
    assert page.locator("h2").first.inner_text().startswith("检查结果：第一季度报送.zip/报告/03-")
    assert not problems, problems


def test_accepted_finding_stays_accepted_after_reupload(browser_page):
    server, page, problems = browser_page
    _upload(page, server, [PLACEHOLDER])
    page.wait_for_url(re.compile(r"/b/[\w-]{22}/f/0$"))
    first = page.locator("li.finding[data-code=RL401]").first
    first.locator("select[name=kind]").select_option("not-a-problem")
    first.locator("input[name=note]").fill("“XX杯”是活动名称，不是占位符")
    with page.expect_navigation():
        first.locator("button[type=submit]").click()
    assert page.locator("li.finding.accepted").count() == 1
    # upload the same file again, this time by drag and drop
    page.goto(server.url + "/")
    transfer = page.evaluate_handle(
        "([name, text]) => { const t = new DataTransfer(); t.items.add(new File([text], name, {type: 'text/plain'})); return t; }",
        [PLACEHOLDER.name, PLACEHOLDER.read_text(encoding="utf-8")],
    )
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    assert page.locator("#chosen li").count() == 1
    page.click("#send")
    page.wait_for_url(re.compile(r"/b/[\w-]{22}/f/0$"))
    accepted = page.locator("li.finding.accepted")
    assert accepted.count() == 1
    assert "活动名称" in accepted.inner_text() and "不是问题" in accepted.inner_text()
    assert not problems, problems


def test_english_pages_and_error_message(browser_page, tmp_path):
    server, page, problems = browser_page
    bad = tmp_path / "notes.exe"
    bad.write_bytes(b"MZ")
    page.goto(server.url + "/?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    page.set_input_files("#files", [str(bad)])
    page.click("#send")
    page.wait_for_selector("#status.problem")
    assert "unsupported file type" in page.inner_text("#status")
    page.goto(server.url + "/rules?lang=en")
    assert page.locator("tr#RL303").count() == 1
    assert [p for p in problems if "415" not in p] == []  # the refused upload itself is logged as a failed request
