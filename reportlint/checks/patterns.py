"""Text left over from templates and drafts: placeholders and template instructions."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..api import Finding, Message, rule
from ..document import Document, Span
from ..resources import data_dir
from .examples import TITLE


@dataclass(frozen=True)
class TextPattern:
    name: str
    regex: re.Pattern[str]
    message: Message
    skip_markdown_bold: bool = False


_BOLD = re.compile(r"\*\*([^*\n]{2,}?)\*\*")


def _bold_markers(line: str) -> set[int]:
    """Start offsets of `**` that open or close Markdown bold around two or more characters."""
    return {offset for match in _BOLD.finditer(line) for offset in (match.start(), match.end() - 2)}


@lru_cache(maxsize=1)
def load_patterns() -> dict[str, tuple[TextPattern, ...]]:
    """rules/patterns.toml, compiled once: {'placeholder': (...), 'template_text': (...)}."""
    with (data_dir("rules") / "patterns.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return {
        kind: tuple(
            TextPattern(p["name"], re.compile(p["regex"]), Message(p["zh"], p["en"]), p.get("skip_markdown_bold", False))
            for p in entries
        )
        for kind, entries in raw.items()
    }


def _scan(doc: Document, kind: str) -> Iterator[Finding]:
    patterns = load_patterns()[kind]
    for number, line in enumerate(doc.lines, start=1):
        if not line or line.isascii() and not any(c in line for c in "xX*(") or line.isdigit():
            continue
        taken: list[tuple[int, int]] = []  # one finding per stretch of text, first pattern wins
        for pattern in patterns:
            bold = _bold_markers(line) if pattern.skip_markdown_bold and "**" in line else set()
            for match in pattern.regex.finditer(line):
                if match.start() in bold or any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append(match.span())
                text = match.group(0)
                yield Finding(
                    pattern.message,
                    Span(number, match.start() + 1, number, match.end() + 1),
                    args={"text": text},
                    actual=text,
                    fingerprint_text=f"{pattern.name}:{text}:{line.strip()[:80]}",
                )


@rule(
    code="RL401",
    name="placeholder",
    severity="error",
    summary_zh="草稿占位符未替换（xxxx、XX、××、**年、○○、某某、20XX、202X年 等）",
    summary_en="draft placeholder left in (xxxx, XX, ××, **年, ○○, 某某, 20XX, 202X年 …)",
    explanation_zh="起草时用来占位的字符（年份、名称、数字）在发布前必须换成真实内容。占位符留在正式年报中，说明报告没有认真核对。",
    explanation_en="Characters that hold the place of a year, a name or a figure while drafting must be replaced before publication.",
    bad=TITLE + "一、总体情况\nxxxx年，我局主动公开政府信息xx条，明确XX科负责此项工作。",
    good=TITLE + "一、总体情况\n2023年，我局主动公开政府信息126条，明确办公室负责此项工作。",
)
def placeholder(doc: Document, ctx, options) -> Iterator[Finding]:
    yield from _scan(doc, "placeholder")


@rule(
    code="RL402",
    name="template-instruction",
    severity="error",
    summary_zh="模板说明文字未删除（如“（文字描述）”）",
    summary_en="template instruction text left in (e.g. （文字描述）)",
    explanation_zh="官方模板在正文处写有“（文字描述）”“（文字描述，收取信息处理费情况在此处报告。）”等说明，应替换为实际内容。",
    explanation_en="The official template marks where text goes with （文字描述） and similar notes; they must be replaced with the real content.",
    bad=TITLE + "六、其他需要报告的事项\n（文字描述，收取信息处理费情况在此处报告。）",
    good=TITLE + "六、其他需要报告的事项\n本年度未收取信息处理费。",
)
def template_instruction(doc: Document, ctx, options) -> Iterator[Finding]:
    yield from _scan(doc, "template_text")
