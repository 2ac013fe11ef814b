"""The JSON contract of DESIGN.md (schema: reportlint/schema/check-output.schema.json)."""

from __future__ import annotations

from ..api import Rule
from ..lint import FileResult
from ..report import to_json


def render(results: list[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    return to_json(results)
