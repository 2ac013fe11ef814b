"""Text left over from templates and drafts: placeholders and template instructions."""

from __future__ import annotations

import heapq
import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Iterable, Iterator

try:  # re's own parser tells which characters a pattern needs; private, so its absence only costs speed
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - a Python whose re is laid out differently: every line is scanned
    _c = _parser = None

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
    markdown_syntax: bool = False  # legitimate in a Markdown draft (<br> in a table, pandoc attributes)


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
            TextPattern(
                p["name"], re.compile(p["regex"]), Message(p["zh"], p["en"]),
                p.get("skip_markdown_bold", False), p.get("markdown_syntax", False),
            )
            for p in entries
        )
        for kind, entries in raw.items()
    }


def _required(items) -> list[frozenset[str]]:
    """Sets of characters of which every match of the parsed pattern `items` holds at least one
    (those that are easy to tell: literals and small classes, also inside groups, repeats and
    alternatives); a pattern that could match without any, or is case-insensitive, gives none."""
    found: list[frozenset[str]] = []
    for op, av in items:
        if op is _c.LITERAL:
            found.append(frozenset(chr(av)))
        elif op is _c.IN and (chars := _charset(av)):
            found.append(chars)
        elif op is _c.SUBPATTERN and not av[1] & re.IGNORECASE:
            found += _required(av[-1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found += _required(av[2])
        elif op is _c.BRANCH and all(firsts := [_required(branch)[:1] for branch in av[1]]):
            found.append(frozenset().union(*(first[0] for first in firsts)))
    return found


def _charset(items) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 64:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None  # negated, a category (\s, \d) or a wide range
    return frozenset(chars)


@cache
def _needs(regex: re.Pattern[str]) -> tuple[str, ...]:
    """The character sets `_required` finds for `regex`, each as a string (none when it cannot tell)."""
    if _parser is None:
        return ()
    try:
        parsed = _parser.parse(regex.pattern, regex.flags)
        sets = [] if parsed.state.flags & re.IGNORECASE else _required(parsed.data)
    except Exception:  # noqa: BLE001 - re's private parser changed: scan every line, as before
        sets = []
    return tuple(sorted("".join(sorted(chars)) for chars in set(sets)))


def _candidate_lines(doc: Document, patterns: tuple[TextPattern, ...]) -> tuple[list[TextPattern], Iterable[int]]:
    """The patterns that can match in `doc`, and the numbers of the lines they can match on. A match
    needs a character of each set `_needs` gives: a pattern is dropped when the text lacks one, else
    only the lines holding its rarest set are candidates."""
    text, kept, lines = doc.text, [], set()
    for pattern in patterns:
        counts = [(sum(map(text.count, chars)), chars) for chars in _needs(pattern.regex)]
        if not counts:
            return list(patterns), range(1, len(doc.lines) + 1)
        count, rarest = min(counts)
        if count:
            kept.append(pattern)
            lines.update(_line_numbers(text, _class(rarest)))
    return kept, sorted(lines)


@cache
def _class(chars: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(map(re.escape, chars)) + "]")


def _line_numbers(text: str, chars: re.Pattern[str]) -> Iterator[int]:
    number, at = 1, 0
    for match in chars.finditer(text):
        number += text.count("\n", at, match.start())
        at = match.start()
        yield number


def _scan(doc: Document, kind: str, ascii_lines: bool = False) -> Iterator[Finding]:
    """Matches of the `kind` patterns of rules/patterns.toml, line by line. Placeholders and
    template notes need a Chinese context or x/*/( : other ASCII-only lines are skipped unless
    `ascii_lines` (conversion artifacts are often a line of their own)."""
    # Running each pattern over every line took most of RL401's time, so only the lines that hold
    # the characters a pattern needs are scanned (same findings).
    markdown = doc.path.lower().endswith((".md", ".markdown"))
    patterns = tuple(p for p in load_patterns()[kind] if not (markdown and p.markdown_syntax))
    patterns, numbers = _candidate_lines(doc, patterns)
    for number in numbers:
        line = doc.line(number)
        if not line or not ascii_lines and line.isascii() and not any(c in line for c in "xX*(") or line.isdigit():
            continue
        taken: list[tuple[int, int]] = []  # one finding per stretch of text, first pattern wins; sorted, disjoint
        for pattern in patterns:
            bold = _bold_markers(line) if pattern.skip_markdown_bold and "**" in line else set()
            spans = [match for match in pattern.regex.finditer(line) if match.start() not in bold]
            kept = _free(spans, taken)
            for match in kept:
                text = match.group(0)
                yield Finding(
                    pattern.message,
                    Span(number, match.start() + 1, number, match.end() + 1),
                    args={"text": text},
                    actual=text,
                    fingerprint_text=f"{pattern.name}:{text}:{line.strip()[:80]}",
                )
            if kept:
                taken = list(heapq.merge(taken, (m.span() for m in kept)))


def _free(matches: list[re.Match[str]], taken: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The matches (in order, disjoint) that overlap no stretch in `taken` (sorted, disjoint):
    one walk over both, so a line of many matches costs linear time, not one comparison per pair."""
    kept, at = [], 0
    for match in matches:
        start, end = match.span()
        while at < len(taken) and taken[at][1] <= start:  # ends before this match, so before every later one
            at += 1
        if at < len(taken) and taken[at][0] < end and start < taken[at][1]:
            continue
        kept.append(match)
    return kept


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


@rule(
    code="RL403",
    name="conversion-artifact",
    severity="warning",
    summary_zh="文档转换残留（书签标记、Word 域代码或域错误、网页标记和实体等）",
    summary_en="document-conversion artifact left in ([bookmark: _GoBack], Word field codes or errors, markup, entities)",
    explanation_zh=(
        "把 Word 文档或网页转成文本、再粘贴到发布系统时，常把读者不该看到的内容带进正文：书签标记“[bookmark: _GoBack]”、"
        "域代码“HYPERLINK …”“MERGEFORMAT”、目录失效后的“错误！未定义书签。”、网页标记“<p>”和未解码的“&nbsp;”等。"
        "它们不影响数据，但说明发布前没有通读校对，应删除后再发布。"
    ),
    explanation_en=(
        "Converting a Word file or a web page to text and pasting it into a publishing system often carries along text "
        "no reader should see: bookmarks ('[bookmark: _GoBack]'), field codes ('HYPERLINK …', 'MERGEFORMAT'), Word's "
        "field errors ('错误！未定义书签。', 'Error! Bookmark not defined.'), markup ('<p>') and undecoded entities ('&nbsp;'). "
        "They do not change the figures, but show the text was not proofread; remove them before publication."
    ),
    bad=TITLE + "一、总体情况\n[bookmark: _GoBack]2023年，我局主动公开政府信息126条，详见目录错误！未定义书签。",
    good=TITLE + "一、总体情况\n2023年，我局主动公开政府信息126条，详见附件。",
)
def conversion_artifact(doc: Document, ctx, options) -> Iterator[Finding]:
    yield from _scan(doc, "artifact", ascii_lines=True)
