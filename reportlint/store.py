"""A run's results kept on disk, so that the parent's memory stays flat however many files it checks.

Workers finish files in any order; each result is pickled to a temporary file as it arrives and
read back in input order, one at a time, whenever a renderer walks the run (several renderers walk
it more than once: counts first, then the files). Only two integers per file stay in memory.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from typing import Iterable, Iterator

from .lint import FileResult


class ResultStore:
    """File results by input position; iterating yields those present, in input order."""

    def __init__(self, count: int) -> None:
        # unbuffered: a worker forked mid-run inherits no half-written buffer of this process
        self._file = tempfile.TemporaryFile(prefix="reportlint-results-", buffering=0)
        self._offsets = array("q", [-1]) * count
        self._lengths = array("q", [0]) * count
        self._end = 0

    def probe(self, size: int = 64 * 1024) -> None:
        """Write `size` bytes and take them back: a full or read-only TMPDIR raises OSError now,
        before any file is checked, not after the run."""
        self._file.seek(0)
        view = memoryview(bytes(size))
        while view:
            view = view[self._file.write(view):]
        os.fsync(self._file.fileno())
        self._file.truncate(0)
        self._file.seek(0)

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> "ResultStore":
        results = list(results)
        store = cls(len(results))
        for index, result in enumerate(results):
            store.put(index, result)
        return store

    def put(self, index: int, result: FileResult) -> None:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        view = memoryview(data)
        while view:  # a raw file may take less than given
            view = view[self._file.write(view):]
        self._offsets[index], self._lengths[index] = self._end, len(data)
        self._end += len(data)

    def __iter__(self) -> Iterator[FileResult]:
        for offset, length in zip(self._offsets, self._lengths):
            if offset >= 0:  # seek and read together: two walks at once do not disturb each other
                self._file.seek(offset)
                yield pickle.loads(self._read(length))

    def _read(self, length: int) -> bytes:
        data = b""
        while len(data) < length:  # a raw file may return less than asked
            piece = self._file.read(length - len(data))
            if not piece:
                raise OSError("the run's result file ended early")
            data += piece
        return data

    def __len__(self) -> int:
        return sum(1 for offset in self._offsets if offset >= 0)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "ResultStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
