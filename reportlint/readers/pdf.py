"""PDF -> text with pdfplumber: page text in reading order, tables from their ruling lines.

Tables are written as pipe rows at their place on the page; text outside them line by line.
A table continued on the next page simply continues with more rows. Every line keeps its page
(and table row/cell) for positions. A PDF with no text layer (a scan) cannot be checked without
OCR, and an encrypted PDF cannot be opened: both are RL001 with what to do.
"""

from __future__ import annotations

import io

from . import Limits, Origin, ReadError, ReadResult, TextBuilder, error


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    mid_x = (obj["x0"] + obj["x1"]) / 2
    mid_y = (obj["top"] + obj["bottom"]) / 2
    return x0 <= mid_x <= x1 and top <= mid_y <= bottom


def read_pdf(data: bytes, limits: Limits = Limits()) -> ReadResult | ReadError:
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - a dependency of the package
        return error("未安装 pdfplumber，无法读取 PDF", "pdfplumber is not installed; cannot read PDF")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as problem:  # noqa: BLE001 - pdfplumber wraps pdfminer's errors (PdfminerException)
        causes = [problem, *problem.args, problem.__cause__, problem.__context__]
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes) or "password" in str(problem).lower():
            return error("PDF 已加密：请去掉密码（或另存为未加密的 PDF）后再检查", "the PDF is encrypted: remove the password and check again")
        if any(isinstance(c, PDFSyntaxError) for c in causes):
            return error("PDF 文件已损坏，无法读取：请从原文档重新导出 PDF", "the PDF is damaged and cannot be read: export it again from the source document")
        return error(
            "无法打开 PDF（{error}）：文件可能已损坏或不是 PDF，请从原文档重新导出 PDF",
            "cannot open the PDF ({error}): it may be damaged or not a PDF; export it again from the source document",
            error=type(problem).__name__,
        )
    with pdf:
        try:
            return _extract(pdf, limits)
        except Exception as problem:  # noqa: BLE001
            return error(
                "读取 PDF 时出错（{error}）：文件可能已损坏，请从原文档重新导出 PDF",
                "error while reading the PDF ({error}): the file may be damaged; export it again from the source document",
                error=type(problem).__name__,
            )


def _extract(pdf, limits: Limits) -> ReadResult | ReadError:
    out = TextBuilder()
    pages = pdf.pages
    if len(pages) > limits.max_pdf_pages:
        return error("PDF 共 {pages} 页，超过上限 {limit} 页", "the PDF has {pages} pages, over the limit of {limit}", pages=len(pages), limit=limits.max_pdf_pages)
    table_no = 0
    characters = 0
    for page_no, page in enumerate(pages, start=1):
        characters += len(page.chars)
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
    if characters == 0:
        return error(
            "PDF 没有文字层（可能是扫描件）：需要先做文字识别（OCR），或改交 .docx / 可复制文字的 PDF",
            "the PDF has no text layer (a scan?): it needs OCR first, or send the .docx or a text PDF",
        )
    return out.result("pdf", "pdf")
