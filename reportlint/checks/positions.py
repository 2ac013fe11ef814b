"""Line and column of offsets in a text, for rules that scan the whole text with one regex.

Offsets are asked for in increasing order, so line breaks are counted once: linear in the text.
"""

from __future__ import annotations


class LinePositions:
    """1-based line and column of increasing offsets, counting line breaks once (linear in the text)."""

    def __init__(self, text: str) -> None:
        self.text, self.offset, self.line = text, 0, 1

    def __call__(self, offset: int) -> tuple[int, int]:
        if offset < self.offset:
            self.offset, self.line = 0, 1
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line, offset - self.text.rfind("\n", 0, offset)
