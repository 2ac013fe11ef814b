"""HTML review page: one self-contained file for reviewers who check a whole batch of reports at once.

`reportlint check --format html --output-file review.html DIR` writes a page that needs nothing but a
browser: no network, no external fonts, scripts or style sheets (a Content-Security-Policy meta tag
forbids them, and allows only the one inline script, by its hash). It holds:

- overview figures: files checked, passed, failed, could not be assessed; errors, warnings, infos;
- an inline SVG bar chart of the most frequent rule codes (code + short summary, findings and files);
- a table of files (path, issuing body, year, template, status, errors, warnings, top codes),
  sortable by clicking a header (counts sort as numbers) and filterable by a text box (path, issuing
  body, codes; several words must all match) and by status;
- per file, on click, its findings: code, severity, message, location, section/row/column,
  expected/actual and the source line with the flagged span in a ``<mark>``.

Decisions:

- The table rows are written as HTML (the page still lists the files without JavaScript); the
  findings are one JSON document in ``<script type="application/json">`` and a file's findings are
  built only when it is opened, so a batch of thousands of files keeps a light DOM. The JSON has
  every ``<``, ``>`` and ``&`` written as ``\\u003c`` etc., so nothing in it can close the script
  element. Everything else that comes from a report is passed through ``html.escape``; the script
  inserts text with ``textContent`` only.
- Text a browser cannot carry (lone surrogates, C0 control characters from garbled files) is shown
  as a visible ``\\xNN`` / ``\\uNNNN``, as in the JUnit output.
- The URL hash holds the view, for sharing a link and for headless tests: ``#q=RL301&status=fail``
  pre-fills the filter, ``sort=-errors`` sorts (``-`` for descending), ``open=PATH`` opens a file.
  Typing in the filter updates the hash.
- The header shows the reportlint version and the generation time (UTC); `SOURCE_DATE_EPOCH` fixes
  the time, so the page is then byte-for-byte the same for the same results. With `--output-file`
  each file's row also links the file's report view (reportlint/annotate/view.py, the page
  `reportlint annotate` writes), written to a folder beside the page (`review.views/00000.html` …);
  standard output gets the page without those links.
- Table rows: files with errors first, then with warnings, then the rest (input order within each);
  the chart ranks codes by severity, then count. Each file's findings are also written as
  ``<details>`` inside ``<noscript>``, readable without JavaScript.
- Chinese UI by default; ``lang="en"`` gives English.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from collections import Counter
from html import escape
from typing import Callable, Collection, Iterable, Iterator

from .. import __version__
from ..api import Rule, Severity
from ..engine import Diagnostic
from ..lint import FileResult
from .json_format import summary
from .jsonstream import Lazy
from .grouping import grouped, suspect_heading
from .location import origin_note
from .jsonstream import chunks as json_chunks

TOP_RULES = 10  # bars in the chart
TOP_CODES = 3  # codes shown per file in the table (the filter searches all of them)
WINDOW = 60  # characters of context either side of a flagged span on a long source line
_LABEL_UNITS = 50  # chart label width, in half-width character units

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BREAK_AFTER = re.compile(r"([/\\_-])")
_STATUS_RANK = {"pass": 0, "fail": 1, "error": 2}

UI = {
    "zh": {
        "html_lang": "zh-CN",
        "title": "政府信息公开工作年度报告检查结果",
        "generated": "由 reportlint {version} 生成",
        "generated_at": "生成时间 {time}",
        "overview": "概况",
        "files": "检查文件",
        "passed": "通过",
        "failed": "有错误",
        "unassessed": "无法评估",
        "errors": "错误",
        "warnings": "警告",
        "infos": "提示",
        "n_files": "{n} 个文件",
        "chart": "最常见的问题",
        "chart_note": "按问题条数列出前 {n} 条规则；点击条形可筛选文件",
        "chart_count": "{count} 条 · {files} 个文件",
        "no_findings": "未发现问题",
        "table": "文件",
        "filter": "筛选",
        "filter_placeholder": "文件名、发布机关或规则代码，如 RL301",
        "status": "结论",
        "all_status": "全部结论",
        "shown": "显示 {shown} / {total} 个文件",
        "no_match": "没有符合筛选条件的文件。",
        "noscript": "启用 JavaScript 后可筛选、排序文件并查看每个文件的问题详情。",
        "col_path": "文件",
        "col_issuer": "发布机关",
        "col_year": "年度",
        "col_template": "模板",
        "col_status": "结论",
        "col_errors": "错误",
        "col_warnings": "警告",
        "col_codes": "主要问题",
        "open": "展开或收起问题",
        "location": "位置",
        "context": "所在部分",
        "expected": "应为",
        "actual": "实际",
        "source": "原文",
        "notes": "说明",
        "none": "此文件未发现问题。",
        "view": "报告视图",
    },
    "en": {
        "html_lang": "en",
        "title": "Annual information-disclosure report review",
        "generated": "Generated by reportlint {version}",
        "generated_at": "generated {time}",
        "overview": "Overview",
        "files": "Files checked",
        "passed": "Passed",
        "failed": "Failed",
        "unassessed": "Could not be assessed",
        "errors": "Errors",
        "warnings": "Warnings",
        "infos": "Infos",
        "n_files": "{n} file{s}",
        "chart": "Most frequent problems",
        "chart_note": "Top {n} rules by number of findings; click a bar to filter the files",
        "chart_count": "{count} finding{count_s} · {files} file{files_s}",
        "no_findings": "No problems found",
        "table": "Files",
        "filter": "Filter",
        "filter_placeholder": "path, issuing body or rule code, e.g. RL301",
        "status": "Status",
        "all_status": "All statuses",
        "shown": "Showing {shown} of {total} file{s}",
        "no_match": "No file matches the filter.",
        "noscript": "Enable JavaScript to filter and sort the files and to see each file's findings.",
        "col_path": "File",
        "col_issuer": "Issuing body",
        "col_year": "Year",
        "col_template": "Template",
        "col_status": "Status",
        "col_errors": "Errors",
        "col_warnings": "Warnings",
        "col_codes": "Top codes",
        "open": "Show or hide the findings",
        "location": "Location",
        "context": "Section",
        "expected": "Expected",
        "actual": "Actual",
        "source": "Source",
        "notes": "Notes",
        "none": "No problems found in this file.",
        "view": "report view",
    },
}
STATUS = {
    "zh": {"pass": "通过", "fail": "有错误", "error": "无法评估"},
    "en": {"pass": "pass", "fail": "fail", "error": "not assessed"},
}
SEVERITY = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
# (key, label, sort type): the order of the table's columns
COLUMNS = (
    ("path", "col_path", "text"),
    ("issuer", "col_issuer", "text"),
    ("year", "col_year", "num"),
    ("template", "col_template", "text"),
    ("status", "col_status", "num"),
    ("errors", "col_errors", "num"),
    ("warnings", "col_warnings", "num"),
    ("codes", "col_codes", "text"),
)


def render(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    return "".join(chunks(results, rules, lang))


def chunks(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str, views: Callable[[int, FileResult], str | None] | None = None) -> Iterator[str]:
    """The page in pieces: overview and chart from walks over the results, then the table and the
    findings one file at a time. `views(index, result)` gives the address of a file's report view
    (reportlint/annotate/view.py), linked from its row."""
    lang = "en" if lang == "en" else "zh"
    ui = UI[lang]
    script = _SCRIPT
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{ui["html_lang"]}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',  # fixed text, no " & <
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light">',
        f'<meta name="generator" content="reportlint {escape(__version__)}">',
        f"<title>{escape(ui['title'])}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        '<header class="page-head"><div class="wrap">',
        f"<h1>{escape(ui['title'])}</h1>",
        f'<p class="sub">{escape(ui["generated"].format(version=__version__))} · '
        f'<time datetime="{generated_at().isoformat()}">{escape(ui["generated_at"].format(time=generated_at().strftime("%Y-%m-%d %H:%M UTC")))}</time> · '
        f'{escape(ui["n_files"].format(n=len(results), s="s" * (len(results) != 1)))}</p>',
        "</div></header>",
        '<main class="wrap">',
        _overview(results, ui),
        _chart(results, rules, lang),
        _table(results, lang, views),
        _static(results, lang),
        "</main>",
        _data(results, lang),
        f"<script>{script}</script>",
        "</body>",
        "</html>",
        "",
    ]
    for position, part in enumerate(parts):
        if position:
            yield "\n"
        if isinstance(part, str):
            yield part
        else:
            yield from part


def generated_at():
    """When the page was made (UTC, to the second); SOURCE_DATE_EPOCH fixes it for reproducible builds."""
    import datetime
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit() else datetime.datetime.now(datetime.timezone.utc)
    return moment.replace(microsecond=0)


# --- text helpers -----------------------------------------------------------------------------------


def clean(text: object) -> str:
    """Text a browser can carry: lone surrogates and control characters become a visible escape."""
    return _UNSAFE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", str(text)
    )


def _esc(text: object) -> str:
    return escape(clean(text), quote=True)


def _breakable(text: str) -> str:
    """Escaped, with a line-break opportunity after each / _ - (long paths wrap between their parts)."""
    return _BREAK_AFTER.sub(r"\1<wbr>", _esc(text))


def _units(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def shorten(text: str, units: int = _LABEL_UNITS) -> str:
    """`text` cut to `units` half-width columns (a CJK character counts two), with an ellipsis."""
    if sum(_units(c) for c in text) <= units:
        return text
    used, kept = 0, []
    for char in text:
        used += _units(char)
        if used > units - 1:
            break
        kept.append(char)
    return "".join(kept).rstrip(" ，,、（(") + "…"


def top_codes(result: FileResult, limit: int = TOP_CODES) -> list[tuple[str, int]]:
    return result.top_codes(limit)


# --- overview ---------------------------------------------------------------------------------------


def _overview(results: Collection[FileResult], ui: dict) -> str:
    s = summary(results)
    files = [
        ("files", "files", "#q="),
        ("passed", "pass", "#status=pass"),
        ("failed", "fail", "#status=fail"),
        ("unassessed", "error", "#status=error"),
    ]
    findings = [("errors", "error"), ("warnings", "warning"), ("infos", "info")]
    out = [f'<section class="overview" aria-label="{_esc(ui["overview"])}">', '<div class="cards">']
    for key, tone, href in files:
        out.append(
            f'<a class="card tone-{tone}" href="{href}" data-figure="{key}">'
            f'<span class="label">{_esc(ui[key])}</span><span class="value">{s[key]}</span></a>'
        )
    out.append('<span class="divider" aria-hidden="true"></span>')
    for key, tone in findings:
        out.append(
            f'<div class="card tone-{tone}" data-figure="{key}">'
            f'<span class="label">{_esc(ui[key])}</span><span class="value">{s[key]}</span></div>'
        )
    out.append("</div>")
    out.append(_status_bar(s, ui))
    out.append("</section>")
    return "\n".join(out)


def _status_bar(s: dict, ui: dict) -> str:
    """One thin stacked bar: the share of passed, failed and unassessed files."""
    total = s["files"]
    if not total:
        return ""
    x, rects = 0.0, []
    for key, tone in (("passed", "pass"), ("failed", "fail"), ("unassessed", "error")):
        width = 1000 * s[key] / total
        if width:
            label = f"{ui[key]}: {s[key]}"
            rects.append(
                f'<rect class="fill-{tone}" x="{x:.2f}" y="0" width="{width:.2f}" height="8"><title>{_esc(label)}</title></rect>'
            )
        x += width
    return (
        '<svg class="stack" viewBox="0 0 1000 8" preserveAspectRatio="none" role="img" '
        f'aria-label="{_esc(" / ".join(f"{ui[k]} {s[k]}" for k in ("passed", "failed", "unassessed")))}">'
        + "".join(rects)
        + "</svg>"
    )


# --- chart ------------------------------------------------------------------------------------------


def rule_counts(results: Iterable[FileResult]) -> list[tuple[str, int, int]]:
    """(code, findings, files) for the top codes: by severity (the most severe level a code was
    reported at), then most findings, ties by code; so infos never head the chart."""
    findings = Counter(d.code for r in results for d in r.diagnostics)
    files = Counter(code for r in results for code in {d.code for d in r.diagnostics})
    severity: dict[str, int] = {}
    for r in results:
        for d in r.diagnostics:
            severity[d.code] = max(severity.get(d.code, 0), d.severity.rank)
    ranked = sorted(findings.items(), key=lambda item: (-severity[item[0]], -item[1], item[0]))[:TOP_RULES]
    return [(code, count, files[code]) for code, count in ranked]


def _chart(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    ui = UI[lang]
    ranked = rule_counts(results)
    out = ['<section class="panel chart" aria-labelledby="chart-title">', '<div class="panel-head">',
           f'<h2 id="chart-title">{_esc(ui["chart"])}</h2>']
    if not ranked:
        out += ["</div>", f'<p class="empty">{_esc(ui["no_findings"])}</p>', "</section>"]
        return "\n".join(out)
    out.append(f'<p class="note">{_esc(ui["chart_note"].format(n=len(ranked)))}</p></div>')
    by_code = {rule.code: rule for rule in rules}
    severity: dict[str, Severity] = {}  # the most severe level each code was reported at
    for r in results:
        for d in r.diagnostics:
            if d.code not in severity or d.severity.rank > severity[d.code].rank:
                severity[d.code] = d.severity
    names = {d.code: d.name for r in results for d in r.diagnostics}
    row, top, bar_x, bar_w, width = 30, 6, 430, 560, 1150
    height = top * 2 + row * len(ranked)
    most = max(count for _, count, _ in ranked)
    out.append(
        f'<svg class="bars" viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="chart-title">'
    )
    for index, (code, count, files) in enumerate(ranked):
        rule = by_code.get(code)
        full = getattr(rule.summary, lang) if rule else names.get(code, "")
        y = top + index * row
        length = max(2.0, bar_w * count / most)
        tone = severity[code].value
        counted = ui["chart_count"].format(count=count, files=files, count_s="s" * (count != 1), files_s="s" * (files != 1))
        out.append(
            f'<a class="bar" href="#q={_esc(code)}" data-code="{_esc(code)}">'
            f"<title>{_esc(f'{code} {full} — {counted}')}</title>"
            f'<rect class="hit" x="0" y="{y}" width="{width}" height="{row}"></rect>'
            f'<text class="code" x="0" y="{y + 19}">{_esc(code)}</text>'
            f'<text class="summary" x="58" y="{y + 19}">{_esc(shorten(full))}</text>'
            f'<rect class="fill-{tone}" x="{bar_x}" y="{y + 7}" width="{length:.1f}" height="16" rx="3"></rect>'
            f'<text class="count" x="{bar_x + length + 8:.1f}" y="{y + 19}">{_esc(counted)}</text>'
            "</a>"
        )
    out.append("</svg>")
    out.append("</section>")
    return "\n".join(out)


# --- table ------------------------------------------------------------------------------------------


def _table(results: Collection[FileResult], lang: str, views=None) -> Iterator[str]:
    ui = UI[lang]
    total = len(results)
    shown = ui["shown"].format(shown=f'<b id="shown">{total}</b>', total=total, s="s" * (total != 1))
    options = [f'<option value="">{_esc(ui["all_status"])}</option>'] + [
        f'<option value="{key}">{_esc(STATUS[lang][key])}</option>' for key in ("fail", "error", "pass")
    ]
    out = [
        '<section class="panel files" id="files-section" aria-labelledby="files-title">',
        '<div class="panel-head">',
        f'<h2 id="files-title">{_esc(ui["table"])}</h2>',
        f'<p class="note" id="count">{shown}</p>',
        "</div>",
        '<div class="toolbar" role="search">',
        f'<label class="field grow"><span>{_esc(ui["filter"])}</span>'
        '<input type="search" id="q" autocomplete="off" spellcheck="false" '
        f'placeholder="{_esc(ui["filter_placeholder"])}"></label>',
        f'<label class="field"><span>{_esc(ui["status"])}</span><select id="status">{"".join(options)}</select></label>',
        "</div>",
        f'<noscript><p class="note">{_esc(ui["noscript"])}</p></noscript>',
        '<div class="table-wrap">',
        '<table id="files">',
        "<thead><tr>",
    ]
    for key, label, kind in COLUMNS:
        numeric = ' class="num"' if kind == "num" and key != "status" else ""
        out.append(
            f'<th scope="col" aria-sort="none"{numeric}><button type="button" data-key="{key}" data-type="{kind}">'
            f"{_esc(ui[label])}</button></th>"
        )
    out.append("</tr></thead>")
    out.append("<tbody>")
    yield "\n".join(out)
    for index, result in ranked_files(results):
        yield "\n" + _row(index, result, lang, views(index, result) if views else None)
    yield "\n" + "\n".join(["</tbody>", "</table>", "</div>", f'<p class="empty" id="nomatch" hidden>{_esc(ui["no_match"])}</p>', "</section>"])


def _rank(result: FileResult) -> int:
    """0 files with errors (including those that could not be assessed), 1 with warnings, 2 the rest."""
    if result.count(Severity.ERROR):
        return 0
    return 1 if result.count(Severity.WARNING) else 2


def ranked_files(results: Collection[FileResult]) -> Iterator[tuple[int, FileResult]]:
    """(input index, result): files with errors first, then with warnings, then the rest, each in
    input order. One walk per rank, so a run on disk is never held in memory."""
    for rank in range(3):
        for index, result in enumerate(results):
            if _rank(result) == rank:
                yield index, result


def _static(results: Collection[FileResult], lang: str) -> Iterator[str]:
    """Each file's findings as <details>, inside <noscript>: read without JavaScript, and never
    built into the page when scripts run (a browser with scripting treats it as text). Location,
    code, severity, message and section; the source excerpts stay in the scripted view (size)."""
    ui = UI[lang]
    yield f'<noscript><section class="panel static" aria-label="{_esc(ui["table"])}">'
    for index, result in ranked_files(results):
        if not result.diagnostics and not result.notes:
            continue
        counts = f"{result.count(Severity.ERROR)} {ui['errors']} · {result.count(Severity.WARNING)} {ui['warnings']} · {result.count(Severity.INFO)} {ui['infos']}"
        items = []
        for group in grouped(list(result.diagnostics)):
            if len(group) > 1:
                items.append(f'<li class="f-group">{_esc(suspect_heading(group[0].suspect, len(group), lang))}</li>')
            for d in group:
                item = finding(d)
                place = f' <span class="f-ctx">[{_esc(item["x"])}]</span>' if "x" in item else ""
                items.append(
                    f'<li class="finding sev-{_esc(d.severity.value)}"><span class="f-loc">{_esc(item["l"])}</span> '
                    f'<span class="f-code">{_esc(d.code)}</span> <span class="sev">{_esc(SEVERITY[lang].get(d.severity.value, d.severity.value))}</span> '
                    f'<span class="f-msg">{_esc(d.message)}</span>{place}</li>'
                )
        notes = "".join(f'<p class="f-notes">{_esc(note)}</p>' for note in result.notes)
        yield (f'\n<details data-i="{index}"><summary>{_esc(result.path)} — {_esc(counts)}</summary>{notes}'
               f'<ol class="findings">{"".join(items)}</ol></details>')
    yield "\n</section></noscript>"


def _row(index: int, result: FileResult, lang: str, view: str | None = None) -> str:
    ui = UI[lang]
    codes = sorted({d.code for d in result.diagnostics})
    search = "\n".join([result.path, result.issuer or "", *codes]).lower()
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    cut = max(result.path.rfind("/"), result.path.rfind("\\")) + 1
    folder, name = result.path[:cut], result.path[cut:]
    top = top_codes(result)
    chips = "".join(f'<span class="chip">{_esc(code)}<small>×{count}</small></span>' for code, count in top)
    more = len(codes) - len(top)
    if more > 0:
        chips += f'<span class="more">+{more}</span>'
    missing = '<span class="muted">—</span>'
    status = result.status
    link = f'<a class="view" href="{_esc(view)}">{_esc(ui["view"])}</a>' if view else ""
    return (
        f'<tr data-i="{index}" data-status="{_esc(status)}" data-search="{_esc(search)}">'
        f'<td class="path" data-v="{_esc(result.path)}"><div class="cell">'
        f'<button type="button" class="toggle" aria-expanded="false" aria-label="{_esc(ui["open"])}"></button>'
        f'<span class="name"><span class="dir">{_breakable(folder)}</span>{_breakable(name)}</span>{link}'
        "</div></td>"
        f'<td data-v="{_esc(result.issuer or "")}">{_esc(result.issuer) if result.issuer else missing}</td>'
        f'<td class="num" data-v="{result.year if result.year is not None else ""}">'
        f"{result.year if result.year is not None else missing}</td>"
        f'<td data-v="{_esc(result.template or "")}">{_esc(result.template) if result.template else missing}</td>'
        f'<td class="st" data-v="{_STATUS_RANK.get(status, 3)}">'
        f'<span class="badge st-{_esc(status)}">{_esc(STATUS[lang].get(status, status))}</span></td>'
        f'<td class="num{" hot-error" if errors else ""}" data-v="{errors}">{errors}</td>'
        f'<td class="num{" hot-warning" if warnings else ""}" data-v="{warnings}">{warnings}</td>'
        f'<td class="codes" data-v="{_esc(" ".join(code for code, _ in top))}">{chips}</td>'
        "</tr>"
    )


# --- embedded findings ------------------------------------------------------------------------------


def excerpt(d: Diagnostic) -> list | None:
    """[line number, before, flagged, after] of the source line, cut to a window around a long span."""
    line = d.source_line.replace("\t", " ")
    if not line.strip():
        return None
    start = min(max(d.column - 1, 0), len(line))
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = min(max(end, start + 1), len(line))
    before, flagged, after = line[:start], line[start:end], line[end:]
    if len(before) > WINDOW:
        before = "…" + before[-WINDOW:]
    if len(after) > WINDOW:
        after = after[:WINDOW] + "…"
    return [d.line, clean(before), clean(flagged), clean(after)]


def finding(d: Diagnostic, group: str | None = None) -> dict:
    """One finding for the page's script (short keys: the page may carry tens of thousands); `group`
    heads the findings one suspect cell explains."""
    context = [*d.section, *(part for part in (d.row, d.column_label) if part)]
    item = {
        "c": clean(d.code),
        "n": clean(d.name),
        "s": d.severity.value,
        "m": clean(d.message),
        "l": f"{d.line}:{d.column}" + clean(origin_note(d)),
    }
    if context:
        item["x"] = clean(" › ".join(context))
    if group:
        item["g"] = clean(group)
    if d.expected is not None:
        item["e"] = clean(d.expected)
    if d.actual is not None:
        item["a"] = clean(d.actual)
    source = excerpt(d)
    if source:
        item["src"] = source
    return item


def page_data(results: Iterable[FileResult], lang: str, collect=list) -> dict:
    """What the page's script shows per file; `collect=Lazy` leaves the files to be encoded while writing."""
    ui = UI[lang]
    labels = {key: ui[key] for key in ("location", "context", "expected", "actual", "source", "notes", "none")}
    return {
        "lang": lang,
        "ui": labels,
        "severity": SEVERITY[lang],
        "files": collect(
            {
                "p": clean(r.path),
                "d": [finding(d, suspect_heading(group[0].suspect, len(group), lang) if len(group) > 1 and position == 0 else None)
                      for group in grouped(list(r.diagnostics)) for position, d in enumerate(group)],
                **({"notes": [clean(note) for note in r.notes]} if r.notes else {}),
                **({"enc": clean(r.encoding)} if r.encoding else {}),
            }
            for r in results
        ),
    }


