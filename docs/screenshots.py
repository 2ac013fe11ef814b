"""Make the README's two pictures (docs/annotate-comment.png, docs/report-view.png).

    .venv/bin/python docs/screenshots.py

Needs LibreOffice (soffice), poppler (pdftoppm) and Chromium, as the tests do.

- annotate-comment.png: a draft with a placeholder and a wrong total is annotated; LibreOffice
  converts the annotated copy to PDF (LibreOffice 7.4 exports each Word comment as a PDF text
  annotation at its anchor); the page is rendered by pdftoppm (the note mark after the flagged text is
  LibreOffice's) and each annotation's text is drawn beside it, as a PDF viewer shows an opened note.
- report-view.png: the report view of samples/bad/RL302_outcome_total.txt around the request table,
  with the note of an RL302 finding hovered (its cells lit).
"""

from __future__ import annotations

import base64
import html
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "annotate"), str(ROOT / "tests" / "formats")]

from docx_helpers import annotate, build_draft  # noqa: E402
from review_html_helpers import FLAGS, chromium  # noqa: E402
from view_helpers import view_of, with_driver  # noqa: E402

FILTER = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def shoot(page: Path, target: Path, size: tuple[int, int], work: Path) -> None:
    subprocess.run([chromium(), *FLAGS, f"--user-data-dir={work / 'chromium'}", f"--screenshot={target}",
                    f"--window-size={size[0]},{size[1]}", "--virtual-time-budget=3000", "--hide-scrollbars",
                    page.resolve().as_uri()], check=True, capture_output=True, timeout=180)


def annotations(pdf: Path) -> list[tuple[int, list[float], str]]:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    found = []
    with pdf.open("rb") as stream:
        for number, page in enumerate(PDFPage.create_pages(PDFDocument(PDFParser(stream))), start=1):
            for annotation in resolve1(page.annots) or []:
                annotation = resolve1(annotation)
                contents = resolve1(annotation.get("Contents"))
                if isinstance(contents, bytes) and annotation.get("Rect"):
                    text = contents.decode("utf-16") if contents[:2] in (b"\xfe\xff", b"\xff\xfe") else contents.decode("latin-1")
                    found.append((number, [float(v) for v in resolve1(annotation["Rect"])], text))
    return found


def comment_picture(work: Path, target: Path) -> None:
    good = (ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8")
    draft = work / "草稿.docx"
    build_draft(good.replace("2023年6月", "xxxx年6月", 1).replace("明确办公室为", "明确XX科为", 1), draft)
    annotate(str(draft), "-q")
    copy = work / "草稿.批注.docx"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work / 'lo'}", "--headless", "--convert-to", FILTER,
                    "--outdir", str(work), str(copy)], check=True, capture_output=True, timeout=240)
    pdf = work / "草稿.批注.pdf"
    notes = [n for n in annotations(pdf) if n[2].startswith("RL401")]
    page = notes[0][0]
    dpi = 110
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf), str(work / "page")],
                   check=True, timeout=120)
    image = base64.b64encode((work / "page.png").read_bytes()).decode()
    scale = dpi / 72
    height = 842 * scale
    on_page = [n for n in notes if n[0] == page]
    top = max(min(height - n[1][3] * scale for n in on_page) - 120, 0)
    boxes = []
    for index, (_, rect, text) in enumerate(on_page):
        y = height - rect[3] * scale - top
        lines = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
        boxes.append(f'<div class="note" style="top:{max(y - 50, 0):.0f}px"><b>reportlint</b>{lines}</div>')
    page_html = work / "comment.html"
    page_html.write_text(f"""<!DOCTYPE html><meta charset="utf-8"><style>
body{{margin:0;background:#e9ebee;font:13px/1.45 "Noto Sans CJK SC",sans-serif}}
.page{{position:relative;width:{595 * scale:.0f}px;height:420px;overflow:hidden;background:#fff;margin:12px;box-shadow:0 1px 4px #999;float:left}}
.page img{{position:absolute;left:0;top:-{top:.0f}px}}
.side{{position:relative;float:left;width:390px;height:420px;margin:12px 0}}
.note{{position:absolute;left:0;width:380px;background:#fffbe6;border:1px solid #e0c36a;border-radius:4px;padding:6px 8px}}
.note p{{margin:2px 0}} .note b{{color:#7a5b00}}
</style><div class="page"><img src="data:image/png;base64,{image}"></div>
<div class="side">{''.join(boxes)}</div>""", encoding="utf-8")
    shoot(page_html, target, (int(595 * scale) + 430, 445), work)


def view_picture(work: Path, target: Path) -> None:
    os.chdir(ROOT)  # the view names the file as given: a relative path
    path = Path("samples/bad/RL302_outcome_total.txt")
    result, page = view_of(path)
    index = next(i for i, d in enumerate(result.diagnostics) if d.code == "RL302")
    probe = (
        "(function () { var cell = document.querySelector('td.hl');"
        " var item = cell.closest('.item');"
        " document.querySelectorAll('.item').forEach(function (other) {"
        "   if (other !== item && other !== item.previousElementSibling) other.remove(); });"
        f" document.getElementById('n{index}').dispatchEvent(new MouseEvent('mouseover', {{bubbles: true}})); }})();"
    )
    view = work / "view.html"
    view.write_text(with_driver(page, probe), encoding="utf-8")
    shoot(view, target, (1280, 900), work)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        comment_picture(work, ROOT / "docs" / "annotate-comment.png")
        view_picture(work, ROOT / "docs" / "report-view.png")
    for name in ("annotate-comment.png", "report-view.png"):
        print(name, (ROOT / "docs" / name).stat().st_size, "bytes")
