"""The annotated copy in LibreOffice: headless conversion to PDF succeeds and the comments are in it.

LibreOffice 7.4 (Debian 12's `libreoffice-writer-nogui`, installed by .ci/run) exports Word comments
as PDF text annotations (`ExportNotes`); 7.5 and later can also print them in the margin
(`ExportNotesInMargin`, ignored by 7.4). The test reads both the page text and the annotations.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx_helpers import ROOT, annotate, build_draft, comments

TEMPLATE = ROOT.parent / "shared" / "corpus" / "docx" / "template-2021-official.docx"
FILTER = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}'


@pytest.fixture(scope="module")
def soffice():
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = "LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui): the annotated copy cannot be converted"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def to_pdf(soffice: str, source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--norestore", "--convert-to", FILTER,
         "--outdir", str(folder), str(source)],
        capture_output=True, timeout=240, stdin=subprocess.DEVNULL,
    )
    target = folder / (source.stem + ".pdf")
    assert done.returncode == 0 and target.is_file(), done.stderr.decode("utf-8", "replace")[-2000:]
    return target


def pdf_texts(path: Path) -> tuple[str, list[str]]:
    """(the pages' text, the contents of every annotation)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    notes = []
    with path.open("rb") as stream:
        document = PDFDocument(PDFParser(stream))
        for page in PDFPage.create_pages(document):
            for annotation in resolve1(page.annots) or []:
                contents = resolve1(resolve1(annotation).get("Contents"))
                if isinstance(contents, bytes):
                    notes.append(contents.decode("utf-16") if contents[:2] in (b"\xfe\xff", b"\xff\xfe") else contents.decode("latin-1"))
    return text, notes


def _normal(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("name", ["draft", "template"])
def test_libreoffice_converts_the_annotated_copy_with_its_comments(soffice, tmp_path, name):
    source = tmp_path / f"{name}.docx"
    if name == "template":
        if not TEMPLATE.is_file():
            pytest.skip("the official template is absent")
        source.write_bytes(TEMPLATE.read_bytes())
    else:
        build_draft((ROOT / "samples" / "bad" / "RL302_outcome_total.txt").read_text(encoding="utf-8"), source)
    annotate(str(source), "-q")
    annotated = tmp_path / f"{name}.批注.docx"
    pdf = to_pdf(soffice, annotated, tmp_path / "pdf")
    text, notes = pdf_texts(pdf)
    assert "政府信息公开" in text
    found = _normal(text) + "".join(_normal(note) for note in notes)
    expected = [c.text for c in comments(annotated)]
    assert len(expected) >= 4
    missing = [c[:40] for c in expected if _normal(c) not in found]
    assert missing == [], "every comment's text is in the PDF"
