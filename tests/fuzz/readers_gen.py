"""Hostile .docx, .pdf, .html and text files for the readers (issue 12), shared by tests/fuzz and
bench/fuzz_readers.py.

Each `make_<format>(rng, scale)` builds a well-formed report in that format from a sample report
and then applies one to three mutations drawn from the classes the issue lists: zip-level and
XML-level mutations of document.xml, numbering.xml and styles.xml; PDF object and stream
mutations; deep and huge HTML and odd charsets; undecodable and oddly encoded text. `scale`
(0 < scale <= 1) shrinks the huge shapes for CI; at 1.0 they are the sizes the issue reports
(20,000-long style chains, 100,000 paragraphs, 1 M glyphs, 2 GB Flate bombs, 100 x 100 spans over
200 rows). Every builder is deterministic in `rng`, so a failing file can be rebuilt from its seed.
"""

from __future__ import annotations

import codecs
import functools
import random
import struct
import zlib
from html import escape
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
REPORT = (ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8")
LINES = [line for line in REPORT.splitlines() if line.strip()]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _lines(rng: random.Random) -> list[str]:
    """The sample report, sometimes only a stretch of it (an excerpt), sometimes with a line dropped."""
    lines = list(LINES)
    roll = rng.random()
    if roll < 0.15:
        start = rng.randrange(len(lines))
        lines = lines[start : start + rng.randint(1, 20)]
    elif roll < 0.3:
        del lines[rng.randrange(len(lines))]
    return lines


def _flip(data: bytes, rng: random.Random, count: int, start: int = 0, end: int | None = None) -> bytes:
    out = bytearray(data)
    end = len(out) if end is None else end
    if end <= start:
        return data
    for _ in range(count):
        out[rng.randrange(start, end)] = rng.randrange(256)
    return bytes(out)


# ================================================================= .docx

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    "</Relationships>"
)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text, quote=False)}</w:t></w:r>'


def _docx_paragraph(text: str, style: str | None = None, num: tuple[str, str] | None = None) -> str:
    ppr = ""
    if style or num:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return f"<w:p>{ppr}{_run(text)}</w:p>"


def _docx_cell(text: str, span: str | None = None, vmerge: str | None = None) -> str:
    pr = ""
    if span is not None or vmerge is not None:
        pr = "<w:tcPr>" + (f'<w:gridSpan w:val="{span}"/>' if span is not None else "")
        pr += ('<w:vMerge/>' if vmerge == "continue" else f'<w:vMerge w:val="{vmerge}"/>' if vmerge else "") + "</w:tcPr>"
    return f"<w:tc>{pr}<w:p>{_run(text)}</w:p></w:tc>"


class DocxParts:
    """The XML of a small .docx as strings, mutated in place, then zipped."""

    def __init__(self, rng: random.Random) -> None:
        self.body: list[str] = []
        table: list[list[str]] = []
        for line in _lines(rng):
            if "|" in line:
                table.append([cell.strip() for cell in line.split("|")])
                continue
            if table:
                self.body.append(_docx_table(table))
                table = []
            heading = line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")
            if heading and rng.random() < 0.7:  # Word numbering instead of typed 一、
                self.body.append(_docx_paragraph(line[2:], style="Heading1", num=("1", "0")))
            else:
                self.body.append(_docx_paragraph(line, style="Normal" if rng.random() < 0.5 else None))
        if table:
            self.body.append(_docx_table(table))
        self.styles = [
            f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
            f'<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
            f'<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
        ]
        self.levels = [
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>',
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>',
        ]
        self.nums = ['<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>']
        self.document_xml: bytes | None = None  # set to replace the generated body outright
        self.extra: dict[str, bytes] = {}

    def files(self) -> dict[str, bytes]:
        document = self.document_xml or (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
            + "".join(self.body) + "</w:body></w:document>"
        ).encode()
        styles = f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">' + "".join(self.styles) + "</w:styles>"
        numbering = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
            + "".join(self.levels) + "</w:abstractNum>" + "".join(self.nums) + "</w:numbering>"
        )
        return {
            "[Content_Types].xml": _CONTENT_TYPES.encode(),
            "_rels/.rels": _RELS.encode(),
            "word/document.xml": document,
            "word/_rels/document.xml.rels": _DOC_RELS.encode(),
            "word/styles.xml": styles.encode(),
            "word/numbering.xml": numbering.encode(),
            **self.extra,
        }


