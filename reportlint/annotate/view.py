"""The report view: one report as a self-contained HTML page, every finding marked in place.

`render_view(text, result)` -> an HTML string. `text` is the report as the linter read it
(`lint.read_text`: the reader's text, normalised), `result` the `FileResult` of linting it (whose
positions are on the file's own characters; they are moved onto `text`); the view shows:

- the text as paragraphs, headings and real tables (the parser's blocks, so what is shown is what
  the rules saw), each finding highlighted where it points: a span of text, or the table cell;
- a margin note beside each block for each finding in it (message, expected and actual, the other
  cells of an arithmetic identity); the cells of an identity are linked: hovering a cell or its
  note lights all of them;
- a side list of findings by section; an entry jumps to its place and opens the rule's
  explanation with its bad and good example;
- a print style that keeps the notes beside the text and puts the list after it.

Security: everything from the report is escaped; the page loads nothing (no fonts, images,
style sheets or scripts from anywhere), has no `style=` attribute and one constant `<style>` and
one constant `<script>`. The policy `VIEW_POLICY` allows exactly those by their SHA-256 hashes
(hashes rather than nonces: the page is the same bytes for the same input, so it can be written
to disk, cached and served as it is); it is in a `<meta>` tag and a server sends it as the
`Content-Security-Policy` header unchanged. The page works without its script (only the hover
linking and opening an explanation from the list need it).
"""

from __future__ import annotations

import base64
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from html import escape
from typing import Iterable

from ..api import Rule
from ..context import LintContext
from ..document import Cell, Document, Heading, Paragraph, Row, Span, Table
from ..engine import Diagnostic
from ..formats.html import SEVERITY, STATUS, clean
from ..lint import FileResult
from ..numbers import looks_like_value
from ..parser import parse
from ..readers.normalise import normalise
from .cells import ARITHMETIC, CellRef, involved_cells

UI = {
    "zh": {
        "html_lang": "zh-CN", "title": "检查结果", "findings": "问题清单", "none": "此文件未发现问题。",
        "no_text": "无法显示正文：", "expected": "应为", "actual": "实际", "cells": "涉及单元格",
        "why": "规则说明", "bad": "错误示例", "good": "正确示例", "general": "全文", "template": "模板",
        "year": "年度", "counts": "{e} 个错误，{w} 个警告，{i} 个提示", "left": "合计", "right": "应等于",
        "notes": "批注", "jump": "跳到原文",
    },
    "en": {
        "html_lang": "en", "title": "Review", "findings": "Findings", "none": "No problems found in this file.",
        "no_text": "The text cannot be shown: ", "expected": "expected", "actual": "actual", "cells": "cells involved",
        "why": "About the rule", "bad": "Bad", "good": "Good", "general": "Whole report", "template": "template",
        "year": "year", "counts": "{e} errors, {w} warnings, {i} infos", "left": "total", "right": "should equal",
        "notes": "Notes", "jump": "go to the text",
    },
}


@dataclass(frozen=True)
class _Mark:
    """One finding on one line: columns [start, end) (1-based), zero width for a place."""

    index: int
    start: int
    end: int


