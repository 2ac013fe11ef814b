"""Who issued a report: a people's government (本级政府), one of its departments, or a township.

The kind of body matters to the regulation (《政府信息公开条例》, 2019):

- Art. 49: departments (部门) of governments at county level and above publish by 1月31日, a local
  government's own report (本级政府年度报告) is published by 3月31日; townships and street offices are
  not named (local notices set their dates).
- Art. 50(四): only the reports of 人民政府 must also cover 工作考核、社会评议和责任追究结果情况.

Usage::

    from reportlint.issuer import detect_issuer
    issuer = detect_issuer(doc)      # Issuer(name='青山县交通运输局', kind='department', span=…, source='title')
    if issuer.kind == "government": …

`kind` is one of `KINDS`:

- ``"government"`` — a 人民政府's own report: "洪泽区人民政府 2023年…", "南京市高淳区人民政府…", a bare place
  name "福州市晋安区2016年…", or an intro saying the government office compiled it "汇总编制".
- ``"department"`` — a body of a government: 局、委、办公室、办公厅、中心… Note that "上海市人民政府办公厅" and
  "高平市人民政府办公室" are departments (the government's general office reports as a department).
- ``"township"`` — 乡、镇、街道（办事处）, including "××镇人民政府".
- ``"unknown"`` — no name and no telling words found (also 开发区/园区 管委会, whose status varies).

Where the name comes from (`source`), in order: the title (the first short lines: "××局2023年政府信息公开工作
年度报告", or the name on the line above or below "2023年政府信息公开工作年度报告"), the introduction ("本报告由
××编制", "现公布××2023年…", "现将2023年××政府信息公开情况报告如下"), and finally how the body refers to
itself in the first lines ("我局" → department, "我乡"/"我镇"/"我街道" → township, "我区政府" → government;
`name` is then None). `span` points at the name (or the telling words) in the source.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator, Literal

from .document import Document, Span
from .labels import RUBY, replace_chars
from .tables import PAGE_MARKER

Kind = Literal["government", "department", "township", "unknown"]
KINDS: tuple[str, ...] = ("government", "department", "township", "unknown")


@dataclass(frozen=True)
class Issuer:
    """The body a report belongs to (see the module docstring)."""

    name: str | None  # as written (whitespace removed), e.g. "上海市人民政府办公厅"; None when unnamed
    kind: Kind  # one of KINDS
    span: Span | None  # where the name (or the telling words) is; None for "unknown"
    source: str = "none"  # "title" | "intro" | "body" | "none"


# --------------------------------------------------------------------------- text helpers

_SPACES = re.compile(r"[ \t\u3000\u00a0\r]+")  # what CompactText drops besides ruby
_KEPT = re.compile(r"[^ \t\u3000\u00a0\r]+")  # runs of what CompactText keeps (the complement of _SPACES)
# Full-width digits and punctuation, and the traditional characters of the words rules look for;
# every mapping is one character to one character so offsets stay valid.
_FOLD = str.maketrans(
    "０１２３４５６７８９：，；（）　開報務資況據條處複議訟關術統計範規錄會區縣辦評責問",
    "0123456789:,;() 开报务资况据条处复议讼关术统计范规录会区县办评责问",
)
_FOLD_PAIRS = tuple((chr(old), chr(new)) for old, new in _FOLD.items())  # no `new` is also an `old`
_SPACE_PAIRS = tuple((space, "") for space in " \t\u3000\u00a0\r")


def _unspaced(text: str) -> str:
    """`text` without the whitespace compact text drops (as `_SPACES.sub`, faster on long texts)."""
    return replace_chars(text, _SPACE_PAIRS)


def _fold(text: str) -> str:
    """`text.translate(_FOLD)`, ten times faster on long texts."""
    return replace_chars(text, _FOLD_PAIRS)


class CompactText:
    """Lines `first..last` joined with whitespace, page markers (`- 3 -`) and pinyin ruby removed.

    PDF and HTML copies wrap sentences anywhere and space characters out (`统计期限自 2023 年 1 月 1 日`
    / `起至…`); matching on the compact text finds words across such breaks. Full-width digits and a
    few traditional characters are folded (`compact`), and `span(start, end)` maps a match back to the
    source.
    """

    def __init__(self, doc: Document, first: int = 1, last: int | None = None) -> None:
        # A slice of the document's compact text: rules ask for many ranges (the whole text, the
        # head, sections, single lines), and building each from its lines was most of RL503's time.
        last = len(doc.lines) if last is None else min(last, len(doc.lines))
        first = max(first, 1)
        self._whole = _compactor(doc)
        self._whole.extend_to(last)
        self._base = self._whole.ends[first - 1] if first <= last else 0
        self.compact = self._whole.text[self._base: self._whole.ends[last]] if first <= last else ""

    def span(self, start: int, end: int) -> Span:
        """The source span of compact[start:end]."""
        if not self.compact:
            return Span(1, 1, 1, 1)
        start = min(max(start, 0), len(self.compact) - 1)
        last = min(max(end - 1, start), len(self.compact) - 1)
        (line, column), (end_line, end_column) = self._place(start), self._place(last)
        return Span(line, column, end_line, end_column + 1)

    def line_of(self, offset: int) -> int:
        return self._whole.line(self._base + min(max(offset, 0), len(self.compact) - 1)) if self.compact else 1

    def _place(self, offset: int) -> tuple[int, int]:
        return self._whole.place(self._base + offset)


class _Compactor:
    """The compact text of a document's first lines, extended as far as `CompactText`s ask.

    Linear and compact: it keeps where each line's text starts (a C array, bisected) and maps
    columns only for the lines asked about (a 100 MB text must not become 100 million tuples, nor
    cost a Python step per character).
    """

    def __init__(self, lines: tuple[str, ...]) -> None:
        self._lines = lines
        self.text = ""
        self.ends = array("q", [0])  # ends[n]: length of the compact text of lines 1..n
        self._runs: dict[int, tuple[list[int], list[int]]] = {}

    def extend_to(self, last: int) -> None:
        done = len(self.ends) - 1
        if last > done:  # at least doubling, so that growing step by step stays linear
            self._add(done, min(max(last, 2 * done), len(self._lines)))

    def _add(self, done: int, last: int) -> None:
        lines = self._lines[done:last]
        parts, length = [], len(self.text)
        folded = _fold("\n".join(lines))
        for line, folded_line, kept in zip(lines, folded.split("\n"), _unspaced(folded).split("\n")):
            if line and not PAGE_MARKER.match(line):
                if "(" in line:
                    kept = "".join(folded_line[start:end] for start, end in _kept(line, folded_line))
                parts.append(kept)
                length += len(kept)
            self.ends.append(length)
        self.text += "".join(parts)

    def line(self, offset: int) -> int:
        """The line of the character at `offset` in `text`."""
        return bisect_right(self.ends, offset)

    def place(self, offset: int) -> tuple[int, int]:
        """(line, column) of the character at `offset` in `text`."""
        number = self.line(offset)
        starts, columns = self._runs_of(number)
        left = offset - self.ends[number - 1]
        run = bisect_right(starts, left) - 1
        return number, columns[run] + left - starts[run]

    def _runs_of(self, number: int) -> tuple[list[int], list[int]]:
        """Where each run of kept characters of line `number` starts in its compact text and in the
        line (1-based); once per line, as one long line may hold many matches."""
        if number not in self._runs:
            line = self._lines[number - 1]
            starts, columns, length = [], [], 0
            for start, end in _kept(line, _fold(line)):
                starts.append(length)
                columns.append(start + 1)
                length += end - start
            self._runs[number] = starts, columns
        return self._runs[number]


def _compactor(doc: Document) -> _Compactor:
    if "_compactor" not in doc.__dict__:
        doc.__dict__["_compactor"] = _Compactor(doc.lines)
    return doc.__dict__["_compactor"]


def _kept(line: str, folded: str) -> list[tuple[int, int]]:
    """The spans of `folded` (the folded `line`) that compact text keeps: no whitespace or ruby."""
    runs = [run.span() for run in _KEPT.finditer(folded)]
    if "(" not in line:
        return runs
    return _outside(runs, [ruby.span() for ruby in RUBY.finditer(line)])


def _outside(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of `spans` outside the `holes` (pinyin annotations); both are in order and do not
    overlap, so one pass over each will do (a long line can hold thousands of both)."""
    pieces, first = [], 0
    for start, end in spans:
        while first < len(holes) and holes[first][1] <= start:
            first += 1
        index = first
        while index < len(holes) and holes[index][0] < end:
            hole_start, hole_end = holes[index]
            if hole_start > start:
                pieces.append((start, hole_start))
            start = max(start, hole_end)
            index += 1
        if start < end:
            pieces.append((start, end))
    return pieces


