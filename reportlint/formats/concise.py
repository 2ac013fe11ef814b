"""`--output-format concise`: one line per finding, `path:line:col: CODE [severity] message`.

As ruff, flake8 and markdownlint print it, so grep, awk and editors' problem matchers read it. The
severity token is English (`error`, `warning`, `info`) in every language; the message follows
`--lang`; a .docx/.pdf/.html finding ends with its place in the file in brackets. One line per
finding, whatever the message holds (line breaks become spaces).
"""

from __future__ import annotations

from typing import Collection, Iterable, Iterator

from ..api import Rule
from ..engine import Diagnostic
from ..lint import FileResult
from .json_format import summary
from .location import origin_note, where


def finding_line(path: str, d: Diagnostic) -> str:
    message = " ".join(d.message.split())
    return f"{where(path, d)}: {d.code} [{d.severity.value}] {message}{origin_note(d)}"


def chunks(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str) -> Iterator[str]:
    for result in results:
        yield "".join(finding_line(result.path, d) + "\n" for d in result.diagnostics)


def summary_line(results: Iterable[FileResult], lang: str) -> str:
    """The run's last line in text and concise output (and on stderr after `-o FILE`)."""
    s = summary(results)
    if lang == "zh":
        return (
            f"检查 {s['files']} 个文件：{s['passed']} 个通过，{s['failed']} 个有错误，{s['unassessed']} 个无法评估；"
            f"共 {s['errors']} 个错误，{s['warnings']} 个警告，{s['infos']} 个提示。"
        )
    return (
        f"Checked {s['files']} file(s): {s['passed']} passed, {s['failed']} failed, {s['unassessed']} could not be assessed; "
        f"{s['errors']} error(s), {s['warnings']} warning(s), {s['infos']} info."
    )
