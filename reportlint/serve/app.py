"""The FastAPI application: pages, the JSON API, reviewers' decisions, errors as JSON.

FastAPI (on Starlette) rather than bare Starlette: the OpenAPI description is generated from the
routes themselves, so `/openapi.json` cannot drift from what the server does, and pydantic (already
a dependency of reportlint) validates the small JSON bodies. Uploads are parsed by Starlette's
python-multipart form reader with its own bounds, inside a body-size limit; the checking itself
runs in a thread that holds worker slots (pool.py), so the event loop keeps answering.
"""

from __future__ import annotations

import hmac
import logging
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..formats import render
from ..formats import html as review_html
from .batches import BatchStore
from .decisions import DecisionStore
from .engine import Engine
from .limits import BodyLimit, BodyTooLarge
from .messages import ServeError, lang_of
from .pages import batch_panel, docs_page, file_page, rules_page, upload_page
from .static import CSS, JS
from .uploads import UploadLimits, remove, stage
from . import views

log = logging.getLogger("reportlint.serve")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
_PROGRESS = re.compile(r"^[0-9a-f]{32}$")
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
MEDIA = {"json": "application/json", "sarif": "application/sarif+json", "csv": "text/csv; charset=utf-8"}


@dataclass(frozen=True)
class Services:
    engine: Engine
    batches: BatchStore
    decisions: DecisionStore
    limits: UploadLimits
    tmp: Path
    token: str | None = None
    keep_days: float = 7


class DecisionIn(BaseModel):
    finding: int = Field(ge=0, description="the finding's position in the file's list of findings")
    kind: str = Field(pattern="^(verified|not-a-problem)$", description="verified (已核实) or not-a-problem (不是问题)")
    note: str = Field(default="", max_length=2000)


_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["file"],
            "properties": {"file": {"type": "array", "items": {"type": "string", "format": "binary"},
                                    "description": "one report (.txt .md .docx .html .pdf) or a .zip of them; may be repeated"}},
        }}},
    }
}


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


