"""The server's HTML pages: upload, one file's result, the rules, the API documentation.

Chinese by default, English with `?lang=en`. Every value from a report or a request goes through
`html.escape`; the pages load one style sheet and one script from this server and nothing else
(the Content-Security-Policy header says so). A batch's page is the `--format html` review page
itself (reportlint.formats.html) with a panel of downloads and links added (`batch_panel`).
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from .. import __version__
from ..api import Rule, Severity
from ..formats.html import clean, excerpt
from ..lint import FileResult
from .decisions import Reviewed
from .static import VERSION
from .uploads import ACCEPTED

REPORTS = ACCEPTED.replace(" .zip", "")

UI = {
    "zh": {
        "html_lang": "zh-CN", "brand": "年报检查", "nav_upload": "上传检查", "nav_rules": "规则说明", "nav_docs": "API 文档",
        "switch": "English", "upload_title": "上传政府信息公开工作年度报告",
        "upload_lead": "把一份或多份报告拖到下面（" + REPORTS + "，或它们的 .zip 压缩包），检查结果立刻显示。上传的文件只用于检查：结果页和文件副本只有持有结果链接的人能打开，{days} 天后自动删除；服务器不提供任何上传列表。",
        "drop": "拖放文件到这里", "or_pick": "或选择文件：", "send": "开始检查", "none": "请先选择文件",
        "uploading": "正在上传… {p}%", "checking": "正在检查 {n} 个文件…", "progress": "已检查 {done} / {total} 个文件…", "done": "检查完成，正在打开结果…", "failed": "上传失败",
        "limits": "单个文件最大 {file_mb} MB，一次最多 {files} 个文件、共 {request_mb} MB；每个文件最多检查 {timeout} 秒。",
        "decisions_title": "审核决定", "decisions_lead": "已标记为「已核实」或「不是问题」的问题可导出为基线文件（与命令行 `reportlint check --baseline` 通用），也可导入。",
        "export": "导出基线文件", "import": "导入基线文件", "import_send": "导入",
        "file_title": "检查结果：{name}", "status": {"pass": "通过", "fail": "有错误", "error": "无法评估"},
        "errors": "错误", "warnings": "警告", "infos": "提示", "accepted_n": "已接受",
        "downloads": "下载", "dl_json": "JSON", "dl_sarif": "SARIF", "dl_csv": "CSV", "dl_docx": "带批注的 Word 文件",
        "back_batch": "返回本批次（{n} 个文件）", "findings": "问题", "no_findings": "未发现问题。",
        "severity": {"error": "错误", "warning": "警告", "info": "提示"},
        "expected": "应为", "actual": "实际", "location": "位置",
        "kind": {"verified": "已核实", "not-a-problem": "不是问题", "baseline": "基线已接受"},
        "accept": "接受", "note": "说明（可选）", "withdraw": "撤销", "accepted_on": "已接受：",
        "batch_files": "各文件的检查结果", "batch_hidden": "已接受的 {n} 条问题不计入以下统计。",
        "rules_title": "规则说明", "rules_lead": "共 {n} 条规则（含配置中的规则包 {packs} 条）。",
        "col_rule": "规则", "col_text": "说明", "bad": "错误示例", "good": "正确示例", "source": "来源",
        "docs_title": "API 文档", "docs_lead": "机器可读的 OpenAPI 描述：", "token_note": "启用 --token 时，/api/ 下的接口须带请求头 Authorization: Bearer <token>。",
        "notes": "说明", "view": "报告原文与问题标注", "view_alone": "单独打开",
    },
    "en": {
        "html_lang": "en", "brand": "reportlint", "nav_upload": "Upload", "nav_rules": "Rules", "nav_docs": "API docs",
        "switch": "中文", "upload_title": "Check annual information-disclosure reports",
        "upload_lead": "Drop one or more reports below (" + REPORTS + ", or a .zip of them) and see the result at once. Uploads are used for checking only: the result pages and the copies of the files open only with the result's link and are deleted after {days} days; the server lists no uploads.",
        "drop": "Drop files here", "or_pick": "or choose files:", "send": "Check", "none": "choose a file first",
        "uploading": "Uploading… {p}%", "checking": "Checking {n} file(s)…", "progress": "Checked {done} of {total} files…", "done": "Done, opening the result…", "failed": "Upload failed",
        "limits": "At most {file_mb} MB per file, {files} files and {request_mb} MB per upload; each file is checked for at most {timeout} s.",
        "decisions_title": "Reviewers' decisions", "decisions_lead": "Findings marked 'verified' or 'not a problem' can be exported as a baseline file (the same as `reportlint check --baseline` reads), and imported.",
        "export": "Export baseline file", "import": "Import a baseline file", "import_send": "Import",
        "file_title": "Result: {name}", "status": {"pass": "passed", "fail": "errors", "error": "not assessed"},
        "errors": "errors", "warnings": "warnings", "infos": "infos", "accepted_n": "accepted",
        "downloads": "Downloads", "dl_json": "JSON", "dl_sarif": "SARIF", "dl_csv": "CSV", "dl_docx": "Word copy with comments",
        "back_batch": "Back to the batch ({n} files)", "findings": "Findings", "no_findings": "No findings.",
        "severity": {"error": "error", "warning": "warning", "info": "info"},
        "expected": "expected", "actual": "actual", "location": "location",
        "kind": {"verified": "verified", "not-a-problem": "not a problem", "baseline": "accepted by baseline"},
        "accept": "Accept", "note": "note (optional)", "withdraw": "Withdraw", "accepted_on": "Accepted: ",
        "batch_files": "Each file's result", "batch_hidden": "{n} accepted finding(s) are not counted below.",
        "rules_title": "Rules", "rules_lead": "{n} rules ({packs} from the configured rule packs).",
        "col_rule": "rule", "col_text": "explanation", "bad": "bad", "good": "good", "source": "source",
        "docs_title": "API documentation", "docs_lead": "The machine-readable OpenAPI description: ",
        "token_note": "With --token, the endpoints under /api/ need the header Authorization: Bearer <token>.",
        "notes": "notes", "view": "The report with its findings in place", "view_alone": "open on its own",
    },
}


def _e(value: object) -> str:
    return escape(clean("" if value is None else value))


def with_lang(url: str, lang: str) -> str:
    if lang != "en":
        return url
    return url + ("&" if "?" in url else "?") + "lang=en"


def layout(title: str, body: str, lang: str, here: str) -> str:
    ui = UI[lang]
    other = here if lang == "en" else with_lang(here, "en")
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{ui["html_lang"]}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="referrer" content="no-referrer">', '<link rel="icon" href="data:,">',
        f"<title>{_e(title)} · reportlint</title>", f'<link rel="stylesheet" href="/static/app.css?v={VERSION}">',
        "</head>", "<body>",
        '<header class="top"><div class="wrap">', f'<h1>{_e(ui["brand"])}</h1>', "<nav>",
        f'<a href="{with_lang("/", lang)}">{_e(ui["nav_upload"])}</a>', f'<a href="{with_lang("/rules", lang)}">{_e(ui["nav_rules"])}</a>',
        f'<a href="{with_lang("/docs", lang)}">{_e(ui["nav_docs"])}</a>',
        f'<a class="lang" href="{escape(other)}">{_e(ui["switch"])}</a>', "</nav>", "</div></header>",
        f'<main class="wrap">{body}</main>',
        f'<footer class="wrap muted small"><p>reportlint {_e(__version__)}</p></footer>',
        f'<script src="/static/app.js?v={VERSION}"></script>', "</body>", "</html>", "",
    ])


def upload_page(lang: str, *, file_mb: int, request_mb: int, files: int, timeout: float, days: float) -> str:
    ui = UI[lang]
    body = f"""
