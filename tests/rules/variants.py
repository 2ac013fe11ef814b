"""Generated variants of a report, so a rule shown on one corpus file is shown on the class.

Each variant changes one thing a real report changes: the issuing body, the report year, the
layout (plain text, Markdown headings) and the wording of the parts a rule reads.
"""

from __future__ import annotations

import re
from pathlib import Path

GOOD = (Path(__file__).resolve().parents[2] / "samples" / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8")

# (name in the title, how the body refers to itself)
BODIES = (
    ("青山县交通运输局", "我局"),
    ("白水镇人民政府", "我镇"),
    ("城关街道办事处", "本街道"),
    ("青山县人民政府办公室", "我办"),
)
YEARS = (2021, 2023, 2025)
LAYOUTS = ("text", "markdown")
_HEADING1 = re.compile(r"^([一二三四五六])、(?!本年新收|上年结转|本年度办理结果|结转下年度)", re.M)


def report(body: tuple[str, str] = BODIES[0], year: int = 2023, layout: str = "text", text: str = GOOD) -> str:
    """The good sample for another body, year and layout (its figures and sections unchanged)."""
    name, self_name = body
    out = text.replace("青山县交通运输局", name).replace("我局", self_name)
    out = out.replace(str(2023), str(year)).replace(str(2024), str(year + 1))
    if layout == "markdown":
        out = _HEADING1.sub(lambda m: "## " + m.group(0), out)
        out = re.sub(r"^（([一二三四五六])）(?![^\n]*\|)", r"### （\1）", out, flags=re.M)
    return out


def every_variant():
    """(id, body, year, layout) for parametrising: all bodies, all years, both layouts."""
    for body in BODIES:
        for year in YEARS:
            for layout in LAYOUTS:
                yield f"{body[1]}-{year}-{layout}", body, year, layout
