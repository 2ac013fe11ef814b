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


def detect_year(doc: Document) -> ReportYear:
    titles = _title_lines(doc)
    for finder, source in ((_TITLE, "title"), (_TITLE_BEFORE, "title"), (_PERIOD, "period"), (_ANNOUNCE, "announcement"), (_BODY, "announcement")):
        for number, line in enumerate(doc.lines[:60], start=1):
            if source == "title" and number not in titles:
                continue
            match = finder.search(simplify_for_matching(line))
            if match:
                column = max(line.find(match.group(1)), 0) + 1
                span = Span(number, column, number, column + 4)
                return ReportYear(int(match.group(1)), source, span, label_version(doc))
    return ReportYear(None, "none", None, label_version(doc))


def label_version(doc: Document) -> str | None:
    """'2021' or '2019' when the 主动公开 table's column labels give the template away."""
    compact = re.sub(r"\s+", "", doc.text[:200_000])
    hits = {version: sum(compact.count(label) for label in labels) for version, labels in _LABELS.items()}
    best = max(hits, key=hits.get)
    return best if hits[best] else None
