"""Cross-year rules: this year's report against the same body's report for the year before.

They need last year's report (`reportlint check --previous DIR …`, or `lint_text(…, previous=TEXT)`),
which reaches them as `ctx.previous`; without it they find nothing.

- RL505 carry-over-mismatch: 二、上年结转 of year N equals 四、结转下年度继续办理 of year N−1, column by
  column (the report template's table 三 links the two years: what one year carries forward is what the next carries in).
- RL506 copied-from-last-year: the narrative repeats last year's (REFERENCE §6 items 1, 6, 15; the 宿迁
  indicator 4: "与上年度重复率大于50%").
- RL509 in-force-count: 现行有效件数(N) = 现行有效件数(N−1) + 本年制发件数(N) − 本年废止件数(N) for 规章 and
  行政规范性文件 (REFERENCE §3, 表二 soft check; 2021 layout only).

How RL506 measures repetition
-----------------------------
1. Narrative only. Kept: paragraphs, and the text after the title of a sub-heading (`（一）主动公开情况。
   主要通过…` in PDF text). Left out: section headings; everything inside the sections that hold the
   template's tables (二, 三, 四 of the 2019/2021 templates; nothing for 2007-style reports); table rows,
   also as PDF text (`label 1 0 0 …`); page markers; short lines without punctuation (titles, the
   issuing body, signatures, dates, `第二十条第（一）项`); the report title.
2. Boilerplate the template requires is cut out: document citations (`《中华人民共和国政府信息公开条例》`,
   `（以下简称《条例》）`, `（国令第711号）`, `国办公开办函〔2021〕30号`, `（文字描述）`), and whole sentences
   that state how the report was compiled, its statistics period, where to read it, whom to ask, the
   信息处理费 formula and "no other matters to report".
3. Normalisation: full-width letters and digits made half-width, every run of digits (with its decimal
   point or thousands commas) and every year in Chinese numerals (二〇二三年) replaced by `#`, all
   punctuation and white space dropped. A report copied with only the year (or the figures) changed
   normalises to the same text as last year's.
4. Shingles: every 8-character substring of the normalised narrative (within a paragraph, never
   across removed boilerplate) is hashed; last year's hashes go into a set.
5. Repetition rate = the share of this year's normalised narrative characters that lie inside at
   least one 8-gram also found in last year's narrative (containment of this year in last year, not
   Jaccard: the 宿迁 indicator asks how much of this year's report repeats last year's, so adding new
   text lowers it and dropping text does not).
Everything is linear in the length of the two texts: regular expressions over chunks of text, and the
shingles cut by the regular-expression engine and hashed with `map`, never a Python loop per character.
A pair of 5 MB texts (1.7 million characters each) takes about 2 s of CPU and 180 MB; a real report,
well under 0.1 s.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Callable, Iterator


from ..api import Finding, Message, Rule, rule
from ..crossyear import pairing_key, same_body
from ..document import Document, Heading, Paragraph, Span, TextLine
from ..labels import replace_chars
from ..numbers import Kind, Value, format_number
from ..tables import PAGE_MARKER, TableView
from .examples import TITLE


# ============================================================================ examples with last year's report


def _cross_year(example_previous: str, **declaration) -> Callable[..., Rule]:
    """`@rule(...)` for a cross-year rule, with last year's report for its examples."""

    def wrap(check) -> Rule:
        return replace(rule(**declaration)(check), example_previous=example_previous)

    return wrap


TITLE_LAST_YEAR = TITLE.replace("2023年", "2022年")


# ============================================================================ shared


def _earlier(ctx):
    """Last year's report when it is usable: a report of the same body, not of this year or later
    (not this very file). `--previous` pairs by body; `lint_text(previous=…)` takes what it is given,
    so two bodies that both name themselves, differently, are not compared."""
    previous = ctx.previous
    if previous is None or not previous.is_report:
        return None
    year, before = ctx.year.year, previous.year.year
    if year is not None and before is not None and before >= year:
        return None
    body, body_before = pairing_key(ctx.doc), pairing_key(previous.doc)
    if body is not None and body_before is not None and not (same_body(body, body_before) or same_body(body_before, body)):
        return None
    return previous


def _last_year(ctx):
    """Last year's report for the figures that carry over: the year just before, when both years are known."""
    previous = _earlier(ctx)
    if previous is None:
        return None
    year, before = ctx.year.year, previous.year.year
    if year is not None and before is not None and before != year - 1:
        return None
    return previous


