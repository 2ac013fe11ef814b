"""Baselines: findings a reviewer has accepted stay accepted across re-runs.

A finding's fingerprint is its code, the file, where it sits in the report's structure (section,
table row and column) and the text it flags — never its line number, so inserting or deleting
text elsewhere in the report does not break it. Each recorded fingerprint hides one finding
(identical findings are counted); recorded ones that no longer occur are reported as fixed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Collection

from .engine import Diagnostic
from .lint import FileResult
from .store import ResultStore

VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be read (exit code 2)."""


def _file_key(path: str, root: Path) -> str:
    """The report's path relative to the baseline's folder, so the baseline survives a change of cwd."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def fingerprint(diagnostic: Diagnostic, file_key: str, occurrence: int | None = None) -> str:
    """Code, file, place in the report's structure and flagged text — never a line number.
    `occurrence` tells identical findings in one file apart (SARIF and GitLab need unique ones)."""
    parts = [
        diagnostic.code,
        file_key,
        "/".join(diagnostic.section),
        diagnostic.row or "",
        diagnostic.column_label or "",
        diagnostic.fingerprint_text or diagnostic.message,
    ]
    if occurrence is not None:
        parts.append(str(occurrence))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def write_baseline(path: Path, results: Collection[FileResult]) -> int:
    """Record every finding of `results`; returns how many."""
    root = path.resolve().parent
    entries = []
    for result in results:
        key = _file_key(result.path, root)
        for d in result.diagnostics:
            entries.append({
                "fingerprint": fingerprint(d, key), "code": d.code, "file": key,
                "section": list(d.section), "row": d.row, "column": d.column_label, "message": d.message,
            })
    path.write_text(json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries)


@dataclass
class BaselineOutcome:
    results: ResultStore  # every file, with the recorded findings taken out
    hidden: int = 0
    fixed: list[dict] = field(default_factory=list)  # recorded findings that no longer occur


def apply_baseline(path: Path, results: Collection[FileResult]) -> BaselineOutcome:
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
        entries = recorded["findings"]
        if recorded.get("version") != VERSION or not isinstance(entries, list):
            raise ValueError("unknown baseline version")
    except (OSError, ValueError, KeyError, TypeError) as problem:
        raise BaselineError(f"{path}: not a reportlint baseline ({problem})") from problem
    root = path.resolve().parent
    remaining = Counter(entry["fingerprint"] for entry in entries)
    outcome = BaselineOutcome(ResultStore(len(results)))
    checked_files = set()
    for index, result in enumerate(results):
        key = _file_key(result.path, root)
        checked_files.add(key)
        kept = []
        for d in result.diagnostics:
            mark = fingerprint(d, key)
            if remaining[mark] > 0:
                remaining[mark] -= 1
                outcome.hidden += 1
            else:
                kept.append(d)
        outcome.results.put(index, replace(result, diagnostics=tuple(kept), status=_status(result, kept)))
    for entry in entries:  # recorded for a file checked now, but no longer found
        if entry["file"] in checked_files and remaining[entry["fingerprint"]] > 0:
            remaining[entry["fingerprint"]] -= 1
            outcome.fixed.append(entry)
    return outcome


def _status(result: FileResult, kept: list[Diagnostic]) -> str:
    if result.status == "error" and any(d.code in ("RL001", "RL004") for d in kept):
        return "error"
    return "fail" if any(d.severity.value == "error" for d in kept) else "pass"
