"""Dates: is the report about one year throughout (RL503), and was it published in time (RL507)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document, Span
from ..issuer import CompactText, compact_text, fold_line

# ----------------------------------------------------------------------------- year mentions

_TITLE = re.compile(r"(?:信息公开|政务公开)[^\n]{0,14}(?:报告|年报)")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})年度?")
_NOT_TITLE = re.compile(r"[《》]|通知|根据|关于印发|现将|现公布|统计")
_TITLE_MAX = 60
_TITLE_LINES = 15

# 统计期限自2023年1月1日起至2023年12月31日止 / 统计期限为:2022年1月1日-2022年12月31日 /
# 统计期限从2019年1月1日到12月31日止 / 本报告统计数据从2016年1月1日至2016年12月31日止
_PERIOD = re.compile(
    r"统计(?:期限|时限|区间|时间|周期|数据|范围|时段)[^。;；\d]{0,14}?"
    r"(?P<y1>(?:19|20)\d{2})年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日(?:起)?"
    r"(?:至|到|[-—–~～－―])+"
    r"(?:(?P<y2>(?:19|20)\d{2})年)?(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"
)
# 现将2021年…情况报告如下 / 现公布区统计局2023年… / 特向社会公布2017年度…
_ANNOUNCE = re.compile(
    r"(?:现将|现公布|现公开|现予公布|现发布|现面向社会公开|特向社会公布|特向社会公开)[^。;；\d]{0,20}?((?:19|20)\d{2})年度?"
)
_INTRO_LINES = 40


@dataclass(frozen=True)
class _Mention:
    year: int
    span: Span
    where: str  # "title" | "period" | "announcement" | "body"


_PLACE = {
    "title": ("标题", "the title"),
    "period": ("统计期限", "the statistics period"),
    "announcement": ("导语", "the introduction"),
    "body": ("正文", "the body"),
}


def _titles(doc: Document) -> list[_Mention]:
    found = []
    lines = [n for n, line in enumerate(doc.lines, 1) if line.strip()][:_TITLE_LINES]
    for number in lines:
        line = fold_line(doc.line(number))
        if len(line) > _TITLE_MAX or _NOT_TITLE.search(line):
            continue
        title = _TITLE.search(line)
        year = _TITLE_YEAR.search(line[: title.start()]) if title else None
        if year:
            text = CompactText(doc, number, number)
            found.append(_Mention(int(year.group(1)), text.span(year.start(1), year.end(1) + 1), "title"))
    return found


@dataclass(frozen=True)
class _Period:
    start: tuple[int, int, int]
    end: tuple[int, int, int]
    span: Span
    start_span: Span
    end_span: Span
    text: str


def _periods(doc: Document) -> list[_Period]:
    text = compact_text(doc)
    found = []
    for match in _PERIOD.finditer(text.compact):
        y1, m1, d1 = int(match["y1"]), int(match["m1"]), int(match["d1"])
        y2 = int(match["y2"]) if match["y2"] else y1
        m2, d2 = int(match["m2"]), int(match["d2"])
        if _date(y1, m1, d1) is None or _date(y2, m2, d2) is None:
            continue  # garbled digits: not this rule's business
        found.append(_Period(
            (y1, m1, d1), (y2, m2, d2),
            text.span(match.start("y1"), match.end()),
            text.span(match.start("y1"), match.end("d1") + 1),
            text.span(match.start("y2") if match["y2"] else match.start("m2"), match.end()),
            match.group(0)[match.start("y1") - match.start():],
        ))
    return found


def _announcements(doc: Document) -> list[_Mention]:
    text = compact_text(doc, 1, _INTRO_LINES)
    return [
        _Mention(int(m.group(1)), text.span(m.start(1), m.end(1) + 1), "announcement")
        for m in _ANNOUNCE.finditer(text.compact)
    ]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ----------------------------------------------------------------------------- body years

# "2022年，我局…" at the start of a sentence of 一、总体情况: this year's work given another year.
_SENTENCE_YEAR = re.compile(r"((?:19|20)\d{2})年度?[,，]")
_SUBJECT = re.compile(
    r"[我本](?:局|委|办|厅|中心|区|县|市|州|旗|乡|镇|街道|单位|机关|部门|院|所|站)"
    r"|全(?:区|县|市|州|旗|乡|镇|街道|局|委|系统)"
    r"|(?:区|县|市|乡|镇)(?:人民)?政府(?!信息|网站|门户)"
)
# a sentence that compares, cites a past document or plans ahead is not "this year's work"
_NOT_THIS_YEAR = re.compile(
    r"较|同比|环比|相比|对比|比上年|上年|上一年|去年|往年|以来|本年|今年|当年|"
    r"将|计划|拟|力争|预计|下一步|下步"
)
_SENTENCE_END = "。；;！!？?"
_SUBJECT_WITHIN = 30


def _section_one(doc: Document) -> tuple[int, int] | None:
    """Line range of 一、总体情况 (the first level-1 heading 一 up to the next level-1 heading)."""
    start = None
    for heading in doc.headings:
        if heading.level != 1:
            continue
        if start is None and heading.number == "一":
            start = heading.span.line
        elif start is not None and heading.number != "一":
            return start, heading.span.line - 1
    return (start, len(doc.lines)) if start is not None else None


def _body_years(doc: Document, year: int, issuer_name: str | None) -> Iterator[tuple[_Mention, str]]:
    section = _section_one(doc)
    if section is None:
        return
    first, last = section
    text = compact_text(doc, first, last)
    compact = text.compact
    block_starts = {b.span.line for b in doc.blocks if first <= b.span.line <= last}
    for match in _SENTENCE_YEAR.finditer(compact):
        start = match.start()
        before = compact[start - 1] if start else ""
        opens_block = start == 0 or text.line_of(start) != text.line_of(start - 1) and text.line_of(start) in block_starts
        if not (opens_block or before in _SENTENCE_END or before in "）)"):
            continue
        mentioned = int(match.group(1))
        if mentioned == year:
            continue
        end = min((i for i in (compact.find(c, match.end()) for c in _SENTENCE_END) if i >= 0), default=len(compact))
        sentence = compact[match.end(): end]
        subject = _SUBJECT.search(sentence[:_SUBJECT_WITHIN])
        if subject is None and issuer_name and issuer_name in sentence[: _SUBJECT_WITHIN + len(issuer_name)]:
            subject = True
        if not subject or _NOT_THIS_YEAR.search(sentence):
            continue
        if f"{year}年" in _block_text(doc, text.line_of(start)):
            continue  # the paragraph also speaks of the report year: a comparison, not a wrong year
        yield _Mention(mentioned, text.span(match.start(1), match.end(1) + 1), "body"), compact[start:end + 1][:60]


def _block_text(doc: Document, line: int) -> str:
    """The compact text of the block (paragraph or heading) holding `line`."""
    for block in doc.blocks:
        if block.span.line <= line <= block.span.end_line:
            return CompactText(doc, block.span.line, block.span.end_line).compact
    return CompactText(doc, line, line).compact


# ----------------------------------------------------------------------------- RL503

_YEAR_CONFLICT = Message(
    "{place_zh}（第 {line} 行）写的是 {actual} 年，与{ref_zh}（第 {ref_line} 行）的 {expected} 年不一致",
    "{place_en} (line {line}) says {actual} but {ref_en} (line {ref_line}) says {expected}",
)


def _conflict(mention: _Mention, reference: _Mention, fingerprint: str) -> Finding:
    return Finding(
        _YEAR_CONFLICT,
        mention.span,
        args={
            "place_zh": _PLACE[mention.where][0], "place_en": _PLACE[mention.where][1],
            "ref_zh": _PLACE[reference.where][0], "ref_en": _PLACE[reference.where][1],
            "line": mention.span.line, "ref_line": reference.span.line,
            "actual": mention.year, "expected": reference.year,
        },
        expected=str(reference.year),
        actual=str(mention.year),
        fingerprint_text=f"{mention.where}:{mention.year}:{reference.where}:{reference.year}:{fingerprint}",
    )


def _ymd(parts: tuple[int, int, int]) -> str:
    return f"{parts[0]}年{parts[1]}月{parts[2]}日"


_RL503_BAD = """青山县交通运输局2023年政府信息公开工作年度报告
本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。
一、总体情况
2023年，我局主动公开政府信息386条。"""

_RL503_GOOD = """青山县交通运输局2023年政府信息公开工作年度报告
本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。
一、总体情况
2023年，我局主动公开政府信息386条；较2022年增加12条。"""


@rule(
    code="RL503",
    name="report-year",
    severity="error",
    summary_zh="报告年度前后不一致（标题、统计期限、正文写的年份不同，或统计期限不是一个完整自然年）",
    summary_en="report year inconsistent (title, statistics period and body name different years, or the period is not one calendar year)",
    explanation_zh=(
        "《政府信息公开条例》第四十九条要求公布的是“上一年度”的年报，统计期限应为该年1月1日至12月31日。"
        "标题年份、统计期限（如“统计期限自2023年1月1日起至2023年12月31日止”）、导语（“现将2023年……报告如下”）"
        "和总体情况中介绍本年度工作的句首年份（“2023年，我局……”）必须是同一年；统计期限须是一个完整自然年，"
        "止日早于起日（如人社部2010年报的“自2010年1月1日起至2009年12月31日止”）更是明显错误。"
        "多见于沿用上年报告未改年份。为避免误报，以下不算：引用往年文件（“《2022年政务公开工作要点》”）、"
        "比较（“较2022年”“同比”）、“2022年度报告”、“……以来”、计划（“2024年将……”），以及总体情况以外的年份。"
        "每条提示写明互相矛盾的两处及其行号。统计期限只写了“自至”而没有日期，等于没有写报告年度；"
        "“存在的主要问题及改进情况”中的改进计划写成报告年度本身（2016年报中的“2016年，我们将采取以下措施”），"
        "或本报告表三的数字写在别的年份名下（2023年报中的“我局2022年共收到政府信息公开申请12件”而表三新收为12件），是沿用了上年报告。"
    ),
    explanation_en=(
        "Art. 49 of the regulation requires the report on the previous year; its statistics cover 1 Jan–31 Dec "
        "of that year. The title year, the statistics period, the introduction ('现将2023年…报告如下') and the "
        "year opening the sentences of 总体情况 that describe this year's work ('2023年，我局…') must agree; the period "
        "must be one calendar year, and one that ends before it starts ('自2010年1月1日起至2009年12月31日止', seen in a "
        "ministry's 2010 report) is plainly wrong. The usual cause is last year's report reused without changing "
        "the year. Not flagged, to avoid false alarms: cited documents of other years, comparisons ('较2022年', "
        "'同比'), '2022年度报告', '…以来', plans ('2024年将…') and years outside 总体情况. Each finding names both "
        "places that disagree, with their lines. A period left without dates ('统计期限自至') gives no report year; plans "
        "under 存在的主要问题及改进情况 dated the report year itself ('2016年，我们将…' in the 2016 report), or this report's "
        "table 三 figures given another year ('我局2022年共收到政府信息公开申请12件' in the 2023 report, 12 being its 新收), "
        "were copied from last year's report."
    ),
    bad=_RL503_BAD,
    good=_RL503_GOOD,
)
def report_year(doc: Document, ctx, options) -> Iterator[Finding]:
    titles = _titles(doc)
    periods = _periods(doc)
    reference = titles[0] if titles else None

    for title in titles[1:]:
        if reference and title.year != reference.year:
            yield _conflict(title, reference, "title")

    for period in periods:
        start, end = period.start, period.end
        if end < start:
            yield Finding(
                Message(
                    "统计期限止于 {end}（第 {end_line} 行），早于起始日 {start}（第 {start_line} 行）",
                    "the statistics period ends on {end} (line {end_line}), before it starts on {start} (line {start_line})",
                ),
                period.span,
                args={"start": _ymd(start), "end": _ymd(end), "start_line": period.start_span.line, "end_line": period.end_span.line},
                expected=f"{start[0]}年12月31日",
                actual=_ymd(end),
                fingerprint_text=f"period-backwards:{period.text}",
            )
            continue
        if start[1:] != (1, 1) or end[1:] != (12, 31) or start[0] != end[0]:
            yield Finding(
                Message(
                    "统计期限 {start}（第 {start_line} 行）至 {end}（第 {end_line} 行）不是一个完整自然年（应为某年1月1日至12月31日）",
                    "the statistics period {start} (line {start_line}) to {end} (line {end_line}) is not one calendar year (1 Jan to 31 Dec of the report year)",
                ),
                period.span,
                args={"start": _ymd(start), "end": _ymd(end), "start_line": period.start_span.line, "end_line": period.end_span.line},
                expected=f"{start[0]}年1月1日至{start[0]}年12月31日",
                actual=f"{_ymd(start)}至{_ymd(end)}",
                fingerprint_text=f"period-not-a-year:{period.text}",
            )
            continue
        mention = _Mention(start[0], period.start_span, "period")
        if reference is None:
            reference = mention
        elif mention.year != reference.year:
            yield _conflict(mention, reference, period.text)

    for announcement in _announcements(doc):
        if reference is None:
            reference = announcement
        elif announcement.year != reference.year:
            yield _conflict(announcement, reference, "announcement")

    yield from _blank_periods(doc)
    if reference is None:
        return
    name = ctx.issuer.name
    for mention, sentence in _body_years(doc, reference.year, name):
        yield _conflict(mention, reference, sentence)
    yield from _plans_dated_this_year(doc, ctx, reference)
    yield from _own_figures_of_another_year(ctx, reference)


# "我局2022年共收到政府信息公开申请12件" in the 2023 report, where 12 is this year's 一、本年新收: the
# report's own figure given another year (the year left over from last year's text)
_YEAR_FIGURE = re.compile(
    r"((?:19|20)\d{2})年度?[^，,。；;\d]{0,16}?(?P<verb>收到|受理|新收|接收|办结|答复|办理)[^，,。；;\d]{0,16}?(?P<n>\d+)件"
)
_COMPARED = re.compile(r"较|同比|环比|比上|相比|上年|去年|上一年|增长|下降|增加|减少|以来|累计至|截至")
_ROW_OF_VERB = {"收到": "r1", "受理": "r1", "新收": "r1", "接收": "r1", "办结": "r3_7", "答复": "r3_7", "办理": "r3_7"}


def _own_figures_of_another_year(ctx, reference: _Mention) -> Iterator[Finding]:
    from ..numbers import Kind
    from .narrative import _units_of

    view = ctx.table("request")
    if view is None:
        return
    for unit in _units_of(ctx):
        text = unit.compact
        for match in _YEAR_FIGURE.finditer(text):
            year = int(match.group(1))
            if year == reference.year or _COMPARED.search(match.group()):
                continue
            row = _ROW_OF_VERB[match["verb"]]
            if row not in view.by_id:
                continue
            value = view.value(row, "tot")
            if value.kind is not Kind.NUMBER or value.number != int(match["n"]) or value.number == 0:
                continue
            yield Finding(
                Message(
                    "正文把本报告的数字写在 {year} 年名下（「{text}」）：表三的 {figure} 件是 {expected} 年的",
                    "the text gives this report's figure to {year} ('{text}'): the {figure} in table 三 are {expected}'s",
                ),
                unit.span(match.start(1), match.end(1) + 1),
                args={"year": year, "text": match.group()[:40], "figure": match["n"], "expected": reference.year},
                expected=str(reference.year),
                actual=str(year),
                fingerprint_text=f"figure-year:{year}:{match['n']}",
            )


# a statistics period with the dates left out: "统计期限自至", "统计期限为年月日至年月日"
_PERIOD_WORD = re.compile(r"统计(?:期限|时限|时间|区间)")
_PERIOD_REACH = 24
_DIGIT = re.compile(r"[0-9０-９〇○零一二三四五六七八九十xXｘＸ*＊]")
_UNTIL = re.compile(r"[至到]")


def _blank_periods(doc: Document) -> Iterator[Finding]:
    for number, line in enumerate(doc.lines[:_INTRO_LINES], start=1):
        for word in _PERIOD_WORD.finditer(line):
            rest = line[word.end(): word.end() + _PERIOD_REACH]
            stop = min((i for i in (rest.find(c) for c in "。；;，,\n") if i >= 0), default=len(rest))
            clause = rest[:stop]
            if not _UNTIL.search(clause) or _DIGIT.search(clause):
                continue
            end = word.end() + stop
            yield Finding(
                Message("统计期限没有填写日期：「{text}」", "the statistics period has no dates: '{text}'"),
                Span(number, word.start() + 1, number, end + 1),
                args={"text": line[word.start():end]},
                expected="统计期限自××××年1月1日至××××年12月31日",
                actual=line[word.start():end],
                fingerprint_text=f"period-blank:{line[word.start():end]}",
            )


# a plan in 五 (improvements) dated the report year itself: "2016年，我们将采取以下措施加以改进" in the 2016 report
_PLAN = re.compile(r"((?:19|20)\d{2})\s*年度?[，,]?(?P<who>[^\n。，,；;：:]{0,12}?)(?:将|计划|拟|打算|力争|要)")
_DONE = re.compile(r"已|曾|以来|底前|之前|期间|中|上半年|下半年|月")


def _plans_dated_this_year(doc: Document, ctx, reference: _Mention) -> Iterator[Finding]:
    five = next((m for m in ctx.sections if "改进" in m.spec.label), None)  # 五 (2019, 2021), 问题及改进 (2007)
    if five is None:
        return
    start = five.heading.span.line
    end = next((m.heading.span.line for m in ctx.sections if m.heading.span.line > start and m.spec.id != five.spec.id), len(doc.lines) + 1)
    for number in range(start, end):
        line = doc.line(number)
        for match in _PLAN.finditer(line):
            at = match.start()
            if at and line[at - 1] not in "。；;：:，,（(“ \u3000":
                continue  # inside a sentence ("较2016年将…"): not the plan's date
            if int(match.group(1)) != reference.year or _DONE.search(match["who"]):
                continue
            column = at + 1
            yield Finding(
                Message(
                    "“存在的主要问题及改进情况”中的计划写的是报告年度本身（「{text}」）：计划应是下一年度（{next}年）的",
                    "the plans under the problems-and-improvements part are dated the report year itself ('{text}'): they belong to the next year ({next})",
                ),
                Span(number, column, number, column + 4),
                args={"text": match.group()[:30], "next": reference.year + 1},
                expected=str(reference.year + 1),
                actual=match.group(1),
                fingerprint_text=f"plan-this-year:{match.group()[:20]}",
            )


# ----------------------------------------------------------------------------- RL507

_DATE = (
    r"(?P<y>(?:19|20)\d{2})(?:年|[-./])(?P<m>\d{1,2})(?:月|[-./])(?P<d>\d{1,2})日?"
)
_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DATE = r"(?P<cy>[二〇○零一三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,2})月(?P<cd>[一二三四五六七八九十]{1,3})日"
# 发布日期：2020-01-31 / 发布时间:2022年01月30日 15:52 / 时间:2025-01-21 / 发文日期 | 2018-02-28
_LABELLED = re.compile(
    r"(?<!更新)(?<!修改)(?<!截止)(?<!统计)(?<!数据)(?<!访问)(?<!办公)(?<!工作)"
    r"(?P<label>发布日期|发布时间|发文日期|成文日期|印发日期|公开日期|公布日期|发布于|日期|时间)[:|]*" + _DATE
    + r"(?!日|起|至|到|[-—–~～]|\d(?!\d?:))"  # a date range is a period, not a publication date
)
# a line that is only a date (a signature, or the page's date under the title), maybe followed by
# page furniture: 2024年1月20日 / 2022年01月18日来源:1 / （2024年1月20日）
_BARE = re.compile(r"^[(\[【]?(?:" + _DATE + r"|" + _CN_DATE + r")[)\]】]?(?:\d{1,2}:\d{2}(?::\d{2})?)?(?:(?:来源|浏览|点击|作者|字号|访问|阅读|【|\[).*)?$")
_HEAD_LINES = 12
_TAIL_LINES = 6


@dataclass(frozen=True)
class _Dated:
    date: dt.date
    span: Span
    label: str  # what the date is: the label in the text, or "落款" / "页面日期"
    text: str


def _cn_number(text: str) -> int | None:
    if all(c in _CN_DIGIT for c in text) and "十" not in text:
        return int("".join(str(_CN_DIGIT[c]) for c in text))
    if "十" in text:
        tens, _, units = text.partition("十")
        value = (_CN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CN_DIGIT.get(units, 0) if units else 0)
        return value
    return None


def _publication_dates(doc: Document) -> list[_Dated]:
    numbers = [n for n, line in enumerate(doc.lines, 1) if line.strip()]
    head, tail = numbers[:_HEAD_LINES], numbers[-_TAIL_LINES:]
    first_heading = next((h.span.line for h in doc.headings if h.level == 1), 0)
    found: list[_Dated] = []
    for number in dict.fromkeys(head + tail):
        text = CompactText(doc, number, number)
        line = text.compact
        for match in _LABELLED.finditer(line):
            date = _date(int(match["y"]), int(match["m"]), int(match["d"]))
            if date:
                found.append(_Dated(date, text.span(match.start("y"), match.end()), match["label"], match.group(0)))
        if any(d.span.line == number for d in found):
            continue
        bare = _BARE.match(line)
        if bare:
            if bare["y"]:
                date = _date(int(bare["y"]), int(bare["m"]), int(bare["d"]))
                start, end = bare.start("y"), bare.end("d") + (1 if line[bare.end("d"): bare.end("d") + 1] == "日" else 0)
            else:
                year = _cn_number(bare["cy"])
                month, day = _cn_number(bare["cm"]), _cn_number(bare["cd"])
                date = _date(year, month, day) if None not in (year, month, day) else None
                start, end = bare.start("cy"), bare.end("cd") + 1
            if date:
                label = "落款日期" if number in tail and number > first_heading else "页面日期"
                found.append(_Dated(date, text.span(start, end), label, line[start:end]))
    return found


_LABEL_EN = {
    "发布日期": "publication date", "发布时间": "publication time", "发文日期": "issue date", "成文日期": "date written",
    "印发日期": "issue date", "公开日期": "publication date", "公布日期": "publication date", "发布于": "published on",
    "日期": "date", "时间": "date", "落款日期": "signature date", "页面日期": "page date",
}


def _deadline(year: int, kind: str) -> tuple[dt.date, Message] | None:
    """The last day a report for `year` may be published by a body of `kind`, and the rule that sets it."""
    if year <= 2018:
        return dt.date(year + 1, 3, 31), Message(
            "2007年《条例》第三十一条：各级行政机关每年3月31日前公布上一年度年报",
            "Art. 31 of the 2007 regulation: every administrative body publishes by 31 March",
        )
    if kind == "department":
        return dt.date(year + 1, 1, 31), Message(
            "《条例》第四十九条：县级以上人民政府部门每年1月31日前公布上一年度年报",
            "Art. 49: departments of governments at county level and above publish by 31 January",
        )
    if kind == "government":
        return dt.date(year + 1, 3, 31), Message(
            "《条例》第四十九条：本级人民政府年报每年3月31日前向社会公布",
            "Art. 49: a local government's own report is published by 31 March",
        )
    return None  # townships and street offices: Art. 49 sets no date; unknown bodies: cannot tell


_RL507_BAD = """青山县交通运输局2023年政府信息公开工作年度报告
发布日期：2024-02-20
一、总体情况
2023年，我局主动公开政府信息386条。"""

_RL507_GOOD = """青山县交通运输局2023年政府信息公开工作年度报告
发布日期：2024-01-20
一、总体情况
2023年，我局主动公开政府信息386条。"""


@rule(
    code="RL507",
    name="publication-deadline",
    severity="warning",
    summary_zh="发布日期晚于法定期限（部门1月31日、本级政府3月31日），或早于报告年度结束",
    summary_en="publication date after the legal deadline (departments 31 Jan, a government's own report 31 Mar), or before the report year ended",
    explanation_zh=(
        "《政府信息公开条例》第四十九条：县级以上人民政府部门应在每年1月31日前公布上一年度年报；"
        "县级以上地方人民政府的政府信息公开工作主管部门应在每年3月31日前公布本级政府上一年度年报。"
        "2018年度及以前的年报适用2007年《条例》第三十一条，各级行政机关一律3月31日前公布。"
        "本规则读取文中的发布/成文日期（“发布日期：2020-01-31”“发布时间:2022年01月30日 15:52”“时间:2025-01-21”、"
        "标题下的日期行、文末落款日期“2024年1月20日”），晚于期限的给出警告。"
        "乡镇人民政府和街道办事处的年报第四十九条未规定日期（由各地通知确定，如怀化市要求市直单位1月28日前发布），"
        "发布机关类型无法判断时同样无从比较，这两种情况不报逾期。"
        "日期早于报告年度的12月31日（年度尚未结束就已成文或发布）同样可疑，无论机关类型都提示。"
        "数字残缺的日期（如“2017210日)”）不在此检查。日期是网页发布时间还是转载时间由人工核实，故为警告。"
    ),
    explanation_en=(
        "Art. 49 of the regulation: departments of governments at county level and above publish the previous "
        "year's report by 31 January; a local government's own report is published by 31 March. Reports for 2018 "
        "and earlier fall under Art. 31 of the 2007 regulation: every body by 31 March. The rule reads the "
        "publication or signature dates in the text ('发布日期：2020-01-31', '发布时间:2022年01月30日 15:52', "
        "'时间:2025-01-21', a date line under the title, the signature date '2024年1月20日') and warns when one is "
        "later than the deadline. Townships and street offices are not named in Art. 49 (local notices set their "
        "dates), and when the kind of body cannot be told there is nothing to compare with: neither is reported "
        "as late. A date before 31 December of the report year (written or published before the year ended) is "
        "suspicious for any body and reported too. Garbled dates ('2017210日)') are left alone. A page date may "
        "be a re-posting date, hence a warning."
    ),
    bad=_RL507_BAD,
    good=_RL507_GOOD,
)
def publication_deadline(doc: Document, ctx, options) -> Iterator[Finding]:
    year = ctx.year.year
    if year is None:
        return
    issuer = ctx.issuer
    deadline = _deadline(year, issuer.kind)
    for dated in _publication_dates(doc):
        args = {"label": dated.label, "label_en": _LABEL_EN.get(dated.label, "date"), "date": dated.date.isoformat(), "year": year}
        if dated.date < dt.date(year, 12, 31):
            yield Finding(
                Message(
                    "{label} {date} 早于 {year} 年度结束：年报应在年度结束后编制公布（日期或报告年度有误？）",
                    "{label_en} {date} is before the {year} report year ended: a report is written after its year (wrong date or year?)",
                ),
                dated.span,
                args=args,
                expected=f"> {year}-12-31",
                actual=dated.date.isoformat(),
                fingerprint_text=f"early:{dated.text}",
            )
        elif deadline and dated.date > deadline[0]:
            last, basis = deadline
            yield Finding(
                Message(
                    "{label} {date} 晚于法定期限 {deadline}（{basis_zh}；发布机关：{issuer}）",
                    "{label_en} {date} is after the deadline {deadline} ({basis_en}; issuer: {issuer})",
                ),
                dated.span,
                args={**args, "deadline": last.isoformat(), "basis_zh": basis.zh, "basis_en": basis.en,
                      "issuer": issuer.name or issuer.kind},
                expected=f"<= {last.isoformat()}",
                actual=dated.date.isoformat(),
                fingerprint_text=f"late:{dated.text}",
            )
