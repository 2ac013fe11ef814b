"""Suppression comments: silence single findings where they occur, in the report itself.

In .txt, .md and .html reports::

    <!-- reportlint-disable-next-line RL401 -->      the next line
    …text… <!-- reportlint-disable-line RL401 -->     this line
    <!-- reportlint-disable RL3 -->                   from here …
    <!-- reportlint-enable RL3 -->                    … to here (no enable: to the end of the file)

Each comment names rules as `reportlint check --select` does: codes, code prefixes (`RL3`) or
names (`placeholder`), separated by spaces or commas; a comment that names none covers every rule.
`reportlint-enable` with no names ends every open `disable`; with names, the `disable`s that named
the same selectors. A comment is one line; several may share a line.

Positions. In .txt/.md a finding is covered by where it starts (line, and for blocks the column:
`disable`/`enable` in the middle of a line take effect there). In .html the comments are in the
page's source, which the reader drops, so lines there are *source lines of the page*: a finding
belongs to the source line where its paragraph or table row (`<tr>`) starts — the `源文件第N行`
of its location. Put the comment on its own line just above that element.

Never suppressed: RL001 (unreadable), RL002 (rule crashed), RL004 (not a report) and RL003 itself.
A comment, or a rule it names, that suppresses nothing is reported as RL003 `unused-suppression`
(a warning), as are unknown rule names, `enable`s with no matching `disable` and unknown
`reportlint-…` directives — but a rule that did not run (deselected, or the file is not a report)
is not called unused. .docx and .pdf files cannot carry comments: there, use `per-file-ignores` in
the configuration or a baseline; a `reportlint-…` comment typed into their text gets RL003 saying so.

The one entry point is `apply_suppressions`, called by `lint.lint_text` after the rules ran.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .api import Finding, Message, Rule, rule
from .document import Document, Span
from .engine import Diagnostic, _SectionIndex, stamp
from .parser import normalise_newlines
from .readers import DOCX_SUFFIXES, HTML_SUFFIXES, PDF_SUFFIXES

if TYPE_CHECKING:
    from .lint import LintOptions

UNUSED_SUPPRESSION = rule(
    code="RL003",
    name="unused-suppression",
    severity="warning",
    summary_zh="抑制注释没有抑制任何问题（或写错了规则名称、无对应的 disable、用在 .docx/.pdf 中）",
    summary_en="a suppression comment suppresses nothing (or names no rule, has no matching disable, or sits in a .docx/.pdf)",
    explanation_zh=(
        "在 .txt、.md、.html 报告中可以用 <!-- reportlint-disable-next-line RL401 --> 抑制下一行的问题，"
        "用 <!-- reportlint-disable RL3 --> … <!-- reportlint-enable RL3 --> 抑制一段。问题改正后注释若仍留着，"
        "就会悄悄掩盖以后再出现的同类问题，因此没有抑制任何问题的注释会得到此警告，应当删除。"
        "写错的规则代码或名称、没有对应 disable 的 enable、无法识别的 reportlint- 注释也报此警告。"
        "RL001、RL002、RL004 不能用注释抑制。.docx 和 .pdf 文件不能带注释：请在配置文件中使用 per-file-ignores 或基线。"
    ),
    explanation_en=(
        "In .txt, .md and .html reports, <!-- reportlint-disable-next-line RL401 --> suppresses findings on the next "
        "line, and <!-- reportlint-disable RL3 --> … <!-- reportlint-enable RL3 --> a stretch of the report. A comment "
        "left behind after the text was fixed would silently hide the next such mistake, so a comment that suppresses "
        "nothing gets this warning: delete it. Misspelt rule codes or names, an enable without a matching disable and "
        "unknown reportlint- comments get it too. RL001, RL002 and RL004 cannot be suppressed. .docx and .pdf files "
        "cannot carry comments: use per-file-ignores in the configuration, or a baseline."
    ),
    bad="<!-- reportlint-disable-next-line RL401 -->\n2023年6月，我局对行政规范性文件进行全面清理。",
    good="<!-- reportlint-disable-next-line RL401 -->\nxxxx年6月，我局对行政规范性文件进行全面清理。",
    requires_report=False,
)(None)

UNSUPPRESSIBLE = frozenset({"RL001", "RL002", "RL003", "RL004"})
KINDS = ("disable-next-line", "disable-line", "disable", "enable")
TEXT_MODE, HTML_MODE, NO_COMMENTS_MODE = "text", "html", "binary"

_COMMENT = re.compile(r"<!--\s*reportlint-(?P<kind>[A-Za-z-]*)(?P<body>.*?)-->")
_SELECTOR = re.compile(r"[^\s,]+")
_END = (float("inf"), 0)


@dataclass
class Directive:
    """One `<!-- reportlint-… -->` comment, with positions in the mode's coordinates."""

    kind: str
    selectors: tuple[tuple[str, int], ...]  # (selector, its column); () = every rule
    line: int  # text line (text mode) or page source line (html mode)
    column: int
    end_column: int
    text: str
    used: dict[str | None, bool] = field(default_factory=dict)
    _columns: dict[str, int] | None = field(default=None, repr=False, compare=False)

    @property
    def start(self) -> tuple[float, int]:
        return (self.line, self.column)

    @property
    def end(self) -> tuple[float, int]:
        return (self.line, self.end_column)

    def targets(self) -> list[str | None]:
        return [s for s, _ in self.selectors] or [None]

    def columns(self) -> dict[str, int]:
        """Each selector's first column (built once: a comment may name thousands)."""
        if self._columns is None:
            self._columns = {}
            for selector, column in self.selectors:
                self._columns.setdefault(selector, column)
        return self._columns


