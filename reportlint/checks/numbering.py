"""RL605 list-numbering: an enumeration with a gap or a repeat (一是…三是; 四是 twice; （一）（二）（四）).

Reports number their points two ways: in the text (一是…二是…三是…) and by sub-headings under a
section (（一）…（二）…). A number skipped or used twice means a point was lost or pasted twice in
editing. Only what is plainly an enumeration is read: a 一是 at the start of a clause opens a list, the
list runs to the next 一是 or heading; sub-headings are counted within their section, outside the
sections whose content is the template's tables (their row labels （一）…（七） are no headings).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document, Heading
from ..labels import normalise
from .examples import TITLE
from .positions import LinePositions

_NUMERALS = "一二三四五六七八九十"
_VALUE = {c: i for i, c in enumerate(_NUMERALS, 1)}
# a point: 一是 at a clause start (not 统一是/之一是/唯一是), 二是…十是 anywhere but in words (第二是, 其二是)
_POINT = re.compile(
    r"(?:(?<=^)|(?<=[\n。；;：:，,、！？!?）)\s\u3000]))一是|(?<![第其之十百千又再一二三四五六七八九])[二三四五六七八九十]是"
)
_BREAK = re.compile(r"\n")


def _value(numeral: str) -> int | None:
    return _VALUE.get(numeral)


def _heading_lines(doc: Document) -> list[int]:
    return sorted(h.span.line for h in doc.headings)


def _table_lines(doc: Document) -> set[int]:
    return {n for table in doc.tables for n in range(table.span.line, table.span.end_line + 1)}


_MESSAGES = {
    "gap": Message(
        "分项序号不连续：“{previous}是”之后是“{found}是”，缺少“{missing}”",
        "the points skip a number: '{previous}是' is followed by '{found}是', '{missing}' is missing",
    ),
    "repeat": Message(
        "分项序号重复：“{found}是”已在第 {line} 行出现过",
        "the points repeat a number: '{found}是' already appears at line {line}",
    ),
    "heading_gap": Message(
        "小标题序号不连续：「{previous}」之后是「{found}」，缺少{missing}",
        "sub-heading numbers skip: '{previous}' is followed by '{found}', {missing} missing",
    ),
    "heading_repeat": Message(
        "小标题序号重复：「{found}」已在第 {line} 行出现过",
        "sub-heading number repeated: '{found}' already at line {line}",
    ),
}


@rule(
    code="RL605",
    name="list-numbering",
    severity="warning",
    summary_zh="分项叙述或小标题的序号跳号或重复（一是…三是；四是出现两次；（一）（二）（四））",
    summary_en="an enumeration with a gap or a repeat (一是…三是; 四是 twice; （一）（二）（四） headings)",
    explanation_zh=(
        "《政府信息公开条例》第五十条规定年度报告应当包括的内容，国办公开办函〔2021〕30号格式要求按“一、（一）”逐级编排；"
        "年报常在各部分中用“（一）（二）……”小标题和“一是、二是……”分项叙述。序号跳过一个（“一是……三是”，"
        "“（一）（二）（四）”）或重复（“四是”出现两次），说明编辑时删掉或重复粘贴了一项，读者无法判断内容是否完整。"
        "只检查分句开头的“一是”开始、到下一个“一是”或标题为止的分项，以及同一部分内的二级小标题；"
        "表格所在部分（二、三、四）的（一）……（七）是表格行名，不检查。"
    ),
    explanation_en=(
        "Art. 50 of the regulation fixes the report's content and the template of 国办公开办函〔2021〕30号 numbers it "
        "level by level (一、 then （一）); reports number sub-headings （一）（二）… and points 一是、二是…. A skipped number "
        "(一是…三是, （一）（二）（四）) or one used twice (四是 twice) means a point was deleted or pasted twice: the reader "
        "cannot tell whether the text is complete. Points are read from a 一是 at the start of a clause to the next 一是 "
        "or heading; sub-headings within one section; the （一）…（七） of the table sections (二, 三, 四) are row labels "
        "and are not checked."
    ),
    bad=TITLE + "一、总体情况\n2023年，我局全面推进政务公开。一是主动公开政府信息386条；三是办理依申请公开12件。",
    good=TITLE + "一、总体情况\n2023年，我局全面推进政务公开。一是主动公开政府信息386条；二是办理依申请公开12件。",
)
def list_numbering(doc: Document, ctx, options) -> Iterator[Finding]:
    yield from _points(doc)
    yield from _sub_headings(doc, ctx)


def _points(doc: Document) -> Iterator[Finding]:
    text = doc.text
    if "一是" not in text:
        return
    headings = _heading_lines(doc)  # sorted: whether one lies between two points is a bisection
    tables = _table_lines(doc)
    position = LinePositions(text)
    seen: dict[int, int] = {}  # value -> line of the list's point with that number
    last = 0
    list_line = 0  # the line where the open list began (0: none)
    for match in _POINT.finditer(text):
        line, column = position(match.start())
        if line in tables:
            continue
        if list_line and bisect_right(headings, line) > bisect_right(headings, list_line):
            seen, last, list_line = {}, 0, 0  # a heading closes the list
        value = _value(match.group()[0])
        if value == 1:
            seen, last, list_line = {1: line}, 1, line
            continue
        if not list_line:
            continue  # 二是 without a 一是 before it: not a list we can read
        found = match.group()[0]
        if value in seen:
            yield _finding("repeat", line, column, {"found": found, "line": seen[value]}, f"repeat:{found}:{text[match.start():match.start() + 8]}")
        elif value > last + 1:
            missing = "、".join(_NUMERALS[v - 1] + "是" for v in range(last + 1, value))
            args = {"previous": _NUMERALS[last - 1], "found": found, "missing": missing}
            yield _finding("gap", line, column, args, f"gap:{found}:{text[match.start():match.start() + 8]}")
        seen.setdefault(value, line)
        last = max(last, value)


def _finding(kind: str, line: int, column: int, args: dict, fingerprint: str) -> Finding:
    from ..document import Span

    return Finding(_MESSAGES[kind], Span(line, column, line, column + 2), args=args, fingerprint_text=fingerprint)


def _sub_headings(doc: Document, ctx) -> Iterator[Finding]:
    """（一）（二）… under each level-1 section, outside the table sections."""
    table_sections = {spec.section for spec in ctx.template.tables.values()}
    row_labels = {normalise(row.label) for spec in ctx.template.tables.values() for row in spec.rows if row.label}
    tables = _table_lines(doc)
    current: str | None = None
    seen: dict[int, Heading] = {}
    last = 0
    opened = _sections_opened(ctx)
    for heading in doc.headings:
        if heading.level == 1:
            # a level-1 line that is no template section ("三、" cut from a PDF table) does not leave the section
            current = opened.get(id(heading)) or current
            seen, last = {}, 0
            continue
        if heading.level != 2 or heading.span.line in tables or current in table_sections or not heading.section[:1]:
            continue
        key = normalise(heading.text)
        if any(label and (label.startswith(key) or key.startswith(label)) for label in row_labels):
            continue  # a table row label on a line of its own ("（三）不" of a wrapped "（三）不予公开")
        value = _value(heading.number.strip("（）"))
        if value is None:
            continue
        span = heading.span
        if value in seen:
            args = {"found": heading.number, "line": seen[value].span.line}
            yield Finding(_MESSAGES["heading_repeat"], span, args=args, fingerprint_text=f"heading-repeat:{heading.text[:20]}")
        elif value > last + 1 and last:
            missing = "".join(f"（{_NUMERALS[v - 1]}）" for v in range(last + 1, value))
            args = {"previous": seen[last].number, "found": heading.number, "missing": missing}
            yield Finding(_MESSAGES["heading_gap"], span, args=args, fingerprint_text=f"heading-gap:{heading.text[:20]}")
        seen.setdefault(value, heading)
        last = max(last, value)


def _sections_opened(ctx) -> dict[int, str]:
    """id(heading) -> the template section that level-1 heading opens (built once: a search per
    heading made n headings cost n² time)."""
    opened: dict[int, str] = {}
    for match in ctx.sections:
        opened.setdefault(id(match.heading), match.spec.id)
    return opened
