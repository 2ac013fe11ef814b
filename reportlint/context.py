"""Everything rules share about one document, computed once and on demand."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .document import Document, Paragraph, Table
from .issuer import Issuer, detect_issuer
from .labels import simplify_for_matching
from .reportyear import ReportYear, detect_year
from .sections import SectionMatch, match_sections
from .tablepieces import Piece, pieces
from .tables import PAGE_MARKER, Candidate, TableView, candidates, find_table, read_table
from .templates import Template, all_templates, template_for_year

_TITLE_WORDS = re.compile(r"(信息公开|政务公开|政务信息公开).{0,30}(年度报告|工作报告|情况报告|年报|报告)")
_ANNOUNCE = re.compile(r"(信息公开|政务公开).{0,60}(报告如下|年度报告)")
_TITLE_MAX = 60  # a title is a short line
_INTRO = re.compile(r"本(年度)?(报告|年报)(依据|根据|由|是|按照|系)")  # "本报告依据《…条例》…编制"
# the template's preamble without a title: "…规定编制本报告。报告数据统计期限为2025年1月1日至…"
_PREAMBLE = re.compile(r"编制(本|此)(年度)?(报告|年报)|(报告|数据)[^\n。]{0,8}统计(期限|时限|时间)")
_LATER_PAGE = re.compile(r"^\s*(?:Page\s+|P\.\s*|第\s*|[-—–]\s*)([0-9]+)")  # a page marker opening the text


_FINISHED = re.compile(r"[。！？!?；;…”」』）)]$|[0-9０-９一二三四五六七八九十〇零]\s*日$|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}$|(局|办公室|政府|委员会|街道办事处|中心|院|会)$")
_ROW_LINE = re.compile(r"\||\t|(\s[0-9]+){3}$")  # {3}, not {3,}: the same lines, and linear in a long line of figures


@dataclass(frozen=True)
class TemplateChoice:
    template: Template
    reason: str  # "option" | "year" | "labels" | "default"


LOST_BREAKS_LINE = 3000  # characters: no paragraph of a report is this long; a body saved on one line is


class LintContext:
    """Per-document facts: report year, template, recognised sections and tables."""

    def __init__(
        self,
        doc: Document,
        template_override: str | None = None,
        previous: "LintContext | None" = None,
        accepted_rows: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        self.doc = doc
        self.template_override = template_override
        self.previous = previous  # the same body's report for the year before (--previous), if known
        self.accepted_rows = accepted_rows  # (table, normalised label) rows that rule packs add

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
        head = simplify_for_matching(head)
        title = "\n".join(line for line in head.splitlines()[:8] if len(line.strip()) <= _TITLE_MAX)
        if _TITLE_WORDS.search(title) or _ANNOUNCE.search(head):
            return True
        if (_INTRO.search(head) or _PREAMBLE.search(head)) and "信息公开" in head:
            return True
        reference = all_templates()["2021"]
        found = {m.spec.id for m in match_sections(self.doc, reference)}
        if len(found) >= 3:
            return True
        # a page cut from the middle of a report: two sections and a table row the template names
        return len(found) >= 2 and self._has_template_row(reference)

    def _has_template_row(self, reference) -> bool:
        """A row of one of the template's tables (表二 blocks too: an excerpt may stop in section 二),
        or the review table's row of figures."""
        for spec in reference.tables.values():
            found = find_table(self.rows, spec) if any(row.label for row in spec.rows) else read_table(self.pieces, spec)
            if found is not None:
                return True
        return False

    @cached_property
    def starts_mid_way(self) -> bool:
        """The text begins inside a report (a page of a flip-book): it opens with the marker of a page
        after the first, or has no title and a table row before any heading."""
        opening = next((line for line in self.doc.lines[:3] if line.strip()), "")
        page = _LATER_PAGE.match(opening)
        if page and PAGE_MARKER.match(opening) and int(page.group(1)) > 1:
            return True  # "Page 8 - …年度报告" / "- 8 -": a running header, the title is not this text's own
        if self.year.source == "title":
            return False
        first = next((b for b in self.doc.blocks if not (isinstance(b, Paragraph) and PAGE_MARKER.match(b.text))), None)
        rows_first = self.rows and (first is None or self.rows[0].row.span.line < first.span.line)
        return bool(rows_first) or (first is not None and isinstance(first, Table))

    @cached_property
    def lost_line_breaks(self) -> int | None:
        """The first line of a text whose line breaks were lost, else None: a line the parser cut into
        the lines it held (linebreaks.py), or one longer than any paragraph of a report."""
        if self.doc.cut_lines:
            return self.doc.cut_lines[0][0]
        return next((n for n, line in enumerate(self.doc.lines, 1) if len(line) >= LOST_BREAKS_LINE), None)

    @cached_property
    def truncated_at(self) -> int | None:
        """The last line when the text stops mid-way (an excerpt), else None.

        A finished report ends with a complete sentence, a date or a signature. Text that stops
        mid-sentence, or on a table row (real reports never end on a table: 五 and 六 follow), was
        cut off when it was copied; what would follow the cut cannot be judged missing.
        """
        lines = self.doc.lines
        last = next((n for n in range(len(lines), 0, -1) if lines[n - 1].strip() and not PAGE_MARKER.match(lines[n - 1])), None)
        if last is None:
            return None
        text = lines[last - 1].strip()
        cut = dict(self.doc.cut_lines).get(last)
        if cut:  # a line whose line breaks were lost ends where its last line (or last table cell) does
            text = lines[last - 1][cut[-1]:].strip()
            text = text[text.rfind("|") + 1:].strip() or text
        if _ROW_LINE.search(text) or not _FINISHED.search(text):
            return last
        return None

    def table(self, name: str) -> TableView | None:
        """The template table `name` ('request', 'review') as read from the document, or None
        when it is not printed or could not be read with confidence (see `unreadable_tables`)."""
        view = self._read(name)
        return None if view is None or view.unreadable else view

    def unreadable_tables(self) -> dict[str, TableView]:
        """The template's tables printed but not read with confidence (RL205), by name."""
        return {name: view for name in self.template.tables if (view := self._read(name)) is not None and view.unreadable}

    def _read(self, name: str) -> TableView | None:
        if name not in self._tables:
            spec = self.template.tables.get(name)
            self._tables[name] = None if spec is None else read_table(self.pieces, spec)
        return self._tables[name]

    @cached_property
    def pieces(self) -> tuple[Piece, ...]:
        """The document's table-like text as label fragments and figures (tablepieces.py)."""
        return pieces(self.doc)

    @cached_property
    def issuer(self) -> Issuer:
        """Who issued the report and what kind of body it is (government, department, township)."""
        return detect_issuer(self.doc)

    def present_tables(self) -> dict[str, TableView]:
        """The template's tables found in the document, by name."""
        return {name: view for name in self.template.tables if (view := self.table(name)) is not None}

    @cached_property
    def rows(self) -> tuple[Candidate, ...]:
        """Every printed table row (pipe, tab, one cell per line, PDF text), in document order."""
        return candidates(self.doc)

    @cached_property
    def _tables(self) -> dict[str, TableView | None]:
        return {}
