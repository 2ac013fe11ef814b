"""`reportlint annotate`: one report in, its annotated copy (.docx) or report view (.html) out.

The output goes beside the input by default (`REPORT.批注.docx`, `REPORT.批注.html`; `-o X.html` for a
.docx writes its report view instead of the Word copy), is written
to a temporary file in the same folder and renamed into place (never half-written), and is never
the input itself.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..api import Rule
from ..lint import FileResult, LintOptions
from ..readers import DOCX_SUFFIXES, ReadError, read_path

SUFFIX = "批注"


class AnnotateError(Exception):
    """A usage problem (exit 2): the output would overwrite the input, or cannot be written."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Written:
    path: Path | None  # None: nothing written (a .docx that cannot be read)
    kind: str  # "docx" or "html"
    comments: int = 0
    removed: int = 0  # reportlint comments of an earlier run that were replaced
    not_exact: int = 0  # comments on a whole paragraph, cell or a nearby place rather than the exact text


def default_output(path: Path) -> Path:
    if path.suffix.lower() in DOCX_SUFFIXES:
        return path.with_name(f"{path.stem}.{SUFFIX}{path.suffix}")
    return path.with_name(f"{path.stem}.{SUFFIX}.html")


def check_output(source: Path, output: Path) -> None:
    if output.exists() and output.resolve() == source.resolve():
        raise AnnotateError(f"输出文件 {output} 就是输入文件：请用 -o 另起一个名字", f"the output {output} is the input itself; give another name with -o")
    if output.exists() and output.is_dir():
        raise AnnotateError(f"输出 {output} 是一个文件夹", f"the output {output} is a folder")
    if not output.parent.is_dir():
        raise AnnotateError(f"输出文件 {output} 所在的文件夹不存在", f"the folder of the output {output} does not exist")


def write_atomically(output: Path, data: bytes) -> None:
    """Temporary file in the output's folder, then rename: a reader never sees a partial file."""
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, output)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def annotate_file(source: Path, output: Path, result: FileResult, options: LintOptions, rules: tuple[Rule, ...],
                  author: str = "reportlint") -> Written:
    """Write the annotated copy or the view of `source` for `result` (its findings, after baseline)."""
    check_output(source, output)
    wants_view = output.suffix.lower() in (".html", ".htm")
    if source.suffix.lower() not in DOCX_SUFFIXES and output.suffix.lower() in DOCX_SUFFIXES:
        raise AnnotateError(f"只有 .docx 报告能写出带批注的 .docx：请把 {source.name} 的报告视图写到 .html 文件",
                            f"only a .docx report can be annotated as .docx; write the report view of {source.name} to an .html file")
    if source.suffix.lower() in DOCX_SUFFIXES and not wants_view:
        read = read_path(source, options.max_bytes)
        if isinstance(read, ReadError) or read.format != "docx":
            return Written(None, "docx")
        from .docx_comments import annotate_docx

        try:
            annotated = annotate_docx(source.read_bytes(), read, result, rules, lang=options.lang, author=author)
        except Exception as problem:  # noqa: BLE001 - python-docx on a file the reader accepted; say so, never a traceback
            raise AnnotateError(f"无法在 {source} 中写入批注（{type(problem).__name__}: {problem}）：请在 Word 中重新保存后再试",
                                f"cannot write comments into {source}: {type(problem).__name__}: {problem}; save it again in Word and retry") from None
        write_atomically(output, annotated.data)
        not_exact = sum(1 for p in annotated.placements if p.kind not in {"exact", "cell"})
        return Written(output, "docx", len(annotated.placements), annotated.removed, not_exact)
    from . import view_of_result

    write_atomically(output, view_of_result(result, options, rules).encode("utf-8"))
    return Written(output, "html", len(result.diagnostics))