<section class="panel">
<h2>{_e(ui["upload_title"])}</h2>
<p>{_e(ui["upload_lead"].format(days=f"{days:g}"))}</p>
<form id="upload" method="post" action="{with_lang("/check", lang)}" enctype="multipart/form-data" data-lang="{lang}" data-none="{_e(ui["none"])}"
 data-uploading="{_e(ui["uploading"])}" data-checking="{_e(ui["checking"])}" data-progress="{_e(ui["progress"])}" data-done="{_e(ui["done"])}" data-failed="{_e(ui["failed"])}">
<input type="hidden" name="lang" value="{lang}">
<label class="drop" id="drop"><strong>{_e(ui["drop"])}</strong><span class="muted">{_e(ui["or_pick"])}</span>
<input type="file" id="files" name="files" multiple accept=".txt,.md,.markdown,.docx,.html,.htm,.pdf,.zip"></label>
<ul id="chosen"></ul>
<p><button type="submit" id="send">{_e(ui["send"])}</button></p>
<progress id="progress" hidden></progress>
<p id="status" role="status" aria-live="polite"></p>
</form>
<p class="muted small">{_e(ui["limits"].format(file_mb=file_mb, request_mb=request_mb, files=files, timeout=f"{timeout:g}"))}</p>
</section>
<section class="panel">
<h2>{_e(ui["decisions_title"])}</h2>
<p>{_e(ui["decisions_lead"])}</p>
<p class="downloads"><a class="button plain" href="/api/decisions" download="reportlint-baseline.json">{_e(ui["export"])}</a></p>
<form method="post" action="/api/decisions" enctype="multipart/form-data" class="import">
<label>{_e(ui["import"])}: <input type="file" name="file" accept=".json"></label> <button type="submit" class="plain">{_e(ui["import_send"])}</button>
</form>
</section>"""
    return layout(ui["upload_title"], body, lang, "/")


def _counts(result: FileResult, accepted: int, lang: str) -> str:
    ui = UI[lang]
    items = [(ui["errors"], result.count(Severity.ERROR)), (ui["warnings"], result.count(Severity.WARNING)),
             (ui["infos"], result.count(Severity.INFO))]
    if accepted:
        items.append((ui["accepted_n"], accepted))
    return '<div class="counts">' + "".join(f"<span><b>{n}</b> {_e(label)}</span>" for label, n in items) + "</div>"


def file_page(batch_id: str, index: int, files: int, reviewed: Reviewed, lang: str, *, docx: bool, view: bool) -> str:
    """One file: its verdict, downloads, the document view (when the annotate view is available)
    and each finding with its source line and the reviewer's decision."""
    ui = UI[lang]
    result, effective = reviewed.result, reviewed.effective
    base = f"/b/{batch_id}/f/{index}"
    downloads = [(f"{base}/report.json", ui["dl_json"]), (f"{base}/report.sarif", ui["dl_sarif"])]
    if docx:
        downloads.append((f"{base}/annotated.docx", ui["dl_docx"]))
    parts = [
        '<section class="panel">',
        f'<h2>{_e(ui["file_title"].format(name=result.path))} <span class="badge st-{_e(effective.status)}">'
        f'{_e(ui["status"].get(effective.status, effective.status))}</span></h2>',
        _counts(effective, reviewed.accepted, lang),
        '<p class="downloads">' + "".join(f'<a class="button plain" href="{escape(with_lang(url, lang))}">{_e(label)}</a>' for url, label in downloads),
        (f' <a href="{escape(with_lang(f"/b/{batch_id}", lang))}">{_e(ui["back_batch"].format(n=files))}</a>' if files > 1 else ""),
        "</p>",
        *(f'<p class="muted small">{_e(ui["notes"])}: {_e(note)}</p>' for note in result.notes),
        "</section>",
    ]
    if view:
        url = escape(with_lang(f"{base}/view", lang))
        parts += ['<section class="panel" id="document">',
                  f'<div class="panel-head"><h2>{_e(ui["view"])}</h2> <a href="{url}">{_e(ui["view_alone"])}</a></div>',
                  f'<iframe class="view" id="report-view" src="{url}" sandbox="allow-scripts" title="{_e(ui["view"])}"></iframe>', "</section>"]
    parts += ['<section class="panel">', f'<h2>{_e(ui["findings"])}</h2>']
    if not result.diagnostics:
        parts.append(f'<p class="muted">{_e(ui["no_findings"])}</p>')
    else:
        parts.append('<ol class="findings">')
        for number, (d, decision) in enumerate(zip(result.diagnostics, reviewed.decisions)):
            parts.append(_finding(base, number, d, decision, lang))
        parts.append("</ol>")
    parts.append("</section>")
    return layout(ui["file_title"].format(name=result.path), "\n".join(parts), lang, base)


