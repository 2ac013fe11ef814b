"""`--format github`: one GitHub Actions workflow command per finding, escaped as @actions/core escapes."""

from __future__ import annotations

import re

import pytest
from format_helpers import GOOD, RL301, TRICKY_MESSAGE, TRICKY_PATH, check_json, diagnostic, run, tricky_result

from reportlint.api import Severity
from reportlint.formats import github
from reportlint.registry import all_rules

COMMAND = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::([^\r\n]*)$")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command and undo its escaping, the way the runner does."""
    match = COMMAND.match(line)
    assert match, line
    kind, raw_properties, message = match.groups()
    properties = dict(item.split("=", 1) for item in raw_properties.split(","))
    return kind, {key: unescape(value) for key, value in properties.items()}, unescape(message)


def unescape(text: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def test_rl301_sample_exact_lines():
    code, output = run("check", "--format", "github", RL301)
    assert code == 1
    assert output.splitlines() == [
        "::error file=samples/bad/RL301_row_total.txt,line=35,col=47,endLine=35,endColumn=48,title=RL301 row-total"
        "::「（一）予以公开」行「总计」列应为 5，实际为 6；依据：总计应等于各类申请人之和；「（一）予以公开·总计」很可能有误：改为 5 则 2 处勾稽关系都成立",
        "::error file=samples/bad/RL301_row_total.txt,line=56,col=33,endLine=56,endColumn=35,title=RL302 outcome-total"
        "::「（七）总计」行「总计」列应为 13，实际为 12；依据：（七）总计应等于（一）至（六）各项办理结果之和；「（一）予以公开·总计」很可能有误：改为 5 则 2 处勾稽关系都成立",
    ]


def test_good_sample_prints_no_command():
    code, output = run("check", "--format", "github", GOOD)
    assert code == 0 and output.strip() == ""


def test_every_bad_finding_becomes_one_command_of_its_severity():
    code, output = run("check", "--format", "github", "samples/bad")
    document = check_json("samples/bad")
    expected = [(f["path"], d) for f in document["files"] for d in f["diagnostics"]]
    lines = output.splitlines()
    assert code == 1 and len(lines) == len(expected)
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for line, (path, d) in zip(lines, expected):
        kind, properties, message = parse(line)
        assert kind == kinds[d["severity"]]
        assert properties["file"] == path
        assert (int(properties["line"]), int(properties["col"])) == (d["line"], d["column"])
        assert properties["title"] == f"{d['code']} {d['name']}"
        assert message == d["message"]
    assert {parse(line)[0] for line in lines} == {"error", "warning", "notice"}


def test_escaping_of_message_and_properties():
    line = github.render([tricky_result()], all_rules(), "en")
    assert line.count("\n") == 1 and "\r" not in line
    assert line == (
        "::error file=reports/a%2Cb%3Ac 100%25/报告 2023.txt,line=3,col=2,endLine=3,endColumn=5,title=RL301 row-total"
        "::50%25 done,%0D%0Athen <b>&amp; \"quoted\" 'single' a:b\x01 end\n"
    )
    _, properties, message = parse(line.rstrip("\n"))
    assert properties["file"] == TRICKY_PATH and message == TRICKY_MESSAGE


def test_title_with_comma_and_colon_is_escaped():
    odd = diagnostic(name="a,b:c", message="m")
    line = github.command("x.txt", odd)
    assert "title=RL301 a%2Cb%3Ac::m" in line


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ((4, 7, 6, 1), "line=4,endLine=6,title"),  # spans lines: GitHub takes no columns then
        ((1, 1, 1, 1), "line=1,col=1,endLine=1,title"),  # no width: no end column
        ((0, 0, 0, 0), "line=1,col=1,endLine=1,title"),  # never below 1
    ],
)
def test_positions(span, expected):
    line, column, end_line, end_column = span
    command = github.command("x.txt", diagnostic(line=line, column=column, end_line=end_line, end_column=end_column))
    assert f"file=x.txt,{expected}=" in command


def test_severity_names():
    kinds = [github.command("x.txt", diagnostic(severity=s, message="m")).split(" ", 1)[0] for s in Severity]
    assert kinds == ["::error", "::warning", "::notice"]


def test_original_file_position_follows_the_message_in_brackets():
    d = diagnostic(message="m", origin={"page": 3, "table": 3}, origin_text="第3页 表3")
    assert github.command("r.pdf", d, "zh").endswith(",line=3,col=2,endLine=3,endColumn=5,title=RL301 row-total::m [第3页 表3]")
    assert github.command("r.pdf", d, "en").endswith("::m [第3页 表3]")

