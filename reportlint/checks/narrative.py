"""The narrative against the tables (RL501) and against itself (RL502).

一、总体情况 usually repeats the tables' key figures in prose: "全年共收到政府信息公开申请12件，…予以公开5件"
(REFERENCE §3 "Narrative ↔ table"). RL501 ties each figure to the phrase right before it and compares
it with the table cell(s) that phrase names; RL502 adds up lists like "共386条，其中a条、b条…".

Both are deliberately conservative: a figure counts only when it directly follows its phrase in the
same clause (no other figure, no clause break, no other category word in between), percentages,
approximate figures, other years and other bodies' figures are ignored, and a list is added up only
when its parts are clearly the parts of that total.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document, Heading, Paragraph, TextLine
from ..labels import replace_chars
from ..numbers import Kind, Value, format_number
from ..tables import TableView

# ---------------------------------------------------------------- text units


@dataclass(frozen=True)
class _Unit:
    """One stretch of narrative: a paragraph (or a heading line carrying body text, with the
    paragraph that continues it). `compact` is `paragraph.text` with full-width digits made ASCII
    and whitespace dropped (except between two digits); `index[i]` is compact[i]'s offset in text.
    `headings` holds the texts of the headings the unit sits under ("（二）依申请公开情况")."""

    paragraph: Paragraph
    compact: str
    index: array  # offset in the paragraph of each compact character (4 bytes each, not a Python int)
    headings: str = ""

    def span(self, start: int, end: int):
        return self.paragraph.locate(self.index[start], self.index[end - 1] + 1)


_FULLWIDTH = tuple(zip("０１２３４５６７８９％．，：；（）", "0123456789%.,:;()"))


_BODY_PUNCTUATION = re.compile(r"[。，,；;：:]")


_RUNS = re.compile(r"\s+|\S+")


def _compact(text: str) -> tuple[str, array]:
    """The text without spaces, and for each kept character its offset in `text`.

    "21 0 0" stays three figures (one space kept between digits); every other space goes (PDF
    text: "申请 21 件"). Works run by run, not character by character: reports can be megabytes.
    """
    translated = replace_chars(text, _FULLWIDTH)  # full-width digits and punctuation as ASCII
    parts: list[str] = []
    index = array("i")
    previous = ""
    for run in _RUNS.finditer(translated):
        start, end = run.span()
        if translated[start].isspace():
            following = translated[end] if end < len(translated) else ""
            if previous.isdigit() and following.isdigit():
                parts.append(" ")
                index.append(start)
                previous = " "
            continue
        parts.append(run.group())
        index.extend(range(start, end))
        previous = translated[end - 1]
    return "".join(parts), index


def _units_of(ctx) -> list[_Unit]:
    """The narrative units, built once per document for both narrative rules."""
    cache = ctx.__dict__
    if "_narrative_units" not in cache:
        cache["_narrative_units"] = list(_units(ctx.doc))
    return cache["_narrative_units"]


def _units(doc: Document) -> Iterator[_Unit]:
    """Paragraphs and heading lines, never table rows. A heading with body text after its title
    ("（二）依申请公开情况。进一步规范…") is joined with the paragraph that continues it on the next line."""
    blocks = doc.blocks
    skip = -1
    open_headings: dict[int, str] = {}
    for position, block in enumerate(blocks):
        if position == skip:
            continue
        if isinstance(block, Paragraph):
            paragraph = block
        elif isinstance(block, Heading):
            open_headings = {level: text for level, text in open_headings.items() if level < block.level}
            open_headings[block.level] = block.text
            line = TextLine(block.text, block.span.line, block.span.column)
            lines: tuple[TextLine, ...] = (line,)
            following = blocks[position + 1] if position + 1 < len(blocks) else None
            if (
                _BODY_PUNCTUATION.search(block.text)
                and isinstance(following, Paragraph)
                and following.lines[0].line == block.span.line + 1
            ):
                lines += following.lines
                skip = position + 1
            paragraph = Paragraph(lines, block.section)
        else:
            continue
        compact, index = _compact(paragraph.text)
        if compact:
            yield _Unit(paragraph, compact, index, "\n".join(open_headings.values()))


# ---------------------------------------------------------------- shared text tests

_NUMBER = r"(?<![\d.A-Za-z第])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)"
_APPROX_BEFORE = re.compile(r"(约|近|超过|超|逾|大约|将近|不足|不到|至少|最多)$")
_APPROX_AFTER = re.compile(r"^(余|多|以上|左右|上下|以下|以内)")
_CHANGE_BEFORE = re.compile(r"(增加|减少|增长|下降|回落|上升|提高|降低|增多|减少了|增加了|多出|少了|多了|新增了)$")
_OTHER_YEAR_WORDS = re.compile(r"去年|前年|上年(?!度?(?:结转|转结))|上一年(?!度?(?:结转|转结))|同比|环比|同期")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_OTHER_SCOPE = re.compile(r"各级|各部门|各区|各县|各乡|各镇|各街道|各单位|各地|下属|所属|全系统|系统内")
_CLAUSE_BREAK = "，,；;。！？!?"
_SENTENCE_END = "。！？!?"


_CLAUSE_REACH = 1000  # a clause is never longer; searching further back made long paragraphs quadratic


def _clause_start(text: str, position: int, breaks: str = _CLAUSE_BREAK) -> int:
    floor = max(0, position - _CLAUSE_REACH)
    cut = max(text.rfind(mark, floor, position) for mark in breaks)
    return cut + 1 if cut >= 0 else floor


def _about_other_year(unit: _Unit, start: int, end: int, year: int | None) -> bool:
    """The figure's part of the sentence (up to the last ；) compares with, or speaks of, another
    year ("去年共收到…，办结29件"; "2022年受理…")."""
    segment = unit.compact[_clause_start(unit.compact, start, _SENTENCE_END + ";；"):end]
    if _OTHER_YEAR_WORDS.search(segment):
        return True
    if year is None:
        return False
    sentence = unit.compact[_clause_start(unit.compact, start, _SENTENCE_END):end]
    return any(int(found) != year for found in _YEAR.findall(sentence))


def _approximate(text: str, start: int, end: int) -> bool:
    return bool(_APPROX_BEFORE.search(text[max(0, start - 4):start]) or _APPROX_AFTER.match(text[end:end + 2]))


# ---------------------------------------------------------------- RL501: facts the narrative states

# Keyword kinds: table facts, and "stop" words (other categories) that cut a figure off from an
# earlier phrase. Alternatives are tried left to right at each position, so longer phrases first.
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("r3_12", r"(?:予以)?公开(?:及|和|或|与|以及|、)部分公开"),
    ("r3_3", r"不予(?:以)?公开"),
    ("r3_4", r"无法提供"),
    ("r3_5", r"不予处理"),
    ("r3_6", r"其他处理"),
    ("r3_2", r"部分公开"),
    ("r3_1", r"予以公开|全部公开|同意公开"),
    ("r4", r"(?:结转|转结|顺延|转入)(?:至|到)?下一?个?年度?(?:继续)?(?:办理|答复|处理)?"),
    ("r2", r"上一?年度?(?:结转|转结)"),
    ("ld", r"未经(?:行政)?复议直接(?:提起)?(?:行政)?(?:起诉|诉讼)|直接(?:提起)?(?:行政)?起诉"),
    ("la", r"经?(?:行政)?复议后(?:再)?(?:提起)?(?:行政)?(?:起诉|诉讼)"),
    ("rv", r"行政复议"),
    ("lit", r"行政诉讼|被起诉|被诉|诉讼"),
    ("r1", r"受理|收到|新收|接收|接到|收悉"),
    ("r3_7", r"办理完毕|办理完结|处理完毕|答复|办结|办复"),
    ("r3_7p", r"办理|处理"),  # only with 申请 in between ("办理人大代表建议9件" is not a request)
    ("stop", r"自然人|法人|商业企业|科研机构|社会公益组织|法律服务机构|其他组织|企业|个人"),
    ("stop", r"结果维持|维持|结果纠正|纠正|撤销|确认违法|败诉|胜诉|其他结果|尚未审结|未审结|审结|正在办理|办理中"),
    ("stop", r"提案|建议|信访|投诉|举报|咨询|来电|来信|来访|热线|留言|诉求|许可|处罚|强制|审批|备案|事项|办件|工单|执法|政务服务"),
    ("stop", r"属于|不掌握|不存在|另行制作|不明确|重复申请|国家秘密|第三方|内部事务|过程性|执法案卷|查询事项|公开出版物|逾期|补正|收费"),
    ("stop", r"当面|现场|网上|网络|在线|信函|邮寄|传真|电子邮件|邮件|线上|线下|窗口"),
)


def _first_characters(pattern: str) -> set[str]:
    """The characters a keyword pattern can start with.

    Keywords use only literals, `(?:…|…)` groups and `?`; anything else raises, so a new keyword
    cannot silently escape the prefilter built from this.
    """

    def alternation(at: int) -> tuple[set[str], bool, int]:
        firsts, optional, at = sequence(at)
        while at < len(pattern) and pattern[at] == "|":
            more, more_optional, at = sequence(at + 1)
            firsts |= more
            optional = optional or more_optional
        return firsts, optional, at

    def sequence(at: int) -> tuple[set[str], bool, int]:
        firsts: set[str] = set()
        open_ = True  # every item so far may be empty: the next one can still supply the first character
        while at < len(pattern) and pattern[at] not in "|)":
            if pattern.startswith("(?:", at):
                item, empty, at = alternation(at + 3)
                if at >= len(pattern) or pattern[at] != ")":
                    raise ValueError(f"unbalanced group in keyword pattern {pattern!r}")
                at += 1
            elif pattern[at] in "\\[](){}*+.^$?":
                raise ValueError(f"keyword pattern {pattern!r} uses {pattern[at]!r}: extend _first_characters")
            else:
                item, empty, at = {pattern[at]}, False, at + 1
            if at < len(pattern) and pattern[at] == "?":
                empty, at = True, at + 1
            if open_:
                firsts |= item
                open_ = empty
        return firsts, open_, at

    firsts, optional, end = alternation(0)
    if optional or end != len(pattern):
        raise ValueError(f"keyword pattern {pattern!r} can match the empty string or is malformed")
    return firsts


# Python's re tries all alternatives at every character when they are named groups; the lookahead
# on the characters a keyword can start with skips the rest of the text in C (4x faster scan).
_KEYWORD_START = "".join(sorted(set().union(*(_first_characters(pattern) for _, pattern in _KEYWORDS))))
_KEYWORD = re.compile(
    f"(?=[{re.escape(_KEYWORD_START)}])(?:"
    + "|".join(f"(?P<k{n}>{pattern})" for n, (_, pattern) in enumerate(_KEYWORDS))
    + ")"
)
_FIGURE = re.compile(_NUMBER + r"(?P<unit>件次|人次|件|起|宗|例)")
_REQUEST_UNITS = {"件"}
_REVIEW_UNITS = {"件", "起", "宗", "例"}
_WINDOW = 20
_WINDOW_BAD = re.compile(r"[\d，,；;。！？!?各()（）]")
# what may stand between a request phrase and its figure: "受理政府信息公开申请859件", "收到申请12件"
_ABOUT_REQUESTS = re.compile(r"信息|公开")
_BARE_REQUEST = re.compile(r"[的了共计为达]*申请(?:数量|数|总数|件数)?(?:共计?|合计|总计|为|达)*:?")
_BARE_ANSWER = re.compile(r"[了共计合总为达均全部已]*")
_OUTCOME_KINDS = frozenset({"r3_1", "r3_2", "r3_12", "r3_3", "r3_4", "r3_5", "r3_6"})
_ANSWERED_AS = re.compile(r"(?:的|地)?(?:方式)?(?:予以|进行|作出|作)?")
_ALTOGETHER = re.compile(r"(?:共|合计|累计|总计|一共|总共)(?:计|已)?$")
_INCLUDES_CARRIED = re.compile(r"\(含[^()]{0,12}结转")
_JOIN = re.compile(r"^(?:和|并|及|与|或|、|以及)(?:已|全部|被)?(?:提起|申请|提出)?$")

_REQUEST_KINDS = ("r1", "r12", "r2", "r3_7", "r3_7p", "r4", "r3_1", "r3_2", "r3_12", "r3_3", "r3_4", "r3_5", "r3_6")
_REVIEW_KINDS = ("rv", "lit", "ld", "la")

# kind -> (what the text says, zh; en; where in the table, zh; en)
_NAMES = {
    "r1": ("收到（受理）申请", "requests received", "「一、本年新收」总计", "row 一 (new requests)"),
    "r12": ("", "", "「一、本年新收」+「二、上年结转」总计", "rows 一 + 二"),
    "r2": ("上年结转", "carried over from last year", "「二、上年结转」总计", "row 二 (carried over)"),
    "r3_7": ("答复（办结）", "requests answered", "（七）总计", "row （七）总计"),
    "r4": ("结转下年度", "carried over to next year", "「四、结转下年度继续办理」总计", "row 四 (carried to next year)"),
    "r3_1": ("予以公开", "disclosed", "（一）予以公开总计", "row （一）"),
    "r3_2": ("部分公开", "partly disclosed", "（二）部分公开总计", "row （二）"),
    "r3_12": ("予以公开及部分公开", "disclosed and partly disclosed", "（一）+（二）总计", "rows （一）+（二）"),
    "r3_3": ("不予公开", "withheld", "（三）不予公开各子项总计之和", "the sub-rows of （三）"),
    "r3_4": ("无法提供", "could not be provided", "（四）无法提供各子项总计之和", "the sub-rows of （四）"),
    "r3_5": ("不予处理", "not processed", "（五）不予处理各子项总计之和", "the sub-rows of （五）"),
    "r3_6": ("其他处理", "otherwise handled", "（六）其他处理总计", "row(s) （六）"),
    "rv": ("行政复议", "administrative reviews", "行政复议总计", "the 行政复议 total"),
    "lit": ("行政诉讼", "lawsuits", "未经复议直接起诉总计＋复议后起诉总计", "the two lawsuit totals (direct + after review)"),
    "ld": ("未经复议直接起诉", "lawsuits without prior review", "未经复议直接起诉总计", "the 未经复议直接起诉 total"),
    "la": ("复议后起诉", "lawsuits after review", "复议后起诉总计", "the 复议后起诉 total"),
}
_APPLICANTS = ("np", "biz", "res", "npo", "law", "oth")
_REVIEW_GROUPS = {"rv": "行政复议", "ld": "未经复议直接起诉", "la": "复议后起诉"}
_REVIEW_PARTS = ("maintain", "correct", "other", "pending")
_RESULT_NAMES = {"correct": "结果纠正", "other": "其他结果", "pending": "尚未审结"}
_RESULT_NAMES_EN = {"correct": "corrected", "other": "other result", "pending": "pending"}


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class _Figure:
    """A figure in the text with the table fact(s) it states."""

    kinds: tuple[str, ...]
    number: Decimal
    unit: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    found = []
    for match in _KEYWORD.finditer(text):
        kind = _KEYWORDS[int(match.lastgroup[1:])][0]
        found.append(_Token(match.start(), match.end(), kind))
    return found


def _carried_named_after(text: str, tokens, starts, position: int) -> bool:
    """"共收到申请13件，上年结转1件": the carried-over requests are named on their own after the figure,
    so the figure counts only the new ones (a parenthesis explaining the figure does not count)."""
    end = min((i for i in (text.find(c, position) for c in _SENTENCE_END) if i >= 0), default=len(text))
    parenthesis = text.find(")", position) if text.startswith("(", position) else -1
    for token in tokens[bisect_left(starts, position):]:
        if token.start >= end:
            return False
        if token.kind == "r2" and not token.start < parenthesis:
            return True
    return False


def _window_ok(window: str) -> bool:
    return len(window) <= _WINDOW and not _WINDOW_BAD.search(window)


def _figures(unit: _Unit, year: int | None) -> Iterator[_Figure]:
    text = unit.compact
    if _FIGURE.search(text) is None:
        return  # no "N件/起…" here: the keyword scan (the costly part) is not needed
    tokens = _tokens(text)
    ends = [token.end for token in tokens]
    starts = [token.start for token in tokens]
    # a figure "件" after 予以公开 or 结转 is about requests only where requests are the subject
    mentions_requests = "申请" in text or "申请" in unit.headings
    for match in _FIGURE.finditer(text):
        start, end = match.start("num"), match.end("num")
        unit_text = match["unit"]
        count = bisect_right(ends, start)  # tokens ending before the figure (their ends ascend)
        before = tokens[max(0, count - 2):count]  # only the last two are ever looked at
        kinds: tuple[str, ...] = ()
        if before and _window_ok(text[before[-1].end:start]):
            token = before[-1]
            window = text[token.end:start]
            kinds = (token.kind,)
            if token.kind in ("r1", "r3_7p") and not (
                "申请" in window and (_ABOUT_REQUESTS.search(window) or _BARE_REQUEST.fullmatch(window))
            ):
                continue  # "受理政务服务申请…", "办理人大代表建议…"
            if token.kind == "r3_7" and not (_ABOUT_REQUESTS.search(window) or "申请" in window or _BARE_ANSWER.fullmatch(window)):
                continue  # "答复群众诉求…", "办结网上办件…"
            if len(before) >= 2 and _JOIN.match(text[before[-2].end:token.start]):
                pair = {before[-2].kind.rstrip("p"), token.kind.rstrip("p")}
                if pair == {"r1", "r3_7"}:  # "收到并办理申请9件": either reading will do
                    kinds = ("r1", "r3_7")
                elif len(pair) == 2:
                    continue  # "不予公开和无法提供3件", "行政复议和行政诉讼3件": a sum of two rows
            if _CHANGE_BEFORE.search(window):
                continue
            if token.kind == "r3_7" and len(before) >= 2 and before[-2].kind in _OUTCOME_KINDS and _ANSWERED_AS.fullmatch(text[before[-2].end:token.start]):
                kinds = (before[-2].kind,)  # "部分公开答复0件", "不予公开答复2件": answers of that kind, not all answers
            if token.kind == "r1" and _ALTOGETHER.search(text, max(0, token.start - 3), token.start) and not _carried_named_after(text, tokens, starts, match.end()):
                kinds = ("r1", "r12")  # "共受理749件": new requests, or new and carried over together
        else:  # "另有72件申请…顺延到下年度答复": the phrase after the figure
            following = bisect_left(starts, match.end())
            after = tokens[following:following + 1]  # only the first phrase after the figure counts
            if not after or after[0].kind not in ("r2", "r4") or not _window_ok(text[match.end():after[0].start]):
                continue
            if before and before[-1].end > _clause_start(text, start):
                continue  # an earlier phrase in the same clause claims the figure
            kinds = (after[0].kind,)
        kinds = tuple("r3_7" if kind == "r3_7p" else kind for kind in kinds)
        if kinds == ("r1",) and _INCLUDES_CARRIED.match(text, match.end()):
            kinds = ("r1", "r12")  # "受理申请12件（含上年结转1件）": 12 may be 一 + 二
        if "stop" in kinds:
            continue
        if kinds[0] in _REQUEST_KINDS:
            if unit_text not in _REQUEST_UNITS or not mentions_requests:
                continue
        elif unit_text not in _REVIEW_UNITS:
            continue
        if _approximate(text, start, match.end()) or _about_other_year(unit, start, match.end(), year):
            continue
        if _OTHER_SCOPE.search(text[_clause_start(text, start, _SENTENCE_END):start]):
            continue
        yield _Figure(kinds, Decimal(match["num"].replace(",", "")), unit_text, start, end)


# ---------------------------------------------------------------- RL501: the table side


@dataclass(frozen=True)
class _TableFigure:
    value: Decimal  # what the 总计 cell(s) say (the applicant columns added where a 总计 is blank)
    lines: tuple[int, ...]
    labels: tuple[str, ...]
    derived: bool  # a 总计 cell was blank and the applicant columns were added instead
    readings: frozenset[Decimal]  # every value the table itself supports (see _table_figure)


@dataclass(frozen=True)
class _Reading:
    """One row's (or one review group's) total: `value` from its 总计 cell, else the sum of its
    parts; `parts` the sum of its parts when it has any figure; `value` None when the row is blank."""

    value: Decimal | None
    parts: Decimal | None
    derived: bool
    line: int | None


def _reading(total: Value, parts: list[Value], line: int | None) -> _Reading | None:
    """None when a cell holds text: nothing can be said about the row."""
    if total.kind is Kind.TEXT or any(v.kind is Kind.TEXT for v in parts):
        return None
    parts_sum = sum((v.amount for v in parts), Decimal(0)) if any(v.kind is Kind.NUMBER for v in parts) else None
    if total.kind is Kind.NUMBER:
        return _Reading(total.number, parts_sum, False, line)
    return _Reading(parts_sum, parts_sum, parts_sum is not None, line)


def _row_reading(view: TableView, row_id: str) -> _Reading | None:
    total = view.value(row_id, "tot")
    line = total.cell.span.line if total.cell is not None else view.by_id[row_id].row.span.line
    return _reading(total, [view.value(row_id, column) for column in _APPLICANTS], line)


def _group_reading(view: TableView, group: str) -> _Reading | None:
    total = view.value("data", f"{group}_total")
    line = total.cell.span.line if total.cell is not None else None
    return _reading(total, [view.value("data", f"{group}_{part}") for part in _REVIEW_PARTS], line)


def _request_rows(view: TableView, kind: str) -> list[str] | None:
    """The table rows a narrative phrase adds up; None when the table does not show them all."""
    if kind in ("r1", "r2", "r3_7", "r4", "r3_1", "r3_2"):
        rows = [kind]
    elif kind == "r3_12":
        rows = ["r3_1", "r3_2"]
    elif kind == "r12":
        rows = ["r1", "r2"]
    else:  # a group: all its sub-rows, or the group printed as one row
        children = list(view.children(kind))
        present = [c for c in children if c in view.by_id]
        if children and len(present) == len(children):
            rows = children
        elif not present and kind in view.by_id:
            rows = [kind]
        else:
            return None
    return rows if all(row in view.by_id for row in rows) else None


def _combine(readings: list[_Reading | None], labels: tuple[str, ...]) -> _TableFigure | None:
    if any(r is None for r in readings) or all(r.value is None for r in readings):
        return None  # text in a cell, or nothing but blanks: no figure to hold the text against
    value = sum((r.value for r in readings if r.value is not None), Decimal(0))
    by_parts = sum((r.parts if r.parts is not None else (r.value or Decimal(0)) for r in readings), Decimal(0))
    lines = tuple(dict.fromkeys(r.line for r in readings if r.line is not None))
    return _TableFigure(value, lines, labels, any(r.derived for r in readings), frozenset({value, by_parts}))


def _request_figure(view: TableView, kind: str) -> _TableFigure | None:
    rows = _request_rows(view, kind)
    if rows is None:
        return None
    labels = tuple(view.spec.row(row_id).label for row_id in rows)
    if kind in ("r3_3", "r3_4", "r3_5", "r3_6"):
        labels = (view.spec.row(kind).label,)
    return _combine([_row_reading(view, row_id) for row_id in rows], labels)


def _request_amount(view: TableView, kind: str) -> Decimal | None:
    """The figure for `kind` with blank rows as 0; None when rows are missing or hold text."""
    rows = _request_rows(view, kind)
    if rows is None:
        return None
    readings = [_row_reading(view, row_id) for row_id in rows]
    if any(r is None for r in readings):
        return None
    return sum((r.value for r in readings if r.value is not None), Decimal(0))


_OUTCOMES = ("r3_1", "r3_2", "r3_3", "r3_4", "r3_5", "r3_6")
# the template's own identities, solved for each row (K: 一 + 二 = 三（七）+ 四; C: （七） = the outcomes)
_SOLVED = {
    "r1": (("r3_7", "r4"), ("r2",)),
    "r2": (("r3_7", "r4"), ("r1",)),
    "r4": (("r1", "r2"), ("r3_7",)),
    "r3_7": (("r1", "r2"), ("r4",)),
}


def _identity_readings(view: TableView, kind: str) -> set[Decimal]:
    """What the rest of the table says `kind` should be, by identities K and C."""
    found: set[Decimal] = set()
    if kind in _SOLVED:
        plus, minus = _SOLVED[kind]
        amounts = [_request_amount(view, k) for k in plus + minus]
        if all(a is not None for a in amounts):
            found.add(sum(amounts[: len(plus)], Decimal(0)) - sum(amounts[len(plus):], Decimal(0)))
    if kind == "r3_7":
        outcomes = [_request_amount(view, k) for k in _OUTCOMES]
        if all(a is not None for a in outcomes):
            found.add(sum(outcomes, Decimal(0)))
    return found


def _review_figure(view: TableView, kind: str) -> _TableFigure | None:
    groups = {"rv": ("rv",), "lit": ("ld", "la"), "ld": ("ld",), "la": ("la",)}[kind]
    figure = _combine([_group_reading(view, group) for group in groups], tuple(_REVIEW_GROUPS[g] for g in groups))
    if figure is not None and not figure.lines:
        figure = _TableFigure(figure.value, (view.by_id["data"].row.span.line,), figure.labels, figure.derived, figure.readings)
    return figure


def _table_figure(ctx, kind: str) -> _TableFigure | None:
    """Memoised per document: every sentence naming the same kind asks for the same figure."""
    cache = ctx.__dict__.setdefault("_narrative_table_figures", {})
    if kind not in cache:
        cache[kind] = _compute_table_figure(ctx, kind)
    return cache[kind]


def _compute_table_figure(ctx, kind: str) -> _TableFigure | None:
    """The table's figure for `kind`. Its `readings` hold every value the table supports: the 总计
    cells, the sum of the parts (R, T4) and, for 一/二/（七）/四, what identities K and C give. When
    the table contradicts itself, RL301–RL304 report it; a text agreeing with one reading is fine."""
    if kind in _REVIEW_KINDS:
        view = ctx.table("review")
        return _review_figure(view, kind) if view is not None and "data" in view.by_id else None
    view = ctx.table("request")
    if view is None:
        return None
    figure = _request_figure(view, kind)
    if figure is None:
        return None
    extra = _identity_readings(view, kind)
    if extra:
        figure = _TableFigure(figure.value, figure.lines, figure.labels, figure.derived, figure.readings | extra)
    return figure


def _lines_text(lines, separator: str = "、") -> str:
    return separator.join(str(line) for line in sorted(lines))


_FIGURE_MESSAGE = Message(
    "正文称{what} {actual} {unit}，表{table}{details}（第 {lines} 行）{note}",
    "the text says {what_en}: {actual}, but in table {table}, {details_en} (line {lines_en}){note_en}",
)
_DERIVED_NOTE = ("；表中总计栏空白，按各列之和计", "; the 总计 cells are blank, the columns were added")

# ---------------------------------------------------------------- RL501: "均获维持"

_ALL_UPHELD = re.compile(r"(?:均|全部|都|皆|全都)(?:已)?(?:获|予|被|得到|获得|经)?(?:法院|复议机关|上级)?(?:判决|决定)?维持")
_NEGATION = re.compile(r"[未不没非]$")


def _upheld_claims(unit: _Unit, ctx, year: int | None) -> Iterator[Finding]:
    view = ctx.table("review")
    if view is None or "data" not in view.by_id:
        return
    text = unit.compact
    for match in _ALL_UPHELD.finditer(text):
        if _NEGATION.search(text[max(0, match.start() - 1):match.start()]):
            continue
        sentence_start = _clause_start(text, match.start(), _SENTENCE_END)
        sentence = text[sentence_start:match.start()]
        if _OTHER_YEAR_WORDS.search(sentence) or (
            year is not None and any(int(y) != year for y in _YEAR.findall(sentence))
        ):
            continue
        groups: list[str] = []
        if "复议" in sentence:
            groups.append("rv")
        if "诉讼" in sentence or "起诉" in sentence:
            groups += ["ld", "la"]
        values = [(group, part, view.value("data", f"{group}_{part}")) for group in groups for part in _RESULT_NAMES]
        if any(value.kind is Kind.TEXT for _, _, value in values):
            continue
        problems, problems_en, results, lines = [], [], [], []
        for group, part, value in values:
            if value.kind is Kind.NUMBER and value.number > 0:
                count = format_number(value.number)
                problems.append(f"{_REVIEW_GROUPS[group]}{_RESULT_NAMES[part]} {count} 件")
                problems_en.append(f"{_REVIEW_GROUPS[group]} {_RESULT_NAMES_EN[part]}: {count}")
                results.append(_RESULT_NAMES[part])
                if value.cell is not None:
                    lines.append(value.cell.span.line)
        if not problems:
            continue
        claim = text[match.start():match.end()]
        details = "、".join(problems)
        scope = "、".join(dict.fromkeys("行政复议" if g == "rv" else "行政诉讼" for g in groups))
        yield Finding(
            Message(
                "正文称{scope}{claim}，但表四显示{details}（第 {lines} 行）",
                "the text says all {scope} cases were upheld ({claim}), but table 四 shows {details_en} (line {lines_en})",
            ),
            unit.span(match.start(), match.end()),
            args={
                "scope": scope, "claim": claim, "details": details, "details_en": "; ".join(problems_en),
                "lines": _lines_text(set(lines)), "lines_en": _lines_text(set(lines), ", "),
            },
            row=scope,
            column_label="、".join(dict.fromkeys(results)),
            expected=details,
            actual=claim,
            fingerprint_text=f"upheld:{scope}:{details}",
        )


_RL501_BAD = """青山县交通运输局2023年政府信息公开工作年度报告
一、总体情况
全年共收到政府信息公开申请12件，予以公开6件，部分公开2件。
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 8 | 2 | 0 | 1 | 1 | 0 | 12
三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 5
（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 1 | 0 | 2"""


@rule(
    code="RL501",
    name="narrative-figure",
    severity="error",
    summary_zh="正文所述数字与表格不一致（受理、办结、结转、各类办理结果、复议诉讼件数，或称“均获维持”而表中有未维持）",
    summary_en=(
        "a figure in the text contradicts the table it describes "
        "(requests, outcomes, carry-overs, reviews, lawsuits, 'all upheld')"
    ),
    explanation_zh=(
        "总体情况等正文部分常复述表格数字，两者必须一致：受理/收到申请＝表三“一、本年新收”总计（“共受理”也可指新收加上年结转）；"
        "上年结转＝“二”；答复/办结＝“三（七）总计”（“部分公开答复”“不予公开答复”指该类办理结果）；结转下年度/顺延＝“四”；予以公开、部分公开＝（一）、（二）；不予公开、无法提供、"
        "不予处理、其他处理＝该项各子项之和；行政复议＝表四复议总计；行政诉讼＝直接起诉总计＋复议后起诉总计；称复议诉讼“均获维持”时，"
        "表四不得有纠正、其他结果或尚未审结。国办公开办函〔2021〕30号要求年报内容准确，"
        "“发布内容不准确”须依《政府信息公开条例》第四十七条追责。只比较紧跟在相应用语之后、同一分句内的数字；百分比、约数、"
        "其他年度（去年、同比）和下属单位的数字不比较；表格自身不平衡时（由 RL301–RL304 报告），正文与表格任一种算法"
        "（总计栏、各列之和、勾稽关系）相符即不报告。"
    ),
    explanation_en=(
        "The narrative (mostly 一、总体情况) repeats the tables' figures and must agree with them: "
        "受理/收到 = row 一 总计 (共受理 may also mean 一 + 二), 上年结转 = 二, 答复/办结 = 三（七） (部分公开答复, 不予公开答复: that outcome), 结转下年度/顺延 = 四, 予以公开 / "
        "部分公开 = （一）/（二）, 不予公开 / 无法提供 / 不予处理 / 其他处理 = the sum of that group's sub-rows, 行政复议 = the "
        "review total, 行政诉讼 = direct + after-review lawsuit totals; 'all upheld' (均获维持) needs no corrected, other or "
        "pending case in table 四. 国办公开办函〔2021〕30号 holds bodies accountable under Art. 47 of the regulation for "
        "inaccurate reports. Only a figure right after its phrase in the same clause is compared; percentages, "
        "approximate figures, other years and subordinate bodies' figures are not. Where the table contradicts itself "
        "(RL301–RL304 report that), a text agreeing with any of its readings (总计 cell, sum of the columns, the 勾稽 "
        "identities) is not reported."
    ),
    bad=_RL501_BAD,
    good=_RL501_BAD.replace("予以公开6件", "予以公开5件"),
)
def narrative_figure(doc: Document, ctx, options) -> Iterator[Finding]:
    if ctx.table("request") is None and ctx.table("review") is None:
        return
    year = ctx.year.year
    for unit in _units_of(ctx):
        for figure in _figures(unit, year):
            candidates = [(kind, _table_figure(ctx, kind)) for kind in figure.kinds]
            candidates = [(kind, found) for kind, found in candidates if found is not None]
            if len(candidates) != len(figure.kinds):
                continue
            if figure.kinds == ("r1", "r12") and candidates[0][1].value == candidates[1][1].value:
                candidates = candidates[:1]  # "共受理2件" with nothing carried over: one reading to name
            if any(figure.number in found.readings for _, found in candidates):
                continue
            yield _figure_finding(unit, figure, candidates)
        yield from _upheld_claims(unit, ctx, year)


def _figure_finding(unit: _Unit, figure: _Figure, candidates) -> Finding:
    kinds = [kind for kind, _ in candidates]
    review = kinds[0] in _REVIEW_KINDS
    what = "并".join(_NAMES[kind][0] for kind in kinds if _NAMES[kind][0])
    what_en = " and ".join(_NAMES[kind][1] for kind in kinds if _NAMES[kind][1])
    details = "、".join(f"{_NAMES[kind][2]}为 {format_number(found.value)} {figure.unit}" for kind, found in candidates)
    details_en = "; ".join(f"{_NAMES[kind][3]}: {format_number(found.value)}" for kind, found in candidates)
    expected = " / ".join(format_number(found.value) for _, found in candidates)
    lines = {line for _, found in candidates for line in found.lines}
    derived = any(found.derived for _, found in candidates)
    labels = [label for _, found in candidates for label in found.labels]
    actual = format_number(figure.number)
    return Finding(
        _FIGURE_MESSAGE,
        unit.span(figure.start, figure.end),
        args={
            "what": what, "what_en": what_en, "actual": actual, "unit": figure.unit,
            "table": "四" if review else "三", "details": details, "details_en": details_en,
            "expected": expected, "lines": _lines_text(lines), "lines_en": _lines_text(lines, ", "),
            "note": _DERIVED_NOTE[0] if derived else "", "note_en": _DERIVED_NOTE[1] if derived else "",
        },
        row="＋".join(dict.fromkeys(labels)),
        column_label="总计",
        expected=expected,
        actual=actual,
        fingerprint_text=f"{'+'.join(kinds)}:{actual}:{expected}",
    )


# ---------------------------------------------------------------- RL502: a total and its parts

_UNITS = r"人次|件次|场次|万元|亿元|条|件|个|项|次|篇|期|份|家|人|名|场|起|宗|批|户|部|本|册|套|元|处|所|类"
_TOTAL_BEFORE = re.compile(_NUMBER.replace("num", "total") + r"(?P<tunit>" + _UNITS + r")(?P<glue>[,。:]?)(?P<open>\(?)$")
_MARKER = re.compile(r"其中|分别为|分别是|分别有|包括|包含")
_TOTAL_REACH = 80  # characters before a marker that can hold "共386条，"
_AFTER_MARKER = re.compile(r"[:,]*")
_NEW_TOTAL = re.compile(r"合计|总计|累计|共计|总共|一共|(?<![公中])共(?![同享建治性识产青])|另有|另外|此外|同比|环比|比上|较上|增长|下降|(?<!所)占")
_PARTIAL = re.compile(r"主要|重点|例如|比如|诸如|如")
_FAMILIES = (
    ("applicant", re.compile(r"自然人|法人|企业|科研机构|公益组织|法律服务|其他组织")),
    ("outcome", re.compile(r"予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|结转|办结|答复")),
    ("review", re.compile(r"复议|诉讼|起诉")),
    ("review_result", re.compile(r"维持|纠正|审结|其他结果")),
)
# a part of this family right after a part of the parent family breaks that part down: "行政复议7件，
# 结果维持6件，尚未审结1件；行政诉讼4件" lists 复议 and 诉讼 (7 + 4), the results are inside the 7
_PARENT_FAMILY = {"review_result": "review"}
# a part worded as a subset of the part before it: "行政许可57项，实现'一趟不用跑'的有45项"
_SUBSET = re.compile(r"^(?:实现|达到|其中|含|均|全部|已经?)|的有$")
_STRENGTH = {"、": 0, ",": 1, ";": 2}


def _family(label: str) -> str:
    """Which breakdown a part belongs to, where that is plain from its label."""
    return next((name for name, pattern in _FAMILIES if pattern.search(label)), "")


_REST = re.compile(r"其他|其余|其它|剩余|余下")
# publication channels overlap (one item goes on the website and on WeChat): such parts need not add up
_CHANNEL = re.compile(r"网站|网页|门户|微信|微博|公众号|客户端|新媒体|抖音|头条|快手|视频号|报纸|报刊|电视|广播|公开栏|APP|App|app")
_PAREN = re.compile(r"\([^()]{0,40}\)|（[^（）]{0,40}）")
_PERCENT = re.compile(r"[、,]?约?占[^\d,。;]{0,8}\d+(?:\.\d+)?%")
_PART_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SEPARATORS = "、,;"
_TERMINATORS = "。！？!?"


@dataclass(frozen=True)
class _Part:
    label: str
    number: Decimal
    start: int
    end: int


@dataclass(frozen=True)
class _List:
    total: Decimal
    unit: str
    start: int  # the total's figure
    parts: tuple[_Part, ...]
    partial: bool  # worded as a selection ("包括", "主要", "…等") or cut short: parts may leave some out
    complete: bool  # worded as all of them ("分别为", a last part "其他…")


def _item_regex(excluded: str) -> re.Pattern[str]:
    plain = "[^\\d()" + re.escape(excluded) + "]"
    label = f"(?:{plain}|\\([^\\d()]{{0,20}}\\)){{0,40}}?"
    return re.compile(f"(?P<label>{label})(?<![\\d.A-Za-z第]){_PART_NUMBER}(?P<unit>{_UNITS})")


_ITEM_FIRST = _item_regex(_SEPARATORS + _TERMINATORS)
_ITEM_BY_SEPARATOR = {
    "、": _item_regex("、,;" + _TERMINATORS),
    ",": _item_regex(",;" + _TERMINATORS),
    ";": _item_regex(";" + _TERMINATORS),
}


_SENTENCE_TOTAL = re.compile(_NUMBER.replace("num", "total") + r"(?P<tunit>" + _UNITS + r")(?P<glue>)(?P<open>)(?=[,;]|$)")
# a total and its parts with no marker between them: "全年主动公开政府信息465条，机构职能类信息1条，…，其他应主动公开的信息362条"
_TOTAL_CLAUSE = re.compile(
    r"(?:共|全年|累计|合计|总计|总数)[^\d,。;:()]{0,30}?" + _NUMBER.replace("num", "total") + r"(?P<tunit>" + _UNITS + r")(?P<glue>),(?P<open>)"
)


def _sentence_total(text: str, marker_start: int) -> re.Match[str] | None:
    """"…信息数465条,内容涉及…多面内容。其中…": the one figure of the sentence before a sentence that
    opens with 其中 is the total it breaks down."""
    if text[marker_start - 1:marker_start] != "。":
        return None
    reach = max(0, marker_start - _CLAUSE_REACH)
    start = max(reach, max(text.rfind(end, reach, marker_start - 1) for end in _TERMINATORS) + 1)
    found = [m for m in _SENTENCE_TOTAL.finditer(text, start, marker_start - 1) if not _approximate(text, m.start("total"), m.end())]
    return found[0] if len(found) == 1 else None


def _lists(unit: _Unit) -> Iterator[_List]:
    text = unit.compact
    seen: set[int] = set()  # where the parts of earlier lists start
    for marker in _MARKER.finditer(text):
        # both patterns end at `$` (right before the marker): search only a short window before it,
        # searching from the paragraph's start made long paragraphs quadratic
        total = _TOTAL_BEFORE.search(text, max(0, marker.start() - _TOTAL_REACH), marker.start())
        if total is None and marker.group() == "其中":
            total = _sentence_total(text, marker.start())
        if total is None or (total["glue"] == "。" and marker.group() != "其中"):
            continue
        if total.start("total") in seen:
            continue  # "其中政策文件42条，其中解读12条…": a part broken down again
        if _approximate(text, total.start("total"), total.end()) or _CHANGE_BEFORE.search(text, max(0, total.start("total") - 8), total.start("total")):
            continue
        closing = ")" if total["open"] else ""
        found = _parts(text, _AFTER_MARKER.match(text, marker.end()).end(), total["tunit"], closing, seen)
        if found is None:
            continue
        parts, partial = found
        if len(parts) < 2:
            continue
        partial = partial or marker.group() in ("包括", "包含") or bool(_PARTIAL.search(text[marker.end():marker.end() + 3]))
        complete = marker.group().startswith("分别") or any(_REST.search(part.label) for part in parts)
        number = Decimal(total["total"].replace(",", ""))
        yield _List(number, total["tunit"], total.start("total"), tuple(parts), partial, complete)
    for total in _TOTAL_CLAUSE.finditer(text):
        if total.start("total") in seen or _approximate(text, total.start("total"), total.end("tunit")):
            continue
        found = _parts(text, total.end(), total["tunit"], "", seen)
        if found is None:
            continue
        parts, partial = found
        # without a marker, only a whole partition is a list: three parts or more, the last one the rest
        if partial or len(parts) < 3 or not _REST.search(parts[-1].label):
            continue
        number = Decimal(total["total"].replace(",", ""))
        yield _List(number, total["tunit"], total.start("total"), tuple(parts), False, True)


def _parts(text: str, position: int, unit: str, closing: str, seen: set[int]) -> tuple[list[_Part], bool] | None:
    """The parts listed from `position`, and whether they may be only some of the parts (worded as
    a selection, or the list's end is unclear). None when the list cannot be read with confidence:
    nested, mixed units, approximate, or a part that does not parse after a separator.

    Only parts of one level are returned: a part that breaks down the part before it (a result of a
    行政复议, "…的有N项") is left out, so a total is never compared with parts plus their own sub-parts.
    """
    items: list[tuple[_Part, str, str]] = []  # (part, family, the separator before it)
    separator = ""
    partial = False
    families: set[str] = set()
    changed_at: int | None = None  # items read before the separator first changed: the list may end there

    def unreadable():
        if changed_at is None:
            return None
        return _one_level(items[:changed_at], True)

    while True:
        pattern = _ITEM_BY_SEPARATOR[separator] if separator else _ITEM_FIRST
        item = pattern.match(text, position)
        if item is None:
            return _one_level(items, partial) if not items else unreadable()
        label = item["label"]
        if "其中" in label:
            return unreadable()  # a nested breakdown: whose parts are these?
        if _NEW_TOTAL.search(label):
            return unreadable()  # another total or a comparison in the middle of the list
        if item["unit"] != unit or _approximate(text, item.start("num"), item.end()):
            return unreadable()
        family = _family(label)
        if family and families and family not in families and _PARENT_FAMILY.get(family) not in families:
            return _one_level(items, True)  # "其中自然人8件，法人4件，予以公开5件": a new breakdown starts
        if family:
            families.add(family)
        partial = partial or bool(_PARTIAL.search(label))
        items.append((_Part(label, Decimal(item["num"].replace(",", "")), item.start("num"), item.end()), family, separator))
        seen.add(item.start("num"))
        position = item.end()
        while True:
            extra = _PAREN.match(text, position) or _PERCENT.match(text, position)
            if extra is None or extra.end() == position:
                break
            position = extra.end()
        following = text[position:position + 1]
        if following == "等":
            return _one_level(items, True)
        if not following or following in _TERMINATORS or (closing and following == closing):
            return _one_level(items, partial)
        if following not in _SEPARATORS:
            return unreadable()  # the list runs on into text it does not belong to
        if separator and following != separator and changed_at is None:
            changed_at = len(items)  # the list is over, goes on in a sloppier style, or the parts before were broken down
        if text.startswith("其中", position + 1):
            return unreadable()  # the last part is broken down again
        separator = following
        position += 1


def _one_level(items: list[tuple[_Part, str, str]], partial: bool) -> tuple[list[_Part], bool] | None:
    """The parts of the list's first level: sub-parts dropped (each no larger than its parent), and
    the list cut where the separator between first-level parts changes."""
    top: list[tuple[_Part, str, str]] = []
    for part, family, separator in items:
        if top and (_SUBSET.search(part.label) or _PARENT_FAMILY.get(family) == top[-1][1] and family != top[-1][1]):
            if part.number > top[-1][0].number:
                return None  # a "sub-part" larger than its parent: the list is not what it seems
            continue
        if top and _PARENT_FAMILY.get(family) and _PARENT_FAMILY.get(family) in {f for _, f, _ in top}:
            continue  # a further result of the same 行政复议/诉讼
        top.append((part, family, separator))
    parts = [top[0][0]] if top else []
    first_separator = top[1][2] if len(top) > 1 else ""
    for part, _, separator in top[1:]:
        if separator != first_separator:
            return parts, True
        parts.append(part)
    return parts, partial


_RL502_BAD = """青山县交通运输局2023年政府信息公开工作年度报告
一、总体情况
全年通过县政府门户网站主动公开政府信息386条，其中政策文件及解读42条、规划计划及项目建设信息78条、工作动态及通知公告254条。"""


@rule(
    code="RL502",
    name="narrative-sum",
    severity="error",
    summary_zh="正文中“共N…，其中a、b…”各项之和与所述总数不符",
    summary_en="a narrative list 'N in all, of which a, b, …' whose parts do not add up to N",
    explanation_zh=(
        "正文常先给出总数再列出构成（“共公开信息314条，其中……3条、……2条……”“收到申请3件，分别为……”“全年公开信息465条，机构职能类……，"
        "其他应主动公开的信息……”），各项之和应等于总数。国办公开办函〔2021〕30号要求年报内容准确，《政府信息公开条例》第四十七条对"
        "“发布内容不准确”追责。只检查单位相同、至少两项的列表，且只加同一层级的项：对前一项的细分（行政复议7件中的“结果维持6件”、"
        "行政许可57项中“实现……的有45项”）不计入；没有“其中”等字时，只有以“其他……”结尾、至少三项的完整分类才检查。各项之和大于总数时报告；"
        "小于总数时，只在措辞表明列的是全部（“分别为”、末项为“其他……”）或各项之和已达总数三分之二以上时报告，措辞表明只是列举"
        "（“包括”“主要”“……等”）的不报告。按发布渠道（网站、微信等）列出的数字可以重复计算，不相加。"
    ),
    explanation_en=(
        "The narrative often gives a total and then its parts ('共公开信息314条，其中…3条、…2条…', '收到申请3件，分别为…', "
        "'全年公开信息465条，机构职能类…，其他应主动公开的信息…'); the parts must add up to the total. 国办公开办函〔2021〕30号 "
        "requires accurate reports and Art. 47 of the regulation holds bodies to account for inaccurate ones. Only lists "
        "of at least two parts in the total's unit are checked, and only parts of one level are added: a breakdown of the "
        "part before (结果维持6件 inside 行政复议7件, '实现…的有45项' inside 行政许可57项) is left out; without a marker "
        "such as 其中, only a whole classification of three parts or more ending in 其他… is checked. A sum above the "
        "total is always reported; one below it only when the list claims to be complete (分别为, a last part 其他…) or "
        "reaches two thirds of the total, never when the wording marks a selection (包括, 主要, …等). Figures per "
        "publication channel (website, WeChat) may overlap and are not added up."
    ),
    bad=_RL502_BAD,
    good=_RL502_BAD.replace("工作动态及通知公告254条", "工作动态及通知公告266条"),
)
def narrative_sum(doc: Document, ctx, options) -> Iterator[Finding]:
    for unit in _units_of(ctx):
        for found in _lists(unit):
            parts_sum = sum((part.number for part in found.parts), Decimal(0))
            if parts_sum == found.total:
                continue
            if len({m.group() for part in found.parts for m in _CHANNEL.finditer(part.label)}) >= 2:
                continue  # channels, not categories
            if parts_sum < found.total and not _incomplete_is_an_error(found, parts_sum):
                continue
            if parts_sum > found.total and _prefix_adds_up(found):
                continue  # the first parts make the total; the rest is a new clause
            listed = "＋".join(format_number(part.number) for part in found.parts)
            total, summed = format_number(found.total), format_number(parts_sum)
            yield Finding(
                Message(
                    "正文所述总数为 {total} {unit}，所列各项 {parts} ＝ {sum} {unit}，与总数不符",
                    "the text states a total of {total} {unit}, but the listed parts {parts} add up to {sum}",
                ),
                unit.span(found.start, found.parts[-1].end),
                args={"total": total, "unit": found.unit, "parts": listed, "sum": summed},
                expected=total,
                actual=summed,
                fingerprint_text=f"{total}{found.unit}:{listed}",
            )


def _incomplete_is_an_error(found: _List, parts_sum: Decimal) -> bool:
    """Parts adding up to less than the total: a defect only when they claim to be all of it.

    "共1136条，其中政策文件20条、政策解读15条" names highlights, not a partition. A partition that lost
    a part or has a typo comes close to its total; a few highlights do not.
    """
    if found.partial:
        return False
    return found.complete or parts_sum * 3 >= found.total * 2


def _prefix_adds_up(found: _List) -> bool:
    running = Decimal(0)
    for part in found.parts[:-1]:
        running += part.number
        if running == found.total:
            return True
    return False
