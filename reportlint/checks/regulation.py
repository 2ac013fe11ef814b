"""Content the regulation requires of particular bodies (《政府信息公开条例》 Art. 50)."""

from __future__ import annotations

import re
from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document, Span
from ..issuer import compact_text

# The words that count, one group per item of Art. 50(四). Matched on the text with whitespace and
# line breaks removed (PDF copies wrap "考" / "核" onto two lines).
_ITEMS = {
    "工作考核": re.compile(r"考核|考评"),  # 工作考核、绩效考核、考核评估、年度考评
    "社会评议": re.compile(r"评议"),  # 社会评议、群众评议、公众评议、民主评议
    "责任追究": re.compile(r"责任追究|追究[^。；;]{0,8}?责任|追责|问责"),  # 追究相关人员责任、问责
}
_TEMPLATES = ("2019", "2021")
_SUPERVISION = re.compile(r"监督|保障")

_BAD = """青山县人民政府2023年政府信息公开工作年度报告
一、总体情况
（五）监督保障
县政府成立政务公开工作领导小组，全年组织政务公开业务培训2次。"""

_GOOD = """青山县人民政府2023年政府信息公开工作年度报告
一、总体情况
（五）监督保障
县政府成立政务公开工作领导小组，全年组织政务公开业务培训2次。将政务公开工作纳入全县绩效考核，组织社会评议1次，本年度未发生责任追究情况。"""


@rule(
    code="RL106",
    name="government-content",
    severity="error",
    summary_zh="人民政府年报未报告工作考核、社会评议和责任追究结果情况（《条例》第五十条第四项）",
    summary_en="a people's government's report says nothing about work assessment, public appraisal and accountability (Art. 50(四))",
    explanation_zh=(
        "《政府信息公开条例》第五十条第（四）项：“各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和"
        "责任追究结果情况”；2021年格式把这部分放在“一、总体情况”的“监督保障”中。只对人民政府本级的年报检查"
        "（标题或导语表明是“××区人民政府”“××县”年报，或由政府办公室“汇总编制”）；政府部门（包括“××市人民政府办公厅”"
        "“××市人民政府办公室”这类政府的办事机构）和乡镇、街道的年报不适用。"
        "全文一处也没有下列词语时报告：“考核”或“考评”（工作考核、绩效考核）；“评议”（社会评议、群众评议、民主评议）；"
        "“责任追究”“追究……责任”“追责”或“问责”。“监督”“检查”“评估”之类泛指的词不算。只写“未发生责任追究情况”"
        "也算已报告（零结果同样是结果）。只检查适用2019年、2021年格式的年报（2019年度起），"
        "文本中途截断（节选）时不检查，因为这些内容可能在截断处之后（总体情况的监督保障，或第五、六部分）。"
    ),
    explanation_en=(
        "Art. 50(四) of the regulation: the reports of people's governments 'shall also cover the results of work "
        "assessment, public appraisal and accountability' (工作考核、社会评议和责任追究结果情况); the 2021 template "
        "puts this under 一、总体情况 → 监督保障. Checked only for a government's own report (title or introduction "
        "names '××区人民政府' or a bare place, or the government office 'compiled' it, 汇总编制); departments "
        "(including a government's 办公厅/办公室) and townships are not bound by this clause. Reported when none of "
        "these words appears anywhere in the text: 考核 or 考评 (work assessment); 评议 (社会评议, 群众评议, 民主评议); "
        "责任追究, 追究…责任, 追责 or 问责 (accountability). Generic words such as 监督, 检查 or 评估 do not count; "
        "'未发生责任追究情况' does (a nil result is a result). Only for the 2019 and 2021 templates (report years "
        "2019 on), and not for an excerpt that stops mid-way: the words may follow the cut (in 监督保障 or in "
        "sections 五 and 六)."
    ),
    bad=_BAD,
    good=_GOOD,
)
def government_content(doc: Document, ctx, options) -> Iterator[Finding]:
    if ctx.template.id not in _TEMPLATES or ctx.truncated_at is not None:
        return
    issuer = ctx.issuer
    if issuer.kind != "government":
        return
    text = compact_text(doc).compact
    if any(pattern.search(text) for pattern in _ITEMS.values()):
        return
    yield Finding(
        Message(
            "{issuer}的年报属人民政府本级年报，但全文未报告工作考核、社会评议和责任追究结果情况"
            "（未出现“考核”“评议”“责任追究”等词；《条例》第五十条第（四）项，2021年格式列入总体情况的监督保障）",
            "the report of {issuer} is a people's government's own report, but it says nothing about work assessment, public "
            "appraisal or accountability (no 考核, 评议 or 责任追究 anywhere; Art. 50(四); the 2021 template puts it "
            "under 总体情况 → 监督保障)",
        ),
        _where(doc, issuer.span),
        args={"issuer": issuer.name or "本级人民政府"},
        fingerprint_text="government-content",
    )


def _where(doc: Document, issuer_span: Span | None) -> Span:
    """The 监督保障 sub-heading of 一、总体情况 if there is one, else 一's heading, else the issuer's name."""
    first = None
    for heading in doc.headings:
        if heading.level == 1:
            if first is not None:
                break
            if heading.number == "一":
                first = heading
            continue
        if first is not None and heading.level == 2 and _SUPERVISION.search(heading.title):
            return heading.span
    if first is not None:
        return first.span
    return issuer_span or Span(1, 1, 1, 1)