def compact_text(doc: Document, first: int = 1, last: int | None = None) -> CompactText:
    """`CompactText(doc, first, last)`, built once per document and range (rules share them)."""
    cache = doc.__dict__.setdefault("_compact_texts", {})
    key = (first, last)
    if key not in cache:
        cache[key] = CompactText(doc, first, last)
    return cache[key]


def fold_line(line: str) -> str:
    """One line as `CompactText` sees it (whitespace and ruby removed, characters folded)."""
    return _SPACES.sub("", _fold(RUBY.sub("", line)))


# --------------------------------------------------------------------------- classification

_TOWNSHIP = re.compile(r"(?:乡|镇|街道|苏木|街道办)(?:人民政府|政府|办事处|党委|党工委)?$")
_GOV_OFFICE = re.compile(r"(?:人民政府|政府)(?:办公室|办公厅|办)$")
_ZONE = re.compile(r"(?:开发区|高新区|园区|保税区|工业区|管委会|管理委员会)$")
_DEPARTMENT = re.compile(
    r"(?:局|委员会|委|办公室|办公厅|办|中心|厅|署|院|所|站|队|处|室|部|馆|社|分局|办事处)$"
)
_GOVERNMENT = re.compile(r"(?<![人民我本级])(?<!^)(?:人民政府|政府)$")  # "区政府", never "政府"/"人民政府" alone
_REGION = re.compile(r"..(?:省|市|县|区|州|旗|盟)$")
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff()（）·]{2,40}$")


