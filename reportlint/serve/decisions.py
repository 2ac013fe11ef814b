"""Reviewers' decisions: a finding marked accepted (已核实 or 不是问题) stays accepted on re-upload.

A decision is stored with the finding's baseline fingerprint (reportlint.baseline: code, file,
place in the report's structure, flagged text — never a line number), computed twice: with the
file's name, which is what a `--baseline` file holds, so export and import agree with the command
line; and with the issuing body, so the same body's report uploaded again under another name
keeps its decisions. SQLite in `--data`, WAL, one connection that every write goes through under
a lock (one writer), each decision committed on its own with synchronous=FULL: a server killed
mid-batch loses no decision it has confirmed.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ..api import Severity
from ..baseline import VERSION, fingerprint
from ..engine import Diagnostic
from ..lint import UNASSESSABLE, FileResult
from .messages import ServeError

KINDS = ("verified", "not-a-problem", "baseline")  # 已核实, 不是问题, imported from a baseline file
NEVER_ACCEPTED = frozenset({"RL001", "RL002", "RL004"})  # a file's verdict, not a finding in it
_FINGERPRINT = re.compile(r"^[0-9a-f]{32}$")
MAX_IMPORT_BYTES = 20 * 1024 * 1024

_SCHEMA = """
CREATE TABLE IF NOT EXISTS decision (
  fingerprint TEXT PRIMARY KEY,       -- baseline fingerprint with the file's name
  body_fingerprint TEXT,              -- the same with the issuing body (NULL when unknown or imported)
  file TEXT NOT NULL, body TEXT, code TEXT NOT NULL,
  section TEXT NOT NULL DEFAULT '[]', row_label TEXT, column_label TEXT, message TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', count INTEGER NOT NULL DEFAULT 1, created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS decision_body ON decision(body_fingerprint);
"""


@dataclass(frozen=True)
class Decision:
    fingerprint: str
    kind: str
    note: str
    created: float


@dataclass(frozen=True)
class Reviewed:
    """A file's findings with their decisions, and the result that counts (accepted ones taken out)."""

    result: FileResult  # as checked
    decisions: tuple[Decision | None, ...]  # one per diagnostic of `result`
    effective: FileResult

    @property
    def accepted(self) -> int:
        return sum(1 for d in self.decisions if d is not None)


def _body_key(issuer: str) -> str:
    return "body:" + issuer


def file_fingerprint(d: Diagnostic, name: str) -> str:
    return fingerprint(d, name)


class DecisionStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def integrity(self) -> str:
        with self._lock:
            return self._db.execute("PRAGMA integrity_check").fetchone()[0]

    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM decision").fetchone()[0]

    # --- reading --------------------------------------------------------------------------------

    def review(self, result: FileResult) -> Reviewed:
        keys = [(file_fingerprint(d, result.path), fingerprint(d, _body_key(result.issuer)) if result.issuer else None)
                for d in result.diagnostics]
        wanted = {key for pair in keys for key in pair if key}
        found: dict[str, Decision] = {}
        if wanted:
            marks = ",".join("?" * len(wanted))
            with self._lock:
                rows = self._db.execute(
                    f"SELECT fingerprint, body_fingerprint, kind, note, created FROM decision "
                    f"WHERE fingerprint IN ({marks}) OR body_fingerprint IN ({marks})", [*wanted, *wanted]).fetchall()
            for fp, body_fp, kind, note, created in rows:
                decision = Decision(fp, kind, note, created)
                found.setdefault(fp, decision)
                if body_fp:
                    found.setdefault(body_fp, decision)
        decisions = tuple(
            None if d.code in NEVER_ACCEPTED else (found.get(fp) or (found.get(body_fp) if body_fp else None))
            for d, (fp, body_fp) in zip(result.diagnostics, keys)
        )
        kept = tuple(d for d, decision in zip(result.diagnostics, decisions) if decision is None)
        return Reviewed(result, decisions, replace(result, diagnostics=kept, status=_status(result, kept)))

    # --- writing (one writer) -------------------------------------------------------------------

    def accept(self, result: FileResult, index: int, kind: str, note: str) -> Decision:
        if kind not in KINDS[:2]:
            raise ServeError(400, "bad-decision", "决定只能是 verified（已核实）或 not-a-problem（不是问题）",
                             "the decision is 'verified' or 'not-a-problem'")
        if not 0 <= index < len(result.diagnostics):
            raise ServeError(404, "no-finding", "没有这条问题", "no such finding")
        d = result.diagnostics[index]
        if d.code in NEVER_ACCEPTED:
            raise ServeError(400, "not-acceptable", "{rule} 是对整个文件的判断，不能标记为已接受", "{rule} is a verdict on the whole file and cannot be accepted",
                             rule=d.code)
        fp = file_fingerprint(d, result.path)
        body_fp = fingerprint(d, _body_key(result.issuer)) if result.issuer else None
        count = sum(1 for other in result.diagnostics if file_fingerprint(other, result.path) == fp)
        now = time.time()
        with self._lock:
            self._db.execute(
                "INSERT INTO decision (fingerprint, body_fingerprint, file, body, code, section, row_label, column_label, message, kind, note, count, created)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(fingerprint) DO UPDATE SET kind=excluded.kind, note=excluded.note,"
                " body_fingerprint=COALESCE(excluded.body_fingerprint, body_fingerprint), count=MAX(count, excluded.count)",
                (fp, body_fp, result.path, result.issuer, d.code, json.dumps(list(d.section), ensure_ascii=False), d.row, d.column_label,
                 d.message, kind, note[:2000], count, now),
            )
        return Decision(fp, kind, note[:2000], now)

    def withdraw(self, result: FileResult, index: int) -> bool:
        """Take back the decision that covers finding `index` (by either fingerprint)."""
        if not 0 <= index < len(result.diagnostics):
            raise ServeError(404, "no-finding", "没有这条问题", "no such finding")
        decision = self.review(result).decisions[index]
        if decision is None:
            return False
        with self._lock:
            self._db.execute("DELETE FROM decision WHERE fingerprint = ?", (decision.fingerprint,))
        return True

    # --- baseline files -------------------------------------------------------------------------

    def export_baseline(self) -> dict:
        """Every decision as a `reportlint check --baseline` file: keyed by file name, so it applies
        when it lies in the folder that holds the reports under the names they were uploaded with."""
        with self._lock:
            rows = self._db.execute(
                "SELECT fingerprint, code, file, section, row_label, column_label, message, count FROM decision ORDER BY file, code, created"
            ).fetchall()
        findings = []
        for fp, code, file, section, row, column, message, count in rows:
            entry = {"fingerprint": fp, "code": code, "file": file, "section": json.loads(section), "row": row, "column": column, "message": message}
            findings.extend([entry] * max(1, count))
        return {"version": VERSION, "findings": findings}

    def import_baseline(self, data: bytes) -> int:
        """Add the findings of a `--write-baseline` file as accepted (kind 'baseline'); returns how
        many were new. The whole file is checked before anything is written."""
        if len(data) > MAX_IMPORT_BYTES:
            raise ServeError(413, "too-large", "基线文件超过 {limit} 字节", "the baseline file is over {limit} bytes", limit=MAX_IMPORT_BYTES)
        try:
            recorded = json.loads(data.decode("utf-8-sig"))
            entries = recorded["findings"]
            if recorded.get("version") != VERSION or not isinstance(entries, list):
                raise ValueError("unknown baseline version")
            rows = Counter()
            details = {}
            for entry in entries:
                fp, code, file = entry["fingerprint"], entry["code"], entry["file"]
                if not (isinstance(fp, str) and _FINGERPRINT.match(fp) and isinstance(code, str) and isinstance(file, str)):
                    raise ValueError("bad entry")
                rows[fp] += 1
                section = entry.get("section") or []
                details[fp] = (file, code, json.dumps([str(s) for s in section], ensure_ascii=False), _str(entry.get("row")),
                               _str(entry.get("column")), str(entry.get("message") or ""))
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as problem:
            raise ServeError(400, "bad-baseline", "不是 reportlint 基线文件（{problem}）", "not a reportlint baseline file ({problem})",
                             problem=type(problem).__name__ if not isinstance(problem, ValueError) else str(problem)) from None
        now = time.time()
        added = 0
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for fp, count in rows.items():
                    file, code, section, row, column, message = details[fp]
                    cursor = self._db.execute(
                        "INSERT OR IGNORE INTO decision (fingerprint, file, code, section, row_label, column_label, message, kind, note, count, created)"
                        " VALUES (?,?,?,?,?,?,?,'baseline','',?,?)", (fp, file, code, section, row, column, message, count, now))
                    added += cursor.rowcount
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return added


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _status(result: FileResult, kept: tuple[Diagnostic, ...]) -> str:
    if any(d.code in UNASSESSABLE and d.severity is Severity.ERROR for d in kept):
        return "error"
    return "fail" if any(d.severity is Severity.ERROR for d in kept) else "pass"


__all__ = ["DecisionStore", "Decision", "Reviewed", "KINDS"]
