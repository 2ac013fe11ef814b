"""Helpers for the output-format tests (tests/formats/); conftest.py runs every test from the checkout root.

- ``run(*args)``      -> (exit code, stdout) of ``reportlint`` in-process (click's CliRunner).
- ``check_json(...)`` -> the JSON document for the same arguments (cached: do not mutate): the
                         reference the other formats are compared with.
- ``tricky_result()`` -> a FileResult whose message, labels and path hold %, CR/LF, comma, colon,
                         <, &, quotes and a control character: what every escaper must survive.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from click.testing import CliRunner

from reportlint.api import Severity
from reportlint.cli import main
from reportlint.engine import Diagnostic
from reportlint.lint import FileResult

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ["json", "sarif", "github", "junit", "gitlab", "csv", "html", "concise"]
RL301 = "samples/bad/RL301_row_total.txt"
GOOD = "samples/good/qingshan_county_transport_2023.txt"

TRICKY_MESSAGE = '50% done,\r\nthen <b>&amp; "quoted" \'single\' a:b\x01 end'
TRICKY_PATH = "reports/a,b:c 100%/报告 2023.txt"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout_bytes.decode("utf-8")  # .stdout would turn CRLF into LF


@lru_cache(maxsize=None)
def check_json(*args: str) -> dict:
    return json.loads(run("check", "--format", "json", *args)[1])


def diagnostic(**overrides) -> Diagnostic:
    values = dict(
        code="RL301",
        name="row-total",
        severity=Severity.ERROR,
        message=TRICKY_MESSAGE,
        line=3,
        column=2,
        end_line=3,
        end_column=5,
        section=("三", "a,b"),
        row="（一）<予以公开>",
        column_label='总计 "&"',
        expected="5",
        actual="6",
        source_line="（一）予以公开 | 6",
        fingerprint_text="6",
    )
    values.update(overrides)
    return Diagnostic(**values)


def tricky_result(*diagnostics: Diagnostic, path: str = TRICKY_PATH, status: str = "fail") -> FileResult:
    return FileResult(path, status, "2021", diagnostics or (diagnostic(),), "utf-8", 2023)
