"""Last year's reports (`--previous DIR`), paired with this year's by issuing body.

The pairing key is the body's name from the title or first lines (years and the words of the
report's title removed), so `青山县交通运输局2023年…报告` pairs with `青山县交通运输局2022年…报告`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .issuer import detect_issuer
from .parser import parse

_NOISE = re.compile(r"[\s\d０-９年度（）()《》“”\"'：:，,。-]|政府信息公开|政务公开|工作|年度报告|年报|报告")


def pairing_key(doc: Document) -> str | None:
    """The issuing body, normalised; None when the report does not name it."""
    try:
        name = detect_issuer(doc).name
    except Exception:  # noqa: BLE001 - no name, no pair
        name = None
    if not name:
        first = next((line for line in doc.lines[:5] if line.strip()), "")
        name = _NOISE.sub("", first)
    key = _NOISE.sub("", name or "")
    return key or None


@dataclass
class PreviousReports:
    """An index of last year's reports by pairing key; texts are read when a pair is needed."""

    paths: dict[str, Path] = field(default_factory=dict)
    duplicates: dict[str, list[Path]] = field(default_factory=dict)

    @classmethod
    def build(cls, folder: Path, read) -> "PreviousReports":
        """`read(path) -> str | None` is the same reader the linter uses."""
        from .files import collect_files

        index = cls()
        for path in collect_files((str(folder),)):
            text = read(path)
            if text is None:
                continue
            key = pairing_key(parse(text))
            if key is None:
                continue
            if key in index.paths:
                index.duplicates.setdefault(key, [index.paths[key]]).append(path)
            else:
                index.paths[key] = path
        return index

    def path_for(self, doc: Document) -> Path | None:
        key = pairing_key(doc)
        return self.paths.get(key) if key else None
