"""Table shape: required tables present, rows and columns as the template has them, cells that are figures."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from ..api import Finding, Message, Severity, rule
from ..document import Cell, Document, Span
from ..labels import normalise, similarity
from ..numbers import Kind, Value, parse_value


def looks_like_figure(text: str) -> bool:
    return parse_value(text).kind is Kind.NUMBER
from ..tables import TableView
from ..templates import Template, all_templates
from .examples import ACTIVE_TABLE, SIX_SECTIONS, TITLE
from .structure import _cut_sections

_ACTIVE_ROW = "第二十条第（五）项\n信息内容 | 本年处理决定数量\n行政许可 | 1328"
_REQUEST_ROW = "一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8"
_REVIEW_ROWS = "行政复议 | 行政诉讼\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n" + " | ".join(["0"] * 15)
_END = "\n五、存在的主要问题及改进情况\n部分栏目更新不够及时，下一步将完善更新机制。"

_TABLE_NAMES = {"active": "主动公开政府信息情况表（表二）", "request": "收到和处理政府信息公开申请情况表（表三）", "review": "行政复议、行政诉讼情况表（表四）"}
_TABLE_NAMES_EN = {"active": "the 主动公开 table (表二)", "request": "the request table (表三)", "review": "the review/litigation table (表四)"}


def _group(name: str) -> str:
    return "active" if name.startswith("active_") else name


def _section_heading(ctx, section_id: str):
    return next((m.heading for m in ctx.sections if m.spec.id == section_id), None)


_NUMERAL_ORDER = "一二三四五六七八九十"


def _may_be_cut(ctx, section_id: str) -> bool:
    """True when the text stops before or inside the section, so its table may lie past the cut."""
    if ctx.truncated_at is None:
        return False
    if section_id in _cut_sections(ctx):
        return True
    present = [m.spec.id for m in ctx.sections]
    if present and present[-1] == section_id:
        # the last section recognised; it is whole when a later level-1 heading follows it before the cut
        # ("五、存在的主" cut mid-heading after 表四 printed as its header only, corpus 21)
        heading = _section_heading(ctx, section_id)
        rank = _NUMERAL_ORDER.find(heading.number)
        later = [h for h in ctx.doc.headings if h.level == 1 and h.span.line > heading.span.line and _NUMERAL_ORDER.find(h.number) > rank >= 0]
        return not later  # a numeral going back ("一、本年" of a row cut off) is no later section
    return not present


@rule(
    code="RL201",
    name="table-missing",
    severity="error",
    summary_zh="缺少模板规定的表格（主动公开表、申请情况表、复议诉讼表）",
    summary_en="a table the template requires is missing",
    explanation_zh="2019、2021年版格式在第二、三、四部分各规定了一张统计表，须按格式填报，不得以文字代替或删去（国办年报格式，第五十条）。",
    explanation_en="The 2019 and 2021 templates put a statistics table in sections 二, 三 and 四; they must be filled in, not replaced by prose or dropped.",
    bad=TITLE + SIX_SECTIONS.replace("（表三）", _REQUEST_ROW),
    good=TITLE + SIX_SECTIONS.replace("（表二）", _ACTIVE_ROW).replace("（表三）", _REQUEST_ROW).replace("（表四）", _REVIEW_ROWS),
)
def table_missing(doc: Document, ctx, options) -> Iterator[Finding]:
    if ctx.template.id == "2007":
        return
    found = {_group(name) for name in (*ctx.present_tables(), *ctx.unreadable_tables())}  # unreadable: RL205's
    sections = {"active": "二", "request": "三", "review": "四"}
    for group in ("active", "request", "review"):
        if group in found or _may_be_cut(ctx, sections[group]) or ctx.lost_line_breaks is not None:
            continue  # (a table not found in text without line breaks is RL108's note)
        heading = _section_heading(ctx, sections[group])
        if heading is None and not _printed_labels(doc, ctx.template, group):
            continue  # the whole section is missing: RL101 says so
        labels_only = _printed_labels(doc, ctx.template, group)
        if labels_only:
            yield Finding(
                Message("{table}只有行列名称，没有填写任何数字（找到 {count} 个行名）", "{table_en} has its labels but no figures at all ({count} row labels found)"),
                labels_only[0],
                args={"table": _TABLE_NAMES[group], "table_en": _TABLE_NAMES_EN[group], "count": len(labels_only)},
                section=(sections[group],),
                fingerprint_text=f"empty:{group}",
            )
            continue
        if group == "review" and heading is not None and _review_header_only(doc, ctx, heading):
            yield Finding(
                Message("{table}只印了表头（行政复议、行政诉讼、结果维持……），没有填写任何数字",
                        "{table_en} is printed as its header only (行政复议, 行政诉讼, 结果维持 …), with no figures"),
                heading.span,
                args={"table": _TABLE_NAMES[group], "table_en": _TABLE_NAMES_EN[group]},
                section=(sections[group],),
                fingerprint_text="empty:review",
            )
            continue
        yield Finding(
            Message("缺少{table}", "{table_en} is missing"),
            heading.span if heading else doc.end_span,
            args={"table": _TABLE_NAMES[group], "table_en": _TABLE_NAMES_EN[group]},
            section=(sections[group],),
            fingerprint_text=group,
        )


def _review_header_only(doc: Document, ctx, heading) -> bool:
    """表四's column labels printed under its heading, before the next section, and no row of figures."""
    later = [m.heading.span.line for m in ctx.sections if m.heading.span.line > heading.span.line]
    end = min(later, default=len(doc.lines) + 1)
    text = "".join(doc.line(n) for n in range(heading.span.line + 1, end)).replace(" ", "")
    return "结果维持" in text and "行政复议" in text


