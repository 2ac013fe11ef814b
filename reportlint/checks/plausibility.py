"""The 主动公开 table against the regulation: the right 第二十条 item cited, figures the body can have."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator


from ..api import Finding, Message, rule
from ..document import Document, Span
from ..issuer import compact_text
from ..numbers import format_number
from .examples import TITLE

_CITATION = re.compile(r"第二十条\s*第?\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*项")

_ACTIVE_GOOD = """二、主动公开政府信息情况
第二十条第（五）项
信息内容 | 本年处理决定数量
行政许可 | 1328
第二十条第（八）项
信息内容 | 本年收费金额（单位：万元）
行政事业性收费 | 0"""


def _citations(doc: Document) -> list[tuple[int, str, Span]]:
    found = []
    for number, line in enumerate(doc.lines, start=1):
        for match in _CITATION.finditer(line):
            found.append((number, match.group(1), Span(number, match.start() + 1, number, match.end() + 1)))
    return found


@rule(
    code="RL504",
    name="wrong-article-item",
    severity="error",
    summary_zh="主动公开表某一块引用了错误的第二十条项号",
    summary_en="a 主动公开 block cites the wrong item of Article 20",
    explanation_zh=(
        "主动公开表按《条例》第二十条分块：第（一）项规章和行政规范性文件，第（五）项行政许可，第（六）项行政处罚、行政强制，"
        "第（八）项行政事业性收费（2019年版另有第（九）项政府集中采购）。块标题的项号与其下的行不符，说明表格被改动或复制出错。"
    ),
    explanation_en=(
        "The 主动公开 table is split by Article 20: item (一) rules and normative documents, (五) licensing, (六) penalties and "
        "enforcement, (八) administrative fees (2019 also (九) procurement). A block heading citing another item than its rows "
        "belong to means the table was altered or mis-copied."
    ),
    bad=TITLE + _ACTIVE_GOOD.replace("第二十条第（八）项", "第二十条第（五）项"),
    good=TITLE + _ACTIVE_GOOD,
)
def wrong_article_item(doc: Document, ctx, options) -> Iterator[Finding]:
    citations = _citations(doc)
    if not citations:
        return
    reported: set[int] = set()
    blocks = sorted(
        ((view.spec.item, view) for view in ctx.present_tables().values() if view.spec.item),
        key=lambda pair: min(m.row.span.line for m in pair[1].rows),
    )
    previous_end = 0
    for item, view in blocks:
        first_row = min(view.rows, key=lambda m: m.row.span.line)
        own = [c for c in citations if previous_end < c[0] < first_row.row.span.line]
        previous_end = max(m.row.span.line for m in view.rows)
        if not own:
            continue  # the block has no citation of its own: nothing to compare
        line, cited, span = own[-1]
        if cited != item and line not in reported:
            reported.add(line)
            yield Finding(
                Message(
                    "「{row}」属于第二十条第（{item}）项，此处却引用第（{cited}）项",
                    "'{row}' belongs to Article 20 item ({item}), but the block cites item ({cited})",
                ),
                span,
                args={"row": first_row.spec.label, "item": item, "cited": cited},
                row=first_row.spec.label, expected=f"第二十条第（{item}）项", actual=f"第二十条第（{cited}）项",
                fingerprint_text=f"item:{cited}:{item}",
            )


@dataclass(frozen=True)
class PlausibilityOptions:
    __pydantic_config__ = {"extra": "forbid"}

    township_licensing_max: int = 1000  # 行政许可 decisions a 乡镇/街道 can plausibly make in a year


# Administrative units in a body's name, outermost first: 广西壮族自治区 南宁市 青秀区 …
_UNITS = re.compile(r"[\u4e00-\u9fff]{1,10}?(自治区|特别行政区|省|自治州|地区|市|州|盟|自治县|自治旗|县|区|旗|街道|乡|镇|苏木)")
_COUNTY_OR_BELOW = {"自治县", "自治旗", "县", "区", "旗", "街道", "乡", "镇", "苏木"}


def administrative_level(name: str) -> str | None:
    """The suffix of the innermost administrative unit that starts the name (市 for 镇江市交通运输局)."""
    position, last = 0, None
    while (match := _UNITS.match(name, position)) is not None:
        last, position = match.group(1), match.end()
        while position < len(name) and name[position] in "市县区州旗":  # 萍乡市: 乡 was part of the name
            last, position = name[position], position + 1
    return last


@rule(
    code="RL508",
    name="implausible-figure",
    severity="warning",
    summary_zh="按发布机关的类型，表中数字不合常理（如乡镇街道或县级部门有规章）",
    summary_en="a figure is implausible for the kind of body (e.g. 规章 from a township or county department)",
    explanation_zh=(
        "规章只能由国务院部门和省、自治区、直辖市及设区的市人民政府制定（《立法法》），县级及以下机关和乡镇街道的“规章”"
        "栏应为 0 或“/”。乡镇、街道办理的行政许可数量通常很少，数量巨大时往往是把全部“行政决定”都算作了行政许可。"
    ),
    explanation_en=(
        "Only State Council departments and provincial / 设区的市 governments make 规章 (Legislation Law), so county-level "
        "bodies, townships and streets report 0 or '/'. Townships and streets make few licensing decisions; a huge figure "
        "usually counts every 行政决定 as 行政许可."
    ),
    bad=TITLE.replace("青山县交通运输局", "青山县青石镇人民政府") + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 2 | 0 | 2",
    good=TITLE.replace("青山县交通运输局", "青山县青石镇人民政府") + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 0",
    options=PlausibilityOptions,
)
def implausible_figure(doc: Document, ctx, options: PlausibilityOptions) -> Iterator[Finding]:
    issuer = ctx.issuer
    if not issuer.name and issuer.kind != "township":
        return  # a township or street is plain from how the body calls itself (我镇, 我乡, 本街道); other bodies need their name
    county_level = issuer.kind == "township" or administrative_level(issuer.name) in _COUNTY_OR_BELOW
    who = issuer.name or "本乡镇（街道）"
    active_1 = ctx.table("active_1")
    if county_level and active_1 is not None and "rules" in active_1.by_id:
        for value in active_1.by_id["rules"].values:
            if value.number and value.number > 0:
                yield Finding(
                    Message(
                        "{issuer}不具有规章制定权，「规章」栏应为 0 或“/”，此处为 {value}",
                        "{issuer} cannot make 规章; the 规章 row should be 0 or '/', found {value}",
                    ),
                    value.cell.span,
                    args={"issuer": who, "value": format_number(value.number)},
                    row="规章", expected="0", actual=format_number(value.number), fingerprint_text="rules-nonzero",
                )
                break
    active_5 = ctx.table("active_5")
    if issuer.kind == "township" and active_5 is not None and "licensing" in active_5.by_id:
        value = active_5.by_id["licensing"].values[-1]
        if value.number is not None and value.number > options.township_licensing_max:
            yield Finding(
                Message(
                    "{issuer}（乡镇、街道）全年行政许可处理决定 {value} 件，远超常见水平（>{limit}），请核实是否把其他行政决定计入了行政许可",
                    "{issuer} (a township or street) reports {value} licensing decisions, far above what such bodies make (>{limit}); "
                    "check that other administrative decisions were not counted as licensing",
                ),
                value.cell.span,
                args={"issuer": who, "value": format_number(value.number), "limit": options.township_licensing_max},
                row="行政许可", actual=format_number(value.number), fingerprint_text="township-licensing",
            )


# ---------------------------------------------------------------- RL510: another body's text

_LEVEL = r"(?:省|市|区|县|州|旗|自治区|自治州|自治县|自治旗)"
# "向市政府及市政府办公室提出的…申请": requests made to a people's government (and its general office)
_OTHER_BODY = re.compile(
    rf"向(?:本级)?(?P<body>{_LEVEL}(?:人民)?政府(?:办公室|办公厅)?(?:(?:及|和|、|或){_LEVEL}?(?:人民)?政府?(?:办公室|办公厅))?)"
    r"(?:提出|提交|递交|申请)"
)
_GENERAL_OFFICE = re.compile(r"政府(?:办公室|办公厅|办)$")  # a government's general office reports as a department


@rule(
    code="RL510",
    name="other-body-text",
    severity="warning",
    summary_zh="报告写的是另一机关收到的申请（如街道、部门的报告写“向市政府提出的申请”），像是照抄上级报告",
    summary_en="the report counts requests made to another body (a street or department writing of requests to 市政府): text copied from another report?",
    explanation_zh=(
        "年度报告只报告本机关的情况（《条例》第四十九条、第五十条）。街道、乡镇或政府工作部门的报告写“受理向市政府及市政府办公室提出的"
        "政府信息公开申请N件”，说的是人民政府收到的申请，不是本机关的：多半是照抄了上级报告的句子，数字也可能不是本机关的。"
        "人民政府及其办公室（办公厅）自己的报告这样写是正常的，不报告。"
    ),
    explanation_en=(
        "A report covers its own body only (Art. 49, 50). A street office's, township's or department's report that "
        "speaks of requests '向市政府及市政府办公室提出' counts a people's government's requests, not its own: the "
        "sentence, and perhaps its figure, was copied from a higher-level report. A government's own report, or its "
        "general office's, is not reported."
    ),
    bad=TITLE.replace("青山县交通运输局", "青山县城关街道办事处") + "一、总体情况\n2023年，我街道受理公民、法人和其他组织向县政府及县政府办公室提出的政府信息公开申请5件。",
    good=TITLE.replace("青山县交通运输局", "青山县城关街道办事处") + "一、总体情况\n2023年，我街道受理公民、法人和其他组织提出的政府信息公开申请5件。",
)
def other_body_text(doc: Document, ctx, options) -> Iterator[Finding]:
    issuer = ctx.issuer
    if issuer.kind not in ("township", "department") or (issuer.name and _GENERAL_OFFICE.search(issuer.name)):
        return  # a government, or its general office, rightly speaks of requests made to it
    compact = compact_text(doc)
    for match in _OTHER_BODY.finditer(compact.compact):
        body = match["body"]
        who = issuer.name or ("本街道/乡镇" if issuer.kind == "township" else "本部门")
        yield Finding(
            Message(
                "{issuer}的报告写到“向{body}提出”的申请：那是{body}收到的申请，不是本机关的，像是照抄了上级报告",
                "the report of {issuer_en} speaks of requests made to {body}: those are {body}'s requests, not this body's; "
                "the text looks copied from a higher-level report",
            ),
            compact.span(match.start("body"), match.end("body")),
            args={"issuer": who, "issuer_en": issuer.name or f"this {issuer.kind}", "body": body},
            actual=body,
            fingerprint_text=f"other-body:{body}",
        )
