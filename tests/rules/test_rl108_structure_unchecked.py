"""RL108 structure-unchecked (info): text that lost its line breaks is read by its inline headings
and table row labels; what cannot be found there is named once, never reported missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

GOOD = Path(__file__).resolve().parents[2] / "samples" / "good" / "qingshan_county_transport_2023.txt"
STRUCTURE = LintOptions(select=("RL1", "RL2"))


def joined(text: str, separator: str = "") -> str:
    return separator.join(text.split("\n"))


@pytest.fixture(scope="module")
def good() -> str:
    return GOOD.read_text(encoding="utf-8")


# ---------------------------------------------------------------- good: the structure is found


@pytest.mark.parametrize("separator", ["", " ", "\u3000"], ids=["nothing", "space", "ideographic-space"])
def test_good_report_on_one_line_keeps_its_sections_and_tables(good, separator):
    result = lint_text(joined(good, separator), options=STRUCTURE)
    assert [d.code for d in result.diagnostics] == []  # no RL101, no RL201, no RL108


def test_clean_text_never_gets_the_note(good):
    assert "RL108" not in {d.code for d in lint_text(good).diagnostics}


def test_an_intro_listing_the_sections_is_no_heading(good):
    """`本报告包括一、总体情况；二、…` on a long line names the sections; the real headings follow."""
    listing = "本报告包括一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。"
    lines = good.split("\n")
    text = "\n".join([lines[0], lines[1] + listing, *lines[2:]])
    result = lint_text(text, options=STRUCTURE)
    assert [d.code for d in result.diagnostics] == []


# ---------------------------------------------------------------- bad (info)


def test_sections_not_found_are_one_note_not_six_errors(good):
    text = joined(good).replace("六、其他需要报告的事项", "六、其它")
    result = lint_text(text, options=STRUCTURE)
    codes = [d.code for d in result.diagnostics]
    assert codes == ["RL108"]
    d = result.diagnostics[0]
    assert d.name == "structure-unchecked" and d.severity is Severity.INFO
    assert (d.line, d.column) == (1, 1)
    assert "「六、其他需要报告的事项」" in d.message and "表" not in d.message  # the tables were found
    assert result.status == "pass"


def test_a_body_without_any_numbered_heading_is_one_note(good):
    """Headings the templates do not know: nothing is cut, the line is longer than any paragraph."""
    body = joined(good)
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        body = body.replace(heading, heading[2:])
    body = body.replace("。", "。本局严格落实政府信息公开各项要求，持续推进政务公开标准化规范化建设。", 30)  # past LOST_BREAKS_LINE
    assert len(body) >= 3000
    result = lint_text(body, options=STRUCTURE)
    codes = [d.code for d in result.diagnostics]
    assert "RL101" not in codes and codes.count("RL108") == 1  # (a cell glued to the next text is the table reader's)
    assert "未能识别「一、总体情况」" in next(d for d in result.diagnostics if d.code == "RL108").message


def test_english(good):
    text = joined(good).replace("六、其他需要报告的事项", "六、其它")
    d = next(d for d in lint_text(text, options=LintOptions(lang="en", select=("RL108",))).diagnostics)
    assert "lost its line breaks" in d.message and "'六、其他需要报告的事项'" in d.message


def test_sample(tmp_path):
    sample = GOOD.parents[1] / "bad" / "RL108_structure_unchecked.txt"
    assert "RL108" in {d.code for d in lint_path(sample).diagnostics}
