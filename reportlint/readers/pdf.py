"""PDF -> text with pdfplumber: page text in reading order, tables from their ruling lines.

Tables are written as pipe rows at their place on the page; text outside them line by line.
A table continued on the next page simply continues with more rows. Every line keeps its page
(and table row/cell) for positions. A PDF with no text layer (a scan) cannot be checked without
OCR, and an encrypted PDF cannot be opened: both are RL001 with what to do.

Hostile PDFs are bounded before the work (`pdfscan` inflates the Flate streams once, under a
budget, and sums the code ranges of embedded CMaps; the page tree's /Count is checked before any
page is parsed, and at most `max_pdf_pages` + 1 pages are ever listed), glyphs are counted as the
page is interpreted, and the file is closed inside the boundary. A page that pdfminer could not
read is RL001, never a shorter text taken for an excerpt.
"""

from __future__ import annotations

import io
import itertools
import logging
import zlib

from . import Limits, Origin, ReadError, ReadResult, TextBuilder, error, over_limit
from .pdfscan import scan


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    mid_x = (obj["x0"] + obj["x1"]) / 2
    mid_y = (obj["top"] + obj["bottom"]) / 2
    return x0 <= mid_x <= x1 and top <= mid_y <= bottom


class _Refused(Exception):
    def __init__(self, problem: ReadError) -> None:
        super().__init__(problem.message.en)
        self.problem = problem


_DAMAGED = ("PDF 文件已损坏，无法读取：请从原文档重新导出 PDF", "the PDF is damaged and cannot be read: export it again from the source document")


def read_pdf(data: bytes, limits: Limits = Limits()) -> ReadResult | ReadError:
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - a dependency of the package
        return error("未安装 pdfplumber，无法读取 PDF", "pdfplumber is not installed; cannot read PDF")
    problem = scan(data, limits)
    if problem:
        return problem
    with _DamageLog() as damage:  # pdfminer's warnings are judged here, never printed
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
        except Exception as problem:  # noqa: BLE001 - pdfplumber wraps pdfminer's errors (PdfminerException)
            causes = [problem, *problem.args, problem.__cause__, problem.__context__]
            if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes) or "password" in str(problem).lower():
                return error("PDF 已加密：请去掉密码（或另存为未加密的 PDF）后再检查", "the PDF is encrypted: remove the password and check again")
            if any(isinstance(c, PDFSyntaxError) for c in causes):
                return error(*_DAMAGED)
            return error(
                "无法打开 PDF（{error}）：文件可能已损坏或不是 PDF，请从原文档重新导出 PDF",
                "cannot open the PDF ({error}): it may be damaged or not a PDF; export it again from the source document",
                error=type(problem).__name__,
            )
        try:
            return _extract(pdf, limits, damage)
        except _Refused as refused:
            return refused.problem
        except Exception as problem:  # noqa: BLE001 - pdfminer raises PdfminerException, MalformedPDFException, TypeError, KeyError…
            return error(
                "读取 PDF 时出错（{error}）：文件可能已损坏，请从原文档重新导出 PDF",
                "error while reading the PDF ({error}): the file may be damaged; export it again from the source document",
                error=type(problem).__name__,
            )
        finally:
            _close(pdf)


def _close(pdf) -> None:
    """Close without letting pdfplumber list the pages again: `PDF.close` walks `pdf.pages`, which
    parses the whole page tree when the reading stopped before it (the crash the old `with pdf:` had)."""
    if not hasattr(pdf, "_pages"):
        pdf._pages = []
    try:
        pdf.close()
    except Exception:  # noqa: BLE001 - closing a damaged file may fail again; the verdict is already made
        pass


class _DamageLog(logging.Handler):
    """Collects pdfminer's reports of lost data (a stream that would not inflate, a broken object)
    while the pages are read, so a page that lost its content is not taken for a blank one."""

    _SIGNS = ("data-loss", "invalid zlib", "cannot locate objid", "unknown operator", "invalid dictionary", "malformed", "eof")

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage().lower()
        except Exception:  # noqa: BLE001
            message = str(record.msg).lower()
        if any(sign in message for sign in self._SIGNS):
            self.records.append(message[:200])

    def __enter__(self) -> "_DamageLog":
        self.logger = logging.getLogger("pdfminer")
        self.logger.addHandler(self)
        self.level_before = self.logger.level
        if self.logger.getEffectiveLevel() > logging.WARNING:
            self.logger.setLevel(logging.WARNING)
        self.propagate_before = self.logger.propagate
        self.logger.propagate = False  # pdfminer's warnings are ours to judge, not noise on stderr
        return self

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self)
        self.logger.setLevel(self.level_before)
        self.logger.propagate = self.propagate_before


