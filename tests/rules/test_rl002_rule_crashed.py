"""RL002 rule-crashed: a rule that raises becomes one RL002 for the file; the other rules still run."""

from __future__ import annotations

import pytest

import reportlint.lint
from reportlint import lint_text
from reportlint.api import Finding, Message, Severity, rule
from reportlint.context import LintContext
from reportlint.document import Span
from reportlint.engine import lint_document
from reportlint.parser import parse
from reportlint.registry import all_rules, find_rule


def _declare(code: str, name: str, *, requires_report: bool = True):
    return rule(
        code=code,
        name=name,
        severity="error",
        summary_zh="测试用规则",
        summary_en="a rule for tests",
        explanation_zh="测试用规则",
        explanation_en="a rule for tests",
        bad="",
        good="",
        requires_report=requires_report,
    )


@_declare("XX901", "always-crashes")
def always_crashes(doc, ctx, options):
    raise ZeroDivisionError("boom")
    yield  # pragma: no cover - makes this a generator like every rule


@_declare("XX902", "crashes-after-a-finding")
def crashes_after_a_finding(doc, ctx, options):
    yield Finding(Message("半途", "half-way"), Span(2, 1, 2, 2))
    raise KeyError("missing")


@_declare("XX903", "crashes-anywhere", requires_report=False)
def crashes_anywhere(doc, ctx, options):
    raise RuntimeError("no report needed to crash")
    yield  # pragma: no cover


CRASH_RULE = find_rule(all_rules(), "RL002")
PLACEHOLDER = find_rule(all_rules(), "RL401")


def _run(text, rules, lang="zh"):
    diagnostics = lint_document(parse(text), tuple(rules), lang=lang, crash_rule=CRASH_RULE).diagnostics
    return diagnostics


def test_crash_rule_is_registered():
    assert CRASH_RULE is not None
    assert CRASH_RULE.code == "RL002"
    assert CRASH_RULE.name == "rule-crashed"
    assert CRASH_RULE.check is None  # reported by the engine, not a check of its own


def test_crashing_rule_gives_one_rl002_and_the_others_still_run(bad_sample):
    text = bad_sample("RL401").read_text(encoding="utf-8")
    diagnostics = _run(text, [always_crashes, PLACEHOLDER])
    assert [d.code for d in diagnostics] == ["RL002", "RL401", "RL401"]
    crash = diagnostics[0]
    assert crash.name == "rule-crashed"
    assert crash.severity is Severity.ERROR
    assert (crash.line, crash.column, crash.end_line, crash.end_column) == (1, 1, 1, 1)
    assert crash.message.startswith("规则 XX901（always-crashes）在此文件上出错：ZeroDivisionError('boom')（")
    assert "test_rl002_rule_crashed.py:" in crash.message  # where it crashed
    assert crash.message.endswith("）。其他规则照常运行；请报告此问题。")
    # the other rule's findings are untouched
    assert [(d.line, d.column, d.actual) for d in diagnostics[1:]] == [(9, 62, "xxxx"), (13, 45, "XX")]


def test_rule_order_does_not_matter(bad_sample):
    text = bad_sample("RL401").read_text(encoding="utf-8")
    assert [d.code for d in _run(text, [PLACEHOLDER, always_crashes])] == ["RL002", "RL401", "RL401"]


def test_partial_findings_of_a_crashed_rule_are_dropped(good_text):
    diagnostics = _run(good_text, [crashes_after_a_finding])
    assert [d.code for d in diagnostics] == ["RL002"]
    assert "XX902（crashes-after-a-finding）" in diagnostics[0].message
    assert "KeyError('missing')" in diagnostics[0].message


def test_each_crashing_rule_gets_its_own_rl002(good_text):
    diagnostics = _run(good_text, [always_crashes, crashes_after_a_finding])
    assert [d.code for d in diagnostics] == ["RL002", "RL002"]
    assert sorted(d.message.split("（")[0] for d in diagnostics) == ["规则 XX901", "规则 XX902"]


def test_message_in_english(good_text):
    (crash,) = _run(good_text, [always_crashes], lang="en")
    assert crash.message.startswith("rule XX901 (always-crashes) crashed on this file: ZeroDivisionError('boom') (")
    assert crash.message.endswith("). The other rules still ran; please report this.")


def test_report_only_rule_is_not_run_on_a_non_report(bad_sample):
    # tricky good: the crashing rule requires a report, RL004's sample is none -> nothing ran, nothing crashed
    text = bad_sample("RL004").read_text(encoding="utf-8")
    assert _run(text, [always_crashes]) == []


def test_rule_that_runs_on_any_file_crashes_on_a_non_report(bad_sample):
    text = bad_sample("RL004").read_text(encoding="utf-8")
    diagnostics = _run(text, [crashes_anywhere])
    assert [d.code for d in diagnostics] == ["RL002"]
    assert "RuntimeError('no report needed to crash')" in diagnostics[0].message


def test_well_behaved_rules_give_no_rl002(good_text):
    assert _run(good_text, all_rules()) == []


def test_crash_through_the_public_api_fails_the_file(monkeypatch, good_text):
    monkeypatch.setattr(reportlint.lint, "_rules", lambda options: (always_crashes,) + all_rules())
    result = lint_text(good_text)
    assert [d.code for d in result.diagnostics] == ["RL002"]
    assert result.status == "fail"


def test_crash_in_report_detection_is_isolated(monkeypatch, good_text):
    def broken(self):
        raise ValueError("detector broke")

    monkeypatch.setattr(LintContext, "is_report", property(broken))
    result = lint_text(good_text)  # must not raise
    assert [d.code for d in result.diagnostics] == ["RL002"]
    assert "ValueError('detector broke')" in result.diagnostics[0].message
    assert result.status == "fail"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_crash_message_names_rule_code_and_name(good_text, lang):
    (crash,) = _run(good_text, [crashes_anywhere], lang=lang)
    assert "XX903" in crash.message and "crashes-anywhere" in crash.message
