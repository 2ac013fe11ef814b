"""RL205: a printed table whose figures could not be placed in the template's cells with confidence."""

from __future__ import annotations

from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document
from ..labels import normalise
from .examples import TITLE
from .shape import _label_cells, _other_version_labels

_HEADING = "三、收到和处理政府信息公开申请情况\n"
_END = "四、政府信息公开行政复议、行政诉讼情况\n"
# text copied column by column: the labels first, then the figures one per line
_BY_COLUMN = (
    "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n"
    + "\n".join(["8", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "8", "1"]) + "\n"
)
_BY_ROW = "一、本年新收政府信息公开申请数量 8 0 0 0 0 0 8\n二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n"

_WHY = {
    "weak": ("{count} 组数字旁没有能说明其所属行的行名（如逐列复制的表格）", "{count} groups of figures stand by no label that names their row (text copied column by column?)"),
    "stray": ("{count} 个数字无法归入模板的任何一行", "{count} figures belong to no row of the template"),
    "packed": ("数字连写在一起，无法唯一地拆分到各列", "figures are run together and cannot be split into the columns in only one way"),
}


@rule(
    code="RL205",
    name="table-unreadable",
    severity="warning",
    summary_zh="表格的数字无法可靠地对应到模板的单元格，未核对其勾稽关系",
    summary_en="a table's figures could not be assigned to the template's cells with confidence: its arithmetic is not checked",
    explanation_zh=(
        "国办年报格式规定了表二、表三、表四的行（顺序与层级）和列数，读表就是把印出的行名与数字按模板逐行对齐。"
        "从PDF或网页复制的文字可能逐列输出、把数字与行名分开或把数字连写，若数字无法唯一地对应到模板的单元格，"
        "本规则对该表给出一条警告并说明原因，不再据此表核对第三项（七）总计、勾稽关系、复议诉讼总计及正文数字，"
        "以免把读错的表报成计算错误。请改用原始文件（.docx、.pdf）或按行复制表格。"
    ),
    explanation_en=(
        "The template fixes the rows (order and hierarchy) and the number of columns of tables 二, 三 and 四; reading a "
        "table aligns its printed labels and figures with the template's rows. Text copied from a PDF or a web page may "
        "list the figures column by column, apart from their labels, or run together; when the figures cannot be "
        "assigned to the template's cells in only one way, this rule reports the table once and why, and its totals, "
        "the 勾稽 cross-check, the review totals and the narrative figures are not checked against it, so that a misread "
        "table never becomes an arithmetic error. Check the original file (.docx, .pdf) or copy the table row by row."
    ),
    bad=TITLE + _HEADING + _BY_COLUMN + _END,
    good=TITLE + _HEADING + _BY_ROW + _END,
)
def table_unreadable(doc: Document, ctx, options) -> Iterator[Finding]:
    other_labels = _other_version_labels(ctx.template.id)
    # a 主动公开 block laid out on another version's template is RL204's finding (its columns differ)
    other_layout = any(normalise(cell.text) in other_labels for cell in _label_cells(doc))
    for name, view in ctx.unreadable_tables().items():
        if other_layout and name.startswith("active_"):
            continue
        kind, _, count = view.unreadable.partition(":")
        zh, en = _WHY.get(kind, _WHY["stray"])
        spec = view.spec
        yield Finding(
            Message("「{table}」无法可靠读取：" + zh + "；未核对该表的勾稽关系", "'{table}' could not be read with confidence: " + en + "; its arithmetic is not checked"),
            view.rows[0].row.span,
            args={"table": spec.title, "count": count},
            section=(spec.section,),
            fingerprint_text=f"unreadable:{name}",
        )
