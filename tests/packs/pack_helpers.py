"""Shared pieces of the rule-pack tests (imported as `pack_helpers`): the example pack and its samples, packs written to tmp folders, the CLI."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
PACKS = ROOT / "samples" / "packs"
EXAMPLE_PACK = PACKS / "hubei-2021.toml"
MEETS = PACKS / "chuyuan_transport_2023_meets_pack.txt"
FAILS = PACKS / "chuyuan_transport_2023_HB101_HB201_HB301.txt"
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
SCHEMA = ROOT / "reportlint" / "schema" / "check-output.schema.json"

# a minimal valid pack: one entry of each kind; tests replace parts of it
MINIMAL = """
[pack]
name = "test-pack"
prefix = "TP"
description = "测试用规则包"

[[required_phrase]]
code = "TP101"
name = "fee-statement"
section = "六"
phrase = "信息处理费"
zh = "「{section}」未写明「{phrase}」"
en = "'{section}' does not mention '{phrase}'"

[[required_section]]
code = "TP102"
name = "supervision-heading"
section = "一"
label = "监督保障"
zh = "「{section}」缺少“{label}”小标题"
en = "'{section}' lacks the sub-heading '{label}'"

[[extra_row]]
code = "TP201"
name = "other-documents-row"
table = "active_1"
label = "其他主动公开文件"
zh = "{table}缺少「{label}」行"
en = "{table} lacks the row '{label}'"

[[pattern]]
code = "TP301"
name = "no-dengdeng"
severity = "warning"
regex = "等等"
example = "发布出行提示等等便民信息。"
zh = "不用「{text}」"
en = "do not write '{text}'"
"""


def write_pack(folder: Path, text: str, name: str = "pack.toml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(_main(), list(args), catch_exceptions=False)
    return result.exit_code, result.output


def cli_json(*args: str) -> tuple[int, dict]:
    import jsonschema

    result = CliRunner().invoke(_main(), ["check", "--format", "json", *args], catch_exceptions=False)
    code, output = result.exit_code, result.stdout  # notes on stderr (skipped non-reports) are not JSON
    document = json.loads(output)
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    return code, document


def _main():
    from reportlint.cli import main

    return main


def diagnostics(document: dict, name: str | None = None) -> list[dict]:
    return [d for f in document["files"] if name is None or Path(f["path"]).name == name for d in f["diagnostics"]]