def _printed_labels(doc: Document, template: Template, group: str) -> list[Span]:
    """Lines that are exactly a row label of the table: the table printed without its figures."""
    keys = {
        normalise(row.label)
        for name, spec in template.tables.items() if _group(name) == group
        for row in spec.rows if row.label
    }
    spans = []
    for number, line in enumerate(doc.lines, start=1):
        text = line.strip().strip("|").strip()
        if text and normalise(text) in keys:
            start = line.index(text) + 1
            spans.append(Span(number, start, number, start + len(text)))
    return spans if len(spans) >= 2 else []


def _value_count(view: TableView) -> Iterator[tuple]:
    for matched in view.rows:
        yield matched, sum(1 for v in matched.values if v.kind is not Kind.MISSING)


@rule(
    code="RL202",
    name="table-rows",
    severity="error",
    summary_zh="表格的行或列缺失、多余或标签与模板不符",
    summary_en="a table row or column is missing, extra or labelled differently from the template",
    explanation_zh=(
        "统计表的行、列及其名称由格式统一规定，不得删减或改动（重庆市政府办公厅落实60号文通知：“严禁擅自删减报告事项”）。"
        "缺行、某行数字个数不对为错误；标签错字（如“2.其他法律行政止公开”）、2021年版（六）其他处理未分三个子项、"
        "自行增加的行（如“其他主动公开文件”）为警告。"
    ),
    explanation_en=(
        "The tables' rows, columns and labels are fixed by the template. A missing row or a row with the wrong number of "
        "figures is an error; a label typo, the 2021 （六）其他处理 printed as one row, or an added row is a warning."
    ),
    bad=TITLE + ACTIVE_TABLE.replace("行政规范性文件 | 2 | 1 | 15", "行政规范文件 | 2 | 1").replace("行政强制 | 0\n", "") + _END,
    good=TITLE + ACTIVE_TABLE + _END,
)
def table_rows(doc: Document, ctx, options) -> Iterator[Finding]:
    other_labels = _other_version_labels(ctx.template.id)
    # a 主动公开 table laid out on another version's template is RL204's finding, not a row-by-row mismatch
    other_layout = any(normalise(cell.text) in other_labels for cell in _label_cells(doc))
    for name, view in ctx.present_tables().items():
        spec = view.spec
        if other_layout and name.startswith("active_"):
            continue
        for matched, count in _value_count(view):
            if matched.spec.kind == "group" and count == 0:
                continue
            if not matched.exact and normalise(matched.label) not in other_labels:
                yield Finding(
                    Message("行标签「{label}」与模板「{official}」不符（疑为错字）", "row label '{label}' differs from the template's '{official}' (a typo?)"),
                    matched.row.cells[0].span if matched.row.cells else matched.row.span,
                    args={"label": matched.label, "official": matched.spec.label},
                    row=matched.spec.label, section=(spec.section,), expected=matched.spec.label, actual=matched.label,
                    severity=Severity.WARNING, fingerprint_text=f"label:{matched.label}",
                )
            if matched.row.span.line == ctx.truncated_at:
                continue  # the text was cut inside this row
            if matched.extra:
                yield Finding(
                    Message("「{row}」行有 {count} 个数字，模板只有 {width} 列", "row '{row}' has {count} figures; the template has {width} columns"),
                    matched.row.span,
                    args={"row": matched.spec.label or spec.title, "count": count + matched.extra, "width": len(spec.columns)},
                    row=matched.spec.label or spec.title, section=(spec.section,), expected=str(len(spec.columns)), actual=str(count + matched.extra),
                    fingerprint_text=f"wide:{matched.spec.id}",
                )
            if 0 < count < len(spec.columns):
                yield Finding(
                    Message("「{row}」行只有 {count} 个数字，模板有 {width} 列", "row '{row}' has {count} figures; the template has {width} columns"),
                    matched.row.span,
                    args={"row": matched.spec.label or spec.title, "count": count, "width": len(spec.columns)},
                    row=matched.spec.label or spec.title, section=(spec.section,), expected=str(len(spec.columns)), actual=str(count),
                    fingerprint_text=f"width:{matched.spec.id}",
                )
        yield from _missing_rows(ctx, name, view)
    if not other_layout:
        yield from _missing_blocks(ctx)
        yield from _active_region_labels(doc, ctx)