def classify(name: str) -> str | None:
    """The kind of body a name denotes ('government', 'department', 'township', 'unknown'), or None
    when the text does not look like a body's name at all.

    >>> classify("高平市人民政府办公室"), classify("城关镇人民政府"), classify("南京市高淳区人民政府")
    ('department', 'township', 'government')
    """
    name = fold_line(name)
    if not _NAME_CHARS.match(name):
        return None
    if _TOWNSHIP.search(name):
        return "township"
    if _GOV_OFFICE.search(name):
        return "department"
    if _ZONE.search(name):
        return "unknown"
    if _DEPARTMENT.search(name):
        return "department"
    if _GOVERNMENT.search(name) or _REGION.search(name):
        return "government"
    return None


# --------------------------------------------------------------------------- detection

_TITLE_WORDS = re.compile(r"(?:政府信息公开|政务信息公开|政务公开|信息公开)")
_TITLE = re.compile(r"(?:信息公开|政务公开)[^\n]{0,14}(?:报告|年报)")
_YEAR = re.compile(r"(?:19|20)\d{2}年度?")
_NOT_TITLE = re.compile(r"[《》]|通知|根据|关于印发|现将|现公布")
_TITLE_MAX = 60
_NAME_LINE_MAX = 30
_HEAD_LINES = 10

_NAME = r"[\u4e00-\u9fff()·]{2,40}?"
_INTRO = (
    # 本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制 / 由高淳区人民政府办公室汇总编制
    re.compile(r"由(?P<name>" + _NAME + r")(?:根据[^。]{0,160}?|依据[^。]{0,160}?|按照[^。]{0,160}?)?(?P<sum>汇总)?(?:编制|编写|撰写|制作|起草)"),
    # 现公布区统计局2023年政府信息公开工作年度报告
    re.compile(r"现(?:公布|公开|发布|将)(?P<name>" + _NAME + r")(?:19|20)\d{2}年度?"),
    # 现将2021年迎宾路街道办事处政府信息公开情况报告如下
    re.compile(r"现(?:将|公布|公开)(?:19|20)\d{2}年度?(?P<name>" + _NAME + r")(?:政府信息公开|政务公开|信息公开)"),
)
_BODY = (
    (re.compile(r"[我本](?:乡|镇|街道|街|办事处)(?![长])"), "township"),
    (re.compile(r"[我本](?:局|委|厅|中心)|[我本]办(?![理结件法公事])"), "department"),  # not 本办法/我办理
    (re.compile(r"[我本](?:区|县|市|州|旗)(?:人民)?政府(?!信息|网站|门户|办|部门|各部门|工作部门|组成部门|公报|信息公开)"), "government"),
)
_BODY_LINES = 60
# a flip-book page's running header: "Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告"
_PAGE_PREFIX = re.compile(r"^\s*Page\s*\d+\s*[-—–:：]\s*(?=\S)")  # also as fold_line leaves it: "Page8-…"
_GAP_START = re.compile(r"[\s(]")  # how the gaps `_locate` allows inside a name begin


def detect_issuer(doc: Document) -> Issuer:
    """The issuing body of `doc`, from its title, its introduction or how the body refers to itself."""
    return _from_title(doc) or _from_intro(doc) or _from_body(doc) or Issuer(None, "unknown", None, "none")


def _head(doc: Document) -> list[int]:
    """The first non-blank lines before the first level-1 heading (where titles are)."""
    stop = next((h.span.line for h in doc.headings if h.level == 1), len(doc.lines) + 1)
    numbers = [
        n for n, line in enumerate(doc.lines[: stop - 1], 1)
        if line.strip() and (not PAGE_MARKER.match(line) or _PAGE_PREFIX.match(line))
    ]
    return numbers[:_HEAD_LINES]