def _where(ctx) -> dict[str, str]:
    """How messages name the two reports: file and year, in both languages."""
    this, last = ctx.year.year, ctx.previous.year.year
    previous_path = ctx.previous.doc.path
    unnamed = not previous_path or previous_path.startswith("<")
    return {
        "file": ctx.doc.path,
        "year_zh": f"{this}年度" if this else "本年度",
        "year_en": str(this) if this else "this year",
        "prev_file_zh": "上年度报告" if unnamed else f"上年度报告 {previous_path}",
        "prev_file_en": "last year's report" if unnamed else f"last year's report {previous_path}",
        "prev_year_zh": f"{last}年度" if last else "上年度",
        "prev_year_en": str(last) if last else "last year",
    }


# ============================================================================ RL505 carry-over-mismatch

_REQUEST_HEADER = """三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况
自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
"""
_CARRIED_IN = "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1"
_CARRIED_OUT = "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1"


@_cross_year(
    example_previous=TITLE_LAST_YEAR + _REQUEST_HEADER + _CARRIED_OUT,
    code="RL505",
    name="carry-over-mismatch",
    severity="error",
    summary_zh="“上年结转”与上年度报告的“结转下年度继续办理”不一致",
    summary_en="二、上年结转 differs from 四、结转下年度继续办理 in last year's report",
    explanation_zh=(
        "上年度报告表三“四、结转下年度继续办理”的申请，就是本年度报告“二、上年结转政府信息公开申请数量”的申请，"
        "两者按列（自然人、各类法人或其他组织、总计）应相等（年报格式表三前后两年的衔接：上年结转的申请就是上年度结转下年度的申请）。不一致时，总有一年的表填错了。"
        "需用 --previous 指定上年度报告所在的文件夹（按发布机关配对）。"
    ),
    explanation_en=(
        "The requests last year's table 三 carried forward (四、结转下年度继续办理) are the ones this year's table reports as "
        "二、上年结转政府信息公开申请数量; they are equal column by column (the report template's table 三 links the two years: what one year carries forward is what the next carries in). When they "
        "differ, one of the two tables is wrong. Needs --previous DIR (last year's reports, paired by issuing body)."
    ),
    bad=TITLE + _REQUEST_HEADER + _CARRIED_IN.replace("| 1 | 0 | 0 | 0 | 0 | 0 | 1", "| 2 | 0 | 0 | 0 | 0 | 0 | 2"),
    good=TITLE + _REQUEST_HEADER + _CARRIED_IN,
)
def carry_over_mismatch(doc: Document, ctx, options) -> Iterator[Finding]:
    previous = _last_year(ctx)
    if previous is None:
        return
    now: TableView | None = ctx.table("request")
    before: TableView | None = previous.table("request")
    if now is None or before is None or "r2" not in now.by_id or "r4" not in before.by_id:
        return
    differences = []
    for column in now.spec.columns:
        if column.id not in before.spec.column_ids:
            continue
        carried, forwarded = now.value("r2", column.id), before.value("r4", column.id)
        if carried.kind is Kind.NUMBER and forwarded.kind is Kind.NUMBER and carried.number != forwarded.number:
            differences.append((column, carried, forwarded))
    if not differences:
        return
    column, carried, forwarded = next((d for d in differences if d[0].id == "tot"), differences[0])
    others = [d for d in differences if d[0] is not column]
    pairs = [(c.display, format_number(a.number), format_number(b.number)) for c, a, b in others]
    others_zh = "；另有 " + "、".join(f"「{name}」{a}≠{b}" for name, a, b in pairs) + " 不一致" if pairs else ""
    others_en = "; also " + ", ".join(f"{name} {a} vs {b}" for name, a, b in pairs) if pairs else ""
    row = now.by_id["r2"]
    span = carried.cell.span if carried.cell is not None else row.row.span
    previous_line = forwarded.cell.span.line if forwarded.cell is not None else before.by_id["r4"].row.span.line
    actual, expected = format_number(carried.number), format_number(forwarded.number)
    yield Finding(
        Message(
            "「二、上年结转政府信息公开申请数量」「{column}」为 {actual}（{year_zh}，{file} 第{line}行），"
            "而{prev_file_zh}（{prev_year_zh}）第{prev_line}行「四、结转下年度继续办理」「{column}」为 {expected}；"
            "上年结转应等于上年度的结转下年度数{others_zh}",
            "二、上年结转 ({column}) is {actual} ({year_en}, {file} line {line}) but {prev_file_en} ({prev_year_en}) "
            "carried {expected} forward at line {prev_line} (四、结转下年度继续办理); the two must be equal{others_en}",
        ),
        span,
        args={
            **_where(ctx), "column": column.display, "actual": actual, "expected": expected,
            "line": span.line, "prev_line": previous_line, "others_zh": others_zh, "others_en": others_en,
        },
        section=(now.spec.section,),
        row=now.spec.row("r2").label,
        column_label=column.display,
        expected=expected,
        actual=actual,
        fingerprint_text=f"carry-over:{column.id}:{actual}:{expected}",
    )


