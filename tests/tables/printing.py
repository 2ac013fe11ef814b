"""Print a template table (rules/templates) in the layouts real reports arrive in.

Every function takes the template's TableSpec and the figures by row id (one string per column)
and returns text lines. The layouts are those of corpus/real and of text copied out of PDFs: pipe
rows, tab rows, Markdown, one cell per line (with or without `|`), PDF text with labels wrapped
before, after or around their figures, group labels one character per line or glued to their first
sub-row, page markers and repeated headers inside the table, Markdown with detached label and value
rows, and text copied column by column (which cannot be read: RL205).
"""

from __future__ import annotations

import random

from reportlint.templates import TableSpec

HEADER = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def printed_rows(spec: TableSpec, figures: dict[str, list[str]]):
    """(row spec, its figures or None for a group label) in template order."""
    for row in spec.rows:
        yield row, figures.get(row.id)


def pipe(spec, figures, rng=None, sep=" | "):
    lines = [sep.join(HEADER[:1] + HEADER[1:4]), sep.join(HEADER[4:])]
    for row, values in printed_rows(spec, figures):
        lines.append(row.label if values is None else sep.join([row.label, *values]))
    return lines


def tabs(spec, figures, rng=None):
    return pipe(spec, figures, rng, sep="\t")


def markdown(spec, figures, rng=None):
    width = len(spec.columns)
    lines = ["| " + " | ".join(HEADER[:4]) + " |", "|" + "---|" * (width + 1)]
    for row, values in printed_rows(spec, figures):
        cells = [row.label, *(values if values is not None else [""] * width)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def markdown_detached(spec, figures, rng=None):
    """OCR/PDF-to-Markdown tools: the label on one row with empty cells, its figures on the next."""
    width = len(spec.columns)
    lines = ["| " + " | ".join(HEADER[:4]) + " |"]
    for row, values in printed_rows(spec, figures):
        lines.append("| " + row.label + " |" + " |" * width)
        if values is not None:
            lines.append("| | " + " | ".join(values) + " |")
    return lines


def one_cell_per_line(spec, figures, rng=None):
    """A web page copied cell by cell (corpus/real/06): `label |`, `8 |`, …, `|` between rows."""
    lines = [f"{word} |" for word in HEADER]
    for row, values in printed_rows(spec, figures):
        lines.append("|")
        lines.append(f"{row.label} |")
        lines.extend(f"{value} |" for value in values or ())
    return lines


def bare_cell_per_line(spec, figures, rng=None):
    """The same without pipes, a separator line `|` after every cell (corpus/real/14)."""
    lines = []
    for word in HEADER:
        lines += [word, "|"]
    for row, values in printed_rows(spec, figures):
        lines += [row.label, "|"]
        for value in values or ():
            lines += [value, "|"]
    return lines


def _wrap(label: str, rng: random.Random) -> tuple[str, str]:
    cut = rng.randint(3, max(3, len(label) - 2))  # a wrap never leaves a lone numbering (`3`) on a line
    return label[:cut], label[cut:]


def pdf_text(spec, figures, rng):
    """pypdf/pdfplumber text: `label f f f`, long labels wrapped with the figures after, before or
    inside them, group labels one character per line or glued, page markers and repeated headers."""
    lines = ["申请人情况", "自然人", "法人或其他组织", "总计商 业 企", "业", "科研机", "构", "其他"]
    page = 3
    pending_group = None
    for row, values in printed_rows(spec, figures):
        if values is None:
            style = rng.choice(["alone", "vertical", "glued", "split"])
            if style == "alone":
                lines.append(row.label)
            elif style == "vertical":
                lines.extend(row.label) if len(row.label) < 12 else lines.append(row.label)
            else:
                pending_group = (row.label, style)
            continue
        label = row.label
        numbers = " ".join(values)
        if pending_group is not None:
            group, style = pending_group
            pending_group = None
            if style == "glued":
                label = f"{group} {label}"
            else:  # the group label split over its first sub-row's line and the line before
                head, tail = _wrap(group, rng)
                lines.append(head)
                label = f"{tail} {label}"
        style = rng.choice(["plain", "plain", "after", "before", "middle", "own-line"]) if len(label) > 8 else "plain"
        if style == "plain":
            lines.append(f"{label} {numbers}")
        else:
            head, tail = _wrap(label, rng)
            if style == "after":
                lines += [head, f"{tail} {numbers}"]
            elif style == "before":
                lines += [numbers, head + tail] if rng.random() < 0.5 else [head, numbers, tail]
            elif style == "middle":
                lines += [f"{head} {numbers}", tail]
            else:
                lines += [head, tail, numbers]
        if rng.random() < 0.12:
            lines.append(f"- {page} -")
            page += 1
            if rng.random() < 0.5:
                lines += ["申请人情况", "自然人 法人或其他组织 总计"]
    return lines


def by_column(spec, figures, rng=None):
    """`pdftotext` without -layout: all labels, then the figures one column after another."""
    rows = [(row, values) for row, values in printed_rows(spec, figures)]
    lines = [row.label for row, _ in rows]
    width = len(spec.columns)
    for column in range(width):
        lines.extend(values[column] for _, values in rows if values is not None)
    return lines


READABLE = {
    "pipe": pipe, "tabs": tabs, "markdown": markdown, "markdown-detached": markdown_detached,
    "one-cell-per-line": one_cell_per_line, "bare-cell-per-line": bare_cell_per_line, "pdf-text": pdf_text,
}
UNREADABLE = {"by-column": by_column}


def consistent_figures(spec: TableSpec, rng: random.Random) -> dict[str, list[str]]:
    """Figures for the request table that satisfy every identity of the template (R, C and K)."""
    width = len(spec.columns) - 1
    data = [row for row in spec.rows if row.kind == "data"]
    outcome_rows = [row.id for row in data if row.id.startswith("r3_") and row.id != "r3_7"]
    grid = {row_id: [rng.choice([0, 0, 0, 1, 2, 5, 13]) for _ in range(width)] for row_id in outcome_rows}
    total = [sum(grid[r][c] for r in outcome_rows) for c in range(width)]
    carried_in = [rng.choice([0, 0, 1, 3]) for _ in range(width)]
    carried_out = [rng.randint(0, t + c) for t, c in zip(total, carried_in)]
    new = [t + o - c for t, o, c in zip(total, carried_out, carried_in)]
    grid.update({"r3_7": total, "r2": carried_in, "r4": carried_out, "r1": new})
    return {row_id: [str(v) for v in values] + [str(sum(values))] for row_id, values in grid.items()}


def report(lines: list[str], year: int = 2023) -> str:
    """A report around a printed request table (its other sections present, no other table)."""
    return "\n".join(
        [
            f"青山县交通运输局{year}年政府信息公开工作年度报告",
            "一、总体情况",
            f"{year}年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。",
            "三、收到和处理政府信息公开申请情况",
            *lines,
            "五、存在的主要问题及改进情况",
            "部分栏目更新不够及时，下一步将完善更新机制。",
            "六、其他需要报告的事项",
            "本年度未收取信息处理费。",
            "",
        ]
    )
