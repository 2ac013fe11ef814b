"""GitLab Code Quality report: the `artifacts:reports:codequality` JSON a merge request widget reads.

A JSON array, one object per finding: `description` ("RL301: message"), `check_name` (the code),
`fingerprint`, `severity` and `location.path` / `location.lines.begin`. GitLab compares
fingerprints between the source and target branches to tell new findings from fixed ones, so the
fingerprint is the SARIF one: code, path, place in the report's structure and flagged text, no
line number, unique within the report. Severity: error → major, warning → minor, info → info.
Paths are written as given, with forward slashes: run reportlint from the repository root with
relative paths so GitLab can match them.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..api import Rule, Severity
from ..engine import Diagnostic
from ..lint import FileResult
from .jsonstream import Lazy
from .location import origin_note
from .jsonstream import chunks as json_chunks
from .sarif import fingerprint, posix_path, with_occurrences

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def chunks(results: Iterable[FileResult], rules: tuple[Rule, ...], lang: str) -> Iterator[str]:
    return json_chunks(Lazy(issue(result.path, d, occurrence, lang) for result in results for d, occurrence in with_occurrences(result)))


def render(results: Iterable[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    return "".join(chunks(results, rules, lang))


def issue(path: str, d: Diagnostic, occurrence: int = 1, lang: str = "zh") -> dict:
    return {
        "description": f"{d.code}: {d.message}{origin_note(d)}",
        "check_name": d.code,
        "fingerprint": fingerprint(path, d, occurrence),
        "severity": SEVERITIES[d.severity],
        "location": {"path": posix_path(path), "lines": {"begin": max(d.line, 1)}},
    }

