"""Where a finding is, written the same way in every format: `path:line:col`, then the format's own
place in brackets (`[段落5]`, `[第4页 表5 第4行 第15列]`, `[表1 第6行 第10列 源文件第10行]`).

Line and column always refer to the extracted text the snippet shows, so editors and CI problem
matchers can parse every format; the bracket tells a person where to look in the .docx/.pdf/.html.
"""

from __future__ import annotations

from ..engine import Diagnostic


def where(path: str, d: Diagnostic) -> str:
    return f"{path}:{d.line}:{d.column}"


def origin_note(d: Diagnostic) -> str:
    """` [第4页 表5 第4行 第15列]`, or "" for a plain-text file."""
    return f" [{d.origin_text}]" if d.origin_text else ""


def context(d: Diagnostic) -> str:
    """Section › row › column of a finding ("" when it has none)."""
    return " › ".join([*d.section, *(part for part in (d.row, d.column_label) if part)])
