"""Readers turn a file's bytes into the text the grammar parses, plus a map back to the original.

Every reader returns either `ReadResult` (text, how it was decoded, and for .docx/.html/.pdf a
`SourceMap` from each line of that text to a page, paragraph or table cell of the file) or
`ReadError` (an RL001 message saying what is wrong and what to do). Readers never raise on bad
input: rules only ever see text, whatever the format. `read_path` is the boundary: whatever a
reader or the libraries under it raise (zlib, zipfile, lxml, pdfminer, python-docx, codecs,
charset-normalizer, MemoryError, RecursionError) becomes RL001, and the text it hands on is valid
Unicode (a lone surrogate from utf-7 or unicode_escape becomes U+FFFD).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..api import Message
from .normalise import normalise
from .quiet import library_output_to_debug

DEFAULT_MAX_BYTES = 128 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
DOCX_SUFFIXES = frozenset({".docx"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
KNOWN_UNSUPPORTED = frozenset({".doc", ".wps", ".rtf", ".odt", ".ofd"})  # reports people send that need converting
# Formats people send that we cannot read, with what to do instead.
_ADVICE = {
    ".doc": "请在 Word 或 WPS 中另存为 .docx 后再检查",
    ".wps": "请在 WPS 中另存为 .docx 后再检查",
    ".rtf": "请另存为 .docx 后再检查",
    ".odt": "请另存为 .docx 后再检查",
    ".xls": "年报正文请保存为 .docx 或 .txt",
    ".xlsx": "年报正文请保存为 .docx 或 .txt",
    ".ofd": "请导出为 PDF 或 .docx 后再检查",
}
_ADVICE_EN = {
    ".doc": "save it as .docx in Word or WPS and check again",
    ".wps": "save it as .docx in WPS and check again",
    ".ofd": "export it as PDF or .docx and check again",
}


@dataclass(frozen=True)
class Origin:
    """A place in the original file a person can find: page, paragraph, table cell, or source line."""

    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    line: int | None = None  # a line of the original file (HTML source)

    def describe(self, lang: str = "zh") -> str:
        zh = lang == "zh"
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页" if zh else f"page {self.page}")
        if self.table is not None:
            parts.append(f"表{self.table}" if zh else f"table {self.table}")
            if self.row is not None:
                parts.append(f"第{self.row}行" if zh else f"row {self.row}")
            if self.cell is not None:
                parts.append(f"第{self.cell}列" if zh else f"cell {self.cell}")
        elif self.paragraph is not None:
            parts.append(f"段落{self.paragraph}" if zh else f"paragraph {self.paragraph}")
        if self.line is not None:
            parts.append(f"源文件第{self.line}行" if zh else f"source line {self.line}")
        return " ".join(parts)

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class LineOrigin:
    """Where one line of the extracted text came from; table rows also map column ranges to cells."""

    origin: Origin
    cells: tuple[tuple[int, int, Origin], ...] = ()  # (first column, end column exclusive, origin), 1-based


@dataclass(frozen=True)
class SourceMap:
    lines: tuple[LineOrigin, ...]

    def locate(self, line: int, column: int) -> Origin | None:
        if not 0 < line <= len(self.lines):
            return None
        entry = self.lines[line - 1]
        for start, end, origin in entry.cells:
            if start <= column < max(end, start + 1):
                return origin
        return entry.origin


@dataclass(frozen=True)
class ReadResult:
    text: str
    encoding: str
    guessed: bool  # True when the encoding was inferred, not declared by a BOM, <meta> or valid UTF-8
    source_map: SourceMap | None = None
    format: str = "text"
    notes: tuple[str, ...] = field(default=())
    original: str | None = None  # the extracted text before normalise.py, when that changed it (`text` is after)


@dataclass(frozen=True)
class ReadError:
    message: Message
    args: dict


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile files from exhausting time or memory, each checked before the work
    it guards; the RL001 of a file over one names it (README "Limits" lists them)."""

    max_bytes: int = DEFAULT_MAX_BYTES  # the file on disk
    max_unpacked_bytes: int = 512 * 1024 * 1024  # all parts of a .docx together, as declared in the zip
    max_compression_ratio: int = 200  # a part over 10 MB inflating more than this is a zip bomb
    max_docx_xml_bytes: int = 64 * 1024 * 1024  # the XML parts reportlint inflates and parses, together
    max_docx_xml_elements: int = 2_000_000  # XML elements of those parts, counted while parsing
    max_docx_paragraphs: int = 200_000  # paragraphs in the body and in table cells
    max_table_columns: int = 64  # grid columns of a table row (Word allows 63)
    max_table_cells: int = 200_000  # grid cells of all tables of a document together
    max_pdf_pages: int = 2000  # counted from the page tree before any page is parsed
    max_pdf_stream_bytes: int = 64 * 1024 * 1024  # one Flate stream, inflated
    max_pdf_inflated_bytes: int = 256 * 1024 * 1024  # all Flate streams but images, inflated
    max_pdf_cmap_entries: int = 1_000_000  # code ranges of one embedded CMap, summed
    max_pdf_cmap_bytes: int = 2 * 1024 * 1024  # one embedded CMap (ToUnicode, Encoding), decoded
    max_pdf_glyphs_per_page: int = 50_000
    max_pdf_page_content_bytes: int = 2 * 1024 * 1024  # one page's content streams, decoded (real pages: ~25 KB)
    max_html_elements: int = 500_000


