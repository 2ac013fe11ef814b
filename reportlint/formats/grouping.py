"""Findings that one suspect cell explains (suspect.py) are shown together, under one heading, in
the text output and on the HTML review page."""

from __future__ import annotations

from ..engine import Diagnostic


def grouped(diagnostics: list[Diagnostic]) -> list[list[Diagnostic]]:
    """Findings in order, those explained by one suspect cell (suspect.py) together at the first of them."""
    groups: list[list[Diagnostic]] = []
    by_cell: dict[tuple, list[Diagnostic]] = {}
    for d in diagnostics:
        key = (d.suspect["line"], d.suspect["column"]) if d.suspect else None
        if key is not None and key in by_cell:
            by_cell[key].append(d)
            continue
        groups.append([d])
        if key is not None:
            by_cell[key] = groups[-1]
    return groups


def suspect_heading(suspect: dict, count: int, lang: str) -> str:
    """The line above a group: not `path:line:col:`, so problem matchers do not take it for a finding."""
    s = suspect
    if lang == "zh":
        return (f"── 以下 {count} 条问题很可能都出自一格「{s['row']}·{s['column_label']}」（第 {s['line']} 行第 {s['column']} 列）："
                f"现为 {s['actual']}，改为 {s['expected']} 则都成立")
    return (f"── the {count} findings below probably all come from one cell, '{s['row']} · {s['column_label']}' "
            f"(line {s['line']}, column {s['column']}): it reads {s['actual']}; with {s['expected']} they all hold")
