"""Errors a request can end with: an HTTP status and a message in Chinese and English."""

from __future__ import annotations


class ServeError(Exception):
    """A request that cannot be served: becomes a JSON error `{"error": {...}}` with this status."""

    def __init__(self, status: int, code: str, zh: str, en: str, **args: object) -> None:
        super().__init__(en.format(**args))
        self.status, self.code, self.zh, self.en, self.args_ = status, code, zh, en, args

    def message(self, lang: str) -> str:
        return (self.en if lang == "en" else self.zh).format(**self.args_)

    def body(self, lang: str) -> dict:
        return {"error": {"status": self.status, "code": self.code, "message": self.message(lang)}}


def lang_of(value: str | None) -> str:
    return "en" if value == "en" else "zh"
