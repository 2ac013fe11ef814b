"""RL511 regulation-title: a wrong title of 《中华人民共和国政府信息公开条例》, or the 2007 decree cited as in force."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from variants import BODIES, YEARS, report

RL511 = LintOptions(select=("RL511",))
INTRO = "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）"


def _rl511(text, path="r.txt"):
    return [(d.line, d.column, d.end_column, d.message) for d in lint_text(text, path, RL511).diagnostics]


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL511"))
    [d] = result.diagnostics
    assert (d.code, d.name, d.severity) == ("RL511", "regulation-title", Severity.ERROR)
    assert (d.line, d.column, d.end_column) == (2, 6, 6 + len("《中华人民共和国政府信息公开工作条例》"))
    assert d.message == "条例名称有误：《中华人民共和国政府信息公开工作条例》应为《中华人民共和国政府信息公开条例》"
    assert (d.expected, d.actual) == ("《中华人民共和国政府信息公开条例》", "《中华人民共和国政府信息公开工作条例》")
    assert result.status == "fail"


WRONG = ("中华人民共和国政府信息公开工作条例", "中华人民共和国信息公开条例", "中华人民共和国政务公开条例",
         "政府信息公开工作条例", "中华人民共和国政府公开条例", "中华人民共和国 政府信息公开 工作条例")


@pytest.mark.parametrize("name", WRONG)
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_wrong_titles(name, body, layout):
    text = report(body, 2023, layout).replace(INTRO, f"本报告根据《{name}》（以下简称《条例》）")
    [(line, *_ , message)] = _rl511(text, "r.md" if layout == "markdown" else "r.txt")
    assert line == 2 and "应为《中华人民共和国政府信息公开条例》" in message


@pytest.mark.parametrize("name", ("中华人民共和国政府信息公开条例", "政府信息公开条例", "条例", "福建省政府信息公开办法",
                                  "武汉市政府信息公开暂行规定", "中华人民共和国政府信息公开工作年度报告格式", "中华人民共和国保守国家秘密法"))
def test_right_titles_and_other_documents(name):
    assert _rl511(report().replace(INTRO, f"本报告根据《{name}》")) == []


@pytest.mark.parametrize("year", (2019, 2021, 2023, 2025))
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
def test_2007_decree_cited_as_the_basis(year, body):
    text = report(body, year).replace(INTRO, INTRO + "（国务院令第492号）")
    [(line, column, end, message)] = _rl511(text)
    assert line == 2 and message.startswith(f"{year}年度报告引用了2007年的条例（国务院令第492号）")


@pytest.mark.parametrize("year", (2008, 2014, 2018))
def test_2007_decree_in_a_report_before_2019(year):
    text = report(year=year).replace("国办公开办函〔2021〕30号", "国办发〔2008〕36号").replace(INTRO, INTRO + "（国务院令第492号）")
    assert _rl511(text) == []


@pytest.mark.parametrize("history", (
    "（2007年4月5日国务院令第492号公布，2019年4月3日国务院令第711号修订）",
    "（原《条例》即国务院令第492号已修订）",
))
def test_the_2007_decree_as_history(history):
    assert _rl511(report(year=2023).replace(INTRO, INTRO + history)) == []


def test_no_finding_on_the_corpus_and_seeds(corpus_dir, seeds_dir):
    flagged = [p.name for folder in (corpus_dir, seeds_dir) for p in sorted(folder.glob("*.txt")) if lint_path(p, RL511).diagnostics]
    assert flagged == []
