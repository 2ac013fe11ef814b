"""Everything rules share about one document, computed once and on demand."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .document import Document
from .reportyear import ReportYear, detect_year
from .sections import SectionMatch, match_sections
from .tables import TableView, find_table, find_unlabelled_table
from .templates import Template, all_templates, template_for_year

# Enough traditional forms to recognise a report typed in traditional characters.
_TO_SIMPLIFIED = str.maketrans("開報務資況據條處複議訟關術統計範規錄", "开报务资况据条处复议讼关术统计范规录")
_RUBY = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_TITLE_WORDS = re.compile(r"(信息公开|政务公开|政务信息公开).{0,30}(年度报告|工作报告|情况报告|年报|报告)")
_ANNOUNCE = re.compile(r"(信息公开|政务公开).{0,60}(报告如下|年度报告)")


@dataclass(frozen=True)
class TemplateChoice:
    template: Template
    reason: str  # "option" | "year" | "labels" | "default"


class LintContext:
    """Per-document facts: report year, template, recognised sections and tables."""

    def __init__(self, doc: Document, template_override: str | None = None) -> None:
        self.doc = doc
        self.template_override = template_override

    @cached_property
    def year(self) -> ReportYear:
        return detect_year(self.doc)

    @cached_property
    def choice(self) -> TemplateChoice:
        templates = all_templates()
        if self.template_override:
            return TemplateChoice(templates[self.template_override], "option")
        if self.year.year is not None:
            return TemplateChoice(template_for_year(self.year.year), "year")
        if self.year.label_version:
            return TemplateChoice(templates[self.year.label_version], "labels")
        latest = max(templates.values(), key=lambda t: t.template.first_year)
        return TemplateChoice(latest, "default")

    @property
    def template(self) -> Template:
        return self.choice.template

    @cached_property
    def sections(self) -> tuple[SectionMatch, ...]:
        return match_sections(self.doc, self.template)

    @cached_property
    def is_report(self) -> bool:
        """An annual report names itself in its first lines, or has at least three template sections."""
        head = "\n".join(line for line in self.doc.lines[:40] if line.strip())[:3000]
        head = _RUBY.sub("", head).translate(_TO_SIMPLIFIED)
        title = "\n".join(head.splitlines()[:8])
        if _TITLE_WORDS.search(title) or _ANNOUNCE.search(head):
            return True
        reference = all_templates()["2021"]
        return len({m.spec.id for m in match_sections(self.doc, reference)}) >= 3

    def table(self, name: str) -> TableView | None:
        """The template table `name` ('request', 'review') as found in the document, or None."""
        if name not in self._tables:
            spec = self.template.tables.get(name)
            if spec is None:
                view = None
            elif any(row.label for row in spec.rows):
                view = find_table(self.doc, spec)
            else:
                view = find_unlabelled_table(self.doc, spec)
            self._tables[name] = view
        return self._tables[name]

    @cached_property
    def _tables(self) -> dict[str, TableView | None]:
        return {}
