"""`--format csv`: one row per file for reviewers' spreadsheets, UTF-8 with a BOM for Excel."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from format_helpers import GOOD, RL301, check_json, diagnostic, run, tricky_result

from reportlint import lint_path
from reportlint.api import Severity
from reportlint.formats import csv_format
from reportlint.registry import all_rules

EN_HEADER = ["path", "issuer", "year", "template", "status", "errors", "warnings", "infos", "top_codes"]


def rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_bad_samples_one_row_per_file():
    code, output = run("check", "--format", "csv", "--lang", "en", "samples/bad")
    document = check_json("samples/bad")
    header, *body = rows(output)
    assert code == 1
    assert header == EN_HEADER
    assert len(body) == len(document["files"])
    for row, file in zip(body, document["files"]):
        record = dict(zip(header, row))
        severities = [d["severity"] for d in file["diagnostics"]]
        assert record["path"] == file["path"]
        assert record["issuer"] == (lint_path(Path(file["path"])).issuer or "")
        assert record["year"] == ("" if file["year"] is None else str(file["year"]))
        assert record["template"] == (file["template"] or "")
        assert record["status"] == file["status"]
        counts = [int(record[key]) for key in ("errors", "warnings", "infos")]
        assert counts == [severities.count(severity) for severity in ("error", "warning", "info")]
    by_path = {row[0]: dict(zip(header, row)) for row in body}
    assert by_path["samples/bad/RL302_outcome_total.txt"]["top_codes"] == "RL302×2 RL303×2"
    assert by_path["samples/bad/RL301_row_total.txt"]["top_codes"] == "RL301×1 RL302×1"
    assert by_path["samples/bad/RL004_not_a_report.txt"]["status"] == "error"


def test_exact_text_with_bom_and_crlf():
    code, output = run("check", "--format", "csv", "--lang", "en", GOOD, RL301)
    assert code == 1
    assert output == (
        "\ufeffpath,issuer,year,template,status,errors,warnings,infos,top_codes\r\n"
        f"{GOOD},青山县交通运输局,2023,2021,pass,0,0,0,\r\n"
        f"{RL301},青山县交通运输局,2023,2021,fail,2,0,0,RL301×1 RL302×1\r\n"
    )


def test_chinese_header_and_status_by_default():
    _, output = run("check", "--format", "csv", RL301, "samples/bad/RL004_not_a_report.txt")
    header, first, second = rows(output)
    assert header == ["文件", "发布机关", "年度", "模板版本", "结论", "错误", "警告", "提示", "主要问题"]
    assert first[4] == "有错误" and second[4] == "无法评估"


def test_output_file_is_utf8_with_bom(tmp_path):
    target = tmp_path / "review.csv"
    code, output = run("check", "--format", "csv", "--output-file", str(target), RL301)
    assert code == 1 and output == ""
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\r\r\n" not in data
    with target.open(encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))
    assert header[0] == "文件" and row[0] == RL301


def test_quoting_of_awkward_paths():
    path = 'reports/a,b "c"\nd.txt'
    text = csv_format.render([tricky_result(path=path)], all_rules(), "en")
    (_, row) = rows(text)
    assert row[0] == path
    assert '"reports/a,b ""c""\nd.txt"' in text


def test_formula_like_cells_are_defused():
    text = csv_format.render([tricky_result(path="=HYPERLINK(1).txt"), tricky_result(path="-x.txt")], all_rules(), "en")
    (_, first, second) = rows(text)
    assert first[0] == "'=HYPERLINK(1).txt" and second[0] == "'-x.txt"


def test_top_codes_most_frequent_first_at_most_five():
    found = [diagnostic(code=code, fingerprint_text=str(i)) for i, code in enumerate(
        ["RL203"] + ["RL301"] * 3 + ["RL101", "RL102", "RL103", "RL104", "RL105"]
    )]
    result = tricky_result(*found)
    assert csv_format.top_codes(result) == "RL301×3 RL101×1 RL102×1 RL103×1 RL104×1"
    assert csv_format.row(result)[5:8] == [9, 0, 0]


def test_counts_by_severity():
    result = tricky_result(diagnostic(), diagnostic(severity=Severity.WARNING), diagnostic(severity=Severity.INFO), status="fail")
    assert csv_format.row(result, "en")[4:8] == ["fail", 1, 1, 1]
