"""What a reviewer reads: explain texts cite the regulation and template in words (never our internal
documents), RL005 prints the 2007 basis without doubled brackets, missing sections in template order."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint import LintOptions, lint_text
from reportlint.cli import main
from reportlint.registry import all_rules

ROOT = Path(__file__).resolve().parents[1]
GOOD = (ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8")
INTERNAL = re.compile(r"REFERENCE|DESIGN\.md|参考文档|§|\bidentity [A-Z]\d?\b|恒等式 ?[A-Z]")


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_texts_cite_no_internal_document(rule):
    for text in (rule.summary.zh, rule.summary.en, rule.explanation.zh, rule.explanation.en):
        assert not INTERNAL.search(text), f"{rule.code}: {text}"


@pytest.mark.parametrize("code", ["RL301", "RL302", "RL303", "RL304"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_arithmetic_explanations_name_the_template_and_the_identity_in_words(code, lang):
    output = CliRunner().invoke(main, ["explain", code, "--lang", lang]).output
    assert "国办公开办函〔2021〕30号" in output  # the template, by its document number
    assert ("总计" in output) and ("＝" in output or "=" in output or "等于" in output or "equals" in output)
    assert not INTERNAL.search(output)


_HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading, body) of each of the six sections of the good sample."""
    lines = text.split("\n")
    starts = [next(i for i, line in enumerate(lines) if line == heading and (n == 0 or i > 10)) for n, heading in enumerate(_HEADINGS)]
    head = "\n".join(lines[:starts[0]])
    return head, [(lines[s], "\n".join(lines[s + 1:e])) for s, e in zip(starts, [*starts[1:], len(lines)])]


@pytest.mark.parametrize("dropped", [d for n in (2, 3, 4) for d in itertools.combinations(range(1, 5), n)])  # 六 kept: else an excerpt
def test_missing_sections_are_listed_in_template_order(dropped):
    head, sections = _sections(GOOD)
    kept = [f"{h}\n{b}" for i, (h, b) in enumerate(sections) if i not in dropped]
    result = lint_text("\n".join([head, *kept]), "r.txt", LintOptions(select=("RL101",)))
    missing = [re.search(r"「(.+?)」", d.message).group(1) for d in result.diagnostics]
    assert missing == [_HEADINGS[i] for i in sorted(dropped)]


@pytest.mark.parametrize("year, template", [(2016, "2007"), (2012, "2007"), (2019, "2019"), (2020, "2019"), (2023, "2021")])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rl005_names_the_basis_with_single_brackets(year, template, lang):
    text = f"某县交通运输局政府信息公开工作年度报告\n一、概述\n现将{year}年度政府信息公开工作情况报告如下。\n二、主动公开政府信息的情况\n本年主动公开信息100条。\n"
    [finding] = [d for d in lint_text(text, "r.txt", LintOptions(select=("RL005",), lang=lang)).diagnostics]
    assert "《《" not in finding.message and "》》" not in finding.message
    assert finding.message.count("《") == finding.message.count("》") >= 1
    if template == "2007":
        assert "《中华人民共和国政府信息公开条例》（2007）" in finding.message


def test_user_facing_documents_cite_no_internal_document():
    documents = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "samples").rglob("README.md")),
                 *sorted((ROOT / "samples").rglob("*.toml"))]
    for path in documents:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not re.search(r"REFERENCE|参考文档", line), f"{path.relative_to(ROOT)}:{number}: {line}"
