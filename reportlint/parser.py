"""Text -> Document with the project's one Lark grammar (built once per process)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lark import Lark, Token, Tree

from . import linebreaks
from .document import Block, Cell, Document, Heading, Paragraph, Row, Span, Table, TextLine
from .resources import data_dir

_HEADING_NUMBER = {
    1: re.compile(r"[ \t\u3000]*(?:#{1,6}[ \t]+)?([一二三四五六七八九十]{1,3})[ \t\u3000]*[、．.]"),
    2: re.compile(r"[ \t\u3000]*(?:#{1,6}[ \t]+)?[（(][ \t\u3000]*([一二三四五六七八九十]{1,3})[ \t\u3000]*[）)]"),
    3: re.compile(r"[ \t\u3000]*(?:#{1,6}[ \t]+)?([0-9０-９]{1,2})[ \t\u3000]*[、．.]"),
}
_LEADING_SPACE = re.compile(r"[^\S\n]*")


@lru_cache(maxsize=2)
def build_parser(strict: bool = False) -> Lark:
    """The LALR parser with the contextual lexer; built once per process.

    Lark caches the built tables on disk (keyed by the grammar's text and the options), so a
    fresh process loads them in about a millisecond instead of rebuilding them (~150 ms when
    interegular is installed and lark checks every pair of terminals). The strict build, used by
    the tests to catch terminal collisions and conflicts, is never cached.
    """
    grammar = (data_dir("grammar") / "report.lark").read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        propagate_positions=False,
        maybe_placeholders=False,
        strict=strict,
        cache=not strict,
    )


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF (line numbers then match what editors show)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse(text: str, path: str = "<text>", encoding: str = "utf-8") -> Document:
    """Parse report text into a Document. Accepts any text: unknown shapes become paragraphs."""
    source = normalise_newlines(text)
    terminated = source if source.endswith("\n") else source + "\n"  # the grammar wants every line ended
    builder = _Builder()
    blocks = builder.build(build_parser().parse(terminated))
    return Document(path=path, text=source, blocks=blocks, encoding=encoding, cut_lines=tuple(builder.cut_lines))


class _Builder:
    """Walks the parse tree top-down so each block knows its section path."""

    def __init__(self) -> None:
        self.path: list[tuple[int, str]] = []  # (level, number) of the open headings
        self.cut_lines: list[tuple[int, tuple[int, ...]]] = []  # lines whose line breaks were lost
        self.headed: frozenset[str] = frozenset()  # sections with a heading of their own line

    def build(self, tree: Tree) -> tuple[Block, ...]:
        blocks: list[Block] = []
        headed = self.headed = _headed_sections(tree)
        for child in tree.children:
            kind = child.data
            if kind == "table":
                blocks.extend(self._table(child))
                continue
            token: Token = child.children[0]
            found = linebreaks.cuts(str(token), headed) if len(token) >= linebreaks.MIN_LENGTH else ()
            if found:
                blocks.extend(self._run_together(str(token), token.line, found))
            elif kind == "paragraph":
                blocks.append(self._paragraph(child))
            else:
                blocks.append(self._heading(child, int(kind[-1])))
        return _merge_paragraphs(blocks)

    def _run_together(self, raw: str, line: int, cuts: tuple[linebreaks.Cut, ...]) -> list[Block]:
        """A line whose line breaks were lost, as the lines it had: inline headings, rows, text.

        Each piece is parsed again on its own (pipe rows become tables, `（一）…` headings), except a
        row label's piece without pipes, which is a printed row (`（一）予以公开4000004` is no heading)."""
        self.cut_lines.append((line, tuple(cut.offset for cut in cuts)))
        built: list[Block] = []
        ends = [cut.offset for cut in cuts[1:]] + [len(raw)]
        if cuts[0].offset > 0:
            built.extend(self._reparse(raw[: cuts[0].offset], line, 0))
        for cut, end in zip(cuts, ends):
            piece, offset = raw[cut.offset:end], cut.offset
            if cut.kind == "heading":
                title_end = cut.title_end - cut.offset
                built.append(self._inline_heading(piece[:title_end], cut.number, line, cut.offset))
                piece, offset = piece[title_end:], cut.title_end
            elif cut.kind in ("row", "plain") and "|" not in piece and piece.strip():
                start = len(piece) - len(piece.lstrip())
                built.append(Paragraph((TextLine(piece.strip(), line, offset + start + 1),), self.section))
                continue
            if piece.strip():
                built.extend(self._reparse(piece, line, offset))
        return built

    def _inline_heading(self, raw: str, number: str, line: int, offset: int) -> Heading:
        self.path = [(1, number)]
        match = _HEADING_NUMBER[1].match(raw)
        start = len(raw) - len(raw.lstrip())
        text = raw.strip()
        span = Span(line, offset + start + 1, line, offset + start + 1 + len(text))
        return Heading(1, number, raw[match.end():].strip(), text, span, self.section)

    def _heading(self, tree: Tree, level: int) -> Heading:
        token: Token = tree.children[0]
        raw = str(token)
        match = _HEADING_NUMBER[level].match(raw)
        numeral = unicodedata.normalize("NFKC", match.group(1)) if level == 3 else match.group(1)
        number = f"（{numeral}）" if level == 2 else numeral
        rest = raw[match.end():].strip()
        title = rest.split("。", 1)[0].strip()
        self.path = [entry for entry in self.path if entry[0] < level] + [(level, number)]
        start = token.column - 1 + len(raw) - len(raw.lstrip())
        text = raw.strip()
        span = Span(token.line, start + 1, token.line, start + 1 + len(text))
        return Heading(level, number, title, text, span, self.section)

    @property
    def section(self) -> tuple[str, ...]:
        return tuple(number for _, number in self.path)

    def _paragraph(self, tree: Tree) -> Paragraph:
        token: Token = tree.children[0]
        raw = str(token)
        start = token.column - 1 + len(raw) - len(raw.lstrip())
        text = raw.strip()
        return Paragraph((TextLine(text, token.line, start + 1),), self.section)

    def _table(self, tree: Tree, cut: bool = True) -> list[Block]:
        """Rows become tables; a tab "row" with fewer than two filled cells is a line of text after all,
        and a row holding a whole table or report whose line breaks were lost is cut into its lines."""
        blocks: list[Block] = []
        rows: list[Row] = []
        for child in tree.children:
            token: Token = child.children[0]
            found = linebreaks.cuts(str(token), self.headed) if cut and len(token) >= linebreaks.MIN_LENGTH else ()
            if found:
                if rows:
                    blocks.append(Table(tuple(rows), self.section))
                    rows = []
                blocks.extend(self._run_together(str(token), token.line, found))
                continue
            row = _row(token)
            if token.type == "TAB_ROW" and sum(1 for cell in row.cells if cell.text) < 2:
                if rows:
                    blocks.append(Table(tuple(rows), self.section))
                    rows = []
                blocks.extend(self._line_as_text(str(token), token.line))
            else:
                rows.append(row)
        if rows:  # Markdown separator lines alone are no table
            blocks.append(Table(tuple(rows), self.section))
        return blocks

    def _line_as_text(self, raw: str, line: int) -> list[Block]:
        """Parse one line again with its tabs as spaces (same length: positions stay exact)."""
        return self._reparse(raw.replace("\t", " "), line, 0)

    def _reparse(self, raw: str, line: int, offset: int) -> list[Block]:
        """Parse part of line `line`, starting at 0-based column `offset`, as a line of its own."""
        tree = build_parser().parse(raw + "\n")
        built = []
        for child in tree.children:
            for token in child.scan_values(lambda value: isinstance(value, Token)):
                token.line, token.column = line, offset + 1
            if child.data == "paragraph":
                built.append(self._paragraph(child))
            elif child.data.startswith("heading"):
                built.append(self._heading(child, int(child.data[-1])))
            else:
                built.extend(self._table(child, cut=False))
        return built


def _headed_sections(tree: Tree) -> frozenset[str]:
    """Numerals of the template sections whose heading starts a line (not cut out of a longer one)."""
    found = set()
    for child in tree.children:
        if child.data == "heading1":
            raw = str(child.children[0])
            match = _HEADING_NUMBER[1].match(raw)
            if match and len(raw) < linebreaks.MIN_LENGTH and linebreaks.section_title(raw[match.end():], match.group(1)) is not None:
                found.add(match.group(1))
    return frozenset(found)


def _merge_paragraphs(blocks: list[Block]) -> tuple[Block, ...]:
    """Consecutive text lines form one paragraph (PDF and Word text wraps long sentences), and so
    do the text pieces of a line whose line breaks were lost. The runs are collected first and joined
    once: joining pairwise was quadratic in the run's length (a .docx of 100,000 one-line paragraphs)."""
    groups: list[Block | list[Paragraph]] = []
    for block in blocks:
        last = groups[-1] if groups else None
        if (
            isinstance(block, Paragraph)
            and isinstance(last, list)
            and block.lines[0].line - last[-1].lines[-1].line in (0, 1)
            and last[0].section == block.section
        ):
            last.append(block)
        else:
            groups.append([block] if isinstance(block, Paragraph) else block)
    return tuple(
        (group[0] if len(group) == 1 else Paragraph(tuple(line for p in group for line in p.lines), group[0].section))
        if isinstance(group, list) else group
        for group in groups
    )


def _row(token: Token) -> Row:
    raw = str(token)
    line = token.line
    separator = "|" if token.type == "PIPE_ROW" else "\t"
    cells: list[Cell] = []
    base = offset = token.column - 1  # 0 unless the row is a piece of a line whose line breaks were lost
    for index, piece in enumerate(raw.split(separator)):
        lead = len(piece) - len(piece.lstrip())
        text = piece.strip()
        column = offset + lead + 1 if text else offset + 1
        cells.append(Cell(text, Span(line, column, line, column + len(text)), index))
        offset += len(piece) + 1
    if separator == "|" and raw.lstrip().startswith("|") and cells and not cells[0].text:
        cells = cells[1:]  # Markdown's leading pipe opens the row, it is not an empty cell
    start = base + len(raw) - len(raw.lstrip())
    return Row(tuple(cells), Span(line, start + 1, line, base + len(raw.rstrip()) + 1), raw)