# ============================================================================ RL509 in-force-count

_ACTIVE_HEADER = """二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
"""
_ACTIVE_COLUMNS = ("made", "repealed", "in_force")


def _layout_2021(ctx) -> bool:
    """The 2021 主动公开 table (本年制发件数 / 本年废止件数 / 现行有效件数), not the 2019 one."""
    return ctx.template.id == "2021" and ctx.year.label_version != "2019"


@_cross_year(
    example_previous=TITLE_LAST_YEAR + _ACTIVE_HEADER + "行政规范性文件 | 3 | 0 | 14",
    code="RL509",
    name="in-force-count",
    severity="warning",
    summary_zh="现行有效件数 ≠ 上年度现行有效件数 ＋ 本年制发件数 − 本年废止件数",
    summary_en="现行有效件数 is not last year's 现行有效件数 + 本年制发件数 − 本年废止件数",
    explanation_zh=(
        "2021年版模板表二第二十条第（一）项：本年现行有效的规章、行政规范性文件，应是上年末现行有效的件数加上本年制发、减去本年废止的件数"
        "（年报格式表二中“现行有效件数”的前后两年衔接）。不相等时，往往是“现行有效件数”只填了本年制发数，或未摸清底数。"
        "文件失效而未经废止（有效期届满）也会造成差异，所以只作警告。仅在两年报告都是2021年版表格、且各栏都是数字时检查。"
    ),
    explanation_en=(
        "Table 二, Art. 20(1) of the 2021 template: the 规章 / 行政规范性文件 in force this year should be last year's count "
        "plus this year's 本年制发件数 minus 本年废止件数 (the template's table 二 links the two years' 现行有效件数). A difference usually "
        "means 现行有效件数 holds only this year's new documents, or the body never counted its documents; documents that "
        "expired without being repealed also make a difference, hence a warning. Checked only when both reports use the "
        "2021 layout and all four cells are figures."
    ),
    bad=TITLE + _ACTIVE_HEADER + "行政规范性文件 | 2 | 1 | 16",
    good=TITLE + _ACTIVE_HEADER + "行政规范性文件 | 2 | 1 | 15",
)
def in_force_count(doc: Document, ctx, options) -> Iterator[Finding]:
    previous = _last_year(ctx)
    if previous is None or not _layout_2021(ctx) or not _layout_2021(previous):
        return
    now: TableView | None = ctx.table("active_1")
    before: TableView | None = previous.table("active_1")
    if now is None or before is None or "in_force" not in now.spec.column_ids or "in_force" not in before.spec.column_ids:
        return
    for row_id in ("rules", "normative"):
        if row_id not in now.by_id or row_id not in before.by_id:
            continue
        made, repealed, in_force = (now.value(row_id, column) for column in _ACTIVE_COLUMNS)
        last: Value = before.value(row_id, "in_force")
        if any(v.kind is not Kind.NUMBER for v in (made, repealed, in_force, last)):
            continue
        expected = last.number + made.number - repealed.number
        if in_force.number == expected:
            continue
        label = now.spec.row(row_id).label
        span = in_force.cell.span if in_force.cell is not None else now.by_id[row_id].row.span
        figures = (made, repealed, last, in_force)
        shown = {name: format_number(v.number) for name, v in zip(("made", "repealed", "last", "actual"), figures)}
        yield Finding(
            Message(
                "「{row}」现行有效件数为 {actual}（{year_zh}，{file} 第{line}行），而{prev_file_zh}（{prev_year_zh}）第{prev_line}行"
                "现行有效 {last} 件＋本年制发 {made} 件－本年废止 {repealed} 件＝{expected} 件",
                "{row}: 现行有效件数 is {actual} ({year_en}, {file} line {line}), but {prev_file_en} ({prev_year_en}) had {last} in "
                "force at line {prev_line}, + {made} made − {repealed} repealed = {expected}",
            ),
            span,
            args={
                **_where(ctx), **shown, "row": label, "expected": format_number(expected),
                "line": span.line, "prev_line": (last.cell.span if last.cell is not None else before.by_id[row_id].row.span).line,
            },
            section=(now.spec.section,),
            row=label,
            column_label=now.spec.column("in_force").display,
            expected=format_number(expected),
            actual=shown["actual"],
            fingerprint_text=f"in-force:{row_id}:{shown['actual']}:{format_number(expected)}",
        )


