"""Helpers for the report-view tests: the review page's browser helpers, plus what a view needs.

- ``view_of(path, lang)``  -> (FileResult, HTML) of one file, as `reportlint annotate` writes it.
- ``marked(tree, index)``  -> the elements highlighted for finding `index` (marks and cells).
- ``policy_hashes(html)``  -> the script and style hashes the page's CSP allows.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "formats"))

from review_html_helpers import balanced, chromium, parse  # noqa: E402,F401 - re-exported for the view tests

from reportlint.annotate import view_for_path  # noqa: E402
from reportlint.lint import LintOptions  # noqa: E402


def view_of(path: Path | str, lang: str = "zh"):
    return view_for_path(path, LintOptions(lang=lang))


def marked(tree, index: int) -> list:
    return tree.xpath(f'//*[@data-f and contains(concat(" ", @data-f, " "), " {index} ")][not(self::a)]')


def sha(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def policy_hashes(html: str) -> dict[str, str]:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    return {kind: value for kind, value in re.findall(r"(script|style)-src 'sha256-([^']+)'", policy)}


def with_driver(html: str, script: str) -> str:
    """The view plus a test script, allowed by adding its hash to the view's policy."""
    html = html.replace("script-src 'sha256-", f"script-src 'sha256-{sha(script)}' 'sha256-", 1)
    return html.replace("</body>", f"<script>{script}</script>\n</body>", 1)