def _finding(base: str, number: int, d, decision, lang: str) -> str:
    ui = UI[lang]
    severity = d.severity.value
    where = d.origin_text or f"{d.line}:{d.column}"
    context = " › ".join([*d.section, *(part for part in (d.row, d.column_label) if part)])
    head = (f'<div class="finding-head"><span class="badge sev-{severity}">{_e(ui["severity"][severity])}</span>'
            f'<a class="code" href="{escape(with_lang("/rules", lang))}#{_e(d.code)}">{_e(d.code)}</a>'
            f'<span class="muted small">{_e(d.name)}</span><span class="where">{_e(ui["location"])} {_e(where)}'
            f'{(" · " + _e(context)) if context else ""}</span></div>')
    body = [f'<div class="message">{_e(d.message)}</div>']
    figures = [f'{_e(ui[key])} <b>{_e(value)}</b>' for key, value in (("expected", d.expected), ("actual", d.actual)) if value is not None]
    if d.expected is not None and figures:  # an arithmetic finding: what it should be and what it is
        body.append(f'<div class="small">{" · ".join(figures)}</div>')
    source = excerpt(d)
    if source:
        line, before, flagged, after = source
        body.append(f'<div class="src sev-{severity[0]}"><span class="ln">{line}</span>{escape(before)}<mark>{escape(flagged)}</mark>{escape(after)}</div>')
    if decision is not None:
        body.append(f'<div class="decision"><span class="badge accepted-badge">{_e(ui["kind"].get(decision.kind, decision.kind))}</span> '
                    f'{_e(decision.note)} <button type="button" class="plain withdraw" data-url="{escape(base)}/decisions/{number}">'
                    f'{_e(ui["withdraw"])}</button> <span class="problem"></span></div>')
    elif d.code not in ("RL001", "RL002", "RL004"):
        body.append(
            f'<form class="decide" method="post" action="{escape(base)}/decisions" data-finding="{number}">'
            f'<select name="kind"><option value="verified">{_e(ui["kind"]["verified"])}</option>'
            f'<option value="not-a-problem">{_e(ui["kind"]["not-a-problem"])}</option></select>'
            f'<input type="text" name="note" maxlength="2000" placeholder="{_e(ui["note"])}">'
            f'<button type="submit" class="plain">{_e(ui["accept"])}</button><span class="problem"></span></form>')
    state = " accepted" if decision is not None else ""
    return f'<li class="finding{state}" id="finding-{number}" data-code="{_e(d.code)}">{head}{"".join(body)}</li>'


