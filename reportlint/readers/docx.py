"""Word .docx -> text: body paragraphs and tables in document order, Word's own numbering restored.

Merged cells (the template merges label cells across rows and columns) are written once per
row; headers and footers are not part of the body and are ignored. The zip is inspected before
anything is inflated, and only the parts the text needs (the body, styles, numbering and their
relationships) are ever inflated, each in chunks under a shared budget, so a zip bomb is refused
instead of inflated. The XML is parsed by lxml without resolving entities or touching the
network, counting elements as it goes; tables and style chains are walked in linear time with
bounded spans, so no value in the file can make the work grow past `Limits`.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from . import Limits, Origin, ReadError, ReadResult, TextBuilder, error, over_limit
from .numbering import Numbering, parse_int

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .docx, or an old .doc renamed
# What zipfile and the decompressors under it raise on a damaged or unsupported archive:
# zlib.error (corrupt deflate data), NotImplementedError (zip version, compression method),
# RuntimeError (an encrypted entry: "password required"), lzma.LZMAError, OSError/EOFError/ValueError.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, NotImplementedError, RuntimeError, OSError, EOFError, ValueError)
_CORRUPT = ("文件不是有效的 .docx（压缩包损坏：{error}）：请在 Word 中重新保存为 .docx", "not a valid .docx (corrupt zip: {error}): save it again as .docx in Word")
_ENCRYPTED = ("文件已加密或是旧版 .doc 格式：请去掉密码并另存为 .docx", "the file is encrypted or an old .doc: remove the password and save as .docx")


def _name(problem: Exception) -> str:
    kind = type(problem)
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"


class _Refused(Exception):
    """A part broke a bound or could not be read; carries the RL001 to return."""

    def __init__(self, problem: ReadError) -> None:
        super().__init__(problem.message.en)
        self.problem = problem


def read_docx(data: bytes, limits: Limits = Limits()) -> ReadResult | ReadError:
    if data.startswith(_OLE):
        return error(*_ENCRYPTED)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _ZIP_ERRORS as problem:
        return error(*_CORRUPT, error=_name(problem))
    problem = _check_declared(infos, limits)
    if problem:
        return problem
    try:
        parts = _Parts(archive, {info.filename: info for info in infos}, limits)
        document = parts.main_document()
        body = document.find(f"{_W}body")
        if body is None:
            return error("Word 正文（word/document.xml）中没有 <w:body>：文件已损坏", "the Word body (word/document.xml) has no <w:body>: the file is damaged")
        paragraphs = sum(1 for _ in body.iter(f"{_W}p"))
        if paragraphs > limits.max_docx_paragraphs:
            return over_limit("文档有 {count} 个段落", "the document has {count} paragraphs", "max_docx_paragraphs", limits.max_docx_paragraphs, count=paragraphs)
        numbering = Numbering.from_parts(parts.related("numbering"), parts.related("styles"))
        return _extract(body, numbering, limits)
    except _Refused as refused:
        return refused.problem


def _check_declared(infos: list[zipfile.ZipInfo], limits: Limits) -> ReadError | None:
    """What the zip's directory says, before anything is inflated."""
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        if "EncryptedPackage" in names:
            return error(*_ENCRYPTED)
        return error("压缩包中没有 Word 正文（word/document.xml）：不是 .docx 文档", "no Word body (word/document.xml) in the archive: not a .docx document")
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > limits.max_compression_ratio and info.file_size > 10_000_000:
            return error(
                "文件中的 {part} 解压后膨胀 {ratio} 倍（疑似压缩炸弹），已拒绝读取",
                "part {part} inflates {ratio}x (a zip bomb?); refused",
                part=info.filename, ratio=info.file_size // max(info.compress_size, 1),
            )
    total = sum(info.file_size for info in infos)
    if total > limits.max_unpacked_bytes:
        return over_limit(
            "文件解压后共 {total} 字节", "the file unpacks to {total} bytes",
            "max_unpacked_bytes", limits.max_unpacked_bytes, total=total,
        )
    return None


