"""Which files a run checks: those named, and the supported ones found under named folders."""

from __future__ import annotations

from pathlib import Path

from .readers import KNOWN_UNSUPPORTED, SUPPORTED_SUFFIXES


def collect_files(paths: tuple[str, ...], excluded=lambda path: False) -> list[Path]:
    """Files named on the command line, plus supported files found under named folders (sorted;
    hidden folders, README files and configured `exclude` patterns skipped)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = (
                p for p in path.rglob("*")
                # formats we cannot read are still listed, so each gets its RL001 verdict
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES | KNOWN_UNSUPPORTED and p.stem.lower() != "readme"
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not excluded(p)
            )
            files.extend(sorted(found))
        else:
            files.append(path)
    return files
