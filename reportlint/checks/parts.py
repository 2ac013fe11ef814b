"""RL107 part-count: the introduction's "由…等六部分组成" against the parts it lists and the report's sections."""

from __future__ import annotations

import re
from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document, Span
from .examples import SIX_SECTIONS, TITLE

_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
# "本报告由总体情况、……、其他需要报告的事项等六部分组成" / "全文包括……六个部分" / "……共九个部分组成"
_INTRO = re.compile(
    r"(?:由|包括|包含|分为|分)(?P<list>[^。；;：:]{4,400}?)[，,]?(?:等|共|计)?(?P<n>[二三四五六七八九十]|[2-9])个?(?:部分|方面)"
)
_ITEM_END = re.compile(r"(?:情况|事项|措施|打算|附表|概述|附件|内容|计划|方向|工作)$")
_INTRO_LINES = 40
_INTRO_CHARS = 3000


def _count(text: str) -> tuple[int, int]:
    """(fewest, most) parts a list can be read as. Split at commas when it has any, else at 、; an
    item may hold a 、 of its own ("机构设置、保障经费和培训会议情况": one part or two), so the most
    splits at every mark, and the fewest counts only pieces that end like a part's name."""
    items = [q for q in re.split(r"[，,、]", text) if q.strip()]
    pieces = [p for p in re.split(r"[，,]", text) if p.strip()]
    if len(pieces) > 1:
        return len(pieces), len(items)
    named = sum(1 for q in items if _ITEM_END.search(q.strip()))
    return max(named, 1), len(items)


def _value(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else _NUMERALS[numeral]


_LIST_MESSAGE = Message(
    "导语称全文共{stated}部分，但列出的只有 {listed} 项：{items}",
    "the introduction says the report has {stated_n} parts but lists {listed}: {items}",
)
_SECTIONS_MESSAGE = Message(
    "导语称全文共{stated}部分，但报告有 {present} 个部分（{headings}）",
    "the introduction says the report has {stated_n} parts, but it has {present} ({headings})",
)


@rule(
    code="RL107",
    name="part-count",
    severity="warning",
    summary_zh="导语“由……等N部分组成”与所列各部分或报告实有的部分数不符",
    summary_en="the introduction's 'made of N parts' disagrees with the parts it lists or the sections the report has",
    explanation_zh=(
        "《政府信息公开条例》第五十条规定年度报告应当包括的内容，国办年报格式据此分为六个部分；导语常写“本报告由总体情况、……、"
        "其他需要报告的事项等六部分组成”。所说的部分数与列出的部分不符（称六部分只列出五项），或与报告实有的一级标题数不符，"
        "说明漏写了一部分或导语沿用了旧稿。列举中的一项本身含顿号时（“机构设置、保障经费和培训会议情况”），按一项或两项都算相符；"
        "节选文本只比较导语自身。"
    ),
    explanation_en=(
        "Art. 50 of the regulation fixes the report's content and the national template makes it six parts; introductions "
        "say 'this report is made of 总体情况、…、其他需要报告的事项, six parts'. A number that disagrees with the parts "
        "listed (six said, five listed) or with the report's level-1 sections means a part was left out or the "
        "introduction was copied from an old draft. An item holding a 、 of its own (机构设置、保障经费和培训会议情况) "
        "may count as one part or two; in an excerpt only the introduction is compared with itself."
    ),
    bad=TITLE + "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。\n" + SIX_SECTIONS,
    good=TITLE + "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。\n" + SIX_SECTIONS,
)
def part_count(doc: Document, ctx, options) -> Iterator[Finding]:
    first_heading = next((h.span.line for h in doc.headings if h.level == 1), _INTRO_LINES)
    for number, line in enumerate(doc.lines[: min(first_heading, _INTRO_LINES)], start=1):
        match = _INTRO.search(line[:_INTRO_CHARS])  # the introduction's sentence is near the start: bounded work per line
        if match is None:
            continue
        stated = _value(match["n"])
        listed = match["list"].strip()
        fewest, most = _count(listed)
        column = match.start("n") + 1
        span = Span(number, column, number, column + len(match["n"]))
        args = {"stated": match["n"], "stated_n": stated}
        if fewest >= 2 and not fewest <= stated <= most:
            shown = most if most < stated else fewest
            yield Finding(_LIST_MESSAGE, span, args={**args, "listed": shown, "items": listed[:120]},
                          expected=str(stated), actual=str(shown), fingerprint_text=f"list:{stated}:{listed[:40]}")
        elif ctx.truncated_at is None and not ctx.starts_mid_way:
            numbers = list(dict.fromkeys(h.number for h in doc.headings if h.level == 1 and h.span.line > number))
            mandatory = {spec.id for spec in ctx.template.sections if spec.mandatory}
            whole = mandatory <= {m.spec.id for m in ctx.sections}  # a missing section is RL101's, not said twice
            if whole and len(numbers) >= 3 and len(numbers) != stated:
                yield Finding(_SECTIONS_MESSAGE, span, args={**args, "present": len(numbers), "headings": "、".join(numbers)},
                              expected=str(stated), actual=str(len(numbers)), fingerprint_text=f"sections:{stated}")
        return  # the introduction states it once
