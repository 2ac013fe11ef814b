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
from typing import Collection, Literal

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError

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
    """Record every finding of `results`; returns how many. The file appears only when complete."""
    from .formats.writer import Output

    root = path.resolve().parent
    output = Output.open(str(path))
    try:
        output.write('{"version": %d, "findings": [' % VERSION)
        count = 0
        for result in results:
            key = _file_key(result.path, root)
            for d in result.diagnostics:  # one entry at a time: a big run's baseline is never held whole
                entry = {"fingerprint": fingerprint(d, key), "code": d.code, "file": key,
                         "section": list(d.section), "row": d.row, "column": d.column_label, "message": d.message}
                output.write(("," if count else "") + "\n " + json.dumps(entry, ensure_ascii=False))
                count += 1
        output.write("\n]}\n")
        output.commit()
    finally:
        output.discard()
    return count


@dataclass
class BaselineOutcome:
    results: ResultStore  # every file, with the recorded findings taken out
    hidden: int = 0
    fixed: list[dict] = field(default_factory=list)  # recorded findings that no longer occur


class Entry(BaseModel):
    """One recorded finding; the fields matching needs are required, the rest are for people."""

    model_config = ConfigDict(extra="allow", strict=True)
    fingerprint: str
    file: str
    code: str = ""
    message: str = ""
    section: list[str] = []
    row: str | None = None
    column: str | None = None


class Recorded(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    version: Literal[1]
    findings: list[Entry]
    _root: Path | None = PrivateAttr(default=None)  # the baseline's folder: file keys are relative to it


MAX_BASELINE_BYTES = 256 * 1024 * 1024


def load_baseline(path: Path) -> Recorded:
    """The baseline file, validated: a wrong type or a missing key names the file and the key."""
    try:
        if not path.is_file():
            raise BaselineError(f"{path}: not a regular file")
        if path.stat().st_size > MAX_BASELINE_BYTES:
            raise BaselineError(f"{path}: larger than {MAX_BASELINE_BYTES} bytes; not a reportlint baseline")
        data = json.loads(path.read_bytes().decode("utf-8"))
    except BaselineError:
        raise
    except (OSError, ValueError, RecursionError) as problem:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise BaselineError(f"{path}: not a reportlint baseline ({type(problem).__name__}: {problem})") from problem
    try:
        recorded = Recorded.model_validate(data)
    except ValidationError as problem:
        first = problem.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(the file)"
        raise BaselineError(f"{path}: not a reportlint baseline: key '{key}': {first['msg']}"
                            + (f" ({len(problem.errors())} problems)" if len(problem.errors()) > 1 else "")) from None
    recorded._root = path.resolve().parent
    return recorded


def apply_baseline(baseline: Path | Recorded, results: Collection[FileResult]) -> BaselineOutcome:
    """Hide the recorded findings of `results` (`baseline` a path or what load_baseline read)."""
    recorded = load_baseline(baseline) if isinstance(baseline, Path) else baseline
    entries = [entry.model_dump() for entry in recorded.findings]
    root = recorded._root or Path.cwd()
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
