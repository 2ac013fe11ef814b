"""Lint one document: run each rule in isolation and turn findings into sorted diagnostics."""

from __future__ import annotations

import bisect
import traceback
from dataclasses import dataclass

from .api import Finding, Message, Rule, Severity
from .context import LintContext
from .document import Document, Span


@dataclass(frozen=True)
class Diagnostic:
    """A finding stamped with its rule and position: what every renderer prints."""

    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    section: tuple[str, ...]
    row: str | None = None
    column_label: str | None = None
    expected: str | None = None
    actual: str | None = None
    source_line: str = ""
    fingerprint_text: str = ""
    origin: dict | None = None  # for .docx/.html/.pdf: page, paragraph, table/row/cell, source line
    origin_text: str = ""  # the same, as a person reads it ("表3 第28行 第4列")
    suspect: dict | None = None  # arithmetic: the one cell that explains every violated identity of its table

    def sort_key(self) -> tuple:
        """Position, then code; one rule's findings at one place keep the rule's order (the sort is
        stable), so missing sections are listed in template order, not by their messages' characters."""
        return (self.line, self.column, self.code, self.column_label or "")


class _SectionIndex:
    """Line number -> section path, from the blocks' start lines."""

    def __init__(self, doc: Document) -> None:
        self.starts = [block.span.line for block in doc.blocks]
        self.paths = [block.section for block in doc.blocks]

    def at(self, line: int) -> tuple[str, ...]:
        index = bisect.bisect_right(self.starts, line) - 1
        return self.paths[index] if index >= 0 else ()


def stamp(rule: Rule, finding: Finding, doc: Document, lang: str, sections: _SectionIndex | None) -> Diagnostic:
    span = finding.span
    section = finding.section if finding.section is not None else (sections.at(span.line) if sections else ())
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        severity=finding.severity or rule.severity,
        message=finding.message.render(lang, finding.args),
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        section=tuple(section),
        row=finding.row,
        column_label=finding.column_label,
        expected=finding.expected,
        actual=finding.actual,
        source_line=doc.line(span.line),
        fingerprint_text=finding.fingerprint_text or "",
        suspect=finding.suspect,
    )


def _crash(rule: Rule, error: BaseException, doc: Document, lang: str, crash_rule: Rule) -> Diagnostic:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    place = f"{where.filename}:{where.lineno}" if where else "?"
    finding = Finding(
        Message(
            "规则 {code}（{name}）在此文件上出错：{error}（{place}）。其他规则照常运行；请报告此问题。",
            "rule {code} ({name}) crashed on this file: {error} ({place}). The other rules still ran; please report this.",
        ),
        Span(1, 1, 1, 1),
        args={"code": rule.code, "name": rule.name, "error": repr(error), "place": place},
        fingerprint_text=rule.code,
    )
    return stamp(crash_rule, finding, doc, lang, None)


@dataclass(frozen=True)
class LintRun:
    ctx: LintContext
    diagnostics: list[Diagnostic]
    is_report: bool | None  # None when deciding it crashed


def lint_document(
    doc: Document,
    rules: tuple[Rule, ...],
    *,
    lang: str = "zh",
    template: str | None = None,
    crash_rule: Rule,
    options: dict[str, object] | None = None,
    previous: Document | None = None,
    accepted_rows: frozenset[tuple[str, str]] = frozenset(),
) -> LintRun:
    """Run `rules` over `doc`. A rule that raises becomes one `crash_rule` (RL002) diagnostic."""
    ctx = LintContext(doc, template, LintContext(previous) if previous is not None else None, accepted_rows)
    sections = _SectionIndex(doc)
    diagnostics: list[Diagnostic] = []
    try:
        is_report = ctx.is_report
    except Exception as error:  # noqa: BLE001 - a broken detector must not lose the file
        detector = next((r for r in rules if r.code == "RL004"), crash_rule)
        return LintRun(ctx, [_crash(detector, error, doc, lang, crash_rule)], None)
    for rule in rules:
        if rule.check is None or (rule.requires_report and not is_report):
            continue
        rule_options = (options or {}).get(rule.code) or rule.options()
        try:
            found = [stamp(rule, finding, doc, lang, sections) for finding in rule.check(doc, ctx, rule_options)]
        except (Exception, SystemExit) as error:  # noqa: BLE001 - isolation is the point (a plugin calling sys.exit too)
            diagnostics.append(_crash(rule, error, doc, lang, crash_rule))
            continue
        diagnostics.extend(found)
    diagnostics.sort(key=Diagnostic.sort_key)
    return LintRun(ctx, diagnostics, is_report)