def batch_panel(batch_id: str, reviewed: list[Reviewed], lang: str) -> str:
    """Added to the review page: downloads, and each file linked to its own page."""
    ui = UI[lang]
    base = f"/b/{batch_id}"
    hidden = sum(r.accepted for r in reviewed)
    links = "".join(
        f'<li><a href="{escape(with_lang(f"{base}/f/{i}", lang))}">{_e(r.result.path)}</a> '
        f'<span class="badge st-{_e(r.effective.status)}">{_e(ui["status"].get(r.effective.status, r.effective.status))}</span></li>'
        for i, r in enumerate(reviewed)
    )
    downloads = " · ".join(
        f'<a href="{escape(with_lang(f"{base}/report.{kind}", lang))}" download>{label}</a>' for kind, label in (("csv", "CSV"), ("json", "JSON"), ("sarif", "SARIF"))
    )
    note = f'<p class="note">{_e(ui["batch_hidden"].format(n=hidden))}</p>' if hidden else ""
    return (f'<section class="panel" id="serve-batch"><div class="panel-head"><h2>{_e(ui["downloads"])}</h2>'
            f'<span>{downloads}</span><a href="{with_lang("/", lang)}">{_e(ui["nav_upload"])}</a></div>{note}'
            f'<details id="serve-list"><summary>{_e(ui["batch_files"])} ({len(reviewed)})</summary>'
            f'<ol id="serve-files">{links}</ol></details></section>')