def _page_tree_count(doc) -> int | None:
    """/Count of the root of the page tree, or None when it is missing or not a number."""
    from pdfminer.pdftypes import resolve1

    try:
        pages = resolve1(doc.catalog.get("Pages"))
        count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    except Exception:  # noqa: BLE001 - a broken tree is found again when the pages are listed
        return None
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def _pages(pdf, limits: Limits) -> list:
    """At most `max_pdf_pages` pages, with glyph-counting layout; over the limit is RL001 at once."""
    from pdfminer.pdfpage import PDFPage

    declared = _page_tree_count(pdf.doc)
    if declared is not None and declared > limits.max_pdf_pages:
        raise _Refused(over_limit("PDF 共 {pages} 页（页面树所记）", "the PDF has {pages} pages (by its page tree)", "max_pdf_pages", limits.max_pdf_pages, pages=declared))
    listed = list(itertools.islice(PDFPage.create_pages(pdf.doc), limits.max_pdf_pages + 1))
    if len(listed) > limits.max_pdf_pages:
        raise _Refused(over_limit("PDF 超过 {limit} 页", "the PDF has more than {limit} pages", "max_pdf_pages", limits.max_pdf_pages))
    page_class = _bounded_page_class()
    pages, doctop = [], 0
    for number, page_obj in enumerate(listed, start=1):
        page = page_class(pdf, page_obj, page_number=number, initial_doctop=doctop)
        page.max_glyphs = limits.max_pdf_glyphs_per_page
        pages.append(page)
        doctop += page.height
    pdf._pages = pages  # what pdfplumber's own `pdf.pages` and `close` use
    if declared is not None and 0 < len(pages) < declared:
        raise _Refused(error(
            "PDF 的页面树记有 {declared} 页，只能读出 {pages} 页：文件已损坏，请从原文档重新导出 PDF",
            "the PDF's page tree lists {declared} pages but only {pages} can be read: the file is damaged; export it again",
            declared=declared, pages=len(pages),
        ))
    return pages


class _TooManyGlyphs(Exception):
    pass


_PAGE_CLASS = None


def _bounded_page_class():
    """pdfplumber's Page whose layout stops with `_TooManyGlyphs` past `max_glyphs` characters,
    before pdfminer has built an object for each of a million glyphs."""
    global _PAGE_CLASS
    if _PAGE_CLASS is not None:
        return _PAGE_CLASS
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent

    class CountingAggregator(PDFPageAggregatorWithMarkedContent):
        glyphs = 0
        max_glyphs = 0

        def render_char(self, *args, **kwargs):
            self.glyphs += 1
            if self.glyphs > self.max_glyphs:
                raise _TooManyGlyphs
            return super().render_char(*args, **kwargs)

    class BoundedPage(Page):
        max_glyphs = 50_000

        @property
        def layout(self):
            if hasattr(self, "_layout"):
                return self._layout
            device = CountingAggregator(self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams)
            device.max_glyphs = self.max_glyphs
            interpreter = PDFPageInterpreter(self.pdf.rsrcmgr, device)
            interpreter.process_page(self.page_obj)
            self._layout = device.get_result()
            return self._layout

    _PAGE_CLASS = BoundedPage
    return BoundedPage


