"""Helpers for the HTML review page tests (tests/formats/test_html_review.py).

- ``parse(text)``         -> the page as an lxml tree (lxml comes with python-docx).
- ``balanced(text)``      -> the problems a strict open/close tag walk finds (empty: well nested).
- ``page_data(tree)``     -> the findings JSON embedded in the page.
- ``visible_rows(tree)``  -> the file rows a person sees (no ``hidden`` attribute).
- ``chromium()``          -> the Chromium executable, or None.
- ``hash_of(q=..., status=...)`` -> a URL fragment the page reads.
- ``dump_dom(...)`` / ``screenshot(...)`` run it headless on a ``file://`` URL with a hash.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode

import lxml.html

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
OPTIONAL_END = {"p", "li", "option", "tr", "td", "th", "thead", "tbody"}
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_TIMEOUT = 180  # seconds for one Chromium run (the first start on a cold machine is slow)


def parse(text: str):
    return lxml.html.document_fromstring(text)


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}> at {self.getpos()}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()


def balanced(text: str) -> list[str]:
    """Every element the page opens is closed in order (the renderer writes no optional end tags away)."""
    walker = _Walker()
    walker.feed(text)
    walker.close()
    return walker.problems + [f"<{tag}> never closed" for tag in walker.stack]


def page_data(tree) -> dict:
    (script,) = tree.xpath('//script[@id="reportlint-data"]')
    assert script.get("type") == "application/json"
    return json.loads(script.text)


def file_rows(tree) -> list:
    return tree.xpath('//table[@id="files"]/tbody/tr[@data-i]')


def visible_rows(tree) -> list:
    return [row for row in file_rows(tree) if row.get("hidden") is None]


def row_path(row) -> str:
    return row.xpath('./td[contains(@class, "path")]')[0].get("data-v")


def chromium() -> str | None:
    for candidate in (os.environ.get("REPORTLINT_CHROMIUM"), "chromium", "/usr/bin/chromium", "chromium-browser"):
        if candidate and (shutil.which(candidate) or (os.path.isfile(candidate) and os.access(candidate, os.X_OK))):
            return shutil.which(candidate) or candidate
    return None


def hash_of(**params: str) -> str:
    """`#q=…&status=…` as the page's script writes it (encodeURIComponent: a space is %20, not +)."""
    return urlencode(params, quote_via=quote)


def page_url(page: Path, fragment: str = "") -> str:
    return page.resolve().as_uri() + ("#" + fragment if fragment else "")


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    profile.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=BROWSER_TIMEOUT,
        stdin=subprocess.DEVNULL,
    )


def dump_dom(browser: str, profile: Path, page: Path, fragment: str = "", budget_ms: int = 3000) -> str:
    url = page_url(page, fragment)
    done = _run(browser, profile, "--dump-dom", f"--virtual-time-budget={budget_ms}", "--window-size=1280,1800", url)
    dom = done.stdout.decode("utf-8", "replace")
    assert done.returncode == 0 and "<html" in dom, done.stderr.decode("utf-8", "replace")[-2000:]
    return dom


def screenshot(browser: str, profile: Path, page: Path, target: Path, fragment: str = "", size=(1280, 1800)) -> Path:
    done = _run(
        browser, profile, f"--screenshot={target}", f"--window-size={size[0]},{size[1]}", "--virtual-time-budget=3000",
        "--hide-scrollbars", page_url(page, fragment),
    )
    assert done.returncode == 0 and target.exists(), done.stderr.decode("utf-8", "replace")[-2000:]
    return target


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])
