"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request's files.

One line per diagnostic, as ruff and yamllint print them:

    ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RL301 row-total::message

`error`/`warning` keep their names, info becomes `notice`. Columns are 1-based, the end column
exclusive (as ruff passes them); `col`/`endColumn` are left out when a finding spans lines, which
GitHub does not accept. Escaping follows @actions/core: `%`, CR and LF in the message, and also
`:` and `,` in property values. For .docx/.html/.pdf the place in the original file ("第3页 表3 第9行
第3列") leads the message, because the line number is the extracted text's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..api import Rule, Severity
from ..engine import Diagnostic
from ..lint import FileResult
from .location import origin_note

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def chunks(results: Iterable[FileResult], rules: tuple[Rule, ...], lang: str) -> Iterator[str]:
    for result in results:
        yield "".join(command(result.path, d, lang) + "\n" for d in result.diagnostics)


def render(results: Iterable[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    return "".join(chunks(results, rules, lang))


def command(path: str, d: Diagnostic, lang: str = "zh") -> str:
    properties = ",".join(f"{key}={escape_property(str(value))}" for key, value in _properties(path, d))
    return f"::{COMMANDS[d.severity]} {properties}::{escape_data(_message(d, lang))}"


def _properties(path: str, d: Diagnostic) -> list[tuple[str, object]]:
    line = max(d.line, 1)
    properties: list[tuple[str, object]] = [("file", Path(path).as_posix()), ("line", line)]
    if d.end_line > line:
        properties.append(("endLine", d.end_line))
    else:
        properties.append(("col", max(d.column, 1)))
        properties.append(("endLine", line))
        if d.end_line == line and d.end_column > d.column:
            properties.append(("endColumn", d.end_column))
    properties.append(("title", f"{d.code} {d.name}"))
    return properties


def _message(d: Diagnostic, lang: str) -> str:
    return d.message + origin_note(d)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
