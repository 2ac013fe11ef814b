"""The report view and the annotated Word copy of one uploaded file, from reportlint.annotate.

The view (annotate.view.render_view) is a page of its own with its own hash-based policy; the file
page shows it in a sandboxed frame, so each page keeps its policy whole. Both are made from the
copy of the upload kept with the batch and from the result that counts: findings a reviewer has
accepted are neither marked in the view nor commented in the Word copy.
"""

from __future__ import annotations

from pathlib import Path

from ..api import Rule
from ..lint import LintOptions, read_text
from ..readers import ReadError, read_path
from .decisions import Reviewed
from .messages import ServeError

try:
    from ..annotate import VIEW_POLICY, render_view
    from ..annotate.docx_comments import annotate_docx
except ImportError:  # an older reportlint without the annotate package
    VIEW_POLICY, render_view, annotate_docx = None, None, None


def can_annotate() -> bool:
    return render_view is not None


def document_view(original: Path, reviewed: Reviewed, rules: tuple[Rule, ...], lang: str, max_bytes: int) -> str:
    unreadable = reviewed.result.status == "error" and any(d.code == "RL001" for d in reviewed.result.diagnostics)
    text = None if unreadable else read_text(original, LintOptions(lang=lang, max_bytes=max_bytes))
    return render_view(text, reviewed.effective, rules, lang=lang)


def annotated_docx(original: Path, reviewed: Reviewed, rules: tuple[Rule, ...], lang: str, max_bytes: int) -> bytes:
    read = read_path(original, max_bytes)
    if isinstance(read, ReadError) or read.format != "docx":
        raise ServeError(409, "no-annotated-copy", "此文件无法读取，不能生成带批注的副本", "the file cannot be read, so it has no annotated copy")
    try:
        return annotate_docx(original.read_bytes(), read, reviewed.effective, rules, lang=lang).data
    except Exception as problem:  # noqa: BLE001 - python-docx on a file the reader accepted: a message, not a traceback
        raise ServeError(500, "annotate-failed", "无法在此 Word 文件中写入批注（{problem}）", "cannot write comments into this Word file ({problem})",
                         problem=type(problem).__name__) from None