def _content(page) -> tuple[int, bool]:
    """Bytes of the page's content streams, decoded, and whether one of them is damaged.

    pdfminer tokenizes content at about 4 µs a byte, so the size bounds the page's time. A Flate
    stream that stops with an error or before its last block is inflated by pdfminer to nothing
    (or to what came before the damage) without a word: the page would look blank or short, so it
    is checked here, before pdfminer decodes it, by inflating the raw bytes once more."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1

    size, damaged = 0, False
    for stream in page.page_obj.contents:
        stream = resolve1(stream)
        if not isinstance(stream, PDFStream):
            continue
        if stream.data is None and stream.rawdata is not None and not stream.decipher:
            filters = stream.get_filters()
            if filters and filters[0][0] in LITERALS_FLATE_DECODE:
                damaged = damaged or not _complete_flate(stream.rawdata)
        size += len(stream.get_data())
    return size, damaged


def _complete_flate(raw: bytes) -> bool:
    """A zlib stream whose deflate data runs to its final block without error (the Adler-32 after
    it may be missing or wrong: pdfminer accepts that, and so do readers)."""
    if len(raw) < 2 or (raw[0] & 0x0F) != 8 or ((raw[0] << 8) | raw[1]) % 31:
        return False
    inflater = zlib.decompressobj(-15)
    try:
        for start in range(2, len(raw), 1 << 20):
            inflater.decompress(raw[start : start + (1 << 20)], 1 << 16)
            while inflater.unconsumed_tail and not inflater.eof:
                inflater.decompress(inflater.unconsumed_tail, 1 << 16)
            if inflater.eof:
                break
    except zlib.error:
        return False
    return inflater.eof


def _extract(pdf, limits: Limits, damage: _DamageLog) -> ReadResult | ReadError:
    out = TextBuilder()
    table_no = 0
    characters = 0
    lost: list[int] = []
    pages = _pages(pdf, limits)
    for page_no, page in enumerate(pages, start=1):
        damage.records.clear()
        content, damaged = _content(page)
        if content > limits.max_pdf_page_content_bytes:
            raise _Refused(over_limit("PDF 第{page}页的内容流解压后有 {size} 字节", "page {page} of the PDF has {size} bytes of content", "max_pdf_page_content_bytes", limits.max_pdf_page_content_bytes, page=page_no, size=content))
        try:
            chars = len(page.chars)
        except _TooManyGlyphs:
            raise _Refused(over_limit("PDF 第{page}页的字符超过上限", "page {page} of the PDF has too many glyphs", "max_pdf_glyphs_per_page", limits.max_pdf_glyphs_per_page, page=page_no)) from None
        if damaged or damage.records:
            lost.append(page_no)
            continue
        characters += chars
        tables = page.find_tables()
        boxes = [table.bbox for table in tables]
        outside = page.filter(lambda obj: not any(_inside(obj, box) for box in boxes)) if boxes else page
        items = [(line["top"], "text", line["text"]) for line in outside.extract_text_lines(layout=False, strip=True, return_chars=False)]
        items += [(table.bbox[1], "table", table) for table in tables]
        for _, kind, item in sorted(items, key=lambda entry: entry[0]):
            if kind == "text":
                out.add_line(item, Origin(page=page_no))
                continue
            rows = item.extract()
            if max((sum(1 for cell in row if cell is not None) for row in rows), default=0) <= 1:
                # a frame drawn around the text (one column) is layout, not a table
                for row in rows:
                    for cell in row:
                        if cell:
                            out.add_line(cell, Origin(page=page_no))
                continue
            table_no += 1
            out.blank()
            for row_no, row in enumerate(rows, start=1):
                cells = [(text or "", Origin(page=page_no, table=table_no, row=row_no, cell=col)) for col, text in enumerate(row, start=1) if text is not None]
                filled = [text for text, _ in cells if text.strip()]
                if len(filled) == 1 and len(cells) <= 2:  # text laid out inside a frame, or a heading row
                    out.add_line(filled[0], Origin(page=page_no))
                elif cells:
                    out.add_row(cells, Origin(page=page_no, table=table_no, row=row_no))
            out.blank()
        page.flush_cache()
    if lost:
        shown = "、".join(map(str, lost[:10])) + ("…" if len(lost) > 10 else "")
        return error(
            "PDF 有 {count} 页无法完整读取（第{pages}页）：文件已损坏，请从原文档重新导出 PDF",
            "{count} pages of the PDF cannot be read in full (pages {pages}): the file is damaged; export it again",
            count=len(lost), pages=shown,
        )
    if characters == 0:
        return error(
            "PDF 没有文字层（可能是扫描件）：需要先做文字识别（OCR），或改交 .docx / 可复制文字的 PDF",
            "the PDF has no text layer (a scan?): it needs OCR first, or send the .docx or a text PDF",
        )
    return out.result("pdf", "pdf")
