"""`reportlint check -`: a report on standard input, checked as if it were a file of its
`--stdin-filename` (configuration found from that name, format from its suffix, that name in the
output; without one: `-`, plain text, the current folder's configuration).

The bytes are written once to a private temporary folder, so the readers and the worker processes
treat them exactly as a file; the folder is removed when the run ends.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath


@dataclass(frozen=True)
class StdinReport:
    path: Path  # the temporary copy the run reads
    name: str  # what the output calls it
    config_path: Path  # where configuration discovery starts

    @classmethod
    def read(cls, filename: str | None, stream=None) -> "StdinReport":
        stream = stream if stream is not None else sys.stdin
        data = getattr(stream, "buffer", stream).read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        base = PurePath(filename).name if filename else ""
        if not PurePath(base).suffix:  # no suffix to tell the format: plain text
            base = (base or "stdin") + ".txt"
        folder = Path(tempfile.mkdtemp(prefix="reportlint-stdin-"))
        path = folder / base
        path.write_bytes(data)
        return cls(path, filename or "-", Path(filename) if filename else Path.cwd() / "-")

    def close(self) -> None:
        shutil.rmtree(self.path.parent, ignore_errors=True)