_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)


@dataclass
class _Parts:
    """The parts of the package that the text needs, inflated and parsed under one budget."""

    archive: zipfile.ZipFile
    infos: dict[str, zipfile.ZipInfo]
    limits: Limits
    inflated: int = 0
    elements: int = 0

    def main_document(self):
        root = self.parse("word/document.xml")
        if root is None:
            raise _Refused(error("无法读取 Word 正文（word/document.xml）", "cannot read the Word body (word/document.xml)"))
        return root

    def related(self, kind: str):
        """The part the body's relationships name for `kind` (styles, numbering), else Word's usual name."""
        target = f"word/{kind}.xml"
        rels = self.parse("word/_rels/document.xml.rels")
        if rels is not None:
            for rel in rels.iter(f"{_REL}Relationship"):
                if (rel.get("Type") or "").endswith("/" + kind) and rel.get("TargetMode") != "External":
                    name = rel.get("Target") or ""
                    target = name.lstrip("/") if name.startswith("/") else posixpath.normpath(posixpath.join("word", name))
                    break
        return self.parse(target)

    def parse(self, name: str):
        if name not in self.infos:
            return None
        data = self._inflate(self.infos[name])
        parser = etree.XMLPullParser(events=("start",), **_PARSER_OPTIONS)
        try:
            for start in range(0, len(data), 1 << 16):
                parser.feed(data[start : start + (1 << 16)])
                self._count(parser, name)
            root = parser.close()
            self._count(parser, name)
        except (etree.XMLSyntaxError, ValueError) as problem:
            raise _Refused(error(
                "{part} 不是有效的 XML（{error}）：.docx 文件已损坏，请在 Word 中重新保存为 .docx",
                "{part} is not valid XML ({error}): the .docx is damaged; save it again as .docx in Word",
                part=name, error=str(problem)[:200],
            )) from None
        return root

    def _count(self, parser, name: str) -> None:
        for _ in parser.read_events():
            self.elements += 1
        if self.elements > self.limits.max_docx_xml_elements:
            raise _Refused(over_limit("文件中的 XML 元素超过上限（{part}）", "too many XML elements ({part})", "max_docx_xml_elements", self.limits.max_docx_xml_elements, part=name))

    def _inflate(self, info: zipfile.ZipInfo) -> bytes:
        """The part's bytes, read in chunks: never past its declared size, nor past the budget."""
        chunks = []
        read = 0
        try:
            with self.archive.open(info) as part:
                while chunk := part.read(1 << 20):
                    read += len(chunk)
                    self.inflated += len(chunk)
                    if read > info.file_size:
                        raise _Refused(error(
                            "文件中的 {part} 实际大小超过其声明的大小（疑似压缩炸弹），已拒绝读取",
                            "part {part} inflates past its declared size (a zip bomb?); refused",
                            part=info.filename,
                        ))
                    if self.inflated > self.limits.max_docx_xml_bytes:
                        raise _Refused(over_limit(
                            "文件中的 XML 部分解压后超过上限（{part}）", "the XML parts inflate past the limit ({part})",
                            "max_docx_xml_bytes", self.limits.max_docx_xml_bytes, part=info.filename,
                        ))
                    chunks.append(chunk)
        except _ZIP_ERRORS as problem:
            if isinstance(problem, RuntimeError) and "password" in str(problem).lower():
                raise _Refused(error(*_ENCRYPTED)) from None
            raise _Refused(error(*_CORRUPT, error=f"{_name(problem)} in {info.filename}")) from None
        return b"".join(chunks)


# ---------------------------------------------------------------- text


def _paragraph_text(p) -> str:
    """As python-docx's Paragraph.text: runs and hyperlinks, with tabs, breaks and hyphens as text."""
    parts: list[str] = []
    for child in p:
        if child.tag == f"{_W}r":
            append_run_text(child, parts)
        elif child.tag == f"{_W}hyperlink":
            for run in child.iterchildren(f"{_W}r"):
                append_run_text(run, parts)
    return "".join(parts)


