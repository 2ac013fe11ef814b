"""The document view and the annotated Word copy, from the annotate package when it is installed.

Until reportlint.annotate is on main the file page shows its findings with their source lines only
(pages.file_page) and offers no Word copy.
"""

from __future__ import annotations

from pathlib import Path

from .decisions import Reviewed


def can_annotate() -> bool:
    return False


def document_view(original: Path, reviewed: Reviewed, lang: str) -> str | None:
    return None


def annotated_docx(original: Path, reviewed: Reviewed, lang: str) -> bytes:
    raise NotImplementedError