def _docx_table(rows: list[list[str]]) -> str:
    return "<w:tbl>" + "".join("<w:tr>" + "".join(_docx_cell(c) for c in row) + "</w:tr>" for row in rows) + "</w:tbl>"


# ---- XML-level mutations of document.xml, numbering.xml and styles.xml


def _m_grid_span(parts: DocxParts, rng: random.Random, scale: float) -> None:
    value = rng.choice(["abc", "0", "-1", "2147483647", "99999999999999999999", "64", "65", "1e3", " 2", ""])
    parts.body.append("<w:tbl><w:tr>" + _docx_cell("合并", span=value) + _docx_cell("1") + "</w:tr></w:tbl>")


def _m_vmerge(parts: DocxParts, rng: random.Random, scale: float) -> None:
    kind = rng.choice(["first-row", "no-cell-above", "chain", "odd-value"])
    if kind == "first-row":
        parts.body.append("<w:tbl><w:tr>" + _docx_cell("a", vmerge="continue") + _docx_cell("b") + "</w:tr></w:tbl>")
    elif kind == "no-cell-above":
        parts.body.append("<w:tbl><w:tr>" + _docx_cell("a") + "</w:tr><w:tr>" + _docx_cell("x") + _docx_cell("b", vmerge="continue") + "</w:tr></w:tbl>")
    elif kind == "odd-value":
        parts.body.append("<w:tbl><w:tr>" + _docx_cell("a", vmerge=rng.choice(["bogus", "", "RESTART"])) + "</w:tr></w:tbl>")
    else:  # a vertical merge over many rows (quadratic in python-docx: 800 rows took 18 s)
        rows = max(2, int(rng.choice([50, 800, 5000]) * scale))
        parts.body.append(
            "<w:tbl><w:tr>" + _docx_cell("合并", vmerge="restart") + _docx_cell("0") + "</w:tr>"
            + ("<w:tr>" + _docx_cell("", vmerge="continue") + _docx_cell("1") + "</w:tr>") * rows + "</w:tbl>"
        )


def _m_body(parts: DocxParts, rng: random.Random, scale: float) -> None:
    kind = rng.choice(["no-body", "empty-body", "not-a-document", "deep", "truncated", "doctype"])
    if kind == "no-body":
        parts.document_xml = f'<w:document xmlns:w="{W}"/>'.encode()
    elif kind == "empty-body":
        parts.document_xml = f'<w:document xmlns:w="{W}"><w:body/></w:document>'.encode()
    elif kind == "not-a-document":
        parts.document_xml = b"<html><body>not word</body></html>"
    elif kind == "deep":
        depth = rng.choice([100, 300, 5000])
        parts.body.append("<w:p><w:r>" + "<w:x>" * depth + "</w:x>" * depth + "</w:r></w:p>")
    elif kind == "truncated":
        data = parts.files()["word/document.xml"]
        parts.document_xml = data[: rng.randrange(1, len(data))]
    else:
        parts.document_xml = (
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p></w:body></w:document>'
        ).encode()


def _m_many_paragraphs(parts: DocxParts, rng: random.Random, scale: float) -> None:
    count = max(10, int(rng.choice([1000, 100_000, 250_000]) * scale))
    parts.body.extend(["<w:p><w:r><w:t>段</w:t></w:r></w:p>"] * count)