def append_run_text(run, parts: list[str]) -> None:
    """A w:r element's text as Word shows it (tabs, breaks, hyphens); annotate anchors by the same rule."""
    for child in run:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append("\t")
        elif tag == f"{_W}br":
            if child.get(f"{_W}type", "textWrapping") == "textWrapping":
                parts.append("\n")
        elif tag == f"{_W}cr":
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")


def _extract(body, numbering: Numbering, limits: Limits) -> ReadResult:
    out = TextBuilder()
    paragraph_no = table_no = 0
    cells = [0]  # grid cells of all tables so far, for max_table_cells
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph_no += 1
            text = numbering.label(child) + _paragraph_text(child)
            if text.strip():
                out.add_line(text.strip(), Origin(paragraph=paragraph_no))
            else:
                out.blank()
        elif child.tag == f"{_W}tbl":
            table_no += 1
            out.blank()
            _table(out, child, table_no, limits, cells)
            out.blank()
    return out.result("docx", "docx")


def _tc_property(tc, name: str) -> str | None:
    pr = tc.find(f"{_W}tcPr")
    if pr is None:
        return None
    element = pr.find(f"{_W}{name}")
    if element is None:
        return None
    return element.get(f"{_W}val", "continue" if name == "vMerge" else None)


def _table(out: TextBuilder, tbl, table_no: int, limits: Limits, cells_so_far: list[int]) -> None:
    """Each row's cells as python-docx's `row.cells` gives them (a horizontal span once, a vertical
    continuation as the text of the cell it continues), in one pass: the cell that starts a vertical
    merge is remembered per grid column, so a chain of any length costs one lookup per row."""
    above: dict[int, tuple[int, str, int]] = {}  # grid offset -> (cell id, text, span) of the row above
    next_id = 0
    for row_no, tr in enumerate(tbl.iterchildren(f"{_W}tr"), start=1):
        tr_pr = tr.find(f"{_W}trPr")
        before = tr_pr.find(f"{_W}gridBefore") if tr_pr is not None else None
        offset = min(max(parse_int(before.get(f"{_W}val") if before is not None else None, 0), 0), limits.max_table_columns)
        here: dict[int, tuple[int, str, int]] = {}
        row: list[tuple[int, str]] = []
        for tc in tr.iterchildren(f"{_W}tc"):
            span = max(parse_int(_tc_property(tc, "gridSpan"), 1), 1)
            if offset + span > limits.max_table_columns:
                raise _Refused(over_limit(
                    "表{table} 第{row}行 超过 {limit} 列", "table {table} row {row} is wider than {limit} columns",
                    "max_table_columns", limits.max_table_columns, table=table_no, row=row_no,
                ))
            if _tc_property(tc, "vMerge") == "continue" and offset in above:
                cell = above[offset]
            else:
                next_id += 1
                cell = (next_id, "".join(_paragraph_text(p) for p in tc.iterchildren(f"{_W}p")), span)
            here[offset] = cell
            row.extend([(cell[0], cell[1])] * cell[2])
            offset += span
        cells_so_far[0] += len(row)
        if cells_so_far[0] > limits.max_table_cells:
            raise _Refused(over_limit("文档的表格共超过 {limit} 个单元格", "the tables have more than {limit} cells", "max_table_cells", limits.max_table_cells))
        above = here
        printed: list[tuple[str, Origin]] = []
        previous = None
        for column_no, (cell_id, text) in enumerate(row, start=1):
            if cell_id == previous:
                continue  # a cell merged across columns is written once
            previous = cell_id
            printed.append((text, Origin(table=table_no, row=row_no, cell=column_no)))
        out.add_row(printed, Origin(table=table_no, row=row_no))
