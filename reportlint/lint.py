"""The public entry points: lint text or a file, get typed results back."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel

from .api import Finding, Rule, Severity
from .document import Span
from .engine import Diagnostic, lint_document, stamp
from .parser import parse
from .readers import DEFAULT_MAX_BYTES, ReadError, SourceMap, read_path
from .registry import all_rules, find_rule, select_rules

UNASSESSABLE = frozenset({"RL001", "RL004"})


@dataclass(frozen=True)
class LintOptions:
    """What to check and how: built from the command line and the nearest configuration file."""

    lang: str = "zh"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    template: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    severity: dict[str, Severity] = field(default_factory=dict)  # code -> severity that replaces the default
    rule_options: dict[str, BaseModel] = field(default_factory=dict)  # code -> validated options
    extra_rules: tuple[Rule, ...] = ()  # rules from rule packs named in the configuration


@dataclass(frozen=True)
class FileResult:
    """One file's verdict: `status` is 'pass', 'fail' (errors found) or 'error' (could not be assessed)."""

    path: str
    status: str
    template: str | None
    diagnostics: tuple[Diagnostic, ...]
    encoding: str | None = None
    year: int | None = None
    notes: tuple[str, ...] = field(default=())

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


def _status(diagnostics: list[Diagnostic]) -> str:
    if any(d.code in UNASSESSABLE and d.severity is Severity.ERROR for d in diagnostics):
        return "error"
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return "fail"
    return "pass"


def _rules(options: LintOptions) -> tuple[Rule, ...]:
    return select_rules(all_rules() + options.extra_rules, list(options.select), list(options.ignore))


def lint_text(text: str, path: str = "<text>", options: LintOptions | None = None, *, encoding: str = "utf-8") -> FileResult:
    """Lint report text already in memory (a notebook cell, a database row)."""
    options = options or LintOptions()
    rules = _rules(options)
    doc = parse(text, path=path, encoding=encoding)
    crash_rule = find_rule(all_rules(), "RL002")
    run = lint_document(doc, rules, lang=options.lang, template=options.template, crash_rule=crash_rule, options=options.rule_options)
    ctx, diagnostics = run.ctx, run.diagnostics
    if options.severity:
        diagnostics = [replace(d, severity=options.severity.get(d.code, d.severity)) for d in diagnostics]
    template = ctx.template.id if run.is_report else None
    return FileResult(path, _status(diagnostics), template, tuple(diagnostics), encoding, ctx.year.year if run.is_report else None)


def lint_path(path: str | Path, options: LintOptions | None = None) -> FileResult:
    """Read and lint one file; unreadable files give an RL001 verdict instead of an exception."""
    options = options or LintOptions()
    path = Path(path)
    read = read_path(path, options.max_bytes)
    if isinstance(read, ReadError):
        return unreadable(str(path), read, options)
    result = lint_text(read.text, str(path), options, encoding=read.encoding)
    notes = read.notes + ((f"encoding guessed: {read.encoding}",) if read.guessed else ())
    diagnostics = result.diagnostics
    if read.source_map is not None:
        diagnostics = tuple(_with_origin(d, read.source_map, options.lang) for d in diagnostics)
    return replace(result, diagnostics=diagnostics, notes=notes)


def _with_origin(diagnostic: Diagnostic, source_map: SourceMap, lang: str) -> Diagnostic:
    """Point a finding back into the original .docx/.html/.pdf as well as into the extracted text."""
    origin = source_map.locate(diagnostic.line, diagnostic.column)
    if origin is None or not origin.as_json():
        return diagnostic
    return replace(diagnostic, origin=origin.as_json(), origin_text=origin.describe(lang))


def unreadable(path: str, error: ReadError, options: LintOptions) -> FileResult:
    rule = find_rule(all_rules(), "RL001")
    finding = Finding(error.message, Span(1, 1, 1, 1), args=error.args, fingerprint_text="RL001")
    diagnostic = stamp(rule, finding, _EMPTY_DOC, options.lang, None)
    return FileResult(path, "error", None, (diagnostic,), None)


class _EmptyDocument:
    def line(self, number: int) -> str:
        return ""


_EMPTY_DOC = _EmptyDocument()
