"""The parsed report: frozen, position-carrying nodes that rules read and never change."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator


@dataclass(frozen=True, slots=True)
class Span:
    """A region of the source text; lines and columns are 1-based, the end column is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class TextLine:
    """One physical line of a paragraph (a paragraph may wrap over several lines)."""

    text: str
    line: int
    column: int

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.column + len(self.text))


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading: level 1 `一、`, level 2 `（一）`, level 3 `1.`."""

    level: int
    number: str  # canonical numbering: "一", "（一）", "1"
    title: str  # heading text without the numbering, cut at the first "。"
    text: str  # the whole line, stripped
    span: Span
    section: tuple[str, ...]  # numbering path including this heading


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Consecutive plain-text lines; `text` joins them without separators (Chinese wraps freely)."""

    lines: tuple[TextLine, ...]
    section: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(part.text for part in self.lines)

    @property
    def span(self) -> Span:
        first, last = self.lines[0], self.lines[-1]
        return Span(first.line, first.column, last.line, last.column + len(last.text))

    def locate(self, start: int, end: int) -> Span:
        """Map a [start, end) range of `text` back to a source span."""
        begin = finish = None
        offset = 0
        for part in self.lines:
            stop = offset + len(part.text)
            if begin is None and start < stop:
                begin = (part.line, part.column + start - offset)
            if end <= stop:
                finish = (part.line, part.column + end - offset)
                break
            offset = stop
        if begin is None:
            last = self.lines[-1]
            begin = (last.line, last.column + len(last.text))
        if finish is None:
            last = self.lines[-1]
            finish = (last.line, last.column + len(last.text))
        return Span(begin[0], begin[1], finish[0], finish[1])


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell; `text` is stripped, `span` covers the stripped text (or the gap if empty)."""

    text: str
    span: Span
    index: int


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    span: Span
    line_text: str


@dataclass(frozen=True, slots=True)
class Table:
    """Consecutive row lines (pipe, Markdown or tab separated)."""

    rows: tuple[Row, ...]
    section: tuple[str, ...]

    @property
    def span(self) -> Span:
        first, last = self.rows[0].span, self.rows[-1].span
        return Span(first.line, first.column, last.line, last.end_column)


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class Document:
    """A whole report: source text and its blocks in document order."""

    path: str
    text: str
    blocks: tuple[Block, ...]
    encoding: str = "utf-8"
    notes: tuple[str, ...] = field(default=())
    # Lines whose line breaks were lost (linebreaks.py): (line, 0-based offsets where the lines they held began).
    cut_lines: tuple[tuple[int, tuple[int, ...]], ...] = ()

    def logical_lines(self) -> Iterator[TextLine]:
        """The lines as printed: each source line, and each piece of a line whose line breaks were lost
        (the table reader reads these; `column` is where the piece starts in its source line)."""
        cut = dict(self.cut_lines)
        for number, line in enumerate(self.lines, start=1):
            offsets = cut.get(number)
            if offsets is None:
                yield TextLine(line, number, 1)
                continue
            bounds = [0, *offsets, len(line)]
            for start, end in zip(bounds, bounds[1:]):
                if start < end:
                    yield TextLine(line[start:end], number, start + 1)

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The source lines (a final newline ends the last line, it does not start another)."""
        return tuple(self.text[:-1].split("\n")) if self.text.endswith("\n") else tuple(self.text.split("\n"))

    def line(self, number: int) -> str:
        """The source line `number` (1-based), or "" past the end."""
        lines = self.lines
        return lines[number - 1] if 0 < number <= len(lines) else ""

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Heading))

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @cached_property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @property
    def end_span(self) -> Span:
        """Where something missing at the end of the document would go."""
        last = len(self.lines)
        return Span(last, 1, last, 1)