def _missing_blocks(ctx) -> Iterator[Finding]:
    """主动公开 blocks absent while others are printed: each of their rows is missing."""
    present = ctx.present_tables()
    blocks = [name for name in ctx.template.tables if name.startswith("active_")]
    found = [name for name in blocks if name in present]
    if not found or _may_be_cut(ctx, "二"):
        return
    for name in blocks:
        if name in present:
            continue
        later = [present[other] for other in blocks[blocks.index(name) + 1:] if other in present]
        if ctx.truncated_at is not None and not later:
            continue  # the text stops before this block
        anchor = later[0].rows[0].row.span if later else present[found[-1]].rows[-1].row.span
        spec = ctx.template.tables[name]
        for row in spec.rows:
            yield Finding(
                Message("{table}缺少「{row}」行", "{table_en} lacks the row '{row}'"),
                anchor,
                args={"table": spec.title, "table_en": spec.title, "row": row.label},
                row=row.label, section=(spec.section,), fingerprint_text=f"missing:{name}:{row.id}",
            )


def _section_lines(ctx, section_id: str) -> range | None:
    """Lines of a template section: from its heading to the next recognised section heading."""
    starts = [m.heading.span.line for m in ctx.sections]
    for match in ctx.sections:
        if match.spec.id == section_id:
            later = [line for line in starts if line > match.heading.span.line]
            return range(match.heading.span.line + 1, min(later, default=len(ctx.doc.lines) + 1))
    return None


@lru_cache(maxsize=1)
def _every_version_labels() -> frozenset[str]:
    return frozenset(normalise(label) for template in all_templates().values() for label in _labels(template))


@lru_cache(maxsize=4096)
def _closest_column(key: str, columns: tuple[str, ...]) -> tuple[str, float]:
    """The template column header most like a printed one (headers repeat from file to file)."""
    best = max(columns, key=lambda label: similarity(key, normalise(label)))
    return best, similarity(key, normalise(best))


def _active_region_labels(doc: Document, ctx) -> Iterator[Finding]:
    """In section 二: rows the template does not have, and column headers with typos."""
    region = _section_lines(ctx, "二")
    actives = {name: view for name, view in ctx.present_tables().items() if name.startswith("active_")}
    if region is None or not actives:
        return
    # every version's labels: a 2019 header in a 2021+ report is RL204's (or a shortened header), not a typo
    known = _every_version_labels() | {label for table, label in ctx.accepted_rows if table.startswith("active_")}  # + rows a rule pack adds
    columns = tuple(c.label for name, spec in ctx.template.tables.items() if name.startswith("active_") for c in spec.columns)
    matched_lines = {m.row.span.line for view in actives.values() for m in view.rows}
    for candidate in ctx.rows:
        line = candidate.row.span.line
        label = candidate.labels[-1] if candidate.labels else ""
        if line not in region or line in matched_lines or not label or _is_furniture(label):
            continue
        if normalise(label) in known or not any(c.text and looks_like_figure(c.text) for c in candidate.cells):
            continue
        yield Finding(
            Message("主动公开表中有模板没有的行「{label}」", "the 主动公开 table has a row the template does not: '{label}'"),
            candidate.row.span,
            args={"label": label}, row=label, severity=Severity.WARNING, fingerprint_text=f"extra:{label}",
        )
    for cell in _label_cells(doc):
        key = normalise(cell.text)
        if cell.span.line not in region or cell.span.line == ctx.truncated_at or not key or key in known or _is_furniture(cell.text):
            continue
        best, score = _closest_column(key, columns)
        if score >= 0.8:
            yield Finding(
                Message("列名「{label}」与模板「{official}」不符", "column header '{label}' differs from the template's '{official}'"),
                cell.span,
                args={"label": cell.text, "official": best}, column_label=best, expected=best, actual=cell.text,
                severity=Severity.WARNING, fingerprint_text=f"header:{cell.text}",
            )


