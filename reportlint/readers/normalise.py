"""Read-time normalisation: code points that print like the template's text but are other characters.

PDF fonts, web editors and converters put look-alikes into the text layer: `⼀、总体情况` with the
Kangxi radical U+2F00 for 一, `２０２３` for 2023, NBSP before a heading, a private-use glyph from a
symbol font. A person sees the template's wording; the linter must read it too. What happens to
each class, and why:

- Kangxi radicals (U+2F00–U+2FD5) and CJK radicals supplement (U+2E80–U+2EF3): the unified
  ideograph a simplified-Chinese font draws with the same glyph (a PDF's text layer names the
  glyph by the radical). NFKC gives it for every Kangxi radical but ⼾ (NFKC 戶, drawn 户) and
  for only two supplement radicals (⺟ ⻳); `_SUPPLEMENT` holds the rest (⻓长 ⻔门 ⻚页 ⻢马 …).
- CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F): their canonical ideograph (NFKC).
- Full-width ASCII letters and digits (Ａ ０): ASCII, so `２０２３年` is the year 2023 and `ＸＸ` a placeholder.
- Full-width punctuation (，。：；（）！？％): kept. It is the correct form in Chinese text; the
  headings' numbering `（一）` is written with it, and RL603 reports the ASCII marks that stand
  where it belongs: NFKC would turn every Chinese comma into an RL603 finding.
- Half-width CJK punctuation (｡ ｢ ｣ ､): the full-width forms the text means (。「」、).
- NBSP and the other space separators (U+00A0, U+2000–U+200A, U+202F, U+205F): an ASCII space, so
  an `&nbsp;`-indented `一、总体情况` is a heading. The ideographic space U+3000 is kept: it is the
  ordinary Chinese indent, and the grammar, the table reader and label matching already read it
  as a space (RL603 counts it as Chinese text).
- Zero-width characters (U+200B–U+200D, U+2060, U+FEFF inside the text), the soft hyphen U+00AD,
  variation selectors and private-use code points (U+E000–U+F8FF, planes 15 and 16: glyphs a
  font has no Unicode for, such as bullets and logos): removed. They would split 总体情况 or 3119.

Every change but a removal keeps the text's length, so columns stay the same. Removals are
recorded per line, and `Normalised.original_column` turns a column of the normalised text back
into the column of the original character; lines are never added or removed.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

# CJK Radicals Supplement -> the unified ideograph a simplified-Chinese CJK font draws with the same
# glyph (read from the cmap of Noto Serif CJK SC, whose glyphs Source Han and Noto Sans SC share),
# and for the few that font lacks, Unicode's EquivalentUnifiedIdeograph. NFKC maps only ⺟ and ⻳.
_SUPPLEMENT = {
    0x2E81: 0x5382, 0x2E82: 0x4E5B, 0x2E83: 0x4E5A, 0x2E84: 0x4E59, 0x2E85: 0x4EBB, 0x2E86: 0x5182,
    0x2E89: 0x5202, 0x2E8A: 0x535C, 0x2E8C: 0x5C0F, 0x2E8E: 0x5140, 0x2E8F: 0x5C23, 0x2E90: 0x5C22,
    0x2E92: 0x5DF3, 0x2E93: 0x5E7A, 0x2E94: 0x5F51, 0x2E95: 0x5F50, 0x2E96: 0x5FC4, 0x2E97: 0x5FC3,
    0x2E98: 0x624C, 0x2E99: 0x6535, 0x2E9B: 0x65E1, 0x2E9C: 0x65E5, 0x2E9D: 0x6708, 0x2E9E: 0x6B7A,
    0x2E9F: 0x6BCD, 0x2EA0: 0x6C11, 0x2EA1: 0x6C35, 0x2EA2: 0x6C3A, 0x2EA3: 0x706C, 0x2EA4: 0x722B,
    0x2EA6: 0x4E2C, 0x2EA7: 0x725B, 0x2EA8: 0x72AD, 0x2EA9: 0x738B, 0x2EAA: 0x758B, 0x2EAB: 0x7F52,
    0x2EAC: 0x793A, 0x2EAD: 0x793B, 0x2EAE: 0x7AF9, 0x2EAF: 0x7CF9, 0x2EB0: 0x7E9F, 0x2EB1: 0x7F53,
    0x2EB2: 0x7F52, 0x2EB6: 0x7F8A, 0x2EB7: 0x7F8A, 0x2EB9: 0x8002, 0x2EBA: 0x8080, 0x2EBB: 0x807F,
    0x2EBD: 0x81FC, 0x2EBE: 0x8279, 0x2EBF: 0x8279, 0x2EC0: 0x8279, 0x2EC1: 0x864E, 0x2EC2: 0x8864,
    0x2EC3: 0x8980, 0x2EC4: 0x897F, 0x2EC5: 0x89C1, 0x2EC6: 0x89D2, 0x2EC8: 0x8BA0, 0x2EC9: 0x8D1D,
    0x2ECB: 0x8F66, 0x2ECC: 0x8FB6, 0x2ECD: 0x8FB6, 0x2ECE: 0x8FB6, 0x2ECF: 0x961D, 0x2ED0: 0x9485,
    0x2ED1: 0x9577, 0x2ED2: 0x9578, 0x2ED3: 0x957F, 0x2ED4: 0x95E8, 0x2ED6: 0x961D, 0x2ED7: 0x96E8,
    0x2ED8: 0x9752, 0x2ED9: 0x97E6, 0x2EDA: 0x9875, 0x2EDB: 0x98CE, 0x2EDC: 0x98DE, 0x2EDD: 0x98DF,
    0x2EDF: 0x98E0, 0x2EE0: 0x9963, 0x2EE2: 0x9A6C, 0x2EE3: 0x9AA8, 0x2EE4: 0x9B3C, 0x2EE5: 0x9C7C,
    0x2EE6: 0x9E1F, 0x2EE7: 0x5364, 0x2EE8: 0x9EA6, 0x2EE9: 0x9EC4, 0x2EEA: 0x9EFE, 0x2EEB: 0x6589,
    0x2EEC: 0x9F50, 0x2EEE: 0x9F7F, 0x2EEF: 0x7ADC, 0x2EF0: 0x9F99, 0x2EF1: 0x9F9C, 0x2EF2: 0x4E80,
    0x2EF3: 0x9F9F,
}
# Kangxi radicals whose NFKC ideograph is not the one that font draws alike: ⼾ is NFKC 戶, drawn 户.
_KANGXI_AS_DRAWN = {0x2F3E: "户"}
_HALF_WIDTH_CJK = {0xFF61: "。", 0xFF62: "「", 0xFF63: "」", 0xFF64: "、"}
_SPACES = (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F)
_REMOVED = "\u00ad\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\ue000-\uf8ff\U000e0100-\U000e01ef\U000f0000-\U0010ffff"
# Everything this module changes; text without any of it (nearly every report) is returned as it is.
_CHANGED = re.compile(
    "[\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff\U0002f800-\U0002fa1f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
    "\uff61-\uff64\u00a0\u2000-\u200a\u202f\u205f" + _REMOVED + "]"
)
_REMOVE = re.compile("[" + _REMOVED + "]")


@lru_cache(maxsize=1)
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for first, last in ((0x2F00, 0x2FD5), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F), (0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):
        for code in range(first, last + 1):
            mapped = unicodedata.normalize("NFKC", chr(code))
            if len(mapped) == 1 and mapped != chr(code):
                table[code] = mapped
    table.update({code: chr(ideograph) for code, ideograph in _SUPPLEMENT.items()})
    table.update(_KANGXI_AS_DRAWN)
    table.update(_HALF_WIDTH_CJK)
    table.update({code: " " for code in _SPACES})
    return table


@dataclass(frozen=True)
class Normalised:
    """The text rules read, the text as it was, and where characters were removed (per line)."""

    text: str
    original: str
    changed: bool = False
    removed: dict[int, tuple[int, ...]] = field(default_factory=dict)  # line -> 0-based columns of the normalised line before which a character went

    def original_column(self, line: int, column: int, end: bool = False) -> int:
        """The 1-based column in the original line of `column` in the normalised one (`end`: an exclusive end)."""
        positions = self.removed.get(line)
        if not positions:
            return column
        index = column - 1
        return column + (bisect.bisect_left(positions, index) if end else bisect.bisect_right(positions, index))

    @cached_property
    def _original_lines(self) -> list[str]:
        return self.original.split("\n")

    def original_line(self, line: int) -> str:
        lines = self._original_lines
        return lines[line - 1] if 0 < line <= len(lines) else ""


def normalise(text: str) -> Normalised:
    """`text` with look-alike code points replaced or removed (see the module docstring)."""
    if _CHANGED.search(text) is None:
        return Normalised(text, text)
    removed = _removal_map(text) if _REMOVE.search(text) is not None else {}
    return Normalised(_REMOVE.sub("", text.translate(_table())), text, True, removed)


def _removal_map(text: str) -> dict[int, tuple[int, ...]]:
    """For each line with removed characters, the normalised columns (0-based) each removal precedes."""
    by_line: dict[int, list[int]] = {}
    line, line_start, seen, position = 1, 0, 0, 0  # seen: removals so far on this line
    for match in _REMOVE.finditer(text):
        start = match.start()
        newlines = text.count("\n", position, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", 0, start) + 1
            seen = 0
        by_line.setdefault(line, []).append(start - line_start - seen)
        seen += 1
        position = start
    return {number: tuple(positions) for number, positions in by_line.items()}
