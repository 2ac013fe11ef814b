"""The tables' arithmetic: row totals, outcome totals, the 勾稽 cross-check, review totals."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from ..api import Finding, Message, rule
from ..arithmetic import Violation, check_identity
from ..suspect import Suspect, find_suspect
from ..document import Document
from ..numbers import format_number
from ..tables import TableView
from .examples import TITLE

_HEADER = TITLE + """三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况
自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
"""


def _findings(ctx, table: str, code: str) -> Iterator[Finding]:
    view: TableView | None = ctx.table(table)
    if view is None:
        return
    suspect = None
    for identity in view.spec.identities:
        if identity.code != code:
            continue
        for violation in check_identity(view, identity):
            suspect = suspect or find_suspect(view) or False  # once per table, only when something is wrong
            yield _with_suspect(_finding(view, violation), suspect or None)


_SUSPECT = Message(
    "；「{s_row}·{s_column}」很可能有误：改为 {s_expected} 则 {s_count} 处勾稽关系都成立",
    "; the cell '{s_row} · {s_column}' is probably wrong: with {s_expected} there, {s_all} identities hold",
)


def _with_suspect(finding: Finding, suspect: Suspect | None) -> Finding:
    """Name the one cell that explains every violated identity of the table (suspect.py), in each of
    the findings it explains."""
    if suspect is None:
        return finding
    args = {"s_row": suspect.row, "s_column": suspect.column, "s_expected": format_number(suspect.corrected), "s_count": suspect.explains,
            "s_all": "both" if suspect.explains == 2 else f"all {suspect.explains}"}
    message = Message(finding.message.zh + _SUSPECT.zh, finding.message.en + _SUSPECT.en)
    return replace(finding, message=message, args={**finding.args, **args}, suspect=suspect.as_json(suspect.explains))


def _finding(view: TableView, violation: Violation) -> Finding:
    spec = view.spec
    identity = violation.identity
    row = view.by_id.get(violation.row_id)
    row_label = spec.row(violation.row_id).label or spec.title
    column_label = spec.column(violation.column_id).display
    cell = violation.cell.cell
    span = cell.span if cell is not None else (row.row.span if row else view.rows[0].row.span)
    expected = format_number(violation.expected)
    actual = format_number(violation.actual)
    if identity.left:  # a sum on the left: name both sides, blame no single cell
        row_label = identity.left
        message = Message(
            "「{column}」列：{left} = {actual}，而 {right} = {expected}；依据：{rule}",
            "column '{column}': {left} = {actual} but {right} = {expected}; {rule_en}",
        )
    else:
        message = Message(
            "「{row}」行「{column}」列应为 {expected}，实际为 {actual}；依据：{rule}",
            "row '{row}', column '{column}': expected {expected}, found {actual}; {rule_en}",
        )
    return Finding(
        message,
        span,
        args={
            "row": row_label, "column": column_label, "expected": expected, "actual": actual,
            "rule": identity.zh, "rule_en": identity.en, "left": identity.left, "right": identity.right,
        },
        section=(spec.section,),  # lines inside a table that look like sub-headings are row labels
        row=row_label,
        column_label=column_label,
        expected=expected,
        actual=actual,
        fingerprint_text=f"{identity.id}:{violation.row_id}:{violation.column_id}:{actual}",
    )


@rule(
    code="RL301",
    name="row-total",
    severity="error",
    summary_zh="申请情况表某行的总计不等于各类申请人之和",
    summary_en="a request-table row's 总计 is not the sum of its applicant columns",
    explanation_zh=(
        "国办公开办函〔2021〕30号（及〔2019〕60号）年报格式的表三“收到和处理政府信息公开申请情况”，"
        "按申请人分列：每一数据行的“总计”＝自然人＋商业企业＋科研机构＋社会公益组织＋法律服务机构＋其他。"
        "这是表格的行合计关系，由表格结构本身决定：总计栏是该行各类申请人之和。"
    ),
    explanation_en=(
        "Table 三 of the State Council's report template (国办公开办函〔2021〕30号, likewise 〔2019〕60号), "
        "收到和处理政府信息公开申请情况, splits every figure by applicant: in every data row 总计 equals 自然人 plus the "
        "five 法人或其他组织 columns (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). This row-total identity "
        "follows from the table's layout: the 总计 column is the sum of the row's applicant columns."
    ),
    bad=_HEADER + "（一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 6",
    good=_HEADER + "（一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 5",
)
def row_total(doc: Document, ctx, options) -> Iterator[Finding]:
    yield from _findings(ctx, "request", "RL301")


_OUTCOMES_GOOD = """（一）予以公开 | 7 | 0 | 0 | 0 | 0 | 0 | 7
（二）部分公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（四）无法提供 | 1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1
（七）总计 | 8 | 0 | 0 | 0 | 0 | 0 | 8"""


@rule(
    code="RL302",
    name="outcome-total",
    severity="error",
    summary_zh="（七）总计不等于各项办理结果之和（按列）",
    summary_en="（七）总计 is not the sum of the outcome rows, per column",
    explanation_zh=(
        "“三、本年度办理结果”中，（七）总计＝（一）予以公开＋（二）部分公开＋（三）至（六）各子项之和，每一列都如此。"
        "年报格式（国办公开办函〔2021〕30号）规定每件申请只计一种情形（“区分处理的，只计这一情形，不计其他情形”），"
        "所以办理结果的合计是等式，不是不等式。"
    ),
    explanation_en=(
        "Under 三、本年度办理结果, （七）总计 equals （一）+（二)+ all sub-rows of （三）–（六）, in every column. Each request is "
        "counted in exactly one outcome (the 2021 template, 国办公开办函〔2021〕30号, says a request handled in parts is "
        "counted once: 区分处理的，只计这一情形), so the outcome total is an equality, not a bound."
    ),
    bad=_HEADER + _OUTCOMES_GOOD.replace("（七）总计 | 8 | 0 | 0 | 0 | 0 | 0 | 8", "（七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0"),
    good=_HEADER + _OUTCOMES_GOOD,
)
def outcome_total(doc: Document, ctx, options) -> Iterator[Finding]:
    yield from _findings(ctx, "request", "RL302")


_BALANCE_GOOD = """一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8
二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1
（七）总计 | 8 | 0 | 0 | 0 | 0 | 0 | 8
四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1"""


@rule(
    code="RL303",
    name="request-balance",
    severity="error",
    summary_zh="一＋二 ≠ 三（七）＋四（表三的勾稽关系，按列）",
    summary_en="一 + 二 ≠ 三（七）+ 四 (the request table's cross-check), per column",
    explanation_zh=(
        "表三左上角注明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”：本年新收＋上年结转＝本年办结（七）总计＋结转下年度，"
        "每一列都须成立。这是年报格式（国办公开办函〔2021〕30号、〔2019〕60号）表三自身规定的勾稽关系。"
    ),
    explanation_en=(
        "Table 三 of the report template (国办公开办函〔2021〕30号, likewise 〔2019〕60号) prints its own cross-check "
        "in its corner: 'the first item plus the second equals the third plus the fourth' (本列数据的勾稽关系为：第一项加第二项之和，"
        "等于第三项加第四项之和), i.e. 本年新收 + 上年结转 = 三（七）总计 + 四、结转下年度继续办理, in every column."
    ),
    bad=_HEADER + _BALANCE_GOOD.replace("四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1", "四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2"),
    good=_HEADER + _BALANCE_GOOD,
)
def request_balance(doc: Document, ctx, options) -> Iterator[Finding]:
    yield from _findings(ctx, "request", "RL303")


_REVIEW_HEADER = TITLE + """四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉
"""


@rule(
    code="RL304",
    name="review-total",
    severity="error",
    summary_zh="行政复议、行政诉讼表的总计不等于四项结果之和",
    summary_en="a review/litigation 总计 is not the sum of its four results",
    explanation_zh=(
        "年报格式（国办公开办函〔2021〕30号）表四“政府信息公开行政复议、行政诉讼情况”中，行政复议、未经复议直接起诉、复议后起诉各有一个“总计”，"
        "分别等于结果维持＋结果纠正＋其他结果＋尚未审结：每件案件恰有一种结果或尚未审结。"
    ),
    explanation_en=(
        "Table 四 of the report template (国办公开办函〔2021〕30号), 政府信息公开行政复议、行政诉讼情况, has three totals "
        "(行政复议, 未经复议直接起诉, 复议后起诉); each equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结, as every case "
        "has exactly one result or is still pending."
    ),
    bad=_REVIEW_HEADER + "10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0",
    good=_REVIEW_HEADER + "10 | 1 | 0 | 0 | 11 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 5",
)
def review_total(doc: Document, ctx, options) -> Iterator[Finding]:
    yield from _findings(ctx, "review", "RL304")
