"""Reader benchmark: a 5-page PDF, a 50-page .docx and a 1 MB HTML page, each linted end to end.

Run:  python bench/readers.py            (prints a Markdown table; exit 1 if a budget is missed)

Each case runs `reportlint check --format json FILE` in a fresh process, so start-up, reading,
parsing and all rules are included; wall time and peak RSS (of the child) are reported.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
PDF = ROOT.parent / "shared" / "corpus" / "pdf" / "hongze-district-2023.pdf"

# Budgets stated in the README (measured on the 2-core CI machine, with headroom).
BUDGETS = {"pdf-5-pages": (3.0, 200), "docx-50-pages": (3.0, 200), "html-1MB": (4.0, 200)}


def make_docx(path: Path, pages: int = 50) -> None:
    """About one page per repetition of the good sample's narrative, plus its three tables once."""
    import docx

    document = docx.Document()
    lines = GOOD.read_text(encoding="utf-8").splitlines()
    narrative = [line for line in lines if "|" not in line]
    for _ in range(pages):
        for line in narrative[:12]:
            document.add_paragraph(line)
        document.add_page_break()
    block: list[list[str]] = []
    for line in lines + [""]:
        if "|" in line:
            block.append([cell.strip() for cell in line.split("|")])
        elif block:
            width = max(len(row) for row in block)
            table = document.add_table(rows=len(block), cols=width)
            for r, row in enumerate(block):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            block = []
    document.save(path)


def make_html(path: Path, size: int = 1_000_000) -> None:
    lines = GOOD.read_text(encoding="utf-8").splitlines()
    body = []
    for line in lines:
        if "|" in line:
            body.append("<tr>" + "".join(f"<td>{cell.strip()}</td>" for cell in line.split("|")) + "</tr>")
        else:
            body.append(f"<p>{line}</p>")
    page = "\n".join(body)
    filler = "<p>" + "政务公开工作持续推进，信息发布及时准确。" * 20 + "</p>\n"
    head = '<html><head><meta charset="utf-8"><script>var x=1;</script></head><body><div class="TRS_Editor">'
    text = head + page
    while len(text.encode("utf-8")) < size:
        text += filler
    path.write_text(text + "</div></body></html>", encoding="utf-8")


def measure(target: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `reportlint check` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "json", str(target)],
                   stdout=subprocess.DEVNULL, check=False, cwd=ROOT)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    try:
        cases = {}
        if PDF.exists():
            cases["pdf-5-pages"] = PDF
        make_docx(work / "report-50-pages.docx")
        cases["docx-50-pages"] = work / "report-50-pages.docx"
        make_html(work / "report-1MB.html")
        cases["html-1MB"] = work / "report-1MB.html"
        print("| input | size | wall time (s) | peak RSS (MB) | budget |")
        print("|---|---|---|---|---|")
        missed = False
        for name, target in cases.items():
            seconds, rss = min((measure(target) for _ in range(3)), key=lambda pair: pair[0])
            limit_s, limit_mb = BUDGETS[name]
            ok = seconds <= limit_s and rss <= limit_mb
            missed |= not ok
            print(f"| {name} | {os.path.getsize(target) / 1e6:.2f} MB | {seconds:.2f} | {rss:.0f} | ≤ {limit_s:.0f} s, ≤ {limit_mb} MB {'✓' if ok else '✗'} |")
        return 1 if missed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
