"""Every rule documents itself: zh/en summary and explanation, and a bad and a good example that run.

DESIGN: "Docstring = documentation: what it checks, why, a bad and a good example. A test runs every
rule's examples." The examples are what `reportlint explain` shows, so they must be true.
"""

from __future__ import annotations

import re

import pytest

from reportlint import LintOptions, lint_text
from reportlint.api import Rule, Severity
from reportlint.registry import all_rules, find_rule

RULES = all_rules()
CHECKED = [rule for rule in RULES if rule.check is not None]
# a title line: makes a snippet a report, so rules that only run on reports get to see the example
REPORT_TITLE = "青山县交通运输局2023年政府信息公开工作年度报告\n"


def _ids(rules):
    return [rule.code for rule in rules]


def _as_report(text: str) -> str:
    """The example as it is if the engine takes it for a report, else under a report title."""
    result = lint_text(text, options=LintOptions(select=("RL004",)))
    return REPORT_TITLE + text if [d.code for d in result.diagnostics] == ["RL004"] else text


def _codes_for(rule: Rule, text: str) -> list[str]:
    result = lint_text(text, path=f"{rule.code}-example.txt", options=LintOptions(select=(rule.code,)), previous=rule.example_previous)
    return [d.code for d in result.diagnostics]


# ---------------------------------------------------------------- the catalogue itself


def test_catalogue_holds_the_built_in_rules():
    assert _ids(RULES) == sorted(_ids(RULES))
    assert {"RL001", "RL002", "RL004", "RL005", "RL101", "RL102", "RL103", "RL105",
            "RL301", "RL302", "RL303", "RL304", "RL401", "RL402"} <= set(_ids(RULES))
    assert len(set(_ids(RULES))) == len(RULES)
    assert [r.code for r in RULES if r.check is None] == ["RL001", "RL002", "RL003"]  # the engine's own codes


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_rule_metadata(rule):
    assert re.fullmatch(r"RL\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name
    assert isinstance(rule.severity, Severity)
    for message in (rule.summary, rule.explanation):
        assert message.zh.strip(), f"{rule.code}: empty Chinese text"
        assert message.en.strip(), f"{rule.code}: empty English text"
        assert re.search(r"[\u4e00-\u9fff]", message.zh), f"{rule.code}: Chinese text without Chinese"
    assert rule.bad.strip() and rule.good.strip()
    assert rule.bad != rule.good
    assert find_rule(RULES, rule.code) is rule
    assert find_rule(RULES, rule.name) is rule


# ---------------------------------------------------------------- the examples run


@pytest.mark.parametrize("rule", CHECKED, ids=_ids(CHECKED))
def test_bad_example_triggers_the_rule(rule):
    assert rule.code in _codes_for(rule, rule.bad)


@pytest.mark.parametrize("rule", CHECKED, ids=_ids(CHECKED))
def test_good_example_does_not_trigger_the_rule(rule):
    assert rule.code not in _codes_for(rule, rule.good)


# The same examples, put under a report title when the engine would not take them for a report. This
# tells apart an example that is wrong from one that is only a fragment (rules with requires_report
# skip non-reports).
REPORT_RULES = [rule for rule in CHECKED if rule.requires_report]


@pytest.mark.parametrize("rule", REPORT_RULES, ids=_ids(REPORT_RULES))
def test_bad_example_in_a_report_triggers_the_rule(rule):
    assert rule.code in _codes_for(rule, _as_report(rule.bad))


@pytest.mark.parametrize("rule", REPORT_RULES, ids=_ids(REPORT_RULES))
def test_good_example_in_a_report_does_not_trigger_the_rule(rule):
    assert rule.code not in _codes_for(rule, _as_report(rule.good))
