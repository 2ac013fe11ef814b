"""Screenshots of `reportlint serve`'s pages for the README: docs/serve-*.png.

Run:  python bench/serve_screenshots.py   (needs the serve-test extra and Debian's chromium + fonts-noto-cjk)

Starts a server on a free port of 127.0.0.1 with a temporary --data, uploads a defective .docx and a
zip of 20 reports through the upload page in headless Chromium, and photographs the upload page,
one file's page, the batch's review page and the rules page (1100x760, PNG). The server and the
browser are stopped whatever happens.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "serve"))

from serve_files import batch_zip, defective_docx  # noqa: E402

DOCS = ROOT / "docs"


def main() -> int:
    import httpx
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("needs Debian's chromium")
    work = Path(tempfile.mkdtemp(prefix="reportlint-shots-"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "reportlint", "serve", "--port", str(port), "--data", str(work / "data"), "--workers", "2"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        DOCS.mkdir(exist_ok=True)
        docx_path = defective_docx(work, "青山县交通运输局2023年政府信息公开工作年度报告.docx")
        archive = work / "第一季度报送.zip"
        archive.write_bytes(batch_zip(20))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1100, "height": 760})
            page.set_default_timeout(60_000)
            page.goto(url + "/")
            page.set_input_files("#files", [str(docx_path)])
            page.screenshot(path=str(DOCS / "serve-upload.png"))
            page.click("#send")
            page.wait_for_url(re.compile(r"/f/0$"))
            first = page.locator("li.finding[data-code=RL401]").first
            first.locator("input[name=note]").fill("已与科室核实")
            with page.expect_navigation():
                first.locator("button[type=submit]").click()
            page.frame_locator("#report-view").locator("mark.hl").first.wait_for()
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(DOCS / "serve-file.png"))
            page.goto(url + "/")
            page.set_input_files("#files", [str(archive)])
            page.click("#send")
            page.wait_for_url(re.compile(r"/b/[\w-]{22}$"))
            page.screenshot(path=str(DOCS / "serve-batch.png"))
            page.goto(url + "/rules")
            page.screenshot(path=str(DOCS / "serve-rules.png"))
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)
    for name in ("upload", "file", "batch", "rules"):
        print(DOCS / f"serve-{name}.png", (DOCS / f"serve-{name}.png").stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