# ============================================================================ RL506 copied-from-last-year

SHINGLE = 8  # characters of normalised text per shingle
MIN_CHARS = 60  # narratives shorter than this (normalised characters) are not compared
MIN_PASSAGE = 12  # shorter copied passages are not listed
PASSAGES = 3  # copied passages named in the message
_EXCERPT = 28  # characters of a passage quoted in the message

# full-width digits and letters -> ASCII, upper case -> lower case: one character for one, so that
# positions in the translated text are positions in the original
_WIDTH = (
    *((chr(0xFF10 + i), str(i)) for i in range(10)),
    *((chr(base + i), chr(0x61 + i)) for base in (0xFF21, 0xFF41, 0x41) for i in range(26)),
)
_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_DROP = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fffa-z#]+")
# the same normalisation, one match per character it keeps (for mapping passages back to the text)
_TOKEN = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)|\d+(?:[.,]\d+)*|[\u3400-\u4dbf\u4e00-\u9fffa-z#]")


def normalise(text: str) -> str:
    """Narrative text as compared: digits and years -> '#', punctuation and spaces dropped."""
    text = replace_chars(text, _WIDTH)
    text = _CN_YEAR.sub("#", text)
    text = _DIGITS.sub("#", text)
    return _DROP.sub("", text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """For each character of `normalise(text)`, the [start, end) of the text it stands for."""
    return [m.span() for m in _TOKEN.finditer(replace_chars(text, _WIDTH))]


# Boilerplate the template requires: cut out of sentences (same length, so positions hold) ...
_CITATION = re.compile(
    r"《[^》\n]{0,60}》|[（(]以下简称[^）)\n]{0,20}[）)]|[（(]国令第\s*\d+\s*号[）)]"
    r"|国办公开办函\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号|[（(]文字描述[^）)\n]{0,40}[）)]"
)
# ... or whole sentences: how the report was compiled, its period, where to read it, whom to ask
_BOILERPLATE = re.compile(
    r"统计(?:期限|时限|区间|时间|周期|范围)|所列数据"
    r"|报告.{0,40}(?:编制|编写|撰写|制作|全文|包括|组成|构成|分为|电子版|查阅|下载|疑问|联系|格式)"
    r"|(?:编制|编写|撰写|形成|发布)(?:了)?(?:本|此|该)(?:年度)?报告"
    r"|(?:地址|电话|邮编|邮政编码|电子邮箱|邮箱|传真|工作时间|办公时间|接待时间)[:：]"
    r"|需要报告的事项|年度报告|年报"
)
_FEE = re.compile(r"信息处理费")
_FEE_SENTENCE = 40  # the standard 信息处理费 sentence is short; a longer one says more
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
_TERMINATORS = re.compile(r"[。！？!?；;]+")
_CHUNK = 1000  # characters of narrative normalised at once (ending at the next sentence end)
_SPACE = re.compile(r"\s+")
_GRAM = re.compile(r"(?=(.{%d}))" % SHINGLE, re.S)
_WINDOW = 65536  # shingle starts cut at once
_SENTENCE_MARK = re.compile(r"[，。；：！？、,;:!?]")
_TITLE_LINE = re.compile(r"(?:信息公开|政务公开).{0,30}(?:报告|年报)")
_TABLE_LINE = re.compile(r"\||\t|(?:\s[0-9０-９]+){3,}\s*$")
_SHORT_LINE = 25
_HEADING_REST = re.compile(r"[。：:]")


@dataclass(frozen=True)
class _Source:
    """A stretch of the report's narrative: its text, the same with citations blanked out, and how to
    map offsets (the same in both) to a span of the report."""

    text: str
    blanked: str
    locate: Callable[[int, int], Span]


@dataclass(frozen=True)
class _Piece:
    """Part of a segment: [start, end) of its source; its normalised text starts at `offset` in the segment."""

    source: _Source
    start: int
    end: int
    offset: int


@dataclass(frozen=True)
class _Segment:
    """Normalised narrative between two breaks (paragraph ends, removed boilerplate)."""

    text: str
    pieces: tuple[_Piece, ...]


def _narrative_line(line: TextLine) -> bool:
    text = line.text.strip()
    if not text or PAGE_MARKER.match(text) or _TABLE_LINE.search(text):
        return False
    return bool(_SENTENCE_MARK.search(text)) or (len(text) > _SHORT_LINE and not _TITLE_LINE.search(text))


def _table_section_lines(ctx) -> list[tuple[int, bool]]:
    """(first line, holds a template table) for each recognised section, in order."""
    table_sections = {spec.section for spec in ctx.template.tables.values()}
    return sorted((match.heading.span.line, match.spec.id in table_sections) for match in ctx.sections)


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def _source(text: str, locate: Callable[[int, int], Span]) -> _Source:
    return _Source(text, _CITATION.sub(_blank, text), locate)


def _sources(ctx) -> Iterator[_Source]:
    """The narrative parts of the report, in order (module docstring, step 1)."""
    starts = _table_section_lines(ctx)
    lines = [line for line, _ in starts]
    for block in ctx.doc.blocks:
        index = bisect.bisect_right(lines, block.span.line) - 1
        if index >= 0 and starts[index][1]:
            continue
        if isinstance(block, Paragraph):
            run: list[TextLine] = []
            for line in (*block.lines, None):
                if line is not None and _narrative_line(line):
                    run.append(line)
                    continue
                if run:
                    kept = Paragraph(tuple(run), block.section)
                    yield _source(kept.text, kept.locate)
                    run = []
        elif isinstance(block, Heading) and block.level > 1:
            found = _HEADING_REST.search(block.text)
            if found and found.end() < len(block.text):
                line, column = block.span.line, block.span.column + found.end()
                locate = lambda a, b, line=line, column=column: Span(line, column + a, line, column + b)  # noqa: E731
                yield _source(block.text[found.end():], locate)


def _compact(text: str) -> str:
    return _SPACE.sub("", text)


def _may_hold_boilerplate(text: str) -> bool:
    compact = _compact(text)
    return bool(_BOILERPLATE.search(compact) or _FEE.search(compact))


def _boilerplate(sentence: str) -> bool:
    compact = _compact(sentence)
    return bool(_BOILERPLATE.search(compact)) or (len(compact) <= _FEE_SENTENCE and bool(_FEE.search(compact)))


class _Builder:
    def __init__(self) -> None:
        self.segments: list[_Segment] = []
        self.parts: list[str] = []
        self.pieces: list[_Piece] = []
        self.size = 0

    def add(self, source: _Source, start: int, end: int) -> None:
        normal = normalise(source.blanked[start:end])
        if normal:
            self.pieces.append(_Piece(source, start, end, self.size))
            self.parts.append(normal)
            self.size += len(normal)

    def flush(self) -> None:
        if self.parts:
            self.segments.append(_Segment("".join(self.parts), tuple(self.pieces)))
        self.parts, self.pieces, self.size = [], [], 0


def narrative(ctx) -> list[_Segment]:
    """The report's narrative, normalised, in segments (module docstring, steps 1–3).

    Text is taken in chunks of about _CHUNK characters ending at a sentence end; only a chunk that may
    hold boilerplate is gone through sentence by sentence, so the work is a few regular-expression
    passes per chunk, not per sentence.
    """
    built = _Builder()
    for source in _sources(ctx):
        text = source.blanked
        position = 0
        while position < len(text):
            end = _TERMINATORS.search(text, position + _CHUNK)
            stop = end.end() if end else len(text)
            if _may_hold_boilerplate(text[position:stop]):
                for sentence in _SENTENCE.finditer(text, position, stop):
                    if _boilerplate(sentence.group()):
                        built.flush()
                    else:
                        built.add(source, sentence.start(), sentence.end())
            else:
                built.add(source, position, stop)
            position = stop
        built.flush()
    return built.segments


def _measured(segments: list[_Segment]) -> int:
    return sum(len(s.text) for s in segments if len(s.text) >= SHINGLE)


def _hashes(text: str) -> Iterator[int]:
    """The hash of every SHINGLE-character substring, in order. The substrings are cut by the
    regular-expression engine (no Python loop per character), a window at a time to bound memory."""
    for start in range(0, max(len(text) - SHINGLE + 1, 0), _WINDOW):
        yield from map(hash, _GRAM.findall(text, start, start + _WINDOW + SHINGLE - 1))


def shingles(segments: list[_Segment]) -> set[int]:
    """The hashes of every SHINGLE-character substring of the segments."""
    found: set[int] = set()
    for segment in segments:
        found.update(_hashes(segment.text))
    return found


@dataclass(frozen=True)
class Copied:
    """The repetition of this year's narrative in last year's: the rate and the copied passages."""

    rate: float
    measured: int  # normalised characters of this year's narrative
    covered: int  # of which inside an 8-gram found last year
    passages: tuple[tuple[int, int, int], ...]  # (segment, start, end) in normalised text, longest first


_SHARED_RUN = re.compile(rb"\x01+")


def copied(current: list[_Segment], previous: list[_Segment]) -> Copied:
    """How much of `current` lies in shingles `previous` has too (module docstring, steps 4–5)."""
    known = shingles(previous)
    covered = 0
    passages: list[tuple[int, int, int]] = []
    for number, segment in enumerate(current):
        if len(segment.text) < SHINGLE:
            continue
        shared = bytes(map(known.__contains__, _hashes(segment.text)))
        last_end = -1
        for run in _SHARED_RUN.finditer(shared):  # shingle starts [a, b) shared: characters [a, b − 1 + k)
            start, end = run.start(), run.end() - 1 + SHINGLE
            if start <= last_end:  # overlaps the run before: one passage
                _, start, _ = passages.pop()
                covered -= last_end - start
            covered += end - start
            passages.append((number, start, end))
            last_end = end
    measured = _measured(current)
    passages.sort(key=lambda p: (p[1] - p[2], p[0], p[1]))
    return Copied(covered / measured if measured else 0.0, measured, covered, tuple(passages))


def _position(piece: _Piece, index: int) -> tuple[int, int]:
    """The [start, end) in the source of the `index`-th normalised character of a piece."""
    begin, finish = token_spans(piece.source.blanked[piece.start:piece.end])[index]
    return piece.start + begin, piece.start + finish


def _original(segment: _Segment, start: int, end: int) -> tuple[_Source, int, int]:
    """Normalised [start, end) of a segment -> its source and the [start, end) in the source's text."""
    offsets = [piece.offset for piece in segment.pieces]
    first = segment.pieces[bisect.bisect_right(offsets, start) - 1]
    last = segment.pieces[bisect.bisect_right(offsets, end - 1) - 1]
    begin = _position(first, start - first.offset)[0]
    finish = _position(last, end - 1 - last.offset)[1]  # a segment's pieces share one source
    return first.source, begin, finish


def _previous_line(previous: list[_Segment], passage: str) -> int | None:
    """Where last year's report has `passage` (or its first shingle)."""
    for needle in (passage, passage[:SHINGLE]):
        for segment in previous:
            at = segment.text.find(needle)
            if at >= 0:
                source, begin, finish = _original(segment, at, at + len(needle))
                return source.locate(begin, finish).line
    return None


def _excerpt(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"


def _percent(rate: float, threshold: float) -> str:
    """Whole percent, or one decimal when whole percent would hide which side of the threshold it is."""
    whole = f"{rate * 100:.0f}%"
    return f"{rate * 100:.1f}%" if round(rate * 100) == round(threshold * 100) else whole


@dataclass(frozen=True)
class CopiedOptions:
    __pydantic_config__ = {"extra": "forbid"}

    similarity_threshold: float = 0.5  # report when more than this share of the narrative repeats last year's

    def __post_init__(self) -> None:
        if not 0 < self.similarity_threshold <= 1:
            raise ValueError(f"similarity_threshold must be greater than 0 and at most 1, not {self.similarity_threshold:g}")


_COPIED_LAST_YEAR = TITLE_LAST_YEAR + """一、总体情况
2022年，我局围绕交通基础设施建设和道路运输管理做好主动公开工作，全年通过县政府门户网站主动公开政府信息352条。我局严格执行依申请公开受理、登记、审核、答复等工作流程，确保在法定期限内答复申请人。
"""


@_cross_year(
    example_previous=_COPIED_LAST_YEAR,
    code="RL506",
    name="copied-from-last-year",
    severity="warning",
    summary_zh="报告正文与上年度报告重复率超过 50%",
    summary_en="the report's text repeats more than 50% of last year's report",
    explanation_zh=(
        "年度报告应如实反映本年度的工作。与上年度报告大段雷同、只改年份和数字，是通报和考核中反复指出的问题："
        "国办公开办函〔2021〕30号“（四）明确责任”规定，出现“内容雷同、敷衍塞责等问题并造成不良后果的”，依《条例》第四十七条追究责任；"
        "宿迁考核指标“与上年度重复率大于50%的，扣0.5分”。"
        "只比较叙述文字：章节标题、表格、模板规定的固定表述（编制依据、统计期限、查阅方式、联系方式、《条例》等文件名）不计，"
        "年份和数字不计（只改了年份的报告也算重复）。重复率＝本年度叙述文字中，与上年度叙述文字有相同的连续8字片段所覆盖的比例；"
        "阈值可用 similarity_threshold 选项调整。"
    ),
    explanation_en=(
        "An annual report describes the year's work. Text copied from last year's report with only the year and figures "
        "changed is a defect the guidance names: the 2021 template (国办公开办函〔2021〕30号, （四）明确责任) holds those "
        "responsible for 内容雷同、敷衍塞责 under Art. 47; the 宿迁 indicator deducts points for '与上年度重复率大于50%' "
        "(宿迁's 政务公开 assessment indicators; several provinces' reviews of the reports name copying as a common defect). Only the narrative is compared: headings, tables and "
        "the template's fixed sentences (compiling basis, statistics period, where to read it, contact, document titles "
        "such as 《条例》) are left out, and years and figures are ignored, so a copy with only the year changed counts. "
        "The rate is the share of this year's narrative covered by 8-character runs that also occur in last year's; "
        "set the threshold with the similarity_threshold option."
    ),
    bad=_COPIED_LAST_YEAR.replace(TITLE_LAST_YEAR, TITLE).replace("2022年", "2023年").replace("352条", "386条"),
    good=TITLE + """一、总体情况
2023年，我局把农村客运和公路养护作为公开重点，新开“出行服务”栏目，全年在门户网站发布信息386条。针对申请量上升的情况，我局编制了依申请公开办理指引，统一了答复文书格式。
""",
    options=CopiedOptions,
)
def copied_from_last_year(doc: Document, ctx, options: CopiedOptions) -> Iterator[Finding]:
    previous = _earlier(ctx)
    if previous is None:
        return
    current, before = narrative(ctx), narrative(previous)
    if _measured(current) < MIN_CHARS or _measured(before) < MIN_CHARS:
        return
    result = copied(current, before)
    if result.rate <= options.similarity_threshold:
        return
    listed = []
    for number, start, end in result.passages[:PASSAGES]:
        if end - start < MIN_PASSAGE and listed:
            break
        segment = current[number]
        source, begin, finish = _original(segment, start, end)
        before_line = _previous_line(before, segment.text[start:end])
        listed.append((source.locate(begin, finish), _excerpt(source.text[begin:finish]), end - start, before_line))
    span = listed[0][0]
    passages_zh = "；".join(
        f"第{s.line}行「{text}」（{size}字" + (f"，上年度第{line}行" if line else "") + "）" for s, text, size, line in listed
    )
    passages_en = "; ".join(
        f"line {s.line} '{text}' ({size} characters" + (f", last year line {line}" if line else "") + ")"
        for s, text, size, line in listed
    )
    percent = _percent(result.rate, options.similarity_threshold)
    threshold = f"{options.similarity_threshold * 100:g}%"
    yield Finding(
        Message(
            "本报告（{year_zh}，{file}）叙述文字有 {percent} 与{prev_file_zh}（{prev_year_zh}）相同，超过 {threshold}"
            "（不计标题、表格、模板固定表述、年份和数字）；最长的雷同段落：{passages_zh}",
            "{percent} of this report's narrative ({year_en}, {file}) repeats {prev_file_en} ({prev_year_en}), more than "
            "{threshold} (headings, tables, the template's fixed sentences, years and figures left out); longest copied "
            "passages: {passages_en}",
        ),
        span,
        args={**_where(ctx), "percent": percent, "threshold": threshold, "passages_zh": passages_zh, "passages_en": passages_en},
        actual=percent,
        expected=f"≤ {threshold}",
        fingerprint_text="copied-from-last-year",
    )
