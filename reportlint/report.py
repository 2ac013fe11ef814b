"""The text report for people: findings with their source line, a summary, bulk overviews (rich).

The JSON contract lives in formats/json_format.py; `summary` is re-exported from there.
"""

from __future__ import annotations

from typing import Collection, Iterable

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from .api import Severity
from .engine import Diagnostic
from .formats.concise import summary_line
from .formats.grouping import grouped, suspect_heading
from .formats.json_format import summary
from .formats.location import origin_note, where as file_place
from .lint import FileResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def _location(d: Diagnostic, lang: str) -> str:
    parts = []
    if d.section:
        parts.append(" › ".join(d.section))
    if d.row:
        parts.append(d.row)
    if d.column_label:
        parts.append(d.column_label)
    return " › ".join(parts)


def render_text(results: Collection[FileResult], console: Console, lang: str, show_info: bool = True, quiet: bool = False) -> None:
    for result in results:
        shown = [d for d in result.diagnostics if show_info or d.severity is not Severity.INFO]
        for group in grouped(shown):
            if len(group) > 1:
                console.print(Text(suspect_heading(group[0].suspect, len(group), lang), style="bold"), soft_wrap=True)
            for d in group:
                _render_one(result.path, d, console, lang)
        if not quiet:
            for note in result.notes:
                console.print(Text(f"{result.path}: {note}", style="dim"))
    if not quiet:
        if len(results) > 1:
            render_overview(results, console, lang)
        _render_summary(results, console, lang)


def render_overview(results: Iterable[FileResult], console: Console, lang: str, top: int = 10) -> None:
    """After a bulk run: the most frequent problems and the worst files (walks the results; keeps
    only counts and the `top` worst files' figures)."""
    import heapq
    from collections import Counter

    from rich.table import Table

    zh = lang == "zh"
    problems = Counter(d.code for r in results for d in r.diagnostics if d.severity is not Severity.INFO)
    files_with = Counter(code for r in results for code in {d.code for d in r.diagnostics if d.severity is not Severity.INFO})
    names = {d.code: d.name for r in results for d in r.diagnostics}
    if problems:
        table = Table(title="最常见的问题" if zh else "Most frequent problems", title_justify="left")
        for column in (("规则", "rule"), ("名称", "name"), ("次数", "findings"), ("文件数", "files")):
            table.add_column(column[0] if zh else column[1], justify="right" if column[1] in ("findings", "files") else "left")
        for code, count in problems.most_common(top):
            table.add_row(code, names.get(code, ""), str(count), str(files_with[code]))
        console.print(table)
    figures = (
        (-r.count(Severity.ERROR), r.path, r.count(Severity.WARNING), Counter(d.code for d in r.diagnostics if d.severity is Severity.ERROR).most_common(3))
        for r in results if r.count(Severity.ERROR)
    )
    worst = heapq.nsmallest(top, figures, key=lambda figure: figure[:2])
    if worst:
        table = Table(title="问题最多的文件" if zh else "Files with the most errors", title_justify="left")
        for column in (("文件", "file"), ("错误", "errors"), ("警告", "warnings"), ("主要问题", "top codes")):
            table.add_column(column[0] if zh else column[1], justify="right" if column[1] in ("errors", "warnings") else "left")
        for errors, path, warnings, codes in worst:
            table.add_row(path, str(-errors), str(warnings), " ".join(f"{c}×{n}" for c, n in codes))
        console.print(table)


def render_statistics(results: Iterable[FileResult], rules, console: Console, lang: str) -> None:
    """Findings per rule, most frequent first (`--statistics`)."""
    from collections import Counter

    counts = Counter(d.code for r in results for d in r.diagnostics)
    names = {rule.code: rule for rule in rules}
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = names.get(code)
        summary = getattr(rule.summary, lang) if rule else ""
        console.print(Text(f"{count:>6}  {code}  {rule.name if rule else ''}  {summary}"), soft_wrap=True)


def _render_one(path: str, d: Diagnostic, console: Console, lang: str) -> None:
    severity = _SEVERITY_ZH[d.severity] if lang == "zh" else d.severity.value
    head = Text()
    head.append(f"{file_place(path, d)}: ", style="bold")
    head.append(d.code, style=_STYLE[d.severity])
    head.append(f" [{severity}] ", style=_STYLE[d.severity])
    head.append(d.message)
    if d.origin_text:
        head.append(origin_note(d), style="bold")
    where = _location(d, lang)
    if where:
        head.append(f"  [{where}]", style="dim")
    console.print(head, soft_wrap=True)
    if d.source_line.strip():
        _render_source(d, console)


_WINDOW = 40  # characters of context either side of a span on a long line


def _render_source(d: Diagnostic, console: Console) -> None:
    """The source line with the span underlined; long lines are cut to a window around it."""
    line = d.source_line.replace("\t", " ")
    start = min(max(d.column - 1, 0), len(line))
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = min(max(end, start + 1), max(len(line), start + 1))
    if cell_len(line) > 3 * _WINDOW:
        left = max(0, start - _WINDOW)
        right = min(len(line), end + _WINDOW)
        head = "…" if left else ""
        line = head + line[left:right] + ("…" if right < len(line) else "")
        start, end = start - left + len(head), end - left + len(head)
    gutter = f"{d.line:>6} │ "
    console.print(Text(gutter, style="dim") + Text(line), soft_wrap=True)
    pad = " " * cell_len(line[:start])
    marks = "^" * max(1, cell_len(line[start:end]))
    console.print(Text(" " * 6 + " │ ", style="dim") + Text(pad) + Text(marks, style=_STYLE[d.severity]), soft_wrap=True)


def _render_summary(results: Iterable[FileResult], console: Console, lang: str) -> None:
    errors = any(r.count(Severity.ERROR) for r in results)
    console.print(Text(summary_line(results, lang), style="bold red" if errors else "bold green"), soft_wrap=True)
