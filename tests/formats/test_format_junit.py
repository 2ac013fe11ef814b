"""`--format junit`: one testcase per file, counts that add up, XML that always parses."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from format_helpers import GOOD, RL301, TRICKY_MESSAGE, TRICKY_PATH, check_json, diagnostic, run, tricky_result

from reportlint.api import Severity
from reportlint.formats import junit
from reportlint.registry import all_rules


def junit_root(*args: str) -> tuple[int, ET.Element]:
    code, output = run("check", "--format", "junit", *args)
    assert output.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return code, ET.fromstring(output.encode("utf-8"))


def counts(element: ET.Element) -> tuple[int, int, int]:
    return int(element.get("tests")), int(element.get("failures")), int(element.get("errors"))


def test_bad_samples_counts_and_cases():
    code, root = junit_root("samples/bad")
    document = check_json("samples/bad")
    summary = document["summary"]
    assert code == 1
    assert root.tag == "testsuites" and root.get("name") == "reportlint"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "reportlint"
    expected = (summary["files"], summary["failed"], summary["unassessed"])
    assert counts(root) == counts(suite) == expected
    assert expected[0] == sum(1 for _ in Path("samples/bad").iterdir()) and expected[1] > 15 and expected[2] == 2
    cases = suite.findall("testcase")
    assert [c.get("classname") for c in cases] == [f["path"] for f in document["files"]]
    assert [c.get("name") for c in cases] == [f["path"] for f in document["files"]]
    assert len(suite.findall("testcase/failure")) == summary["failed"]
    assert len(suite.findall("testcase/error")) == summary["unassessed"]
    for case, file in zip(cases, document["files"]):
        outcome = {"fail": "failure", "error": "error"}.get(file["status"])
        children = [child.tag for child in case]
        if outcome:
            assert children == [outcome]
            text = case.find(outcome).text
            assert text.count("\n") == len(file["diagnostics"]) - 1  # one line per finding
            for d in file["diagnostics"]:
                assert f"{file['path']}:{d['line']}:{d['column']}: {d['code']} [{d['severity']}] {d['message']}" in text
        else:
            assert children == ["system-out"]  # the passing bad samples carry a warning or an info


def test_failure_and_error_attributes():
    _, root = junit_root(RL301, "samples/bad/RL004_not_a_report.txt")
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == "2 个错误，0 个警告，0 个提示"
    assert failure.get("type") == "RL301 RL302"
    error = root.find("testsuite/testcase/error")
    assert error.get("type") == "RL004" and error.get("message").startswith("未识别为政府信息公开工作年度报告")
    _, root = junit_root("--lang", "en", RL301)
    assert root.find("testsuite/testcase/failure").get("message") == "2 error(s), 0 warning(s), 0 info"


def test_good_sample_is_one_passing_testcase():
    code, root = junit_root(GOOD)
    assert code == 0 and counts(root) == (1, 0, 0)
    (case,) = root.iter("testcase")
    assert case.get("file") == GOOD and list(case) == []


def test_unreadable_file_is_an_error(tmp_path):
    binary = tmp_path / "a.txt"
    binary.write_bytes(b"\x00\x00binary")
    code, root = junit_root(str(binary))
    assert code == 1 and counts(root) == (1, 0, 1)
    assert root.find("testsuite/testcase/error").get("type") == "RL001"


def test_escaping_round_trips():
    text = junit.render([tricky_result()], all_rules(), "en")
    root = ET.fromstring(text.encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case.get("classname") == TRICKY_PATH
    body = case.find("failure").text
    # XML keeps every character but the control character, which it cannot carry
    readable = TRICKY_MESSAGE.replace("\x01", "\\x01").replace("\r\n", "\n")
    assert readable in body
    assert "<b>&amp;" in body and "&amp;amp;" in text  # escaped once in the file, plain once parsed


def test_attribute_values_keep_newlines_and_quotes():
    crash = diagnostic(code="RL004", name="not-a-report", message='line one\nline "two" & <three>', fingerprint_text="z")
    text = junit.render([tricky_result(crash, status="error")], all_rules(), "en")
    error = ET.fromstring(text.encode("utf-8")).find("testsuite/testcase/error")
    assert error.get("message") == 'line one\nline "two" & <three>'


def test_forbidden_characters_never_break_the_document():
    nasty = diagnostic(message="a\x00b\x1fc\ufffed\ud800e", fingerprint_text="q")
    text = junit.render([tricky_result(nasty, path="x\x02.txt")], all_rules(), "en")
    root = ET.fromstring(text.encode("utf-8"))  # no lone surrogate is left to encode
    assert root.find("testsuite/testcase").get("name") == "x\\x02.txt"
    assert "a\\x00b\\x1fc\\ufffed\\ud800e" in root.find("testsuite/testcase/failure").text


def test_passing_file_lists_its_warnings_in_system_out():
    warning = diagnostic(severity=Severity.WARNING, message="warn")
    text = junit.render([tricky_result(warning, status="pass")], all_rules(), "en")
    root = ET.fromstring(text.encode("utf-8"))
    assert counts(root) == (1, 0, 0)
    assert "RL301 [warning] warn" in root.find("testsuite/testcase/system-out").text
