"""Checked uploads kept under `--data/batches/<id>/`, so result pages and downloads can be opened later.

A batch's id is 128 random bits: knowing it is the only way to a batch (nothing lists them), so one
user never sees another's uploads. A batch holds its results (a pickle this server wrote itself)
and a copy of each uploaded report, for the document view and the annotated Word copy. Files are written to a temporary name and
renamed, so a killed server leaves a whole batch or none; batches older than the retention time
are removed.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..lint import FileResult
from .uploads import Staged

_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")
KEEP_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".docx", ".html", ".htm", ".shtml", ".xhtml", ".pdf")  # for the document view


@dataclass(frozen=True)
class Batch:
    id: str
    lang: str
    created: float
    results: tuple[FileResult, ...]
    folder: Path

    def original(self, index: int) -> Path | None:
        """The uploaded file itself, where one is kept (.docx)."""
        found = sorted((self.folder / "files").glob(f"{index:05d}.*"))
        return found[0] if found else None


class BatchStore:
    def __init__(self, root: Path, keep_seconds: float) -> None:
        self.root = root
        self.keep_seconds = keep_seconds
        root.mkdir(parents=True, exist_ok=True)
        self._last_purge = 0.0

    def save(self, results: list[FileResult], staged: list[Staged], lang: str) -> str:
        batch_id = secrets.token_urlsafe(16)
        work = self.root / f".{batch_id}.partial"
        (work / "files").mkdir(parents=True)
        for index, item in enumerate(staged):
            if item.path.suffix.lower() in KEEP_SUFFIXES:
                shutil.copyfile(item.path, work / "files" / f"{index:05d}{item.path.suffix.lower()}")
        with open(work / "results.pickle", "wb") as out:
            pickle.dump(tuple(results), out, protocol=pickle.HIGHEST_PROTOCOL)
        (work / "meta.json").write_text(json.dumps({"lang": lang, "created": time.time(), "files": len(results)}), encoding="utf-8")
        os.replace(work, self.root / batch_id)
        self.purge()
        return batch_id

    def load(self, batch_id: str) -> Batch | None:
        if not _ID.match(batch_id):
            return None
        folder = self.root / batch_id
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            with open(folder / "results.pickle", "rb") as source:
                results = pickle.load(source)
        except (OSError, ValueError, pickle.UnpicklingError, EOFError):
            return None
        return Batch(batch_id, meta.get("lang", "zh"), meta.get("created", 0.0), tuple(results), folder)

    def purge(self, force: bool = False) -> int:
        """Remove batches past the retention time, and partial ones a killed server left (at most every minute)."""
        now = time.time()
        if not force and now - self._last_purge < 60:
            return 0
        self._last_purge = now
        removed = 0
        for entry in self.root.iterdir():
            try:
                old = now - entry.stat().st_mtime > self.keep_seconds
            except OSError:
                continue
            partial = entry.name.endswith(".partial") and (force or now - entry.stat().st_mtime > 3600)
            if old or partial:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        return removed