_SHOWN_CHARS = 120


def _shown(comment: str) -> str:
    """The comment as a message quotes it: a long one is cut, so n findings for a comment naming n
    rules cost n short messages, not n copies of the whole comment (issue 12: 40 KB -> 2.3 GB)."""
    return comment if len(comment) <= _SHOWN_CHARS else comment[: _SHOWN_CHARS - 1] + "…"


def parse_directives(lines: Iterable[str]) -> list[Directive]:
    """Every `<!-- reportlint-… -->` comment in `lines` (line numbers from 1), in order."""
    found = []
    for number, line in enumerate(lines, 1):
        if "reportlint-" not in line:
            continue
        for match in _COMMENT.finditer(line):
            body_start = match.start("body")
            selectors = tuple((m.group(), body_start + m.start() + 1) for m in _SELECTOR.finditer(match.group("body")))
            found.append(Directive(match.group("kind").lower(), selectors, number, match.start() + 1, match.end() + 1, match.group()))
    return found


def _matches(code: str, name: str, selector: str) -> bool:
    return code.startswith(selector.upper()) or name == selector


@dataclass
class _Region:
    directive: Directive
    selector: str | None
    start: tuple[float, int]
    end: tuple[float, int]


def _regions(directives: list[Directive], problems: list[tuple[Directive, str | None, str]]) -> list[_Region]:
    """disable … enable pairs (in document order) as regions; unmatched enables are problems."""
    regions: list[_Region] = []
    open_: list[_Region] = []
    for directive in directives:
        if directive.kind == "disable":
            open_.extend(_Region(directive, target, directive.end, _END) for target in directive.targets())
        elif directive.kind == "enable":
            if not directive.selectors:
                if not open_:
                    problems.append((directive, None, "enable"))
                for region in open_:
                    region.end = directive.start
                regions.extend(open_)
                open_ = []
                continue
            for selector, _ in directive.selectors:
                closing = [r for r in open_ if r.selector is not None and r.selector.upper() == selector.upper()]
                if not closing:
                    problems.append((directive, selector, "enable"))
                for region in closing:
                    region.end = directive.start
                    open_.remove(region)
                regions.extend(closing)
    return regions + open_


