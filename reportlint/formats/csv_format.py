"""CSV, one row per file: the reviewers' spreadsheet of a batch of reports (issue 6).

Columns: path, issuing body, year, template, status, errors, warnings, infos, top codes (the most
frequent codes, "RL301×3 RL203×1", at most five). The issuing body is the one the report names
(title or first lines); it is empty when none is found or the file is not a report.

Decisions, for Excel on Chinese Windows, which is where these files are opened:

- The text starts with a UTF-8 byte order mark (U+FEFF). Without it Excel reads a .csv in the
  ANSI code page (GBK) and the Chinese turns to mojibake. Python readers should open the file with
  encoding="utf-8-sig". The CLI writes it as UTF-8, to a file or to standard output.
- Rows end in CRLF (RFC 4180, and what Excel writes); fields are quoted only when needed.
- The header and the status follow `--lang`: Chinese by default for reviewers, `--lang en` gives
  stable English names (path, issuer, year, template, status: pass/fail/error, …) for scripts.
- A text cell that starts with = + - @ (or a tab/CR) gets a leading apostrophe, so Excel does not
  run it as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Iterator

from ..api import Rule, Severity
from ..lint import FileResult

BOM = "\ufeff"
TOP_CODES = 5
HEADERS = {
    "en": ["path", "issuer", "year", "template", "status", "errors", "warnings", "infos", "top_codes"],
    "zh": ["文件", "发布机关", "年度", "模板版本", "结论", "错误", "警告", "提示", "主要问题"],
}
STATUS = {
    "en": {"pass": "pass", "fail": "fail", "error": "error"},
    "zh": {"pass": "通过", "fail": "有错误", "error": "无法评估"},
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def chunks(results: Iterable[FileResult], rules: tuple[Rule, ...], lang: str) -> Iterator[str]:
    lang = lang if lang in HEADERS else "en"
    yield BOM + _line(HEADERS[lang])
    for result in results:
        yield _line([_cell(value) for value in row(result, lang)])


def render(results: Iterable[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    return "".join(chunks(results, rules, lang))


def _line(values: list[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


def row(result: FileResult, lang: str = "en") -> list[object]:
    return [
        result.path,
        result.issuer or "",
        result.year if result.year is not None else "",
        result.template or "",
        STATUS[lang].get(result.status, result.status),
        result.count(Severity.ERROR),
        result.count(Severity.WARNING),
        result.count(Severity.INFO),
        top_codes(result),
    ]


def top_codes(result: FileResult, limit: int = TOP_CODES) -> str:
    """The most frequent codes, ties by code: "RL301×3 RL203×1"."""
    return " ".join(f"{code}×{count}" for code, count in result.top_codes(limit))


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