def rules_page(rules: tuple[Rule, ...], packs: int, lang: str) -> str:
    ui = UI[lang]
    rows = []
    for rule in rules:
        rows.append(
            f'<tr id="{_e(rule.code)}"><td><span class="code">{_e(rule.code)}</span><br><span class="muted small">{_e(rule.name)}</span><br>'
            f'<span class="badge sev-{rule.severity.value}">{_e(ui["severity"][rule.severity.value])}</span>'
            f'<br><span class="muted small">{_e(ui["source"])}: {_e(rule.source)}</span></td>'
            f'<td><b>{_e(getattr(rule.summary, lang))}</b><p>{_e(getattr(rule.explanation, lang))}</p>'
            f'<div class="small">{_e(ui["bad"])}</div><pre>{_e(rule.bad)}</pre><div class="small">{_e(ui["good"])}</div><pre>{_e(rule.good)}</pre></td></tr>'
        )
    body = (f'<section class="panel"><h2>{_e(ui["rules_title"])}</h2><p>{_e(ui["rules_lead"].format(n=len(rules), packs=packs))}</p>'
            f'<table class="rules"><thead><tr><th>{_e(ui["col_rule"])}</th><th>{_e(ui["col_text"])}</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></section>')
    return layout(ui["rules_title"], body, lang, "/rules")


def docs_page(openapi: dict, lang: str) -> str:
    """The OpenAPI description read out as a page (no Swagger UI: it would load scripts from elsewhere)."""
    import json

    ui = UI[lang]
    items = []
    for path, methods in openapi.get("paths", {}).items():
        for method, operation in methods.items():
            params = ", ".join(f'{p.get("name")} ({p.get("in")})' for p in operation.get("parameters", []))
            request = operation.get("requestBody", {}).get("content", {})
            responses = ", ".join(f"{code} {r.get('description', '')}" for code, r in operation.get("responses", {}).items())
            items.append(
                f'<div class="endpoint" id="{_e(quote(method + path, safe=""))}"><span class="method">{_e(method.upper())}</span>'
                f'<span class="code">{_e(path)}</span> — {_e(operation.get("summary", ""))}'
                f'<p>{_e(operation.get("description", ""))}</p>'
                + (f'<p class="small">parameters: {_e(params)}</p>' if params else "")
                + (f'<p class="small">request: {_e(", ".join(request))}</p>' if request else "")
                + f'<p class="small">responses: {_e(responses)}</p></div>'
            )
    schemas = json.dumps(openapi.get("components", {}).get("schemas", {}), ensure_ascii=False, indent=1)
    body = (f'<section class="panel"><h2>{_e(ui["docs_title"])}</h2><p>{_e(ui["docs_lead"])}<a href="/openapi.json">/openapi.json</a></p>'
            f'<p class="muted">{_e(ui["token_note"])}</p>{"".join(items)}<h2>schemas</h2><pre class="schema">{_e(schemas)}</pre></section>')
    return layout(ui["docs_title"], body, lang, "/docs")
