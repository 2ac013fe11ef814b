"""The request-body limit, applied before any byte reaches the multipart parser.

A declared Content-Length over the limit is answered 413 at once; a body without one (chunked) is
counted as it arrives and stopped at the limit, so an upload can never fill the disk or memory.
"""

from __future__ import annotations

import json
import logging

log = logging.getLogger("reportlint.serve")


class BodyTooLarge(Exception):
    """Raised from inside `receive` when a body passes the limit; the app answers 413."""


class BodyLimit:
    """Also the outermost guard: an exception that escapes the app (already answered with a JSON
    500 by its handler) is logged by its type only, so no traceback or report text reaches the log."""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _refuse(scope, send, self.limit)
            return
        received = 0

        async def limited():
            nonlocal received
            message = await receive()
            if message.get("type") == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge()
            return message

        started = False

        async def watched(message):
            nonlocal started
            started = started or message.get("type") == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except Exception as problem:  # noqa: BLE001 - answered already, or answered here
            log.error("request failed: %s", type(problem).__name__)
            if not started:
                await _respond(send, 500, "internal", "服务器内部错误")


async def _refuse(scope, send, limit: int) -> None:
    zh = b"lang=en" not in scope.get("query_string", b"")
    message = f"上传内容超过上限 {limit} 字节" if zh else f"the upload is over the limit of {limit} bytes"
    await _respond(send, 413, "too-large", message)


async def _respond(send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"status": status, "code": code, "message": message}}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