def _is_furniture(text: str) -> bool:
    return "第二十条" in text or "信息内容" in text


def label_only_rows(ctx, view: TableView) -> dict[str, Span]:
    """Rows of `view` printed as their label alone on a line, inside the table, with no cells at all:
    the row is there with its figures left out (RL203's blank cells), not missing (RL202)."""
    cache = ctx.__dict__.setdefault("_label_only_rows", {})
    key = view.spec.title
    if key not in cache:
        lines = [m.row.span.line for m in view.rows]
        first, last = min(lines), max(lines)
        wanted = {normalise(row.label): row.id for row in view.spec.rows if row.label and row.id not in view.by_id and row.kind != "group"}
        found: dict[str, Span] = {}
        if wanted:
            for number in range(first, last + 1):
                line = ctx.doc.line(number)
                text = line.strip()
                if "|" not in text and "\t" not in text and (row_id := wanted.get(normalise(text))):
                    start = line.index(text) + 1
                    found.setdefault(row_id, Span(number, start, number, start + len(text)))
        cache[key] = found
    return cache[key]


def _missing_rows(ctx, name: str, view: TableView) -> Iterator[Finding]:
    spec = view.spec
    present = set(view.by_id) | set(label_only_rows(ctx, view))
    order = [row.id for row in spec.rows]
    last_present = max((order.index(r) for r in present), default=-1)
    first_present = min((order.index(r) for r in present), default=len(order))
    for row in spec.rows:
        if row.id in present or row.kind == "group":
            continue
        parent = row.parent
        if parent and parent in view.by_id and any(v.kind is Kind.NUMBER for v in view.by_id[parent].values):
            if row.id == f"{parent}_1":  # reported once for the group printed as a single row
                yield Finding(
                    Message(
                        "「{group}」只印了一行，模板要求分为 {n} 个子项",
                        "'{group}' is printed as one row; the template splits it into {n} sub-rows",
                    ),
                    view.by_id[parent].row.span,
                    args={"group": spec.row(parent).label, "n": len(view.children(parent))},
                    row=spec.row(parent).label, section=(spec.section,), severity=Severity.WARNING, fingerprint_text=f"collapsed:{parent}",
                )
            continue
        if (ctx.truncated_at is not None or ctx.starts_mid_way) and order.index(row.id) > last_present:
            continue  # the text stops before this row
        if ctx.starts_mid_way and order.index(row.id) < first_present:
            continue  # the text starts after this row
        anchor = next((view.by_id[r] for r in order[order.index(row.id):] if r in view.by_id), view.rows[-1])
        yield Finding(
            Message("{table}缺少「{row}」行", "{table_en} lacks the row '{row}'"),
            anchor.row.span,
            args={"table": spec.title, "table_en": spec.title, "row": row.label},
            row=row.label, section=(spec.section,), fingerprint_text=f"missing:{name}:{row.id}",
        )


def _cell_findings(view: TableView) -> Iterator[tuple[Value, str, str]]:
    for matched in view.rows:
        for column, value in zip(view.spec.columns, matched.values):
            yield value, matched.spec.label or view.spec.title, column.display