def _named(doc: Document, number: int, name: str, source: str) -> Issuer | None:
    kind = classify(name)
    if kind is None:
        return None
    return Issuer(name, kind, _find(doc.line(number), number, name), source)


def _find(line: str, number: int, name: str) -> Span:
    """The span of `name` in the source line (tolerating spaces inside it), else the whole line."""
    found = _locate(_fold(line), name)
    if found:
        return Span(number, found[0] + 1, number, found[1] + 1)
    start = len(line) - len(line.lstrip()) + 1
    return Span(number, start, number, len(line.rstrip()) + 1)


def _locate(line: str, name: str) -> tuple[int, int] | None:
    if not _GAP_START.search(line):  # no room for a gap: a plain search finds the same place, without
        at = line.find(name)  # compiling a pattern for each name (1 ms, most of detect_issuer's time)
        return (at, at + len(name)) if at >= 0 else None
    gap = r"(?:\s|\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))*"  # spaces and pinyin ruby inside the name
    match = re.search(gap.join(re.escape(c) for c in name), line)
    return match.span() if match else None


def _clean(name: str) -> str:
    name = re.split(r"[:：]", name)[-1]  # "第一篇:交通运输局" -> "交通运输局"
    name = name.strip("“”\"'「」『』[]【】、,，.。 ")
    return name[2:] if name.startswith("关于") else name


def _from_title(doc: Document) -> Issuer | None:
    """The body named by the title. When several title lines name different bodies, the last one (the
    document's own title, right above the text) wins over page furniture above it (a site's or a
    column's page title)."""
    found = [issuer for issuer in _title_issuers(doc) if issuer is not None]
    return found[-1] if found else None


def _title_issuers(doc: Document) -> Iterator[Issuer | None]:
    head = _head(doc)
    for index, number in enumerate(head):
        line = fold_line(doc.line(number))
        line = line[_PAGE_PREFIX.match(line).end():] if _PAGE_PREFIX.match(line) else line
        if len(line) > _TITLE_MAX or _NOT_TITLE.search(line) or not _TITLE.search(line):
            continue
        yield _title_name(doc, head, index, line)


def _title_name(doc: Document, head: list[int], index: int, line: str) -> Issuer | None:
    number = head[index]
    words = _TITLE_WORDS.search(line)
    year = _YEAR.search(line[: words.start()]) if words else None
    if year:
        before, between = _clean(line[: year.start()]), _clean(line[year.end(): words.start()])
    else:
        before, between = _clean(line[: words.start()]) if words else "", ""
    for candidate in (before, between):
        if candidate and (found := _named(doc, number, candidate, "title")):
            return found
    # the name on its own line just above or below the title ("洪泽区人民政府" / "2023年政府…")
    for neighbour in (head[index - 1] if index else None, head[index + 1] if index + 1 < len(head) else None):
        if neighbour is None:
            continue
        text = _clean(fold_line(doc.line(neighbour)))
        if len(text) <= _NAME_LINE_MAX and (found := _named(doc, neighbour, text, "title")):
            return found
    return None


def _intro_end(doc: Document) -> int:
    for heading in doc.headings:
        if heading.level == 1:
            return heading.span.line
    return min(len(doc.lines), 30)


def _from_intro(doc: Document) -> Issuer | None:
    text = compact_text(doc, 1, _intro_end(doc))
    for pattern in _INTRO:
        for match in pattern.finditer(text.compact):
            name = _clean(match.group("name"))
            if name.startswith(("我", "本")):
                continue  # "现将我办2022年度…": how the body calls itself, not its name
            kind = classify(name)
            if kind is None:
                continue
            span = text.span(match.start("name"), match.end("name"))
            if kind == "department" and match.groupdict().get("sum") and _GOV_OFFICE.search(name):
                # 由××区人民政府办公室汇总编制: the office compiles the whole government's report
                government = _GOV_OFFICE.sub("人民政府", name) if "人民政府" in name else _GOV_OFFICE.sub("政府", name)
                return Issuer(government, "government", span, "intro")
            return Issuer(name, kind, span, "intro")
    return None


def _from_body(doc: Document) -> Issuer | None:
    text = compact_text(doc, 1, _BODY_LINES)
    best: tuple[int, str, re.Match[str]] | None = None
    for pattern, kind in _BODY:
        match = pattern.search(text.compact)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), kind, match)
    if best is None:
        return None
    _, kind, match = best
    return Issuer(None, kind, text.span(match.start(), match.end()), "body")