_MESSAGES = {
    "unused": Message(
        "抑制注释「{comment}」没有抑制任何问题，请删除",
        "suppression comment '{comment}' suppresses nothing; remove it",
    ),
    "unused-selector": Message(
        "抑制注释「{comment}」中的「{selector}」没有抑制任何问题，请删去",
        "'{selector}' in suppression comment '{comment}' suppresses nothing; remove it",
    ),
    "unknown": Message(
        "抑制注释「{comment}」中的「{selector}」不是规则代码、代码前缀或规则名称（见 reportlint rules）",
        "'{selector}' in suppression comment '{comment}' is not a rule code, code prefix or rule name (see reportlint rules)",
    ),
    "unsuppressible": Message(
        "「{selector}」不能用注释抑制（RL001 无法读取、RL002 规则出错、RL003、RL004 不是年报必须报告）",
        "'{selector}' cannot be suppressed by a comment (RL001, RL002, RL003 and RL004 are always reported)",
    ),
    "enable": Message(
        "「{comment}」没有对应的 reportlint-disable",
        "'{comment}' has no matching reportlint-disable",
    ),
    "enable-selector": Message(
        "「{comment}」中的「{selector}」没有对应的 reportlint-disable {selector}",
        "'{selector}' in '{comment}' has no matching reportlint-disable {selector}",
    ),
    "kind": Message(
        "无法识别的抑制注释「{comment}」：应为 reportlint-disable-next-line、-disable-line、-disable 或 -enable",
        "unknown suppression comment '{comment}': use reportlint-disable-next-line, -disable-line, -disable or -enable",
    ),
    "binary": Message(
        "抑制注释「{comment}」在 .docx/.pdf 文件中不起作用：请在配置文件中用 per-file-ignores，或使用基线（--baseline）",
        "suppression comment '{comment}' has no effect in a .docx/.pdf file: use per-file-ignores in the configuration, or a baseline (--baseline)",
    ),
}


