"""RL512 self-contradiction: what the text says of the year as a whole, against its own tables.

Three claims a report makes in words and shows in figures: no request was received (表三 一、本年新收),
every request was handled (四、结转下年度继续办理), no 行政复议/行政诉讼 happened (表四). A claim of
"none" or "all" against a figure that says otherwise is a contradiction, whichever of the two is wrong.
Only the table's printed figures count: a blank or unread table says nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document
from ..numbers import Kind, format_number
from .examples import TITLE
from .narrative import _units_of

_CLAUSE = "，,；;。！？!?"
_CLAUSE_REACH = 300
_NONE = r"(?:未|没有|无|均未|尚未|并未)"
_CLAIMS = (
    # (kind, pattern): none received, all handled, no review, no lawsuit, neither
    ("none_received", re.compile(_NONE + r"(?:收到|受理|接到|接收|收悉)[^，,；;。]{0,12}?(?:政府信息公开申请|依申请公开(?:事项|申请)?|公开申请|信息公开申请)")),
    ("none_received", re.compile(r"依申请公开(?:申请|事项)?(?:数量)?(?:为零|为0件|0件)")),
    ("all_handled", re.compile(r"(?:所有|全部)(?:的)?(?:政府信息公开)?(?:申请|依申请公开事项)?(?:均|都)?(?:已)?(?:按要求|依法|按时|按期)?(?:办理完成|办理完毕|处理完毕|办结|答复完毕)")),
    ("all_handled", re.compile(r"(?:无|没有)(?:下一?年度?)?结转(?:下一?年度?)?(?:的)?(?:申请|事项)?(?![^，,；;。]{0,6}?(?:上年|去年))")),
    ("no_review", re.compile(_NONE + r"(?:发生|出现|产生|收到|被申请|有)?[^，,；;。]{0,16}?(?:行政复议|行政诉讼)")),
)
_QUALIFIED = re.compile(r"纠正|纠错|败诉|撤销|确认违法|违法|不予|驳回|输|群体|重大")  # "未发生被纠错的行政复议": a kind, not none
_OTHER_YEAR = re.compile(r"去年|上一年|上年(?!度?(?:结转|转结))|前年|同期|往年|历年")


def _figure(view, row: str, column: str) -> Decimal | None:
    if view is None or row not in view.by_id:
        return None
    value = view.value(row, column)
    return value.number if value.kind is Kind.NUMBER else None


def _review_counts(ctx) -> tuple[Decimal | None, Decimal | None]:
    """(行政复议 总计, 行政诉讼 总计) as printed in 表四 (None when not printed as figures)."""
    view = ctx.table("review")
    if view is None or "data" not in view.by_id:
        return None, None
    reviews = _figure(view, "data", "rv_total")
    direct, after = _figure(view, "data", "ld_total"), _figure(view, "data", "la_total")
    lawsuits = direct + after if direct is not None and after is not None else None
    return reviews, lawsuits


_MESSAGES = {
    "none_received": Message(
        "正文称“{claim}”，但表三「一、本年新收政府信息公开申请数量」总计为 {figure} 件（第 {line} 行）",
        "the text says '{claim}', but table 三 row 一 (new requests) totals {figure} (line {line})",
    ),
    "all_handled": Message(
        "正文称“{claim}”，但表三「四、结转下年度继续办理」总计为 {figure} 件（第 {line} 行）",
        "the text says '{claim}', but table 三 row 四 (carried over to next year) totals {figure} (line {line})",
    ),
    "no_review": Message(
        "正文称“{claim}”，但表四显示{what} {figure} 件（第 {line} 行）",
        "the text says '{claim}', but table 四 shows {what_en} {figure} (line {line})",
    ),
}

_BAD = TITLE + """一、总体情况
（二）依申请公开
本年度我局未收到政府信息公开申请。
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况
自然人 | 法人或其他组织 | 总计
商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他
一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
"""


@rule(
    code="RL512",
    name="self-contradiction",
    severity="error",
    summary_zh="正文与本报告自己的表格矛盾（称未收到申请而表中有新收；称全部办结而有结转；称未发生复议诉讼而表四有案件）",
    summary_en="the text contradicts its own table (no requests received vs 新收 > 0; all handled vs carried over; no review vs cases in 表四)",
    explanation_zh=(
        "《政府信息公开条例》第五十条要求年度报告报告收到和处理政府信息公开申请的情况，以及因政府信息公开工作被申请行政复议、"
        "提起行政诉讼的情况；国办公开办函〔2021〕30号格式用表三、表四列出这些数字。正文说“未收到政府信息公开申请”而表三"
        "“一、本年新收”大于0，说“所有申请均已办理完成”“无结转”而“四、结转下年度继续办理”大于0，说“未发生行政复议、行政诉讼”"
        "而表四有案件，两处必有一处有误。只比较表中印出的数字；说的是其他年度（去年、上年）或某一类结果（未被纠错）的不报告。"
    ),
    explanation_en=(
        "Art. 50 of the regulation requires the report to cover the requests received and handled and the reviews and "
        "lawsuits about disclosure; the template of 国办公开办函〔2021〕30号 gives the figures in tables 三 and 四. Text "
        "saying no request was received while row 一 (new requests) is above 0, that all were handled (所有申请均已办理完成, "
        "无结转) while row 四 (carried over) is above 0, or that no review or lawsuit happened while table 四 shows cases, "
        "contradicts itself: one of the two is wrong. Only printed figures are compared; claims about another year "
        "(去年, 上年) or about one kind of result (未被纠错) are not reported."
    ),
    bad=_BAD,
    good=_BAD.replace("本年度我局未收到政府信息公开申请。", "本年度我局收到政府信息公开申请2件。"),
)
def self_contradiction(doc: Document, ctx, options) -> Iterator[Finding]:
    request = ctx.table("request")
    received = _figure(request, "r1", "tot")
    carried = _figure(request, "r4", "tot")
    reviews, lawsuits = _review_counts(ctx)
    if not any(f is not None and f > 0 for f in (received, carried, reviews, lawsuits)):
        return
    reported: set[str] = set()
    for unit in _units_of(ctx):
        text = unit.compact
        for kind, pattern in _CLAIMS:
            if kind in reported:
                continue
            for match in pattern.finditer(text):
                reach = max(0, match.start() - _CLAUSE_REACH)  # a clause is never longer: no quadratic scan
                start = max(reach, max(text.rfind(c, reach, match.start()) for c in _CLAUSE) + 1)
                ends = [i for i in (text.find(c, match.end(), match.end() + _CLAUSE_REACH) for c in _CLAUSE) if i >= 0]
                clause = text[start:min(ends, default=min(len(text), match.end() + _CLAUSE_REACH))]
                if _OTHER_YEAR.search(clause):
                    continue
                finding = _contradiction(kind, match, clause, unit, request, received, carried, reviews, lawsuits, ctx)
                if finding is not None:
                    reported.add(kind)
                    yield finding
                    break


def _contradiction(kind, match, clause, unit, request, received, carried, reviews, lawsuits, ctx) -> Finding | None:
    claim = match.group()
    span = unit.span(match.start(), match.end())
    if kind == "none_received" and received is not None and received > 0:
        line = request.by_id["r1"].row.span.line
        args = {"claim": claim, "figure": format_number(received), "line": line}
        return Finding(_MESSAGES[kind], span, args=args, expected="0", actual=format_number(received), fingerprint_text=f"{kind}:{claim}")
    if kind == "all_handled" and carried is not None and carried > 0:
        line = request.by_id["r4"].row.span.line
        args = {"claim": claim, "figure": format_number(carried), "line": line}
        return Finding(_MESSAGES[kind], span, args=args, expected="0", actual=format_number(carried), fingerprint_text=f"{kind}:{claim}")
    if kind == "no_review" and not _QUALIFIED.search(clause):
        about_review, about_lawsuit = "复议" in claim, "诉讼" in claim or "诉讼" in clause[clause.find(claim):][:20]
        for about, figure, what, what_en in (
            (about_review, reviews, "行政复议", "reviews"), (about_lawsuit, lawsuits, "行政诉讼", "lawsuits"),
        ):
            if about and figure is not None and figure > 0:
                line = ctx.table("review").by_id["data"].row.span.line
                args = {"claim": claim, "figure": format_number(figure), "line": line, "what": what, "what_en": what_en}
                return Finding(_MESSAGES[kind], span, args=args, expected="0", actual=format_number(figure), fingerprint_text=f"{kind}:{claim}")
    return None