def render_view(text: str | None, result: FileResult, rules: Iterable[Rule] = (), *, lang: str = "zh") -> str:
    """The report view of one file. `text` None (the file could not be read) shows only the list."""
    lang = "en" if lang == "en" else "zh"
    ui = UI[lang]
    rules_by_code = {rule.code: rule for rule in rules}
    doc = parse(text, path=result.path) if text else None
    diagnostics = [_on_read_text(d, doc) for d in result.diagnostics] if doc is not None else list(result.diagnostics)
    involved = _involved(doc, diagnostics, result.template) if doc is not None else {}
    placed: set[int] = set()  # findings whose place in the text got an anchor `#f{index}`
    body = _document(doc, diagnostics, involved, ui, lang, placed, result.template) if doc is not None else (
        f'<p class="no-text">{_esc(ui["no_text"])}{_esc(diagnostics[0].message) if diagnostics else ""}</p>'
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{ui["html_lang"]}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{VIEW_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light">',
        '<link rel="icon" href="data:,">',
        f"<title>{_esc(result.path)} · {_esc(ui['title'])}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        _header(result, ui, lang),
        '<div class="layout">',
        f'<main class="doc">{body}</main>',
        _side_list(diagnostics, rules_by_code, involved, placed, ui, lang),
        "</div>",
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _esc(value: object) -> str:
    return escape(clean(value))


# --- header -------------------------------------------------------------------------------------------


def _header(result: FileResult, ui: dict, lang: str) -> str:
    from ..api import Severity

    counts = ui["counts"].format(e=result.count(Severity.ERROR), w=result.count(Severity.WARNING), i=result.count(Severity.INFO))
    facts = [f'<span class="badge st-{_esc(result.status)}">{_esc(STATUS[lang].get(result.status, result.status))}</span>', _esc(counts)]
    if result.template:
        facts.append(f'{_esc(ui["template"])} {_esc(result.template)}')
    if result.year:
        facts.append(f'{_esc(ui["year"])} {result.year}')
    if result.issuer:
        facts.append(_esc(result.issuer))
    return f'<header class="head"><h1>{_esc(result.path)}</h1><p class="facts">{" · ".join(facts)}</p></header>'


# --- the document ---------------------------------------------------------------------------------------


def _involved(doc: Document, diagnostics: list[Diagnostic], template: str | None) -> dict[int, tuple[CellRef, ...]]:
    """Finding index -> the cells of its identity (arithmetic findings only)."""
    if not any(d.code in ARITHMETIC for d in diagnostics):
        return {}
    cells = involved_cells(doc, template)
    found = {}
    for index, d in enumerate(diagnostics):
        entry = cells.get((d.code, d.line, d.column, d.column_label or ""))
        if entry is not None:
            found[index] = entry.cells
    return found


def _on_read_text(d: Diagnostic, doc: Document) -> Diagnostic:
    """A finding's columns on the text the linter read (`text`, normalised by readers/normalise.py)
    rather than on the file's own characters (`d.source_line`): they differ where normalisation
    removed a zero-width or private-use character before the finding."""
    shown = doc.line(d.line)
    if not d.source_line or d.source_line == shown:
        return d
    normalised = normalise(d.source_line)
    if normalised.text != shown:
        return d
    removed = normalised.removed.get(1, ())
    originals = [position + index for index, position in enumerate(removed)]  # 0-based columns of the removed characters

    def column(original: int) -> int:
        return original - bisect_left(originals, original - 1) if originals else original

    end = column(d.end_column) if d.end_line == d.line else d.end_column
    return replace(d, column=column(d.column), end_column=end)


def _marks(diagnostics: list[Diagnostic], doc: Document) -> dict[int, list[_Mark]]:
    """Line -> the findings on it, each clipped to the line."""
    marks: dict[int, list[_Mark]] = defaultdict(list)
    last = len(doc.lines)
    for index, d in enumerate(diagnostics):
        first = min(max(d.line, 1), max(last, 1))
        final = min(max(d.end_line, first), max(last, 1))
        for number in range(first, final + 1):
            length = len(doc.line(number))
            start = d.column if number == d.line else 1
            end = d.end_column if number == d.end_line else length + 1
            marks[number].append(_Mark(index, start, max(end, start)))
    return marks


def _document(doc: Document, diagnostics: list[Diagnostic], involved: dict, ui: dict, lang: str, placed: set[int],
              template: str | None = None) -> str:
    """The blocks in order, each with its margin notes; lines outside any block are plain paragraphs,
    and the rows of a template table printed as plain text (PDF text) are laid out as a table."""
    marks = _marks(diagnostics, doc)
    related: dict[tuple[int, int], list[int]] = defaultdict(list)  # cell (line, column) -> findings it takes part in
    for index, cells in involved.items():
        for cell in cells:
            related[(cell.span.line, cell.span.column)].append(index)
    regions = _text_tables(doc, template)
    in_region = {line for first, last in regions for line in range(first, last + 1)}
    items: list[tuple[int, int, str]] = []  # (first line, last line, html)
    covered: set[int] = set(in_region)
    for block in doc.blocks:
        first, last = block.span.line, block.span.end_line
        if isinstance(block, Paragraph) and any(part.line in in_region for part in block.lines):
            for run in _runs_outside(block, in_region):
                piece = Paragraph(tuple(run), block.section)
                items.append((run[0].line, run[-1].line, _block(piece, doc, marks, related, placed)))
            covered.update(range(first, last + 1))
            continue
        if first in in_region:
            continue
        covered.update(range(first, last + 1))
        items.append((first, last, _block(block, doc, marks, related, placed)))
    for first, last in regions:
        rows = tuple(_text_row(doc.line(number), number) for number in range(first, last + 1) if doc.line(number).strip())
        items.append((first, last, _table(Table(rows, ()), marks, related, placed)))
    for number, line in enumerate(doc.lines, start=1):
        if number not in covered and line.strip():
            items.append((number, number, f'<p class="raw">{_line_html(line, 1, line, marks.get(number, []), placed)}</p>'))
    items.sort()
    if not items:
        items = [(1, 1, "")]
    starts = [first for first, _, _ in items]
    notes: dict[int, list[int]] = defaultdict(list)  # item -> findings noted beside it
    for index, d in enumerate(diagnostics):
        at = bisect_right(starts, d.line) - 1
        if at < 0 or d.line > items[at][1]:
            at = min(at + 1, len(items) - 1)  # a blank line: the next block is where it belongs
        notes[at].append(index)
    out = []
    for position, (_, _, html) in enumerate(items):
        notes_html = "".join(_note(index, diagnostics[index], involved.get(index, ()), ui, lang) for index in notes.get(position, []))
        out.append(f'<div class="item"><div class="text">{html}</div><aside class="notes">{notes_html}</aside></div>')
    return "\n".join(out)


def _runs_outside(block: Paragraph, lines: set[int]) -> list[list]:
    runs, current = [], []
    for part in block.lines:
        if part.line in lines:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(part)
    if current:
        runs.append(current)
    return runs


def _text_tables(doc: Document, template: str | None) -> list[tuple[int, int]]:
    """Line ranges of template tables printed as text lines (label, then figures), not as table rows."""
    try:
        ctx = LintContext(doc, template)
        views = [ctx.table(name) for name in ctx.template.tables]
    except Exception:  # noqa: BLE001 - the layout is a nicety: without it the lines are paragraphs
        return []
    table_lines = {line for table in doc.tables for line in range(table.span.line, table.span.end_line + 1)}
    ranges = []
    for view in views:
        lines = [m.row.span.line for m in view.rows if m.row.span.line not in table_lines] if view is not None else []
        if lines:
            ranges.append([min(lines), max(lines)])
    ranges.sort()
    merged: list[list[int]] = []
    for first, last in ranges:
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return [(first, last) for first, last in merged]


_TOKEN = re.compile(r"\S+")


def _text_row(line: str, number: int) -> Row:
    """One text line of a table as cells: the label, then one cell per trailing figure (as the rules read it)."""
    tokens = list(_TOKEN.finditer(line))
    k = len(tokens)
    while k > 0 and looks_like_value(tokens[k - 1].group()):
        k -= 1
    cells = []
    if k:
        cells.append(Cell(line[tokens[0].start():tokens[k - 1].end()], Span(number, tokens[0].start() + 1, number, tokens[k - 1].end() + 1), 0))
    for i, token in enumerate(tokens[k:], start=len(cells)):
        cells.append(Cell(token.group(), Span(number, token.start() + 1, number, token.end() + 1), i))
    return Row(tuple(cells), Span(number, 1, number, len(line) + 1), line)


def _block(block, doc: Document, marks: dict[int, list[_Mark]], related: dict, placed: set[int]) -> str:
    if isinstance(block, Heading):
        line = doc.line(block.span.line)
        level = min(block.level + 1, 4)
        return f'<h{level} class="h">{_line_html(line, 1, line, marks.get(block.span.line, []), placed)}</h{level}>'
    if isinstance(block, Paragraph):
        pieces = [_line_html(doc.line(part.line), part.column, part.text, marks.get(part.line, []), placed) for part in block.lines]
        return f'<p>{"".join(pieces)}</p>'
    if isinstance(block, Table):
        return _table(block, marks, related, placed)
    return ""


def _line_html(line: str, column: int, text: str, marks: list[_Mark], placed: set[int]) -> str:
    """`text` (the part of `line` from `column`) with each finding's range wrapped in a <mark>."""
    stop = column + len(text)
    cuts = {column, stop}
    for mark in marks:
        cuts.update(min(max(c, column), stop) for c in (mark.start, mark.end))
    bounds = sorted(cuts)
    out = []
    for mark in marks:  # a zero-width finding (a missing part) is a pin at its place
        if mark.start >= mark.end and mark.start <= column:
            out.append(_pin(mark, placed))
    for left, right in zip(bounds, bounds[1:]):
        segment = line[left - 1:right - 1]
        covering = [m.index for m in marks if m.start < m.end and m.start < right and m.end > left]
        if covering:
            out.append(f'{_anchors(covering, placed)}<mark class="hl" data-f="{" ".join(map(str, covering))}">{_esc(segment)}</mark>')
        else:
            out.append(_esc(segment))
        for mark in marks:
            if mark.start >= mark.end and mark.start == right and right > column:
                out.append(_pin(mark, placed))
    return "".join(out)


def _anchors(indexes: list[int], placed: set[int]) -> str:
    """An anchor `#f{index}` at the first place of each finding (the side list jumps there)."""
    new = [index for index in indexes if index not in placed]
    placed.update(new)
    return "".join(f'<a class="anchor" id="f{index}"></a>' for index in new)


def _pin(mark: _Mark, placed: set[int]) -> str:
    return f'{_anchors([mark.index], placed)}<mark class="hl pin" data-f="{mark.index}">\u2038</mark>'


def _table(table: Table, marks: dict[int, list[_Mark]], related: dict, placed: set[int]) -> str:
    rows = []
    for row in table.rows:
        line_marks = marks.get(row.span.line, [])
        cells = []
        for position, cell in enumerate(row.cells):
            begin = 1 if position == 0 else cell.span.column
            end = row.cells[position + 1].span.column if position + 1 < len(row.cells) else 10**9
            on = [m.index for m in line_marks if (m.start < end and m.end > begin) or (m.start >= m.end and begin <= m.start < end)]
            groups = related.get((cell.span.line, cell.span.column), [])
            classes = (["hl"] if on else []) + (["rel"] if groups else [])
            attrs = f' class="{" ".join(classes)}"' if classes else ""
            if on:
                attrs += f' data-f="{" ".join(map(str, on))}"'
            if groups:
                attrs += f' data-g="{" ".join(f"g{i}" for i in groups)}"'
            cells.append(f"<td{attrs}>{_anchors(on, placed)}{_esc(cell.text)}</td>")
        rows.append(f'<tr data-line="{row.span.line}">{"".join(cells)}</tr>')
    return f'<div class="tw"><table class="report-table"><tbody>{"".join(rows)}</tbody></table></div>'


# --- notes and the side list ------------------------------------------------------------------------------


def _cells_text(cells: tuple[CellRef, ...], ui: dict) -> str:
    left = "、".join(f"{c.row}={c.text}" for c in cells if c.side == "left")
    right = "、".join(f"{c.row}={c.text}" for c in cells if c.side == "right")
    return f'{ui["left"]}：{left}；{ui["right"]}：{right}'


def _note(index: int, d: Diagnostic, cells: tuple[CellRef, ...], ui: dict, lang: str) -> str:
    groups = f' data-g="g{index}"' if cells else ""
    extra = ""
    if d.expected is not None or d.actual is not None:
        extra += f'<span class="ea">{_esc(ui["expected"])} {_esc(d.expected or "—")} · {_esc(ui["actual"])} {_esc(d.actual or "—")}</span>'
    if cells:
        extra += f'<span class="cells">{_esc(ui["cells"])}：{_esc(_cells_text(cells, ui))}</span>'
    place = f'<span class="loc">{_esc(d.origin_text or f"{d.line}:{d.column}")}</span>'
    return (
        f'<div class="note sev-{d.severity.value}" id="n{index}"{groups}>'
        f'<a class="code" href="#e{index}">{_esc(d.code)}</a> <span class="sev">{_esc(SEVERITY[lang][d.severity.value])}</span> {place}'
        f'<span class="msg">{_esc(d.message)}</span>{extra}</div>'
    )


def _side_list(diagnostics: list[Diagnostic], rules: dict[str, Rule], involved: dict, placed: set[int], ui: dict, lang: str) -> str:
    by_section: dict[str, list[int]] = {}
    for index, d in enumerate(diagnostics):
        by_section.setdefault(d.section[0] if d.section else ui["general"], []).append(index)
    out = [f'<nav class="side" aria-label="{_esc(ui["findings"])}"><h2>{_esc(ui["findings"])} <small>{len(diagnostics)}</small></h2>']
    if not diagnostics:
        out.append(f'<p class="empty">{_esc(ui["none"])}</p>')
    for section, indexes in by_section.items():
        out.append(f'<section class="group"><h3>{_esc(section)}</h3>')
        for index in indexes:
            d = diagnostics[index]
            rule = rules.get(d.code)
            why = ""
            if rule is not None:
                why = (
                    f'<div class="why"><p><b>{_esc(d.code)} {_esc(d.name)}</b>：{_esc(getattr(rule.summary, lang))}</p>'
                    f"<p>{_esc(getattr(rule.explanation, lang))}</p>"
                    f'<p class="ex">{_esc(ui["bad"])}</p><pre class="bad">{_esc(rule.bad)}</pre>'
                    f'<p class="ex">{_esc(ui["good"])}</p><pre class="good">{_esc(rule.good)}</pre></div>'
                )
            groups = f' data-g="g{index}"' if index in involved else ""
            out.append(
                f'<details class="entry sev-{d.severity.value}" id="e{index}"{groups}><summary>'
                f'<a class="jump" href="#{"f" if index in placed else "n"}{index}" data-f="{index}" title="{_esc(ui["jump"])}">{_esc(d.code)}</a> '
                f'<span class="msg">{_esc(d.message)}</span></summary>{why}</details>'
            )
        out.append("</section>")
    out.append("</nav>")
    return "".join(out)


# --- style and script -----------------------------------------------------------------------------------

_STYLE = """
:root{--text:#1f2933;--muted:#6b7683;--line:#d9dde3;--bg:#f4f5f7;--panel:#fff;--accent:#1f4e8c;
--error:#c0392b;--error-bg:#fde2de;--warning:#b7791f;--warning-bg:#fcefd2;--info:#2b6cb0;--info-bg:#e1edfa;
--rel-bg:#e9e2fb;--lit:#7b3fe4;
--sans:system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;font:15px/1.7 var(--sans);color:var(--text)}
.head{background:var(--panel);border-bottom:1px solid var(--line);padding:12px 24px}
.head h1{font-size:18px;margin:0;word-break:break-all}
.facts{margin:4px 0 0;color:var(--muted);font-size:13px}
.badge{display:inline-block;padding:0 8px;border-radius:9px;font-size:12px;font-weight:600}
.st-pass{background:#e6f4ec;color:#2f855a}.st-fail{background:var(--error-bg);color:var(--error)}.st-error{background:#f0ebfb;color:#6b46c1}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:16px;padding:16px 24px;align-items:start}
.doc{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:16px 20px;min-width:0}
.item{display:grid;grid-template-columns:minmax(0,1fr) 17rem;gap:16px;border-bottom:1px dashed transparent}
.item>.notes:empty{visibility:hidden}
.text{min-width:0}
.text p{margin:0 0 8px}
.h{margin:14px 0 6px;line-height:1.5}
h2.h{font-size:17px}h3.h{font-size:16px}h4.h{font-size:15px}
.raw{color:var(--muted)}
.tw{overflow-x:auto;margin:4px 0 12px}
.report-table{border-collapse:collapse;font-size:13px;line-height:1.4}
.report-table td{border:1px solid #b8bfc9;padding:3px 6px;vertical-align:top;min-width:2em}
mark.hl{background:var(--error-bg);color:inherit;border-bottom:2px solid var(--error);padding:0 1px}
mark.pin{background:none;border:0;color:var(--error);font-weight:700}
td.rel{background:var(--rel-bg)}
td.hl{background:var(--error-bg);outline:2px solid var(--error);outline-offset:-2px;font-weight:700}
.lit,td.lit{outline:3px solid var(--lit)!important;outline-offset:-3px}
.note.lit{outline-offset:0}
:target{animation:flash 1.2s ease 1}
@keyframes flash{0%{box-shadow:0 0 0 4px var(--accent)}100%{box-shadow:0 0 0 4px transparent}}
.notes{font-size:12.5px;line-height:1.5}
.note{background:var(--panel);border:1px solid var(--line);border-left:4px solid var(--error);border-radius:4px;padding:4px 8px;margin:0 0 6px}
.note .msg,.note .ea,.note .cells{display:block}
.note .ea{font-weight:600}.note .cells{color:var(--muted)}
.note .loc{color:var(--muted);font-size:11.5px}
.code{font-weight:700;color:var(--accent);text-decoration:none}
.sev{font-size:11.5px;color:var(--muted)}
.sev-warning.note{border-left-color:var(--warning)}.sev-info.note{border-left-color:var(--info)}
.side{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow:auto;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 12px;font-size:13px;line-height:1.5}
.side h2{font-size:15px;margin:4px 0 8px}.side h3{font-size:13px;margin:10px 0 4px;color:var(--muted)}
.entry{border-left:3px solid var(--error);padding:2px 0 2px 8px;margin:0 0 6px}
.entry.sev-warning{border-left-color:var(--warning)}.entry.sev-info{border-left-color:var(--info)}
.entry summary{cursor:pointer}
.jump{font-weight:700;color:var(--accent)}
.why{padding:4px 0;color:var(--text)}
.why p{margin:4px 0}.ex{font-weight:600;color:var(--muted)}
.why pre{white-space:pre-wrap;word-break:break-all;background:var(--bg);border-radius:4px;padding:4px 6px;margin:0;font-size:12px}
.why pre.bad{border-left:3px solid var(--error)}.why pre.good{border-left:3px solid #2f855a}
.empty,.no-text{color:var(--muted)}
@media (max-width:1100px){.layout{grid-template-columns:1fr}.side{position:static;max-height:none}}
@media print{
html,body{background:#fff}
.layout{display:block;padding:0}
.doc{border:0;padding:0}
.item{grid-template-columns:minmax(0,1fr) 38%;break-inside:avoid-page}
.item>.notes:empty{display:block}
.side{position:static;max-height:none;overflow:visible;border:0;break-before:page}
.side details>*:not(summary){display:block}
mark.hl,td.hl,td.rel,.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
:target{animation:none}
}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var lit = [];
  function groups(el) { return (el.getAttribute("data-g") || "").split(" ").filter(Boolean); }
  function clear() { lit.forEach(function (el) { el.classList.remove("lit"); }); lit = []; }
  function light(el) {
    clear();
    groups(el).forEach(function (g) {
      document.querySelectorAll('[data-g~="' + g + '"]').forEach(function (other) { other.classList.add("lit"); lit.push(other); });
    });
  }
  document.addEventListener("mouseover", function (event) {
    var el = event.target.closest && event.target.closest("[data-g]");
    if (el) { light(el); } else if (lit.length) { clear(); }
  });
  document.addEventListener("click", function (event) {
    var jump = event.target.closest && event.target.closest("a.jump");
    if (jump) { jump.closest("details").open = true; }
  });
  document.documentElement.setAttribute("data-ready", "true");
})();
"""


def _digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


VIEW_POLICY = (
    f"default-src 'none'; style-src 'sha256-{_digest(_STYLE)}'; script-src 'sha256-{_digest(_SCRIPT)}'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)
"""The Content-Security-Policy the view is written for (a server sends it as the header)."""
