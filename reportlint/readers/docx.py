"""Word .docx -> text: body paragraphs and tables in document order, Word's own numbering restored.

Merged cells (the template merges label cells across rows and columns) are written once per
row; headers and footers are not part of the body and are ignored. The zip is inspected before
it is opened, so a zip bomb is refused instead of inflated; python-docx parses XML without
resolving entities or touching the network.
"""

from __future__ import annotations

import io
import zipfile

from . import Limits, Origin, ReadError, ReadResult, TextBuilder, error
from .numbering import Numbering

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .docx, or an old .doc renamed


def _check_zip(data: bytes, limits: Limits) -> ReadError | None:
    if data.startswith(_OLE):
        return error("文件已加密或是旧版 .doc 格式：请去掉密码并另存为 .docx", "the file is encrypted or an old .doc: remove the password and save as .docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return error(
            "文件不是有效的 .docx（压缩包损坏或不是 Word 文档）：请在 Word 中重新保存为 .docx",
            "not a valid .docx (corrupt zip or not a Word document): save it again as .docx in Word",
        )
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        encrypted = "EncryptedPackage" in names or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        if encrypted:
            return error("文件已加密或是旧版 .doc 格式：请去掉密码并另存为 .docx", "the file is encrypted or an old .doc: remove the password and save as .docx")
        return error("压缩包中没有 Word 正文（word/document.xml）：不是 .docx 文档", "no Word body (word/document.xml) in the archive: not a .docx document")
    total = sum(info.file_size for info in infos)
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > limits.max_compression_ratio and info.file_size > 10_000_000:
            return error(
                "文件中的 {part} 解压后膨胀 {ratio} 倍（疑似压缩炸弹），已拒绝读取",
                "part {part} inflates {ratio}x (a zip bomb?); refused",
                part=info.filename, ratio=info.file_size // max(info.compress_size, 1),
            )
    if total > limits.max_unpacked_bytes:
        return error(
            "文件解压后共 {total} 字节，超过上限 {limit} 字节，已拒绝读取",
            "the file unpacks to {total} bytes, over the limit of {limit}; refused",
            total=total, limit=limits.max_unpacked_bytes,
        )
    return _check_declared_sizes(archive, infos)


def _check_declared_sizes(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> ReadError | None:
    """Inflate each XML part in chunks, never past its declared size: a part that lies about its
    size (the zip bomb that fools the check above) is refused after one chunk too many."""
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        read = 0
        try:
            with archive.open(info) as part:
                while chunk := part.read(1 << 20):
                    read += len(chunk)
                    if read > info.file_size:
                        return error(
                            "文件中的 {part} 实际大小超过其声明的大小（疑似压缩炸弹），已拒绝读取",
                            "part {part} inflates past its declared size (a zip bomb?); refused",
                            part=info.filename,
                        )
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            return error(
                "文件不是有效的 .docx（压缩包损坏）：请在 Word 中重新保存为 .docx",
                "not a valid .docx (corrupt zip): save it again as .docx in Word",
            )
    return None


def read_docx(data: bytes, limits: Limits = Limits()) -> ReadResult | ReadError:
    problem = _check_zip(data, limits)
    if problem:
        return problem
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError

        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as problem:
        return error("无法打开 .docx：{error}。请在 Word 中重新保存后再检查", "cannot open the .docx: {error}. Save it again in Word and check", error=str(problem))
    except Exception as problem:  # noqa: BLE001 - lxml and python-docx raise many kinds on broken parts
        return error("无法解析 .docx（{error}）：文件可能已损坏", "cannot parse the .docx ({error}): the file may be damaged", error=type(problem).__name__)
    return _extract(document)


def _extract(document) -> ReadResult:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = Numbering.from_document(document)
    out = TextBuilder()
    paragraph_no = table_no = 0
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            paragraph_no += 1
            paragraph = Paragraph(child, document)
            text = numbering.label(paragraph) + paragraph.text
            if text.strip():
                out.add_line(text.strip(), Origin(paragraph=paragraph_no))
            else:
                out.blank()
        elif child.tag == f"{_W}tbl":
            table_no += 1
            out.blank()
            _table(out, Table(child, document), table_no)
            out.blank()
    return out.result("docx", "docx")


def _table(out: TextBuilder, table, table_no: int) -> None:
    for row_no, row in enumerate(table.rows, start=1):
        cells: list[tuple[str, Origin]] = []
        previous = None
        for column_no, cell in enumerate(row.cells, start=1):
            if previous is not None and cell._tc is previous:
                continue  # a cell merged across columns is written once
            previous = cell._tc
            text = "".join(p.text for p in cell.paragraphs)
            cells.append((text, Origin(table=table_no, row=row_no, cell=column_no)))
        out.add_row(cells, Origin(table=table_no, row=row_no))
