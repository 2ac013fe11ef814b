"""Where a run's output goes: standard output, or a file that appears only when it is complete.

`Output.open(target)` is called before any file is checked, so a target that cannot be written
(`-o /nonexistent/dir/out.json`, a full disk, a device) stops the run at once. Output for a file
goes to a temporary file beside it, written in whole records (one file's output at a time), and
is renamed over the target only when complete: an interrupted or failed run leaves the previous
output, never a truncated one.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import tempfile
from pathlib import Path

_PROBE_BYTES = 64 * 1024  # written and taken back before the run: a full disk shows at once


class OutputError(Exception):
    """The output cannot be written; the message says where and why (exit code 2)."""


def _reason(problem: OSError) -> str:
    return problem.strerror or str(problem)


class Output:
    """A text stream for the renderers (`stream`) and the one place output is finished or dropped."""

    def __init__(self, stream: io.TextIOBase, target: Path | None = None, temporary: Path | None = None) -> None:
        self.stream = stream
        self.target = target
        self._temporary = temporary
        self._done = False

    @classmethod
    def open(cls, target: str | None) -> "Output":
        if target is None:
            return cls(_stdout())
        path = Path(target)
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as problem:
            raise OutputError(f"cannot write {target}: {_reason(problem)}") from problem
        if mode is not None and stat.S_ISDIR(mode):
            raise OutputError(f"cannot write {target}: it is a folder")
        if mode is not None and not stat.S_ISREG(mode):
            if os.path.realpath(path) == os.devnull:
                return cls(open(path, "w", encoding="utf-8", newline=""))
            raise OutputError(f"cannot write {target}: not a regular file (a device, FIFO or socket); name a file, or leave out -o for standard output")
        folder = path.parent
        if not folder.is_dir():
            raise OutputError(f"cannot write {target}: the folder {folder} does not exist")
        try:
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        except OSError as problem:
            raise OutputError(f"cannot write {target}: {_reason(problem)}") from problem
        temporary = Path(name)
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(handle, (stat.S_IMODE(mode) if mode is not None else 0o666 & ~umask))
            _probe(handle)
            stream = open(handle, "w", encoding="utf-8", newline="")
        except OSError as problem:
            os.close(handle)
            temporary.unlink(missing_ok=True)
            raise OutputError(f"cannot write {target}: {_reason(problem)}") from problem
        return cls(stream, path, temporary)

    def write(self, piece: str) -> None:
        self.stream.write(piece)

    def commit(self) -> None:
        """Flush, and put a file's output in place (the target is replaced in one step)."""
        if self._done:
            return
        self._done = True
        self.stream.flush()
        if self._temporary is None:
            if self.stream not in (sys.stdout,) and not isinstance(self.stream, _Utf8Stdout):
                self.stream.close()
            return
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.replace(self._temporary, self.target)

    def discard(self) -> None:
        """Drop what was written (an interrupted or failed run): the previous output stays."""
        if self._done:
            return
        self._done = True
        if self._temporary is not None:
            try:
                self.stream.close()
            except OSError:
                pass
            self._temporary.unlink(missing_ok=True)


def _probe(handle: int) -> None:
    view = memoryview(bytes(_PROBE_BYTES))
    while view:
        view = view[os.write(handle, view):]
    os.fsync(handle)
    os.ftruncate(handle, 0)
    os.lseek(handle, 0, os.SEEK_SET)


class _Utf8Stdout(io.TextIOBase):
    """Standard output as UTF-8 whatever the console's encoding (JSON and SARIF require it)."""

    def __init__(self) -> None:
        self._buffer = getattr(sys.stdout, "buffer", None)

    def write(self, text: str) -> int:
        if self._buffer is None:
            sys.stdout.write(text)
        else:
            sys.stdout.flush()
            self._buffer.write(text.encode("utf-8"))
        return len(text)

    def flush(self) -> None:
        sys.stdout.flush()
        if self._buffer is not None:
            self._buffer.flush()


def _stdout() -> io.TextIOBase:
    return _Utf8Stdout()
