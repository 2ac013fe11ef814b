"""Which year a report is about, and how we know: title, statistics period, or the body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document, Paragraph, Span
from .labels import simplify_for_matching

_YEAR = r"((?:19|20)\d{2})\s*年"
_TITLE = re.compile(_YEAR + r"度?[^\n]{0,40}?(?:信息公开|政务公开|政务信息公开)[^\n]{0,20}(?:报告|年报)")
_TITLE_BEFORE = re.compile(r"(?:信息公开|政务公开)[^\n]{0,20}(?:报告|年报)[^\n]{0,10}?[(（]?" + _YEAR)
_PERIOD = re.compile(r"统计(?:期限|时限|区间|时间)[^\n]{0,12}?" + _YEAR)
_ANNOUNCE = re.compile(r"(?:现将|现公布|现予公布|特公布|现发布)[^\n，。]{0,20}?" + _YEAR + r"度?")
_BODY = re.compile(r"^\s*" + _YEAR + r"度?\s*[，,]")  # "2019年，我乡…" opening the first section
# the opening of the body, before section 二: "2019年我局…", "2020年七里坪镇…", "（一）主动公开。2025年度，…"
# (not a date: "2023年6月，…"), "汇报我镇2023年政府信息公开工作", "截止2023年12月31日我局…"
_OPENING = re.compile(
    r"^\s*(?:[(（][一二三四五六七八九十]{1,2}[)）][^\n。，,]{0,16}?[。.:：]?)?" + _YEAR + r"度?(?!\s*[0-9０-９]|[底末初中])"
)
_REPORTING = re.compile(r"(?:汇报|报告|总结|公布)[^\n，。,]{0,10}?" + _YEAR + r"度?[^\n，。,]{0,6}?(?:政府信息公开|政务公开|信息公开)")
_YEAR_END = re.compile(r"截[止至]\s*" + _YEAR + r"\s*12\s*月\s*31\s*日")
_TITLE_MAX = 60
_SENTENCE_ENDS = ("。", "：", ":", "；", ";", "，", ",")
_LABELS = {
    "2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量"),
    "2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量"),
}


@dataclass(frozen=True)
class ReportYear:
    year: int | None
    source: str  # "title" | "period" | "announcement" | "labels" | "none" | "option"
    span: Span | None
    label_version: str | None  # the template version the table labels belong to, if any


def _title_lines(doc: Document) -> set[int]:
    """Line numbers that can be the title: short lines before the first heading, not sentences."""
    first_block = min((b.span.line for b in doc.blocks if not isinstance(b, Paragraph)), default=len(doc.lines) + 1)
    numbers = set()
    for number, line in enumerate(doc.lines[: min(first_block - 1, 15)], start=1):
        text = line.strip()
        if text and len(text) <= _TITLE_MAX and not text.endswith(_SENTENCE_ENDS) and "现将" not in text:
            numbers.add(number)
    return numbers


def _opening_lines(doc: Document) -> int:
    """How many lines open the body: those before the second section heading (二、…), at most 60."""
    later = (b.span.line for b in doc.blocks if getattr(b, "level", 0) == 1 and getattr(b, "number", "") not in ("", "一"))
    return min(next(later, 61) - 1, 60)


def detect_year(doc: Document) -> ReportYear:
    titles = _title_lines(doc)
    opening = _opening_lines(doc)
    # the title, else the statistics period, else the body: its announcement or opening, whichever comes first
    searches = (
        (("title", _TITLE),),
        (("title", _TITLE_BEFORE),),
        (("period", _PERIOD),),
        (("announcement", _ANNOUNCE), ("announcement", _BODY), ("opening", _REPORTING), ("opening", _YEAR_END), ("opening", _OPENING)),
    )
    for finders in searches:
        found = _first_line(doc, finders, titles, opening)
        if found:
            return found
    return ReportYear(None, "none", None, label_version(doc))


def _first_line(doc: Document, finders, titles: set[int], opening: int) -> ReportYear | None:
    """The first of the first 60 lines where one of `finders` gives a year (by line, then finder)."""
    for number, line in enumerate(doc.lines[:60], start=1):
        simple = None
        for source, finder in finders:
            if source == "title" and number not in titles or source == "opening" and number > opening:
                continue
            simple = simple if simple is not None else simplify_for_matching(line)
            match = finder.search(simple)
            if match:
                column = max(line.find(match.group(1)), 0) + 1
                span = Span(number, column, number, column + 4)
                return ReportYear(int(match.group(1)), "announcement" if source == "opening" else source, span, label_version(doc))
    return None


def label_version(doc: Document) -> str | None:
    """'2021' or '2019' when the 主动公开 table's column labels give the template away."""
    compact = re.sub(r"\s+", "", doc.text[:200_000])
    hits = {version: sum(compact.count(label) for label in labels) for version, labels in _LABELS.items()}
    best = max(hits, key=hits.get)
    return best if hits[best] else None
