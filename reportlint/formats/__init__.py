"""Machine-readable output formats.

Each module yields a whole run's output in pieces, `chunks(results, rules, lang)`, walking
`results` (a list, or the run's on-disk ResultStore) as often as it needs and holding one file's
output at a time; `render(...)` joins them (tests, the Python API).
"""

from __future__ import annotations

from importlib import import_module
from typing import Collection, Iterator

from ..api import Rule
from ..lint import FileResult

MODULES = {"json": "json_format", "sarif": "sarif", "github": "github", "junit": "junit", "gitlab": "gitlab", "csv": "csv_format", "html": "html", "concise": "concise"}


def chunks(name: str, results: Collection[FileResult], rules: tuple[Rule, ...], lang: str, **extra) -> Iterator[str]:
    """`extra`: what one format takes besides (html: `views`, the links to each file's report view)."""
    module = import_module(f".{MODULES[name]}", __name__)
    return module.chunks(results, rules, lang, **extra)


def render(name: str, results: Collection[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    return "".join(chunks(name, results, rules, lang))
