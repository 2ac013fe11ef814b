"""The four ways people copy text out of a PDF, as the acceptance tests and bench/ use them.

Each returns the text or raises `Unavailable` naming what is missing (pypdf is a test extra;
pdftotext is Debian's poppler-utils, installed by .ci/run)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path


class Unavailable(Exception):
    """The extractor's library or program is not installed."""


def pypdf_text(pdf: Path) -> str:
    try:
        from pypdf import PdfReader
    except ImportError as missing:
        raise Unavailable("pypdf (pip install '.[test]')") from missing
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdfplumber_text(pdf: Path) -> str:
    import pdfplumber

    from reportlint.readers.quiet import library_output_to_debug

    with library_output_to_debug(), pdfplumber.open(pdf) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def _pdftotext(pdf: Path, *options: str) -> str:
    program = shutil.which("pdftotext")
    if program is None:
        raise Unavailable("pdftotext: apt-get install poppler-utils")
    done = subprocess.run([program, *options, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=120, check=True)
    return done.stdout.decode("utf-8")


def pdftotext_text(pdf: Path) -> str:
    return _pdftotext(pdf)


def pdftotext_layout_text(pdf: Path) -> str:
    return _pdftotext(pdf, "-layout")


EXTRACTORS = {
    "pypdf": pypdf_text,
    "pdfplumber": pdfplumber_text,
    "pdftotext": pdftotext_text,
    "pdftotext-layout": pdftotext_layout_text,
}
