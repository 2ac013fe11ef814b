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

_SPACE = set(" \t\u3000\u00a0\r")
_RUBY = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_KEPT = re.compile(r"[^ \t\u3000\u00a0\r]+")  # runs of what CompactText keeps (the complement of _SPACE)
# Full-width digits and punctuation, and the traditional characters of the words rules look for;
# every mapping is one character to one character so offsets stay valid.
_FOLD = str.maketrans(
    "０１２３４５６７８９：，；（）　開報務資況據條處複議訟關術統計範規錄會區縣辦評責問",
    "0123456789:,;() 开报务资况据条处复议讼关术统计范规录会区县办评责问",
)


class CompactText:
    """Lines `first..last` joined with whitespace, page markers (`- 3 -`) and pinyin ruby removed.

    PDF and HTML copies wrap sentences anywhere and space characters out (`统计期限自 2023 年 1 月 1 日`
    / `起至…`); matching on the compact text finds words across such breaks. Full-width digits and a
    few traditional characters are folded (`compact`), and `span(start, end)` maps a match back to the
    source.
    """

    def __init__(self, doc: Document, first: int = 1, last: int | None = None) -> None:
        # Linear and compact: kept characters are copied run by run, their columns go into a C
        # array, and lines are found by bisecting their start offsets (a 100 MB text must not
        # become 100 million tuples).
        last = len(doc.lines) if last is None else min(last, len(doc.lines))
        parts: list[str] = []
        self._columns = array("i")
        self._line_starts: list[int] = []
        self._line_numbers: list[int] = []
        length = 0
        for number in range(max(first, 1), last + 1):
            line = doc.line(number)
            if not line or PAGE_MARKER.match(line):
                continue
            folded = line.translate(_FOLD)
            rubies = [ruby.span() for ruby in _RUBY.finditer(line)] if "(" in line else []
            self._line_starts.append(length)
            self._line_numbers.append(number)
            for run in _KEPT.finditer(folded):
                for start, end in _without(run.span(), rubies):
                    parts.append(folded[start:end])
                    self._columns.extend(range(start + 1, end + 1))
                    length += end - start
        self.compact = "".join(parts)

    def _place(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self._line_starts, offset) - 1
        return self._line_numbers[max(index, 0)], self._columns[offset]

    def span(self, start: int, end: int) -> Span:
        """The source span of compact[start:end]."""
        if not self._columns:
            return Span(1, 1, 1, 1)
        start = min(max(start, 0), len(self._columns) - 1)
        last = min(max(end - 1, start), len(self._columns) - 1)
        (line, column), (end_line, end_column) = self._place(start), self._place(last)
        return Span(line, column, end_line, end_column + 1)

    def line_of(self, offset: int) -> int:
        return self._place(min(max(offset, 0), len(self._columns) - 1))[0] if self._columns else 1


def _without(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of `span` outside the `holes` (pinyin annotations)."""
    pieces, start, end = [], span[0], span[1]
    for hole_start, hole_end in holes:
        if hole_end <= start or hole_start >= end:
            continue
        if hole_start > start:
            pieces.append((start, hole_start))
        start = max(start, hole_end)
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
    return "".join(c for c in _RUBY.sub("", line).translate(_FOLD) if c not in _SPACE)


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


def detect_issuer(doc: Document) -> Issuer:
    """The issuing body of `doc`, from its title, its introduction or how the body refers to itself."""
    return _from_title(doc) or _from_intro(doc) or _from_body(doc) or Issuer(None, "unknown", None, "none")


def _head(doc: Document) -> list[int]:
    """The first non-blank lines before the first level-1 heading (where titles are)."""
    stop = next((h.span.line for h in doc.headings if h.level == 1), len(doc.lines) + 1)
    numbers = [n for n, line in enumerate(doc.lines[: stop - 1], 1) if line.strip() and not PAGE_MARKER.match(line)]
    return numbers[:_HEAD_LINES]


def _named(doc: Document, number: int, name: str, source: str) -> Issuer | None:
    kind = classify(name)
    if kind is None:
        return None
    return Issuer(name, kind, _find(doc.line(number), number, name), source)


def _find(line: str, number: int, name: str) -> Span:
    """The span of `name` in the source line (tolerating spaces inside it), else the whole line."""
    gap = r"(?:\s|\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))*"  # spaces and pinyin ruby inside the name
    pattern = gap.join(re.escape(c) for c in name)
    match = re.search(pattern, line.translate(_FOLD))
    if match:
        return Span(number, match.start() + 1, number, match.end() + 1)
    start = len(line) - len(line.lstrip()) + 1
    return Span(number, start, number, len(line.rstrip()) + 1)


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
