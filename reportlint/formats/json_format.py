"""The JSON contract of DESIGN.md (schema: reportlint/schema/check-output.schema.json).

Kept free of rich, so that `--format json` (pre-commit hooks, CI) never imports it.
"""

from __future__ import annotations

import json

from .. import __version__
from ..api import Rule, Severity
from ..engine import Diagnostic
from ..lint import FileResult


def render(results: list[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    return to_json(results)


def summary(results: list[FileResult]) -> dict:
    return {
        "files": len(results),
        "errors": sum(r.count(Severity.ERROR) for r in results),
        "warnings": sum(r.count(Severity.WARNING) for r in results),
        "infos": sum(r.count(Severity.INFO) for r in results),
        "passed": sum(1 for r in results if r.status == "pass"),
        "failed": sum(1 for r in results if r.status == "fail"),
        "unassessed": sum(1 for r in results if r.status == "error"),
    }


def diagnostic_json(d: Diagnostic) -> dict:
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "section": list(d.section),
        "row": d.row,
        "column_label": d.column_label,
        "expected": d.expected,
        "actual": d.actual,
        "origin": d.origin,
    }


def to_json(results: list[FileResult]) -> str:
    document = {
        "version": __version__,
        "files": [
            {
                "path": r.path,
                "status": r.status,
                "template": r.template,
                "year": r.year,
                "encoding": r.encoding,
                "diagnostics": [diagnostic_json(d) for d in r.diagnostics],
            }
            for r in results
        ],
        "summary": summary(results),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
