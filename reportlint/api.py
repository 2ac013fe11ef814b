"""The rule contract, for built-in rules and plugins alike.

A rule is a generator `check(doc, ctx, options)` yielding `Finding`s, declared with `@rule(...)`.
Register a plugin's rules under the entry-point group ``reportlint.rules``; the entry point may
name a `Rule`, a list of them, or a module holding them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Iterator

from pydantic import BaseModel, ConfigDict

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


class NoOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


CheckFunction = Callable[[Document, "LintContext", BaseModel], Iterator[Finding]]


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
    options: type[BaseModel] = NoOptions
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
    options: type[BaseModel] = NoOptions,
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
