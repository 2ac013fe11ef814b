"""Recognising the template's six sections among a report's level-1 headings."""

from __future__ import annotations

from dataclasses import dataclass

from .document import Document, Heading
from .labels import normalise
from .templates import SectionSpec, Template


@dataclass(frozen=True)
class SectionMatch:
    heading: Heading
    spec: SectionSpec
    exact: bool  # the template wording (or an accepted variant of it is False)


def match_heading(heading: Heading, template: Template) -> tuple[SectionSpec, bool] | None:
    """The template section a heading stands for: by exact label, known variant, or pattern."""
    key = normalise(heading.title)
    if not key:
        return None
    for spec in template.sections:
        if key == normalise(spec.label):
            return spec, True
    for spec in template.sections:
        if key in spec.keys:
            return spec, False
    for spec in template.sections:
        if spec.regex is not None and spec.regex.search(key):
            return spec, False
    return None


def match_sections(doc: Document, template: Template) -> tuple[SectionMatch, ...]:
    found = []
    for heading in doc.headings:
        if heading.level != 1:
            continue
        matched = match_heading(heading, template)
        if matched:
            found.append(SectionMatch(heading, matched[0], matched[1]))
    return tuple(found)
