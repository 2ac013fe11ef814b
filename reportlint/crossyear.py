"""Last year's reports (`--previous DIR`), paired with this year's by issuing body.

The pairing key is the body's name as the report gives it (title, introduction), normalised: width,
spaces and 人民政府/政府 folded, so `洪泽区人民政府` pairs with `洪泽区政府`, and a name without the
city in front pairs with the full one (`洪泽区人民政府` = `淮安市洪泽区人民政府`) when only one report
has that ending. A report that does not name its body is never paired: generic first lines
(`一、总体情况`) would pair two different bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .issuer import detect_issuer, fold_line
from .parser import parse

_NOISE = re.compile(r"[\s\d０-９年度（）()《》“”\"'：:，,。·-]")
# where a name may lose its front: after a province, city, prefecture, county or district ("淮安市|洪泽区人民政府")
_REGION_END = re.compile(r"(?:省|市|自治区|自治州|州|盟|地区|县|区|旗)$")
# a name that still says where it is ("洪泽区人民政府", "白水镇政府"), not a bare "统计局"
_PLACED = re.compile(r"^[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|旗|盟|镇|乡|街道)")


def normalise_name(name: str) -> str:
    """A body's name as a pairing key: width folded, spaces and punctuation out, 人民政府 → 政府."""
    return _NOISE.sub("", fold_line(name)).replace("人民政府", "政府")


def pairing_key(doc: Document) -> str | None:
    """The issuing body, normalised; None when the report does not name it."""
    try:
        name = detect_issuer(doc).name
    except Exception:  # noqa: BLE001 - no name, no pair
        name = None
    key = normalise_name(name) if name else ""
    return key or None


def same_body(short: str, full: str) -> bool:
    """`short` is `full` without the region in front of it ("洪泽区政府" in "淮安市洪泽区政府")."""
    if short == full:
        return True
    if len(short) >= len(full) or not full.endswith(short) or not _PLACED.match(short):
        return False
    return bool(_REGION_END.search(full[: len(full) - len(short)]))


@dataclass
class PreviousReports:
    """An index of last year's reports by pairing key; texts are read when a pair is needed."""

    paths: dict[str, Path] = field(default_factory=dict)
    duplicates: dict[str, list[Path]] = field(default_factory=dict)
    unnamed: list[Path] = field(default_factory=list)  # last year's reports that do not name their body

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
                index.unnamed.append(path)
                continue
            if key in index.paths:
                index.duplicates.setdefault(key, [index.paths[key]]).append(path)
            else:
                index.paths[key] = path
        return index

    def path_for(self, doc: Document) -> Path | None:
        key = pairing_key(doc)
        return self.path_for_key(key) if key else None

    def path_for_key(self, key: str) -> Path | None:
        """Last year's report of the body `key`: the same name, else the one name that differs from it
        only by the region in front; None when there is none, or more than one could be meant."""
        if key in self.paths:
            return self.paths[key]
        found = [path for other, path in self.paths.items() if same_body(key, other) or same_body(other, key)]
        return found[0] if len(found) == 1 else None


UNPAIRED = ("未与上年报告配对", "not paired with last year's report")


def unpaired_note(doc: Document, lang: str) -> str:
    """Why a report found no report of last year's to compare with (a note on its result)."""
    key = pairing_key(doc)
    if key is None:
        reason = ("报告未写明发布机关", "the report does not name its body")
    else:
        reason = (f"--previous 中没有「{key}」的报告，或有多份可能对应", f"--previous has no report of '{key}', or several that could be")
    index = 0 if lang == "zh" else 1
    tail = ("：跨年度检查（RL505、RL506、RL509）未进行", ": the cross-year checks (RL505, RL506, RL509) did not run")
    return f"{UNPAIRED[index]}（{reason[index]}）{tail[index]}" if index == 0 else f"{UNPAIRED[index]} ({reason[index]}){tail[index]}"