@rule(
    code="RL203",
    name="cell-value",
    severity="error",
    summary_zh="应填数字的单元格为空、为文字、为负数或在计数列中有小数",
    summary_en="a cell that needs a figure is blank, text, negative, or a decimal where a count belongs",
    explanation_zh=(
        "统计表的每个单元格都应填写非负整数，没有发生的填 0；只有收费金额（万元）可以有小数，2019年版“本年增/减”可以为负。"
        "空白单元格每张表只报告一次（列出个数和第一个位置）；“/”“-”在表三、表四中按 0 计但给出提示。"
    ),
    explanation_en=(
        "Every cell of the statistics tables holds a non-negative whole number, 0 when nothing happened; only the fee "
        "amount (万元) may have decimals and the 2019 本年增/减 may be negative. Blank cells are reported once per table "
        "(count and first position); '/' and '-' in tables 三 and 四 count as 0 with a note."
    ),
    bad=TITLE + "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 8 |  |  |  |  |  | 8" + _END,
    good=TITLE + "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8" + _END,
)
def cell_value(doc: Document, ctx, options) -> Iterator[Finding]:
    for name, view in ctx.present_tables().items():
        spec = view.spec
        blanks: list[tuple[Value, str, str]] = []
        dashes: list[tuple[Value, str, str]] = []
        for value, row_label, column_label in _cell_findings(view):
            if value.cell is not None and value.cell.span.line == ctx.truncated_at:
                continue  # the text was cut inside this row
            column_id = next(c.id for c in spec.columns if c.display == column_label)
            if value.kind is Kind.BLANK and value.cell is not None:
                blanks.append((value, row_label, column_label))
            elif value.kind is Kind.NOT_APPLICABLE and not name.startswith("active_"):
                dashes.append((value, row_label, column_label))
            elif value.kind is Kind.TEXT:
                yield _cell(value, row_label, column_label, Message("「{row}」行「{column}」列「{text}」不是数字", "row '{row}', column '{column}': '{text}' is not a figure"))
            elif value.kind is Kind.NUMBER and value.number < 0 and column_id not in spec.signed_columns:
                yield _cell(value, row_label, column_label, Message("「{row}」行「{column}」列为负数 {text}", "row '{row}', column '{column}' is negative: {text}"))
            elif value.kind is Kind.NUMBER and value.number != value.number.to_integral_value() and not spec.decimals:
                yield _cell(value, row_label, column_label, Message("「{row}」行「{column}」列应为整数，实际为 {text}", "row '{row}', column '{column}' must be a whole number, found {text}"))
        unfilled = dict(label_only_rows(ctx, view))
        for matched in view.rows:  # a row printed with its label and no figure in any cell ("行政强制 |")
            if (
                matched.spec.kind != "group" and not view.children(matched.spec.id) and matched.row.span.line != ctx.truncated_at
                and all(v.kind is Kind.MISSING for v in matched.values) and any(v.kind is Kind.NUMBER for m in view.rows for v in m.values)
            ):
                unfilled.setdefault(matched.spec.id, matched.row.span)
        printed_blanks = len(blanks)
        if unfilled:  # a row printed as its label only: every one of its cells is blank
            first_row = min(unfilled, key=lambda row_id: unfilled[row_id].line)
            span = unfilled[first_row]
            stand_in = Value(Kind.BLANK, None, "", Cell("", span, 0))
            row_blanks = [(stand_in, spec.row(first_row).label, spec.columns[0].display)] * (len(spec.columns) * len(unfilled))
            first_blank_line = blanks[0][0].cell.span.line if blanks else None
            blanks = (row_blanks + blanks) if first_blank_line is None or span.line < first_blank_line else (blanks + row_blanks)
        if blanks:
            value, row_label, column_label = blanks[0]
            total = sum(len(spec.columns) for _ in view.rows)
            all_blank = printed_blanks == sum(1 for v, _, _ in _cell_findings(view) if v.kind is not Kind.MISSING)
            message = (
                Message("{table}未填写任何数字（{count} 个单元格全部空白）", "{table} has no figures at all ({count} blank cells)")
                if all_blank else
                Message("{table}有 {count} 个空白单元格（应填数字，没有的填 0），第一个在「{row}」行「{column}」列",
                        "{table} has {count} blank cells (write 0 where nothing happened); the first is row '{row}', column '{column}'")
            )
            yield Finding(
                message, value.cell.span,
                args={"table": spec.title, "count": len(blanks), "row": row_label, "column": column_label, "total": total},
                row=row_label, column_label=column_label, section=(spec.section,), actual="", fingerprint_text=f"blank:{name}",
            )
        if dashes:
            value, row_label, column_label = dashes[0]
            yield Finding(
                Message("{table}有 {count} 个单元格填「{text}」，按 0 计；模板要求填数字", "{table} has {count} cells written '{text}', counted as 0; the template asks for figures"),
                value.cell.span,
                args={"table": spec.title, "count": len(dashes), "text": value.raw.strip()},
                row=row_label, column_label=column_label, section=(spec.section,), severity=Severity.INFO, fingerprint_text=f"dash:{name}",
            )


