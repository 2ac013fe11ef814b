"""Reports printed to PDF the way publishers print them, for the acceptance tests and bench/.

- `generated_report`: a whole report in the 2021 or 2019 layout with random tables whose
  identities hold (R, C, K, T4), from the template's own rows; `wrong_cell` changes one figure.
- `report_html`: the text as a web page: headings and paragraphs, tables with borders and a
  narrow label column (long labels wrap over several lines), some characters set as the Kangxi
  radicals CJK fonts draw alike (the text layer of real PDFs carries them).
- `print_pdf`: Debian's headless Chromium prints the page (`--print-to-pdf`).
"""

from __future__ import annotations

import html
import random
import shutil
import subprocess
from pathlib import Path

from reportlint.templates import all_templates

from layout_helpers import with_radicals

APPLICANTS = 6
_ACTIVE_2021 = (
    ("第二十条第（一）项", ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "行政规范性文件")),
    ("第二十条第（五）项", ("信息内容", "本年处理决定数量"), ("行政许可",)),
    ("第二十条第（六）项", ("信息内容", "本年处理决定数量"), ("行政处罚", "行政强制")),
    ("第二十条第（八）项", ("信息内容", "本年收费金额（单位：万元）"), ("行政事业性收费",)),
)
_ACTIVE_2019 = (
    ("第二十条第（一）项", ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"), ("规章", "规范性文件")),
    ("第二十条第（五）项", ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"), ("行政许可", "其他对外管理服务事项")),
    ("第二十条第（六）项", ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"), ("行政处罚", "行政强制")),
    ("第二十条第（八）项", ("信息内容", "上一年项目数量", "本年增/减"), ("行政事业性收费",)),
    ("第二十条第（九）项", ("信息内容", "采购项目数量", "采购总金额"), ("政府集中采购",)),
)
_REQUEST_HEADER = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况",
    "自然人 | 法人或其他组织 | 总计",
    "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他",
)
_REVIEW_HEADER = (
    "行政复议 | 行政诉讼",
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
)


def _figure(rng: random.Random) -> int:
    return 0 if rng.random() < 0.5 else rng.randint(1, 40)


def _request_rows(layout: str, rng: random.Random, wrong_cell: bool) -> list[str]:
    spec = all_templates()[layout].tables["request"]
    data = [row for row in spec.rows if row.kind == "data"]
    outcomes = [row.id for row in data if row.parent is not None and row.id != "r3_7"]
    values = {row.id: [0] * APPLICANTS for row in data}
    for column in range(APPLICANTS):
        for row_id in outcomes:
            values[row_id][column] = _figure(rng)
        total = sum(values[row_id][column] for row_id in outcomes)
        values["r3_7"][column] = total
        values["r4"][column] = _figure(rng)
        values["r2"][column] = min(_figure(rng), total + values["r4"][column])
        values["r1"][column] = total + values["r4"][column] - values["r2"][column]
    if wrong_cell:
        values["r3_1"][0] += 1  # 予以公开·自然人: breaks R (its row), C (its column) and K
    lines, pending_group = [], None
    for row in spec.rows:
        if row.kind == "group":
            pending_group = row.label
            continue
        figures = values[row.id] + [sum(values[row.id])]
        if wrong_cell and row.id == "r3_1":
            figures[-1] -= 1  # the printed total still adds up without the changed cell
        label = f"{pending_group} | {row.label}" if pending_group and row.parent else row.label
        pending_group = None if row.parent else pending_group
        lines.append(" | ".join([label, *map(str, figures)]))
    return lines


def _review_row(rng: random.Random) -> str:
    figures = []
    for _ in range(3):
        four = [_figure(rng) for _ in range(4)]
        figures += four + [sum(four)]
    return " | ".join(map(str, figures))


def generated_report(seed: int, layout: str = "2021", wrong_cell: bool = False) -> str:
    """A whole report whose tables add up (unless `wrong_cell`); narrative without figures."""
    rng = random.Random(seed)
    year = 2023 if layout == "2021" else 2020
    active = _ACTIVE_2021 if layout == "2021" else _ACTIVE_2019
    lines = [
        f"青山县交通运输局{year}年政府信息公开工作年度报告",
        f"本报告依据《中华人民共和国政府信息公开条例》编制，统计期限自{year}年1月1日起至{year}年12月31日止。",
        "一、总体情况",
        "本局坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开，全年工作考核、社会评议和责任追究制度运行良好。",
        "二、主动公开政府信息情况",
    ]
    for title, header, rows in active:
        lines += [title, " | ".join(header)]
        for label in rows:
            lines.append(" | ".join([label, *(str(_figure(rng)) for _ in header[1:])]))
    lines += ["三、收到和处理政府信息公开申请情况", *_REQUEST_HEADER, *_request_rows(layout, rng, wrong_cell)]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", *_REVIEW_HEADER, _review_row(rng)]
    lines += [
        "五、存在的主要问题及改进情况",
        "政策解读形式较为单一，下一步将丰富解读形式，提高信息发布的及时性。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
    ]
    return "\n".join(lines) + "\n"


_STYLE = """
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; }
table { border-collapse: collapse; margin: 6pt 0; }
td { border: 1px solid #000; padding: 2pt 3pt; text-align: center; }
td.label { width: 7em; text-align: left; }
"""


def report_html(text: str, radicals_every: int = 3) -> str:
    """The report as a page; `|` rows as bordered tables, the first cells of a row a narrow label column."""
    body, table = [], []

    def flush() -> None:
        if table:
            body.append("<table>" + "".join(table) + "</table>")
            table.clear()

    for line in text.split("\n"):
        if "|" in line:
            cells = [cell.strip() for cell in line.split("|")]
            labels = sum(1 for cell in cells[:2] if cell and not cell.replace("-", "").replace(".", "").isdigit())
            row = "".join(
                f'<td class="label">{html.escape(cell)}</td>' if index < labels else f"<td>{html.escape(cell)}</td>"
                for index, cell in enumerate(cells)
            )
            table.append(f"<tr>{row}</tr>")
            continue
        flush()
        if line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    flush()
    page = f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{_STYLE}</style></head><body>{"".join(body)}</body></html>'
    return with_radicals(page, radicals_every) if radicals_every else page


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(page: str, pdf: Path, timeout: float = 120) -> Path:
    """Print `page` (HTML) to `pdf` with headless Chromium; raises RuntimeError when it fails."""
    program = chromium()
    if program is None:
        raise RuntimeError("chromium is not installed (Debian package chromium)")
    source = pdf.with_suffix(".html")
    source.write_text(page, encoding="utf-8")
    profile = pdf.parent / f".chromium-{pdf.stem}"
    command = [
        program, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
        f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", source.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, timeout=timeout)
    shutil.rmtree(profile, ignore_errors=True)
    if done.returncode != 0 or not pdf.is_file():
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr.decode(errors='replace')[-500:]}")
    return pdf