def create_app(services: Services) -> FastAPI:
    app = FastAPI(
        title="reportlint serve", version=__version__, docs_url=None, redoc_url=None,
        description="政府信息公开工作年度报告检查服务 — check annual information-disclosure reports against the State Council template.",
    )
    app.state.services = services
    engine, batches, decisions, limits = services.engine, services.batches, services.decisions, services.limits
    progress: dict[str, tuple[int, int]] = {}  # an upload's own random token -> (files checked, files); while it runs

    # --- errors: always JSON with a message, never a traceback page ------------------------------

    @app.exception_handler(ServeError)
    async def _serve_error(request: Request, problem: ServeError):
        return JSONResponse(problem.body(lang_of(request.query_params.get("lang"))), status_code=problem.status)

    @app.exception_handler(BodyTooLarge)
    async def _too_large(request: Request, problem: BodyTooLarge):
        return _too_large_response(request, limits.max_request_bytes)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, problem: StarletteHTTPException):
        zh = lang_of(request.query_params.get("lang")) == "zh"
        message = {404: "没有这个页面或结果（结果保存期已过？）" if zh else "no such page or result (past its retention time?)",
                   405: "不支持此请求方法" if zh else "method not allowed"}.get(problem.status_code, str(problem.detail))
        return _error(problem.status_code, "http", message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, problem: RequestValidationError):
        details = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in problem.errors())
        return _error(422, "invalid-request", details)

    @app.exception_handler(Exception)
    async def _crash(request: Request, problem: Exception):
        log.error("internal error on %s %s: %s", request.method, request.url.path, type(problem).__name__)
        zh = lang_of(request.query_params.get("lang")) == "zh"
        return _error(500, "internal", "服务器内部错误，请稍后重试或联系管理员" if zh else "internal server error; try again or tell the administrator")

    # --- headers ---------------------------------------------------------------------------------

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers.setdefault("X-Frame-Options", "DENY")
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    def _authorise(request: Request) -> None:
        if services.token is None:
            return
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), services.token.encode()):
            raise ServeError(401, "unauthorized", "需要有效的令牌：请求头 Authorization: Bearer <token>",
                             "a valid token is needed: header Authorization: Bearer <token>")

    async def _check_upload(request: Request, fields: tuple[str, ...], lang: str | None, keep: bool):
        """Parse, stage, check (and with `keep`, save as a batch); the request's temporary folder is
        removed whatever happens."""
        folder = Path(tempfile.mkdtemp(prefix="upload-", dir=services.tmp))
        started = time.monotonic()
        token = None
        try:
            async with request.form(max_files=limits.max_files + 1, max_fields=20) as form:
                lang = lang_of(lang or _text(form.get("lang")))
                token = _text(form.get("progress"))
                token = token if token and _PROGRESS.match(token) else None
                parts = [(item.filename, item.file) for key in fields for item in form.getlist(key) if isinstance(item, UploadFile)]
                staged = await run_in_threadpool(stage, parts, folder, limits)
            report = (lambda done, total: progress.__setitem__(token, (done, total))) if token else None
            results = await run_in_threadpool(engine.check, staged, lang, report)
            batch_id = await run_in_threadpool(batches.save, results, staged, lang) if keep else None
            log.info("upload files=%d statuses=%s duration=%.2fs", len(results),
                     ",".join(sorted({r.status for r in results})), time.monotonic() - started)
            return batch_id, results, lang
        except ServeError as problem:
            log.info("upload refused status=%d code=%s duration=%.2fs", problem.status, problem.code, time.monotonic() - started)
            raise
        finally:
            if token:
                progress.pop(token, None)
            await run_in_threadpool(remove, folder)

    def _batch(batch_id: str):
        batch = batches.load(batch_id)
        if batch is None:
            raise StarletteHTTPException(404)
        return batch

    def _file(batch, index: int):
        if not 0 <= index < len(batch.results):
            raise StarletteHTTPException(404)
        return batch.results[index]

    def _lang(request: Request, default: str = "zh") -> str:
        value = request.query_params.get("lang")
        return lang_of(value) if value else default

    # --- pages -----------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, summary="Upload page", tags=["pages"])
    def upload(request: Request):
        return HTMLResponse(upload_page(_lang(request), file_mb=limits.reader.max_bytes // (1 << 20), request_mb=limits.max_request_bytes // (1 << 20),
                                        files=limits.max_files, timeout=engine.timeout, days=services.keep_days))

    @app.post("/check", summary="Upload from the page", tags=["pages"], openapi_extra=_UPLOAD_BODY,
              description="The upload page's form: checks the files, keeps the result as a batch and answers with its address "
                          "(JSON `{id, url}` when asked for JSON, else a redirect).")
    async def check_page(request: Request):
        batch_id, results, lang = await _check_upload(request, ("files", "file"), None, keep=True)
        url = f"/b/{batch_id}/f/0" if len(results) == 1 else f"/b/{batch_id}"
        url = url + ("?lang=en" if lang == "en" else "")
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"id": batch_id, "url": url, "files": len(results)})
        return RedirectResponse(url, status_code=303)

    @app.get("/progress/{token}", summary="How far an upload from the page has got", tags=["pages"],
             description="`{done, total}` files of the upload that sent this token (a random value of its own) in its form field "
                         "`progress`; `{done: 0, total: 0}` before its files are unpacked, after it is answered, or for any other token "
                         "(never an error: the page polls while its upload runs).")
    def upload_progress(token: str):
        done, total = progress.get(token, (0, 0))
        return {"done": done, "total": total}

    @app.get("/b/{batch_id}", response_class=HTMLResponse, summary="A batch's review page", tags=["pages"])
    def batch_page(batch_id: str, request: Request):
        batch = _batch(batch_id)
        lang = _lang(request, batch.lang)
        reviewed = [decisions.review(r) for r in batch.results]
        page = "".join(review_html.chunks([r.effective for r in reviewed], engine.rules, lang))
        page = page.replace('<main class="wrap">', '<main class="wrap">\n' + batch_panel(batch_id, reviewed, lang), 1)
        response = HTMLResponse(page)
        policy = _META_CSP.search(page)
        if policy:  # the review page's own policy: its inline style, and its one script by hash
            response.headers["Content-Security-Policy"] = policy.group(1) + "; frame-ancestors 'none'"
        return response

    @app.get("/b/{batch_id}/f/{index}", response_class=HTMLResponse, summary="One file's result page", tags=["pages"])
    def file_view(batch_id: str, index: int, request: Request):
        batch = _batch(batch_id)
        result = _file(batch, index)
        lang = _lang(request, batch.lang)
        reviewed = decisions.review(result)
        original = batch.original(index)
        shown = original is not None and views.can_annotate()
        response = HTMLResponse(file_page(batch_id, index, len(batch.results), reviewed, lang,
                                          docx=shown and original.suffix == ".docx", view=shown))
        response.headers["Content-Security-Policy"] = CSP.replace("default-src 'none';", "default-src 'none'; frame-src 'self';")
        return response

    @app.get("/b/{batch_id}/f/{index}/view", response_class=HTMLResponse, summary="One file's report view, findings in place", tags=["pages"])
    def report_view(batch_id: str, index: int, request: Request):
        batch = _batch(batch_id)
        result = _file(batch, index)
        original = batch.original(index)
        if original is None or not views.can_annotate():
            raise StarletteHTTPException(404)
        page = views.document_view(original, decisions.review(result), engine.rules, _lang(request, batch.lang), engine.max_bytes)
        return HTMLResponse(page, headers={"Content-Security-Policy": views.VIEW_POLICY + "; frame-ancestors 'self'",
                                           "X-Frame-Options": "SAMEORIGIN"})

    @app.get("/rules", response_class=HTMLResponse, summary="Every rule with its explanation", tags=["pages"])
    def rules(request: Request):
        return HTMLResponse(rules_page(engine.rules, len(engine.config.pack_rules), _lang(request)))

    @app.get("/docs", response_class=HTMLResponse, summary="This API's documentation", tags=["pages"])
    def docs(request: Request):
        return HTMLResponse(docs_page(app.openapi(), _lang(request)))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204, headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/static/app.css", include_in_schema=False)
    def css():
        return Response(CSS, media_type="text/css; charset=utf-8", headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/static/app.js", include_in_schema=False)
    def js():
        return Response(JS, media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "public, max-age=86400"})

    # --- downloads -------------------------------------------------------------------------------

    def _download(body: str | bytes, kind: str, name: str) -> Response:
        return Response(body, media_type=MEDIA.get(kind, "application/octet-stream"),
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/b/{batch_id}/report.{kind}", summary="A batch's results as CSV, JSON or SARIF", tags=["downloads"],
             description="Accepted findings are left out, as `reportlint check --baseline` leaves them out.")
    def batch_download(batch_id: str, kind: str, request: Request):
        if kind not in MEDIA:
            raise StarletteHTTPException(404)
        batch = _batch(batch_id)
        effective = [decisions.review(r).effective for r in batch.results]
        return _download(render(kind, effective, engine.rules, _lang(request, batch.lang)), kind, f"reportlint-{batch_id[:8]}.{kind}")

    @app.get("/b/{batch_id}/f/{index}/report.{kind}", summary="One file's result as JSON or SARIF", tags=["downloads"])
    def file_download(batch_id: str, index: int, kind: str, request: Request):
        if kind not in ("json", "sarif"):
            raise StarletteHTTPException(404)
        batch = _batch(batch_id)
        effective = decisions.review(_file(batch, index)).effective
        return _download(render(kind, [effective], engine.rules, _lang(request, batch.lang)), kind, f"reportlint-{batch_id[:8]}-{index}.{kind}")

    @app.get("/b/{batch_id}/f/{index}/annotated.docx", summary="The Word file with a comment (批注) at each finding", tags=["downloads"])
    def annotated(batch_id: str, index: int, request: Request):
        batch = _batch(batch_id)
        result = _file(batch, index)
        original = batch.original(index)
        if original is None or original.suffix != ".docx" or not views.can_annotate():
            raise ServeError(404, "no-annotated-copy", "只有 .docx 文件有带批注的副本", "only a .docx file has an annotated copy")
        data = views.annotated_docx(original, decisions.review(result), engine.rules, _lang(request, batch.lang), engine.max_bytes)
        stem = Path(result.path).stem or "report"
        return Response(data, media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        headers={"Content-Disposition": f"attachment; filename=\"annotated.docx\"; filename*=UTF-8''{_quote(stem)}-annotated.docx"})

    # --- reviewers' decisions --------------------------------------------------------------------

    @app.post("/b/{batch_id}/f/{index}/decisions", summary="Accept a finding (已核实 / 不是问题) with a note", tags=["decisions"])
    def accept(batch_id: str, index: int, decision: DecisionIn, request: Request):
        result = _file(_batch(batch_id), index)
        stored = decisions.accept(result, decision.finding, decision.kind, decision.note)
        log.info("decision accepted file=%r finding=%d kind=%s", result.path, decision.finding, decision.kind)
        return {"fingerprint": stored.fingerprint, "kind": stored.kind, "note": stored.note}

    @app.delete("/b/{batch_id}/f/{index}/decisions/{finding}", summary="Withdraw a finding's acceptance", tags=["decisions"])
    def withdraw(batch_id: str, index: int, finding: int):
        result = _file(_batch(batch_id), index)
        return {"withdrawn": decisions.withdraw(result, finding)}

    # --- JSON API --------------------------------------------------------------------------------

    @app.post("/api/check", summary="Check one report or a .zip of reports", tags=["api"], openapi_extra=_UPLOAD_BODY,
              description="Multipart field `file`. Answers with the `reportlint check --format json` document "
                          "(reportlint/schema/check-output.schema.json); findings reviewers have accepted are left out. "
                          "Errors are `{\"error\": {\"status\", \"code\", \"message\"}}` with status 400, 401, 413, 415 or 500.")
    async def api_check(request: Request, lang: str = "zh"):
        _authorise(request)
        _, results, lang = await _check_upload(request, ("file", "files"), lang, keep=False)
        effective = [decisions.review(r).effective for r in results]
        return Response(render("json", effective, engine.rules, lang), media_type="application/json")

    @app.get("/api/rules", summary="Every rule: code, name, severity, summary, explanation, examples", tags=["api"])
    def api_rules(request: Request, lang: str = "zh"):
        _authorise(request)
        lang = lang_of(lang)
        return [{"code": r.code, "name": r.name, "severity": r.severity.value, "summary": getattr(r.summary, lang),
                 "explanation": getattr(r.explanation, lang), "bad": r.bad, "good": r.good, "source": r.source} for r in engine.rules]

    @app.get("/api/decisions", summary="Export every decision as a `--baseline` file", tags=["api", "decisions"])
    def api_export(request: Request):
        _authorise(request)
        return JSONResponse(decisions.export_baseline(), headers={"Content-Disposition": 'attachment; filename="reportlint-baseline.json"'})

    @app.post("/api/decisions", summary="Import a `--write-baseline` file as accepted findings", tags=["api", "decisions"], openapi_extra=_UPLOAD_BODY)
    async def api_import(request: Request):
        _authorise(request)
        async with request.form(max_files=1, max_fields=5) as form:
            item = form.get("file")
            if not isinstance(item, UploadFile):
                raise ServeError(400, "empty-upload", "没有收到基线文件（字段 file）", "no baseline file received (field 'file')")
            data = await item.read(MAX_IMPORT + 1)
        added = await run_in_threadpool(decisions.import_baseline, data)
        return {"added": added}

    @app.get("/healthz", summary="Liveness: the server answers, and how busy its workers are", tags=["api"])
    def healthz():
        return {"status": "ok", "version": __version__, "workers": engine.pool.state()}

    return BodyLimit(app, limits.max_request_bytes)


MAX_IMPORT = 20 * 1024 * 1024


def _too_large_response(request: Request, limit: int) -> JSONResponse:
    zh = lang_of(request.query_params.get("lang")) == "zh"
    return _error(413, "too-large", f"上传内容超过上限 {limit} 字节" if zh else f"the upload is over the limit of {limit} bytes")


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")