def _cell(value: Value, row_label: str, column_label: str, message: Message) -> Finding:
    return Finding(
        message, value.cell.span,
        args={"row": row_label, "column": column_label, "text": value.raw.strip()},
        row=row_label, column_label=column_label, actual=value.raw.strip(),
        fingerprint_text=f"cell:{row_label}:{column_label}:{value.raw.strip()}",
    )


def _label_cells(doc: Document) -> Iterator[Cell]:
    """Every table cell, and every other line as one cell: where a printed label can stand."""
    in_tables: set[int] = set()
    for table in doc.tables:
        in_tables.update(range(table.span.line, table.span.end_line + 1))
        for row in table.rows:
            yield from row.cells
    for number, line in enumerate(doc.lines, start=1):
        text = line.strip()
        if number not in in_tables and 0 < len(text) <= 40:
            start = line.index(text) + 1
            yield Cell(text, Span(number, start, number, start + len(text)), 0)


@lru_cache(maxsize=None)
def _other_version_labels(template_id: str) -> dict[str, tuple[str, str, str]]:
    """Normalised labels only other template versions use -> (their version, this version's label, row|column)."""
    templates = all_templates()
    mine = templates[template_id]
    own = {normalise(label) for label in _labels(mine)}
    found: dict[str, tuple[str, str]] = {}
    for other in templates.values():
        if other.id == template_id or not other.tables:
            continue
        for (name, kind, index), label in _positioned_labels(other).items():
            key = normalise(label)
            if key in own or key in found:
                continue
            # a row at the same place was renamed (规范性文件 -> 行政规范性文件); columns changed meaning
            counterpart = _positioned_labels(mine).get((name, kind, index), "") if kind == "row" else ""
            found[key] = (other.id, counterpart, kind)
    return found


def _positioned_labels(template: Template) -> dict[tuple[str, str, int], str]:
    labels = {}
    for name, spec in template.tables.items():
        for i, row in enumerate(spec.rows):
            if row.label:
                labels[(name, "row", i)] = row.label
        for i, column in enumerate(spec.columns):
            labels[(name, "column", i)] = column.label
    return labels


def _labels(template: Template) -> list[str]:
    return list(_positioned_labels(template).values())


@rule(
    code="RL204",
    name="template-version-labels",
    severity="error",
    summary_zh="表格用了另一版格式的行列名称（如2021年以后的年报用2019年版的列）",
    summary_en="a table uses another template version's labels (e.g. 2019 columns in a 2021+ report)",
    explanation_zh=(
        "2021年及以后的年报应使用国办公开办函〔2021〕30号格式：第二十条第（一）项的列为本年制发件数、本年废止件数、现行有效件数，"
        "行为“行政规范性文件”（2019年版为“规范性文件”）；2019、2020年度年报应使用〔2019〕60号格式。沿用旧表说明未按新格式编制。"
    ),
    explanation_en=(
        "Reports for 2021 on use the 2021 template (columns 本年制发件数/本年废止件数/现行有效件数, row 行政规范性文件, 2019: "
        "规范性文件); reports for 2019–2020 use the 2019 template. An old table means the report was not made on the current template."
    ),
    bad=TITLE + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规章 | 0 | 0 | 0",
    good=TITLE + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 0",
)
def template_version_labels(doc: Document, ctx, options) -> Iterator[Finding]:
    if ctx.template.id == "2007":
        return
    foreign = _other_version_labels(ctx.template.id)
    info = ctx.template.template
    own = {normalise(label) for label in _labels(ctx.template)}
    hits: dict[str, Cell] = {}
    for cell in _label_cells(doc):
        key = normalise(cell.text)
        if key in foreign and key not in hits:
            hits[key] = cell
    # 处理决定数量 alone is 本年处理决定数量 shortened; beside other 2019 labels it is the 2019 layout
    shortened = {key for key in hits if foreign[key][2] == "column" and any(key in label for label in own)}
    if shortened == set(hits):
        return
    for key, cell in hits.items():
        version, counterpart, _ = foreign[key]
        yield Finding(
            Message(
                "「{label}」是{version}年版格式的用语；本报告应按{document}编制{instead}",
                "'{label}' belongs to the {version} template; this report must follow {document}{instead_en}",
            ),
            cell.span,
            args={
                "label": cell.text, "version": version, "document": info.document,
                "instead": f"，应为「{counterpart}」" if counterpart else "",
                "instead_en": f": use '{counterpart}'" if counterpart else "",
            },
            expected=counterpart or None, actual=cell.text, fingerprint_text=f"foreign:{key}",
        )
