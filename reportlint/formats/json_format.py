"""The JSON contract of DESIGN.md (schema: reportlint/schema/check-output.schema.json).

Kept free of rich, so that `--format json` (pre-commit hooks, CI) never imports it.
"""

from __future__ import annotations

from typing import Collection, Iterable, Iterator

from .. import __version__
from ..api import Rule, Severity
from ..engine import Diagnostic
from ..lint import FileResult
from .jsonstream import Lazy
from .jsonstream import chunks as json_chunks


def chunks(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str) -> Iterator[str]:
    return json_chunks(_document(results))


def render(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    return "".join(chunks(results, rules, lang))


def summary(results: Iterable[FileResult]) -> dict:
    """The run's counts, in one walk over the results."""
    counts = dict.fromkeys(("files", "errors", "warnings", "infos", "passed", "failed", "unassessed"), 0)
    for r in results:
        counts["files"] += 1
        counts["errors"] += r.count(Severity.ERROR)
        counts["warnings"] += r.count(Severity.WARNING)
        counts["infos"] += r.count(Severity.INFO)
        counts[{"pass": "passed", "fail": "failed", "error": "unassessed"}[r.status]] += 1
    return counts


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
        "suspect": d.suspect,
    }


def _document(results: Collection[FileResult]) -> dict:
    """The DESIGN.md document; its files are encoded one at a time as it is written."""
    return {
        "version": __version__,
        "files": Lazy(
            {
                "path": r.path,
                "status": r.status,
                "template": r.template,
                "year": r.year,
                "encoding": r.encoding,
                "diagnostics": [diagnostic_json(d) for d in r.diagnostics],
            }
            for r in results
        ),
        "summary": summary(results),
    }