def error(zh: str, en: str, **args) -> ReadError:
    return ReadError(Message(zh, en), args)


def over_limit(zh: str, en: str, name: str, limit: int, **args) -> ReadError:
    """RL001 for a file past one of `Limits`: the message names the bound and its value."""
    return ReadError(
        Message(zh + "（上限 {name} = {limit}），已拒绝读取", en + " (limit {name} = {limit}); refused"),
        {**args, "name": name, "limit": limit},
    )


class TextBuilder:
    """Collects extracted lines and where each came from; tables become pipe rows."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origins: list[LineOrigin] = []

    def add_line(self, text: str, origin: Origin) -> None:
        for part in text.replace("\r", "\n").split("\n"):
            self.lines.append(part)
            self.origins.append(LineOrigin(origin))

    def add_row(self, cells: list[tuple[str, Origin]], origin: Origin) -> None:
        """One table row as a Markdown row `| a | b |` (so an empty first cell stays a cell);
        `|` inside a cell becomes the full-width ｜, and a cell's line breaks are dropped."""
        texts = [" ".join(t.replace("|", "｜").split()) if t.isascii() else "".join(t.replace("|", "｜").split()) for t, _ in cells]
        spans = []
        column = 3
        for text, (_, cell_origin) in zip(texts, cells):
            spans.append((column - 1, column + len(text) + 1, cell_origin))  # with the padding spaces
            column += len(text) + 3
        self.lines.append("| " + " | ".join(texts) + " |")
        self.origins.append(LineOrigin(origin, tuple(spans)))

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
            self.origins.append(LineOrigin(Origin()))

    def result(self, encoding: str, fmt: str, guessed: bool = False, notes: tuple[str, ...] = ()) -> ReadResult:
        return ReadResult("\n".join(self.lines) + "\n", encoding, guessed, SourceMap(tuple(self.origins)), fmt, notes)


def read_path(path: Path, limits: Limits | int = DEFAULT_MAX_BYTES) -> ReadResult | ReadError:
    """Read any supported file, its text normalised (normalise.py). Never raises for what is in the file."""
    with library_output_to_debug():
        read = _read_file(path, limits)
    if isinstance(read, ReadError):
        return read
    normalised = normalise(read.text)
    return replace(read, text=normalised.text, original=read.text) if normalised.changed else read


def _read_file(path: Path, limits: Limits | int) -> ReadResult | ReadError:
    if isinstance(limits, int):
        limits = Limits(max_bytes=limits)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        advice = _ADVICE.get(suffix, "请另存为 .docx、.pdf、.html 或 .txt（UTF-8）后再检查")
        advice_en = _ADVICE_EN.get(suffix, "save it as .docx, .pdf, .html or .txt (UTF-8) and check again")
        return error(f"不支持的文件格式「{{suffix}}」：{advice}", f"unsupported file format '{{suffix}}': {advice_en}", suffix=suffix or "(无扩展名)")
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            return error(
                "文件过大（{size} 字节，上限 {limit} 字节）：请确认是否为年报，或用 --max-size 调高上限",
                "file too large ({size} bytes, limit {limit}): check it is a report, or raise the limit with --max-size",
                size=size, limit=limits.max_bytes,
            )
        data = path.read_bytes()
    except OSError as problem:
        return error("无法读取文件：{error}", "cannot read the file: {error}", error=problem.strerror or str(problem))
    try:
        result = _read(suffix, data, limits)
    except MemoryError:
        result = error("读取文件时内存不足：文件过大或结构异常", "out of memory while reading the file: it is too large or malformed")
    except Exception as problem:  # noqa: BLE001 - the last line of the boundary; each reader catches what it knows
        result = error(
            "无法读取文件（{error}）：文件可能已损坏，请重新保存或导出后再检查",
            "cannot read the file ({error}): it may be damaged; save or export it again and check",
            error=type(problem).__name__,
        )
    return valid_unicode(result)


def _read(suffix: str, data: bytes, limits: Limits) -> ReadResult | ReadError:
    if suffix in DOCX_SUFFIXES:
        from .docx import read_docx

        return read_docx(data, limits)
    if suffix in HTML_SUFFIXES:
        from .html import read_html

        return read_html(data, limits)
    if suffix in PDF_SUFFIXES:
        from .pdf import read_pdf

        return read_pdf(data, limits)
    from .text import decode

    return decode(data)


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(result: ReadResult | ReadError) -> ReadResult | ReadError:
    """Lone surrogates (from utf-7, unicode_escape or a lying detector) cannot be encoded as UTF-8:
    they become U+FFFD, which RL601 reports, before any rule or output sees the text."""
    if isinstance(result, ReadResult) and _SURROGATE.search(result.text):
        return replace(result, text=_SURROGATE.sub("\ufffd", result.text))
    return result
