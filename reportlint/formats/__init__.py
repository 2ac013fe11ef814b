"""Machine-readable output formats. Each module renders a whole run: `render(results, rules, lang) -> str`."""

from __future__ import annotations

from importlib import import_module

from ..api import Rule
from ..lint import FileResult

MODULES = {"json": "json_format", "sarif": "sarif", "github": "github", "junit": "junit", "gitlab": "gitlab", "csv": "csv_format", "html": "html"}


def render(name: str, results: list[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    module = import_module(f".{MODULES[name]}", __name__)
    return module.render(results, rules, lang)