def embed_json(value: object) -> str:
    """JSON safe inside <script>: no `<`, `>` or `&` at all (so no `</script>` or `<!--`)."""
    return "".join(_embedded(value))


def _embedded(value: object) -> Iterator[str]:
    for text in json_chunks(value, indent=None):  # each escape is one character: safe piece by piece
        yield (
            text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        )


def _data(results: Collection[FileResult], lang: str) -> Iterator[str]:
    yield '<script type="application/json" id="reportlint-data">'
    yield from _embedded(page_data(results, lang, collect=Lazy))
    yield "</script>"


# --- style and script -------------------------------------------------------------------------------

_STYLE = """
:root{--bg:#f4f5f7;--panel:#fff;--line:#e3e6eb;--text:#1f2933;--muted:#6b7683;--accent:#1f4e8c;
--error:#c0392b;--error-bg:#fdecea;--warning:#b7791f;--warning-bg:#fdf4e3;--info:#2b6cb0;--info-bg:#e8f1fb;
--pass:#2f855a;--pass-bg:#e6f4ec;--unassessed:#6b46c1;--unassessed-bg:#f0ebfb;
--sans:system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;
--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono","Noto Sans Mono CJK SC",monospace}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;font:14px/1.55 var(--sans);color:var(--text)}
.wrap{max-width:1240px;margin:0 auto;padding:0 24px}
.page-head{background:var(--accent);color:#fff;padding:18px 0 16px;margin-bottom:20px;border-bottom:3px solid #163a69}
.page-head h1{margin:0;font-size:21px;font-weight:600;letter-spacing:.02em}
.page-head .sub{margin:4px 0 0;opacity:.82;font-size:13px}
h2{font-size:16px;margin:0;font-weight:600}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:16px 18px;margin-bottom:18px}
.panel-head{display:flex;align-items:baseline;gap:14px;flex-wrap:wrap;margin-bottom:10px}
.note{margin:0;color:var(--muted);font-size:13px}
.empty{color:var(--muted);margin:8px 0}
.overview{margin-bottom:18px}
.cards{display:flex;gap:10px;flex-wrap:wrap;align-items:stretch}
.card{flex:1 1 120px;background:var(--panel);border:1px solid var(--line);border-top:3px solid var(--muted);border-radius:8px;
padding:10px 14px;color:inherit;text-decoration:none;display:flex;flex-direction:column;justify-content:space-between;min-width:110px}
a.card:hover{box-shadow:0 1px 4px rgba(15,23,42,.12)}
.card .label{font-size:12.5px;color:var(--muted)}
.card .value{font-size:26px;font-weight:600;font-variant-numeric:tabular-nums;line-height:1.25}
.divider{width:1px;background:var(--line);margin:0 4px}
.tone-files{border-top-color:var(--accent)}.tone-pass{border-top-color:var(--pass)}.tone-fail,.tone-error{border-top-color:var(--error)}
.tone-warning{border-top-color:var(--warning)}.tone-info{border-top-color:var(--info)}
.cards a.tone-error{border-top-color:var(--unassessed)}
.tone-pass .value{color:var(--pass)}.tone-fail .value,div.tone-error .value{color:var(--error)}
a.tone-error .value{color:var(--unassessed)}.tone-warning .value{color:var(--warning)}.tone-info .value{color:var(--info)}
.stack{display:block;width:100%;height:8px;margin-top:10px;border-radius:4px;overflow:hidden;background:var(--line)}
.fill-pass{fill:var(--pass)}.fill-fail{fill:var(--error)}.fill-error{fill:var(--error)}.fill-warning{fill:var(--warning)}.fill-info{fill:var(--info)}
.stack .fill-error{fill:var(--unassessed)}
.bars{display:block;max-width:1150px}
.bars text{font-family:var(--sans);font-size:13px;fill:var(--text)}
.bars .code{font-family:var(--mono);font-weight:600;font-size:12.5px}
.bars .summary{fill:#3e4c59}.bars .count{fill:var(--muted);font-size:12px}
.bars .hit{fill:transparent}.bars a:hover .hit{fill:#f1f4f9}
.bars a{cursor:pointer}
.toolbar{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:12px}
.field{display:flex;align-items:center;gap:8px;font-size:13px;color:var(--muted)}
.field.grow{flex:1 1 320px}
.field input,.field select{font:inherit;color:var(--text);border:1px solid #cbd2d9;border-radius:6px;padding:6px 10px;background:#fff}
.field input{flex:1;min-width:0}
.field input:focus,.field select:focus{outline:2px solid #9dbbe6;outline-offset:0;border-color:var(--accent)}
.table-wrap{overflow:clip;border:1px solid var(--line);border-radius:6px}
@media (max-width:900px){.table-wrap{overflow-x:auto}}
table{border-collapse:collapse;width:100%;font-size:13.5px}
thead th{position:sticky;top:0;background:#f8f9fb;border-bottom:1px solid var(--line);text-align:left;padding:0;white-space:nowrap;z-index:1}
th button{all:unset;box-sizing:border-box;display:block;width:100%;padding:8px 10px;cursor:pointer;font-weight:600;color:#3e4c59}
th button:hover{background:#eef1f5}
th button:focus-visible{outline:2px solid #9dbbe6}
th button::after{content:"";display:inline-block;width:1.1em;color:var(--muted);font-weight:400}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
th.num button{text-align:right}
tbody tr[data-i]{border-top:1px solid var(--line);cursor:pointer}
tbody tr[data-i]:first-child{border-top:0}
tbody tr[data-i]:hover{background:#f7f9fc}
tbody tr.open{background:#f1f5fb}
td{padding:7px 10px;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums;padding-right:calc(10px + 1.1em)}
td.hot-error{color:var(--error);font-weight:600}td.hot-warning{color:var(--warning);font-weight:600}
td.path{min-width:300px;width:36%}
td.path .cell{display:flex;align-items:flex-start;gap:6px}
td.num,td.st{white-space:nowrap}
.name{overflow-wrap:break-word;min-width:0}.dir{color:var(--muted)}
.view{flex:none;font-size:12px;color:var(--accent);white-space:nowrap}
.toggle{all:unset;flex:none;display:inline-block;width:16px;height:16px;margin-top:2px;cursor:pointer;border-radius:3px;text-align:center;line-height:16px;color:var(--muted)}
.toggle::before{content:"▸"}.toggle[aria-expanded=true]::before{content:"▾";color:var(--accent)}
.toggle:focus-visible{outline:2px solid #9dbbe6}
.muted{color:#aab2bd}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.st-pass{background:var(--pass-bg);color:var(--pass)}.st-fail{background:var(--error-bg);color:var(--error)}
.st-error{background:var(--unassessed-bg);color:var(--unassessed)}
.chip{display:inline-block;font-family:var(--mono);font-size:12px;background:#eef1f5;border-radius:4px;padding:0 6px;margin:1px 4px 1px 0;white-space:nowrap}
.chip small{color:var(--muted);margin-left:2px;font-size:11px}
.more{font-size:12px;color:var(--muted)}
tr.detail>td{padding:4px 14px 14px 36px;background:#f1f5fb;cursor:auto}
.findings{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.finding{background:#fff;border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:6px;padding:9px 12px}
.finding.sev-error{border-left-color:var(--error)}.finding.sev-warning{border-left-color:var(--warning)}.finding.sev-info{border-left-color:var(--info)}
.f-head{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.sev{font-size:11.5px;font-weight:600;border-radius:3px;padding:0 6px}
.sev-error .sev{background:var(--error-bg);color:var(--error)}.sev-warning .sev{background:var(--warning-bg);color:var(--warning)}
.sev-info .sev{background:var(--info-bg);color:var(--info)}
.f-code{font-family:var(--mono);font-weight:600}.f-name{color:var(--muted);font-size:12.5px}
.f-loc{margin-left:auto;font-family:var(--mono);font-size:12px;color:var(--muted)}
.f-msg{margin:4px 0 0;overflow-wrap:anywhere}
.f-group{list-style:none;font-weight:600;margin:6px 0 -2px}
.static details{border-top:1px solid var(--line);padding:6px 0}.static summary{cursor:pointer;overflow-wrap:anywhere}
.f-meta{display:flex;flex-wrap:wrap;gap:4px 18px;margin:6px 0 0;font-size:12.5px}
.f-meta div{display:flex;gap:6px}.f-meta dt{color:var(--muted)}.f-meta dd{margin:0;overflow-wrap:anywhere}
.f-meta .exp dd{color:var(--pass);font-weight:600}.f-meta .act dd{color:var(--error);font-weight:600}
.src{margin:8px 0 0;padding:6px 10px;background:#f8f9fb;border:1px solid var(--line);border-radius:4px;
font:12.5px/1.6 var(--mono);white-space:pre-wrap;overflow-wrap:anywhere}
.src .ln{color:#9aa5b1;user-select:none;margin-right:12px}
mark{background:#ffe08a;color:inherit;border-radius:2px;box-shadow:0 -2px 0 #e0a800 inset;padding:0 1px}
mark:empty::after{content:"⌃";color:var(--error)}
.f-notes{margin:0 0 8px;color:var(--muted);font-size:12.5px}
@media print{.toolbar,.toggle,noscript{display:none}.page-head{background:none;color:var(--text)}}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("reportlint-data").textContent);
  var T = data.ui, SEV = data.severity;
  var table = document.getElementById("files"), tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr[data-i]"));
  var q = document.getElementById("q"), statusSelect = document.getElementById("status");
  var shown = document.getElementById("shown"), nomatch = document.getElementById("nomatch");
  var heads = Array.prototype.slice.call(table.tHead.querySelectorAll("th"));
  var ncols = heads.length, details = {}, sortKey = "", sortDir = 1;
  var collator = window.Intl ? new Intl.Collator(data.lang === "zh" ? "zh-CN" : "en", {numeric: true}) : null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function isOpen(row) { return row.classList.contains("open"); }

  function applyFilter() {
    var terms = q.value.toLowerCase().split(/\s+/).filter(Boolean), status = statusSelect.value, count = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i], hay = row.getAttribute("data-search"), ok = !status || row.getAttribute("data-status") === status;
      for (var j = 0; ok && j < terms.length; j++) ok = hay.indexOf(terms[j]) !== -1;
      row.hidden = !ok;
      var detail = details[row.getAttribute("data-i")];
      if (detail) detail.hidden = !ok || !isOpen(row);
      if (ok) count++;
    }
    shown.textContent = String(count);
    nomatch.hidden = count !== 0;
    table.setAttribute("data-shown", String(count));
  }

  function sortBy(key, dir) {
    var index = -1;
    heads.forEach(function (th, i) { if (th.querySelector("button").getAttribute("data-key") === key) index = i; });
    if (index < 0) return;
    var numeric = heads[index].querySelector("button").getAttribute("data-type") === "num";
    var keyed = rows.map(function (row) {
      var v = row.cells[index].getAttribute("data-v");
      if (v === null) v = row.cells[index].textContent;
      return {row: row, v: numeric ? (v === "" ? NaN : parseFloat(v)) : v, i: +row.getAttribute("data-i")};
    });
    keyed.sort(function (a, b) {
      var ma = numeric ? isNaN(a.v) : a.v === "", mb = numeric ? isNaN(b.v) : b.v === "";
      if (ma || mb) return ma && mb ? a.i - b.i : (ma ? 1 : -1);  // missing values last, either way
      var c = numeric ? a.v - b.v : (collator ? collator.compare(a.v, b.v) : (a.v < b.v ? -1 : a.v > b.v ? 1 : 0));
      return c * dir || a.i - b.i;
    });
    rows = keyed.map(function (k) { return k.row; });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) {
      fragment.appendChild(row);
      var detail = details[row.getAttribute("data-i")];
      if (detail) fragment.appendChild(detail);
    });
    tbody.appendChild(fragment);
    heads.forEach(function (th, i) {
      th.setAttribute("aria-sort", i === index ? (dir > 0 ? "ascending" : "descending") : "none");
    });
    sortKey = key; sortDir = dir;
  }

  function buildDetail(i) {
    var file = data.files[i], tr = el("tr", "detail"), td = el("td");
    tr.setAttribute("data-for", String(i));
    td.colSpan = ncols;
    tr.appendChild(td);
    if (file.notes && file.notes.length) td.appendChild(el("p", "f-notes", T.notes + "：" + file.notes.join("；")));
    if (!file.d.length) { td.appendChild(el("p", "empty", T.none)); return tr; }
    var list = el("ol", "findings");
    file.d.forEach(function (d) {
      if (d.g) list.appendChild(el("li", "f-group", d.g));
      var item = el("li", "finding sev-" + d.s), head = el("div", "f-head");
      head.appendChild(el("span", "sev", SEV[d.s] || d.s));
      head.appendChild(el("span", "f-code", d.c));
      head.appendChild(el("span", "f-name", d.n));
      var loc = el("span", "f-loc", d.l);
      loc.title = T.location;
      head.appendChild(loc);
      item.appendChild(head);
      item.appendChild(el("p", "f-msg", d.m));
      var meta = el("dl", "f-meta"), any = false;
      [["x", T.context, "ctx"], ["e", T.expected, "exp"], ["a", T.actual, "act"]].forEach(function (f) {
        if (d[f[0]] === undefined) return;
        var box = el("div", f[2]);
        box.appendChild(el("dt", null, f[1]));
        box.appendChild(el("dd", null, d[f[0]]));
        meta.appendChild(box);
        any = true;
      });
      if (any) item.appendChild(meta);
      if (d.src) {
        var pre = el("pre", "src");
        pre.title = T.source;
        pre.appendChild(el("span", "ln", d.src[0]));
        pre.appendChild(document.createTextNode(d.src[1]));
        pre.appendChild(el("mark", null, d.src[2]));
        pre.appendChild(document.createTextNode(d.src[3]));
        item.appendChild(pre);
      }
      list.appendChild(item);
    });
    td.appendChild(list);
    return tr;
  }

  function toggle(row, open) {
    var i = row.getAttribute("data-i"), detail = details[i];
    if (open === undefined) open = !isOpen(row);
    if (open && !detail) {
      detail = details[i] = buildDetail(+i);
      row.parentNode.insertBefore(detail, row.nextSibling);
    }
    if (detail) detail.hidden = !open || row.hidden;
    row.classList.toggle("open", open);
    row.querySelector(".toggle").setAttribute("aria-expanded", String(open));
  }

  function writeHash() {
    var params = [];
    if (q.value) params.push("q=" + encodeURIComponent(q.value));
    if (statusSelect.value) params.push("status=" + encodeURIComponent(statusSelect.value));
    if (sortKey) params.push("sort=" + (sortDir < 0 ? "-" : "") + sortKey);
    var url = location.pathname + location.search + (params.length ? "#" + params.join("&") : "");
    try { history.replaceState(null, "", url); } catch (e) { /* some file:// contexts refuse */ }
  }

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    q.value = params.get("q") || "";
    var status = params.get("status") || "";
    statusSelect.value = /^(pass|fail|error)$/.test(status) ? status : "";
    var sort = params.get("sort");
    if (sort) sortBy(sort.replace(/^-/, ""), sort.charAt(0) === "-" ? -1 : 1);
    applyFilter();
    var open = params.get("open");
    if (open) {
      for (var i = 0; i < rows.length; i++) {
        if (data.files[+rows[i].getAttribute("data-i")].p === open) {
          toggle(rows[i], true);
          if (rows[i].scrollIntoView) rows[i].scrollIntoView({block: "nearest"});
          break;
        }
      }
    }
  }

  var timer = 0;
  q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { applyFilter(); writeHash(); }, rows.length > 500 ? 120 : 0);
  });
  statusSelect.addEventListener("change", function () { applyFilter(); writeHash(); });
  heads.forEach(function (th) {
    var button = th.querySelector("button");
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-key");
      var numeric = button.getAttribute("data-type") === "num";
      sortBy(key, key === sortKey ? -sortDir : (numeric ? -1 : 1));  // counts: largest first
      writeHash();
    });
  });
  tbody.addEventListener("click", function (event) {
    var row = event.target.closest("tr[data-i]");
    if (!row || event.target.closest("a.view")) return;  // the link opens the file's report view
    var selection = window.getSelection && window.getSelection();
    if (selection && String(selection) && !event.target.closest(".toggle")) return;  // selecting text, not opening
    toggle(row);
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.bar, a.card");
    if (!link) return;
    setTimeout(function () {
      var section = document.getElementById("files-section");
      if (section.scrollIntoView) section.scrollIntoView({block: "start", behavior: "smooth"});
    }, 0);
  });
  window.addEventListener("hashchange", readHash);
  readHash();
  document.documentElement.setAttribute("data-ready", "true");
})();
"""
