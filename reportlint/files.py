"""Which files a run checks: those named, and the supported ones found under named folders.

A folder holds more than reports: a README.md, a MANIFEST.md, a CHANGELOG. Such documentation files
are no report; found in a folder (or named by a hook that passes every staged file, with
`--skip-non-reports`) they are noted and skipped rather than failed with RL004. A file the user names
is checked whatever it is called.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .readers import KNOWN_UNSUPPORTED, SUPPORTED_SUFFIXES

# documentation that lives beside reports in a repository or folder (any case, any suffix)
DOCUMENTATION_NAMES = frozenset({
    "readme", "manifest", "changelog", "changes", "history", "news", "license", "licence", "copying", "notice",
    "authors", "contributors", "contributing", "code_of_conduct", "security", "todo", "citation",
})
# a text that says nothing of information disclosure is clearly no report, whatever its rules would say
_DISCLOSURE = re.compile(r"信\s*息\s*公\s*开|政\s*务\s*公\s*开|信\s*息\s*公\s*開|政\s*務\s*公\s*開")


def is_documentation(path: Path) -> bool:
    """README.md, MANIFEST.md, docs/CHANGELOG.txt …: a repository's documentation, by its name."""
    return path.name.split(".", 1)[0].lower().replace("-", "_") in DOCUMENTATION_NAMES


def mentions_disclosure(text: str) -> bool:
    return _DISCLOSURE.search(text) is not None


@dataclass
class Collected:
    """The files to check, which of them were found by searching a folder, and what was skipped."""

    files: list[Path] = field(default_factory=list)
    searched: set[Path] = field(default_factory=set)  # found under a folder, not named
    skipped: list[Path] = field(default_factory=list)  # documentation files, not checked
    special: list[tuple[Path, str]] = field(default_factory=list)  # FIFOs, dangling links … in folders, and why (said on stderr)


def collect(paths: tuple[str, ...], excluded=lambda path: False, skip_named_documentation: bool = False) -> Collected:
    """Files named on the command line, plus supported files found under named folders (sorted;
    hidden folders and configured `exclude` patterns left out, documentation files skipped)."""
    found = Collected()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*")
                # formats we cannot read are still listed, so each gets its RL001 verdict
                if p.suffix.lower() in SUPPORTED_SUFFIXES | KNOWN_UNSUPPORTED
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and _checkable(p, found.special)
                and not excluded(p)
            )
            for p in inside:
                if is_documentation(p):
                    found.skipped.append(p)
                else:
                    found.files.append(p)
                    found.searched.add(p)
        elif skip_named_documentation and is_documentation(path):
            found.skipped.append(path)
        else:
            found.files.append(path)
    return found


def collect_files(paths: tuple[str, ...], excluded=lambda path: False) -> list[Path]:
    """The files `collect` would check."""
    return collect(paths, excluded).files


def _checkable(path: Path, special: list[tuple[Path, str]]) -> bool:
    """A regular file, or a link to one. A folder named like a report is walked, not checked; a FIFO,
    socket or device, a dangling link and a link loop go to `special`: said, never silently lost.
    (A FIFO, device or vanished file named on the command line gets its own RL001 instead.)"""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.lexists(path):
            special.append((path, "a dangling symbolic link"))
            return False
        return True  # deleted since it was listed: it still gets its record (RL001)
    except OSError as problem:  # a symbolic-link loop (ELOOP), a name too long
        special.append((path, "a symbolic-link loop" if problem.errno == errno.ELOOP else f"cannot be examined: {problem.strerror}"))
        return False
    if stat.S_ISREG(mode):
        return True
    if not stat.S_ISDIR(mode):
        kind = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        special.append((path, f"not a regular file but {kind}"))
    return False