def _mode(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in DOCX_SUFFIXES or suffix in PDF_SUFFIXES:
        return NO_COMMENTS_MODE
    if suffix in HTML_SUFFIXES:
        return HTML_MODE
    return TEXT_MODE


@dataclass(frozen=True)
class _HtmlView:
    """For an .html file: its comments (page source lines) and each extracted text line's source line."""

    directives: list[Directive]
    source_line: tuple[int | None, ...]  # index: extracted text line - 1

    def line_of(self, diagnostic: Diagnostic) -> int | None:
        if 0 < diagnostic.line <= len(self.source_line):
            return self.source_line[diagnostic.line - 1]
        return None

    def anchor(self, source_line: int) -> int:
        """The first extracted text line at or after page source line `source_line` (else the last)."""
        for index, line in enumerate(self.source_line):
            if line is not None and line >= source_line:
                return index + 1
        return max(1, len(self.source_line))


def _html_view(doc: Document) -> _HtmlView | None:
    """The page's comments and line map, when `doc` is exactly what the reader extracts from `doc.path`."""
    try:
        data = Path(doc.path).read_bytes()
    except OSError:
        return None
    in_page = b"reportlint-" in data or "reportlint-".encode("utf-16-le") in data or "reportlint-".encode("utf-16-be") in data
    if not in_page and "reportlint-" not in doc.text:
        return _HtmlView([], ())  # no comment anywhere: nothing to read twice
    from .readers import ReadResult
    from .readers.html import _decode, read_html
    from .readers.normalise import normalise

    read = read_html(data)
    decoded = _decode(data)
    if not isinstance(read, ReadResult) or not isinstance(decoded, tuple) or read.source_map is None:
        return None
    if normalise(normalise_newlines(read.text)).text != doc.text:
        return None  # not the page's text (lint_text called with other text): treat it as plain text
    source = normalise_newlines(decoded[0])
    lines = tuple(entry.origin.line for entry in read.source_map.lines)
    return _HtmlView(parse_directives(source.split("\n")), lines)


def apply_suppressions(
    doc: Document,
    diagnostics: list[Diagnostic],
    rules: tuple[Rule, ...],
    options: "LintOptions",
    is_report: bool | None,
) -> list[Diagnostic]:
    """Drop the findings that suppression comments cover; add RL003 for comments that do nothing.

    `rules` are the rules selected for this run (those that ran, if `is_report`), `options` the
    run's options (language, select/ignore, pack rules). Returns the diagnostics, sorted.
    """
    mode = _mode(doc.path)
    html: _HtmlView | None = None
    if mode == HTML_MODE:
        html = _html_view(doc)
        if html is None:
            mode = TEXT_MODE
    directives = html.directives if html is not None else parse_directives(doc.lines if "reportlint-" in doc.text else ())
    if not directives:
        return diagnostics
    report = _Reporter(doc, options, html)
    if mode == NO_COMMENTS_MODE:
        for directive in directives:
            report.add(directive, None, "binary")
        return report.merge(diagnostics)

    problems: list[tuple[Directive, str | None, str]] = []
    valid = []
    for directive in directives:
        if directive.kind in KINDS:
            valid.append(directive)
        else:
            problems.append((directive, None, "kind"))
    regions = _regions(valid, problems)
    singles = [d for d in valid if d.kind in ("disable-next-line", "disable-line")]

    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if diagnostic.code in UNSUPPRESSIBLE:
            kept.append(diagnostic)
            continue
        line = html.line_of(diagnostic) if html is not None else diagnostic.line
        if line is None:
            kept.append(diagnostic)
            continue
        position = (line, 1) if html is not None else (diagnostic.line, diagnostic.column)
        suppressed = False
        for directive in singles:
            target = directive.line + 1 if directive.kind == "disable-next-line" else directive.line
            if line != target:
                continue
            for selector in directive.targets():
                if selector is None or _matches(diagnostic.code, diagnostic.name, selector):
                    directive.used[selector] = suppressed = True
        for region in regions:
            start = (region.start[0], 0) if html is not None else region.start
            end = (region.end[0], 0) if html is not None else region.end
            if start <= position < end and (region.selector is None or _matches(diagnostic.code, diagnostic.name, region.selector)):
                region.directive.used[region.selector] = suppressed = True
        if not suppressed:
            kept.append(diagnostic)

    from .registry import all_rules  # here, not at the top: checks/engine_codes.py may import this module

    known = all_rules() + tuple(options.extra_rules)
    # the rules that looked at this file: a rule that did not run cannot tell whether a comment is stale
    ran = [r for r in rules if r.check is not None and is_report is not None and (is_report or not r.requires_report)]
    for directive, selector, kind in problems:
        report.add(directive, selector, kind)
    for directive in valid:
        if directive.kind == "enable":
            continue
        for selector in directive.targets():
            if directive.used.get(selector):
                continue
            if selector is None:
                if ran:
                    report.add(directive, None, "unused")
                continue
            matching = [r for r in known if _matches(r.code, r.name, selector)]
            if not matching:
                report.add(directive, selector, "unknown")
            elif all(r.code in UNSUPPRESSIBLE for r in matching):
                report.add(directive, selector, "unsuppressible")
            elif any(_matches(r.code, r.name, selector) for r in ran):
                report.add(directive, selector, "unused")
    return report.merge(kept)


class _Reporter:
    """Builds the RL003 diagnostics (unless RL003 is deselected or ignored)."""

    def __init__(self, doc: Document, options: "LintOptions", html: _HtmlView | None) -> None:
        self.doc = doc
        self.options = options
        self.html = html
        from .registry import select_rules

        self.enabled = bool(select_rules((UNUSED_SUPPRESSION,), list(options.select), list(options.ignore)))
        self.found: list[Diagnostic] = []
        self._sections: _SectionIndex | None = None

    def add(self, directive: Directive, selector: str | None, kind: str) -> None:
        if not self.enabled:
            return
        column, end = directive.column, directive.end_column
        if selector is not None:
            column = directive.columns().get(selector, column)
            end = column + len(selector)
        if kind in ("unused", "enable") and len(directive.selectors) > 1:
            kind += "-selector"  # the comment does something: only this name in it is stale
        args = {"comment": _shown(directive.text), "selector": selector or ""}
        message = _MESSAGES[kind]
        line = directive.line
        if self.html is not None:  # comments sit in the page source: say which line, point at the text after it
            message = Message("源文件第{source_line}行：" + message.zh, "source line {source_line}: " + message.en)
            args["source_line"] = directive.line
            line = self.html.anchor(directive.line)
            column, end = 1, max(2, len(self.doc.line(line)) + 1)
        if self._sections is None:
            self._sections = _SectionIndex(self.doc)
        finding = Finding(message, Span(line, column, line, end), args=args, fingerprint_text=f"{_shown(directive.text)} {selector or ''}".strip())
        self.found.append(stamp(UNUSED_SUPPRESSION, finding, self.doc, self.options.lang, self._sections))

    def merge(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        if not self.found:
            return diagnostics
        return sorted([*diagnostics, *self.found], key=Diagnostic.sort_key)