def _m_numbering(parts: DocxParts, rng: random.Random, scale: float) -> None:
    kind = rng.choice(["counting-1000", "ilvl", "int-x", "roman-start", "fmt", "override", "num-id"])
    if kind == "counting-1000":
        parts.levels[0] = '<w:lvl w:ilvl="0"><w:start w:val="998"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    elif kind == "ilvl":
        value = rng.choice(["9", "-1", "100", "x", "8"])
        parts.levels.append(f'<w:lvl w:ilvl="{value}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%{value}."/></w:lvl>')
        parts.body.append(_docx_paragraph("列表", num=("1", value)))
    elif kind == "int-x":
        parts.levels[0] = f'<w:lvl w:ilvl="0"><w:start w:val="{rng.choice(["x", "", "1.5", "9" * 5000])}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    elif kind == "roman-start":
        parts.levels[0] = f'<w:lvl w:ilvl="0"><w:start w:val="{rng.choice(["1000000000000", "4000", "32767", "-3"])}"/><w:numFmt w:val="{rng.choice(["lowerRoman", "upperRoman"])}"/><w:lvlText w:val="%1."/></w:lvl>'
    elif kind == "fmt":
        parts.levels[0] = f'<w:lvl w:ilvl="0"><w:numFmt w:val="{rng.choice(["lowerLetter", "decimalFullWidth", "bullet", "none", "ordinalText", "???"])}"/><w:lvlText w:val="%1%2%3%9%10"/></w:lvl>'
    elif kind == "override":
        parts.nums.append(f'<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="{rng.choice(["0", "x", "12"])}"><w:startOverride w:val="{rng.choice(["5", "y", "-9"])}"/></w:lvlOverride></w:num>')
        parts.body.append(_docx_paragraph("重新编号", num=("2", "0")))
    else:
        parts.body.append(_docx_paragraph("编号", num=(rng.choice(["0", "99", "x", ""]), "0")))


