"""The rule contract, for built-in rules and plugins alike.

A rule is a generator `check(doc, ctx, options)` yielding `Finding`s, declared with `@rule(...)`.
A rule's options are a frozen dataclass (or a pydantic model) with defaults for every field; the
configuration's `[options.CODE]` table is validated against it with pydantic, which is imported only
then, so a plain check starts without it.
Register a plugin's rules under the entry-point group ``reportlint.rules``; the entry point may
name a `Rule`, a list of them, or a module holding them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .document import Document, Span

if TYPE_CHECKING:
    from .context import LintContext


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Message:
    """A message in both languages; `{name}` fields are filled from `args`."""

    zh: str
    en: str

    def render(self, lang: str, args: dict[str, Any]) -> str:
        template = self.zh if lang == "zh" else self.en
        return template.format(**args)


@dataclass(frozen=True)
class Finding:
    """What a rule found, and where. The engine adds code, name, severity and the file."""

    message: Message
    span: Span
    args: dict[str, Any] = field(default_factory=dict)
    section: tuple[str, ...] | None = None  # default: the section at span.line
    row: str | None = None  # template row label
    column_label: str | None = None  # template column label
    expected: str | None = None
    actual: str | None = None
    severity: "Severity | None" = None  # overrides the rule's default for this finding
    fingerprint_text: str | None = None  # the flagged text, for baselines
    suspect: dict | None = None  # the one cell that explains this and the table's other arithmetic findings (JSON `suspect`)


@dataclass(frozen=True)
class NoOptions:
    """The options of a rule that has none: any key in its `[options.CODE]` table is an error."""

    __pydantic_config__ = {"extra": "forbid"}


CheckFunction = Callable[[Document, "LintContext", Any], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: Message
    explanation: Message  # what it checks and why (cite the clause)
    bad: str  # an example that triggers the rule
    good: str  # the same example, fixed
    check: CheckFunction | None  # None: reported by the engine itself (RL001, RL002)
    options: type = NoOptions  # a frozen dataclass or pydantic model; every field has a default
    requires_report: bool = True  # skipped on files that are not annual reports (RL004)
    source: str = "reportlint"  # the distribution that provides the rule
    example_previous: str | None = None  # cross-year rules: last year's report the examples are checked against


def rule(
    *,
    code: str,
    name: str,
    severity: str,
    summary_zh: str,
    summary_en: str,
    explanation_zh: str,
    explanation_en: str,
    bad: str,
    good: str,
    options: type = NoOptions,
    requires_report: bool = True,
) -> Callable[[CheckFunction], Rule]:
    """Declare a rule: `@rule(code="XX101", name="kebab-name", ...)` over its check generator."""

    def wrap(check: CheckFunction) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=Severity(severity),
            summary=Message(summary_zh, summary_en),
            explanation=Message(explanation_zh, explanation_en),
            bad=bad,
            good=good,
            check=check,
            options=options,
            requires_report=requires_report,
        )

    return wrap