def _m_styles(parts: DocxParts, rng: random.Random, scale: float) -> None:
    kind = rng.choice(["cycle", "chain", "self", "unknown-base", "no-type"])
    if kind in ("cycle", "self"):
        other = "B" if kind == "cycle" else "A"
        parts.styles.append(f'<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="{other}"/></w:style>')
        parts.styles.append(f'<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>')
        parts.body.extend([_docx_paragraph("样式", style="A")] * 20)
    elif kind == "chain":
        length = max(10, int(20_000 * scale))
        parts.styles.extend(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:basedOn w:val="S{i + 1}"/></w:style>' for i in range(length))
        parts.styles.append(f'<w:style w:type="paragraph" w:styleId="S{length}"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
        parts.body.extend([_docx_paragraph("链", style="S0")] * 50)
    elif kind == "unknown-base":
        parts.styles.append('<w:style w:type="paragraph" w:styleId="U"><w:basedOn w:val="Nowhere"/></w:style>')
        parts.body.append(_docx_paragraph("无", style="U"))
    else:
        parts.styles.append('<w:style w:styleId="T"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
        parts.body.append(_docx_paragraph("无类型", style="T"))


def _m_xml_bytes(parts: DocxParts, rng: random.Random, scale: float) -> None:
    """Random bytes flipped in one of the three parts."""
    files = parts.files()
    name = rng.choice(["word/document.xml", "word/styles.xml", "word/numbering.xml"])
    data = _flip(files[name], rng, rng.randint(1, 8))
    if name == "word/document.xml":
        parts.document_xml = data
    else:
        parts.extra[name] = data


XML_MUTATIONS = (_m_grid_span, _m_vmerge, _m_body, _m_many_paragraphs, _m_numbering, _m_styles, _m_xml_bytes)


# ---- zip-level mutations


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


@functools.lru_cache(maxsize=16)
def _zeros(size: int) -> tuple[bytes, int, int]:
    """Raw deflate of `size` (whole MiB) zero bytes (~1 KB per MiB), their CRC-32 and Adler-32."""
    chunk = 1 << 20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    blocks = max(1, size // chunk)
    crc, adler = 0, 1
    zeros = b"\0" * chunk
    for _ in range(blocks):
        crc = zlib.crc32(zeros, crc)
        adler = zlib.adler32(zeros, adler)
    return block * blocks + b"\x03\x00", crc, adler


def zlib_zeros(size: int) -> bytes:
    """A complete zlib stream of `size` zero bytes: what a Flate bomb in a PDF looks like."""
    payload, _, adler = _zeros(size)
    return b"\x78\xda" + payload + struct.pack(">I", adler)


class ZipEntry:
    def __init__(self, name: str, data: bytes) -> None:
        self.name = name.encode()
        self.payload = _deflate(data)
        self.crc = zlib.crc32(data)
        self.size = len(data)
        self.method = 8
        self.flags = 0
        self.version = 20


def zip_bytes(entries: list[ZipEntry]) -> bytes:
    out, central = bytearray(), bytearray()
    for e in entries:
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, e.version, e.flags, e.method, 0, 0x21, e.crc, len(e.payload), e.size, len(e.name), 0) + e.name
        out += e.payload
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, e.version, e.flags, e.method, 0, 0x21, e.crc, len(e.payload), e.size, len(e.name), 0, 0, 0, 0, 0, offset) + e.name
    start = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


def _z_corrupt_deflate(entries: list[ZipEntry], rng: random.Random, scale: float) -> None:
    entry = rng.choice(entries)
    entry.payload = _flip(entry.payload, rng, rng.randint(1, 6))  # zlib.error (or a CRC error) on reading


def _z_method(entries: list[ZipEntry], rng: random.Random, scale: float) -> None:
    rng.choice(entries).method = rng.choice([1, 6, 9, 12, 14, 97, 99, 0xFFFF])  # NotImplementedError: compression type


def _z_version(entries: list[ZipEntry], rng: random.Random, scale: float) -> None:
    rng.choice(entries).version = rng.choice([64, 100, 255])  # NotImplementedError: zip file version


def _z_encrypted(entries: list[ZipEntry], rng: random.Random, scale: float) -> None:
    rng.choice(entries).flags |= 0x1  # RuntimeError: ... is encrypted, password required


def _z_lying_size(entries: list[ZipEntry], rng: random.Random, scale: float) -> None:
    entry = rng.choice(entries)
    entry.size = rng.choice([0, 1, entry.size // 2, entry.size * 1000, 2**32 - 1])


def _z_zero_parts(entries: list[ZipEntry], rng: random.Random, scale: float) -> None:
    """40 parts of 9.9 MB zeros: under the ratio rule, 400 MB if inflated."""
    count = max(2, int(40 * scale))
    payload, crc, _ = _zeros(int(9.9 * (1 << 20)))
    for index in range(count):
        entry = ZipEntry(f"word/media/zeros{index}.xml", b"")
        entry.payload, entry.crc, entry.size = payload, crc, int(9.9 * (1 << 20)) // (1 << 20) * (1 << 20)
        entries.append(entry)


def _z_bomb_body(entries: list[ZipEntry], rng: random.Random, scale: float) -> None:
    size = max(1 << 20, int(rng.choice([80, 600, 2048]) * scale) << 20)
    payload, crc, _ = _zeros(size)
    body = next(e for e in entries if e.name == b"word/document.xml")
    body.payload, body.crc = payload, crc
    body.size = rng.choice([size, 1000])  # honest, or lying about its size


def _z_drop(entries: list[ZipEntry], rng: random.Random, scale: float) -> None:
    del entries[rng.randrange(len(entries))]


def _z_duplicate(entries: list[ZipEntry], rng: random.Random, scale: float) -> None:
    entries.append(rng.choice(entries))


ZIP_MUTATIONS = (_z_corrupt_deflate, _z_method, _z_version, _z_encrypted, _z_lying_size, _z_zero_parts, _z_bomb_body, _z_drop, _z_duplicate)


def _b_truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def _b_flip(data: bytes, rng: random.Random) -> bytes:
    return _flip(data, rng, rng.randint(1, 30))


def make_docx(rng: random.Random, scale: float = 1.0) -> bytes:
    parts = DocxParts(rng)
    for mutation in rng.sample(XML_MUTATIONS, rng.randint(0, 2)):
        mutation(parts, rng, scale)
    entries = [ZipEntry(name, data) for name, data in parts.files().items()]
    if rng.random() < 0.5:
        for mutation in rng.sample(ZIP_MUTATIONS, rng.randint(1, 2)):
            mutation(entries, rng, scale)
    data = zip_bytes(entries)
    if rng.random() < 0.1:
        data = rng.choice([_b_truncate, _b_flip])(data, rng)
    return data


# ================================================================= .pdf


class PdfBuilder:
    """A text PDF: one Type0 font whose ToUnicode CMap maps 2-byte codes to the report's characters."""

    def __init__(self, lines: list[str], lines_per_page: int = 40) -> None:
        chars = sorted({c for line in lines for c in line})
        self.code = {c: i + 1 for i, c in enumerate(chars)}
        self.objects: dict[int, bytes] = {}
        self.streams: dict[int, tuple[bytes, bytes]] = {}  # id -> (extra dictionary entries, data)
        self.page_lines = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
        self.compress = True
        self.cmap = self._cmap(chars)
        self.count_override: str | None = None
        self.trailer_extra = b""

    def _cmap(self, chars: list[str]) -> bytes:
        body = "".join(f"<{self.code[c]:04X}> <{ord(c):04X}>\n" if ord(c) < 0x10000 else "" for c in chars)
        return (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /R def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(chars)} beginbfchar\n{body}endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
        ).encode()

    def content(self, lines: list[str]) -> bytes:
        out = [b"BT /F1 10 Tf 12 TL 40 800 Td"]
        for line in lines:
            codes = "".join(f"{self.code.get(c, 1):04X}" for c in line[:60])
            out.append(f"<{codes}> Tj T*".encode())
        out.append(b"ET")
        return b"\n".join(out)

    def build(self) -> bytes:
        pages = len(self.page_lines)
        first_page = 10
        kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(pages))
        self.objects.setdefault(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        count = self.count_override if self.count_override is not None else str(pages)
        self.objects.setdefault(2, f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
        self.objects.setdefault(3, b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
        self.objects.setdefault(4, b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
        self.streams.setdefault(5, (b"", self.cmap))
        for i, lines in enumerate(self.page_lines):
            page, content = first_page + 2 * i, first_page + 2 * i + 1
            self.objects.setdefault(page, f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>".encode())
            self.streams.setdefault(content, (b"", self.content(lines)))
        out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for number in sorted(set(self.objects) | set(self.streams)):
            offsets[number] = len(out)
            if number in self.streams:
                extra, data = self.streams[number]
                if self.compress and b"/Filter" not in extra:
                    data, extra = zlib.compress(data), extra + b" /Filter /FlateDecode"
                out += f"{number} 0 obj\n<< /Length {len(data)}".encode() + extra + b" >>\nstream\n" + data + b"\nendstream\nendobj\n"
            else:
                out += f"{number} 0 obj\n".encode() + self.objects[number] + b"\nendobj\n"
        xref = len(out)
        size = max(offsets) + 1
        out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
        for number in range(1, size):
            out += (f"{offsets[number]:010d} 00000 n \n" if number in offsets else "0000000000 65535 f \n").encode()
        out += f"trailer\n<< /Size {size} /Root 1 0 R".encode() + self.trailer_extra + f" >>\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)


def _p_count(pdf: PdfBuilder, rng: random.Random, scale: float) -> None:
    pdf.count_override = rng.choice(["0", "-1", "1", "99", "2001", "20000", "1e9", "(x)", "3 0 R", "99999999999999999999"])


def _p_many_pages(pdf: PdfBuilder, rng: random.Random, scale: float) -> None:
    pages = max(3, int(rng.choice([100, 2500, 20_000]) * scale))
    pdf.page_lines = pdf.page_lines + [["第一页"]] * pages


def _p_broken_content(pdf: PdfBuilder, rng: random.Random, scale: float) -> None:
    """One page's content stream damaged (flipped deflate bytes, garbage, truncation)."""
    pdf.build()
    contents = sorted(n for n in pdf.streams if n >= 10)
    target = rng.choice(contents)
    extra, data = pdf.streams[target]
    packed = zlib.compress(data)
    kind = rng.choice(["flip", "truncate", "garbage", "not-compressed"])
    if kind == "flip":
        packed = _flip(packed, rng, rng.randint(1, 10), 2)
    elif kind == "truncate":
        packed = packed[: rng.randrange(2, max(3, len(packed)))]
    elif kind == "garbage":
        packed = bytes(rng.randrange(256) for _ in range(rng.randint(10, 500)))
    else:
        packed = data
    pdf.streams[target] = (extra + b" /Filter /FlateDecode", packed)


def _p_flate_bomb(pdf: PdfBuilder, rng: random.Random, scale: float) -> None:
    size = max(1 << 20, int(rng.choice([100, 2048]) * scale) << 20)
    bomb = zlib_zeros(size)
    pdf.build()
    target = rng.choice([5, *sorted(n for n in pdf.streams if n >= 10)])
    pdf.streams[target] = (b" /Filter /FlateDecode", bomb)


def _p_cmap_ranges(pdf: PdfBuilder, rng: random.Random, scale: float) -> None:
    span = rng.choice(["<00000000> <FFFFFFFF> <0000>", "<0000> <FFFF> <4E00>", "<00> <FF> [<41> <42>]", "<0000> <0010> <4E00>"])
    repeat = rng.choice([1, 50])
    cmap = (f"1 begincodespacerange <0000> <FFFF> endcodespacerange\n{repeat} beginbfrange\n" + (span + "\n") * repeat + "endbfrange\n").encode()
    if rng.random() < 0.5:
        cmap = cmap.replace(b"bfrange", b"cidrange").replace(b"[<41> <42>]", b"65")
    pdf.streams[5] = (b"", cmap + pdf.cmap)


def _p_many_glyphs(pdf: PdfBuilder, rng: random.Random, scale: float) -> None:
    glyphs = max(100, int(rng.choice([10_000, 1_000_000]) * scale))
    pdf.build()
    target = min(n for n in pdf.streams if n >= 10)
    code = f"{pdf.code.get('一', 1):04X}"
    pdf.streams[target] = (b"", b"BT /F1 1 Tf 0 0 Td <" + code.encode() * glyphs + b"> Tj ET")


def _p_objects(pdf: PdfBuilder, rng: random.Random, scale: float) -> None:
    """Object-level damage: wrong types, dangling references, cycles in the page tree, deep trees."""
    kind = rng.choice(["kids-cycle", "dangling", "wrong-type", "deep-tree", "no-root", "mediabox", "resources", "font", "encrypt"])
    pdf.build()
    if kind == "kids-cycle":
        pdf.objects[2] = b"<< /Type /Pages /Kids [2 0 R 10 0 R] /Count 2 >>"
    elif kind == "dangling":
        pdf.objects[rng.choice([1, 2, 10])] = b"<< /Type /Page /Parent 2 0 R /Contents 999 0 R /Resources 998 0 R >>"
    elif kind == "wrong-type":
        pdf.objects[rng.choice([2, 3, 4, 10])] = rng.choice([b"42", b"(string)", b"[1 2 3]", b"/Name", b"null", b"<< /Type /Pages /Kids 5 >>"])
    elif kind == "deep-tree":
        depth = rng.choice([50, 2000])
        for level in range(depth):
            pdf.objects[1000 + level] = f"<< /Type /Pages /Kids [{1001 + level} 0 R] /Count 1 >>".encode()
        pdf.objects[1000 + depth] = b"<< /Type /Page /MediaBox [0 0 10 10] >>"
        pdf.objects[2] = b"<< /Type /Pages /Kids [1000 0 R] /Count 1 >>"
    elif kind == "no-root":
        pdf.objects[1] = b"<< /Type /Catalog >>"
    elif kind == "mediabox":
        pdf.objects[10] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 x] /Rotate 45.5 /Resources << /Font << /F1 3 0 R >> >> /Contents 11 0 R >>"
    elif kind == "resources":
        pdf.objects[10] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 3 0 R /Contents 11 0 R >>"
    elif kind == "font":
        pdf.objects[3] = rng.choice([b"<< /Type /Font /Subtype /Type0 /DescendantFonts 7 >>", b"<< /Type /Font /Subtype /Type3 /FontMatrix [0] >>", b"<< /Subtype /TrueType /Widths (x) /FirstChar -5 >>"])
    else:
        pdf.trailer_extra = b" /Encrypt << /Filter /Standard /V 9 /R 9 /O (x) /U (y) /P -1 >>"


def _p_uncompressed(pdf: PdfBuilder, rng: random.Random, scale: float) -> None:
    pdf.compress = False


PDF_MUTATIONS = (_p_count, _p_many_pages, _p_broken_content, _p_flate_bomb, _p_cmap_ranges, _p_many_glyphs, _p_objects, _p_uncompressed)


def make_pdf(rng: random.Random, scale: float = 1.0) -> bytes:
    pdf = PdfBuilder(_lines(rng), lines_per_page=rng.choice([20, 40, 80]))
    for mutation in rng.sample(PDF_MUTATIONS, rng.randint(0, 2)):
        mutation(pdf, rng, scale)
    data = pdf.build()
    roll = rng.random()
    if roll < 0.08:
        data = _b_truncate(data, rng)
    elif roll < 0.16:
        data = _b_flip(data, rng)
    elif roll < 0.2:  # the xref table pointing nowhere: pdfminer falls back to scanning objects
        data = data.replace(b"startxref\n", b"startxref\n9")
    return data


# ================================================================= .html

# Charsets a page may declare: proper ones, wrong ones and codecs that are not text encodings.
CHARSETS = ("utf-8", "gb2312", "gbk", "gb18030", "big5", "utf-16", "shift_jis", "iso-8859-1", "utf-7", "undefined", "punycode", "unicode_escape", "raw_unicode_escape", "idna", "base64", "rot13", "hex", "zlib", "nonsense", "uu")
# How the bytes are actually encoded.
ENCODINGS = ("utf-8", "gb18030", "utf-16", "utf-16-le", "big5", "utf-7", "latin-1", "unicode_escape")


def _html_page(lines: list[str]) -> str:
    body = []
    table: list[str] = []
    for line in lines:
        if "|" in line:
            table.append("<tr>" + "".join(f"<td>{escape(c.strip())}</td>" for c in line.split("|")) + "</tr>")
            continue
        if table:
            body.append("<table>" + "".join(table) + "</table>")
            table = []
        body.append(f"<p>{escape(line)}</p>")
    if table:
        body.append("<table>" + "".join(table) + "</table>")
    return "\n".join(body)


def _h_deep(lines: list[str], rng: random.Random, scale: float) -> str:
    depth = max(50, int(rng.choice([600, 5000, 100_000]) * scale))
    tag = rng.choice(["div", "span", "font", "table", "td", "b", "p"])
    closed = rng.random() < 0.5
    return "<" + tag + ">" + ("<" + tag + ">") * depth + _html_page(lines) + (("</" + tag + ">") * depth if closed else "")


def _h_spans(lines: list[str], rng: random.Random, scale: float) -> str:
    rows = max(5, int(rng.choice([200, 2000]) * scale))
    span = rng.choice(["100", "1000", "2147483647", "-5", "abc", "0"])
    cells = "".join(f'<td rowspan="{span}" colspan="{span}">x</td>' for _ in range(rng.choice([1, 10, 100])))
    return _html_page(lines) + "<table>" + f"<tr>{cells}</tr>" * rows + "</table>"


def _h_long_table(lines: list[str], rng: random.Random, scale: float) -> str:
    rows = max(10, int(rng.choice([8000, 50_000]) * scale))
    return _html_page(lines) + "<table>" + "<tr><td>行</td><td>1</td><td>2</td></tr>" * rows + "</table>"


def _h_stray_tags(lines: list[str], rng: random.Random, scale: float) -> str:
    count = max(10, int(rng.choice([1000, 100_000]) * scale))
    piece = rng.choice(["</div>", "<td>", "<tr>", "</x>", "<p>", "<!--", "<![CDATA[", "</table>", "<br/>", "&#xD800;", "&#1114112;", "&amp"])
    return _html_page(lines) + piece * count


def _h_nested_tables(lines: list[str], rng: random.Random, scale: float) -> str:
    depth = max(5, int(rng.choice([100, 3000]) * scale))
    return "<table><tr><td>" * depth + _html_page(lines) + "</td></tr></table>" * depth


def _h_many_elements(lines: list[str], rng: random.Random, scale: float) -> str:
    count = max(100, int(rng.choice([10_000, 600_000]) * scale))
    return _html_page(lines) + "<i></i>" * count


HTML_MUTATIONS = (_h_deep, _h_spans, _h_long_table, _h_stray_tags, _h_nested_tables, _h_many_elements)


def _encode(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding, "replace")
    except (UnicodeError, LookupError):
        return text.encode("utf-8")


def make_html(rng: random.Random, scale: float = 1.0) -> bytes:
    lines = _lines(rng)
    body = _html_page(lines)
    for mutation in rng.sample(HTML_MUTATIONS, rng.randint(0, 2)):
        body = mutation(lines, rng, scale)
    meta = ""
    if rng.random() < 0.8:
        meta = rng.choice(['<meta charset="{}">', '<meta http-equiv="Content-Type" content="text/html; charset={}">']).format(rng.choice(CHARSETS))
    page = f"<html><head>{meta}<title>年报</title></head><body><div class=\"TRS_Editor\">{body}</div></body></html>"
    encoding = rng.choice(ENCODINGS)
    if encoding == "unicode_escape":
        data = page.encode("unicode_escape").replace(b"\\u4e00", b"\\ud800")  # decodes to a lone surrogate
    else:
        data = _encode(page, encoding)
    if encoding == "utf-7" and rng.random() < 0.5:
        data += b"+2AA-"  # utf-7 for a lone U+D800
    roll = rng.random()
    if roll < 0.08:
        data = _b_truncate(data, rng)
    elif roll < 0.16:
        data = _b_flip(data, rng)
    return data


# ================================================================= text


def make_text(rng: random.Random, scale: float = 1.0) -> bytes:
    text = "\n".join(_lines(rng)) + "\n"
    kind = rng.choice(["utf-8", "bom", "utf-16", "utf-16-nobom", "utf-32", "gb18030", "big5", "utf-7", "latin-1", "surrogate-bytes", "random", "nul", "controls", "bom-garbage", "cesu"])
    if kind == "utf-8":
        data = text.encode()
    elif kind == "bom":
        data = codecs.BOM_UTF8 + text.encode()
    elif kind == "utf-16":
        data = text.encode("utf-16")
    elif kind == "utf-16-nobom":
        data = text.encode("utf-16-le")
    elif kind == "utf-32":
        data = text.encode("utf-32")
    elif kind in ("gb18030", "big5", "latin-1"):
        data = text.encode(kind, "replace")
    elif kind == "utf-7":
        data = text.encode("utf-7") + b"+2AA-"
    elif kind == "surrogate-bytes":
        data = text.encode() + b"\xed\xa0\x80"  # UTF-8 of a surrogate: invalid UTF-8
    elif kind == "random":
        data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000)))
    elif kind == "nul":
        data = text.encode().replace(b"\n", b"\0", 3)
    elif kind == "controls":
        data = text.encode().replace("，".encode(), b"\x01\x02")
    elif kind == "bom-garbage":
        data = codecs.BOM_UTF16_LE + bytes(rng.randrange(256) for _ in range(rng.randint(1, 999)))
    else:
        data = text.encode("utf-16-be").replace(b"\x4e\x00", b"\xd8\x00", 2)  # lone surrogates without a BOM
    if rng.random() < 0.1:
        data = _b_flip(data, rng)
    return data


MAKERS: dict[str, tuple[str, Callable[[random.Random, float], bytes]]] = {
    "docx": (".docx", make_docx),
    "pdf": (".pdf", make_pdf),
    "html": (".html", make_html),
    "text": (".txt", make_text),
}
