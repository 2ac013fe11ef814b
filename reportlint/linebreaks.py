"""Text whose line breaks were lost: where the lines of a run-together line began.

A web page saved or copied with its whole body on one line reads `…。一、总体情况2023年以来…`, its
tables `一、本年新收政府信息公开申请数量7000007二、上年结转…`. The templates say which words start
a line there, so a long line is cut before:

- an inline heading of a template section: a numeral `一、`…`十、` followed by a section's label,
  variant or (within a few characters) pattern, unless the section already has a heading at the
  start of a line, and unless only punctuation stands between it and the next (an intro's list
  `包括一、总体情况；二、主动公开…` names the sections, it does not start them);
- a numbered row label of the request table (`一、本年新收`, `（一）予以公开`, `1.属于国家秘密` …);
- an unnumbered row label of the 第二十条 tables followed by a figure (`规章000`, `行政许可 1328`),
  and a block title `第二十条第（五）项` after a figure.

Nothing is cut in a line shorter than `MIN_LENGTH`: only lost line breaks make lines that long
with a heading inside. Line and column of every piece stay those of the original line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .labels import normalise
from .templates import all_templates

MIN_LENGTH = 120
# Only this between one section title and the next numeral: a list of the sections (an intro's
# `包括一、总体情况；二、主动公开…`), not headings.
_LIST_JOINER = re.compile(r"[\s;；,，、。.和及与以及]*")
_PATTERN_WINDOW = 6  # characters past a label's length within which a section's pattern must match
_NUMERALS = "一二三四五六七八九十"
_NUMBER_1 = re.compile(rf"(?<![{_NUMERALS}第])[{_NUMERALS}]{{1,2}}[ \t\u3000]*[、．.](?![0-9])")
_SPACE = "[ \t\u3000]*"
_LOOK_BACK = 240  # characters before a row label in which its row's start is looked for
# A page number printed between two pages (`- 5 -`, `—5—`), and the review table's header end
# before its figures (`…尚未审结 总计 10 1 0 …`): their own lines.
_PAGE_NUMBER = re.compile(r"[-—–][ \u3000]\d{1,3}[ \u3000][-—–]|[—–]\d{1,3}[—–]")
_REVIEW_FIGURES = re.compile("[ \t\u3000|]*".join("尚未审结总计") + "[ \t\u3000|]*" + "(?=[0-9])")


@dataclass(frozen=True)
class Cut:
    """A line begins at `offset` (0-based) of the run-together line: a "heading", a printed "row", "text" (parsed
    again as a line) or "plain" text (never a heading)."""

    offset: int
    kind: str
    number: str = ""  # the section numeral of a heading
    title_end: int = 0  # where a heading's title ends (its body text follows)


def _flexible(text: str) -> str:
    """A regex for `text` with optional spaces between characters and any form of its numbering."""
    parts = []
    for char in text:
        if char in "（(":
            parts.append("[（(]")
        elif char in "）)":
            parts.append("[）)]")
        elif char in "、.．":
            parts.append("[、.．]")
        else:
            parts.append(re.escape(char))
    return _SPACE.join(parts)


@lru_cache(maxsize=1)
def _row_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    numbered, plain = set(), set()
    for template in all_templates().values():
        for table in template.tables.values():
            for row in table.rows:
                label = row.label.strip()
                if not label:
                    continue
                match = re.match(rf"[{_NUMERALS}]{{1,2}}[、.．]|[（(][{_NUMERALS}]{{1,2}}[）)]|[0-9]{{1,2}}[、.．]", label)
                if match:
                    numbered.add(label[: match.end() + 4])  # the numbering and four characters tell the rows apart
                else:
                    plain.add(label)
    numbered_re = re.compile("|".join(_flexible(label) for label in sorted(numbered, key=len, reverse=True)))
    plain_re = re.compile(
        "(?:" + "|".join(_flexible(label) for label in sorted(plain, key=len, reverse=True)) + r")(?=[ \t\u3000|]*[0-9/-])"
        + rf"|(?<=[0-9]){_SPACE}第{_SPACE}二{_SPACE}十{_SPACE}条"
    )
    return numbered_re, plain_re


@lru_cache(maxsize=1)
def _sections() -> tuple[tuple[str, frozenset[str], re.Pattern[str] | None, int], ...]:
    """(numeral or "" for any, label keys, pattern or None, label length) of every template's sections.

    The 2019 and 2021 templates number their sections: a title counts only after its own numeral,
    and its pattern only there (`三、进一步加强主动公开` is an item, not section 二). The 2007 content
    list has no fixed numbering: only its labels count."""
    found = []
    for template in all_templates().values():
        for spec in template.sections:
            numbered = spec.id in _NUMERALS
            found.append((spec.id if numbered else "", spec.keys, spec.regex if numbered else None, len(normalise(spec.label))))
    return tuple(found)


def section_title(text: str, number: str) -> int | None:
    """Length in `text` of the title of a template section numbered `number` it starts with, else None."""
    key = normalise(text[:48])
    best = 0
    for numeral, keys, regex, length in _sections():
        if numeral and numeral != number:
            continue
        for candidate in keys:
            if candidate and key.startswith(candidate):
                best = max(best, len(candidate))
        if not best and regex is not None:
            match = regex.search(key[: length + _PATTERN_WINDOW])
            if match:
                best = max(best, match.end())
    return _raw_length(text, best) if best else None


def _raw_length(text: str, key_length: int) -> int:
    """How many characters of `text` make the first `key_length` characters of its normalised key."""
    for end in range(key_length, min(len(text), 4 * key_length) + 1):
        if len(normalise(text[:end])) >= key_length:
            return end
    return key_length


def _row_start(line: str, offset: int) -> Cut | None:
    """Where the row of the label at `offset` starts in joined pipe rows: at the label (a `|` before
    it may close the previous row or a blank last cell of it, so it stays there); None when the label
    is the cell after a group label (`三、本年度办理结果 | （一）予以公开`: one row)."""
    before = line[max(0, offset - _LOOK_BACK):offset].rstrip(" \t\u3000")  # bounded: linear in a long line
    if before.endswith("|"):
        previous = before[:-1].rstrip(" \t\u3000")
        cell = previous[previous.rfind("|") + 1:]
        if previous and not previous.endswith("|") and _group_labels().search(cell) is not None:
            return None
    return Cut(offset, "row")


@lru_cache(maxsize=1)
def _group_labels() -> re.Pattern[str]:
    groups = {row.label for template in all_templates().values() for table in template.tables.values() for row in table.rows if row.kind == "group"}
    return re.compile("(?:" + "|".join(_flexible(label) for label in sorted(groups)) + rf"){_SPACE}$")


def cuts(line: str, headed: frozenset[str] = frozenset()) -> tuple[Cut, ...]:
    """Where the lines of `line` began (offset 0 excluded), when it is a run-together line.

    `headed` are the numerals of sections that already have a heading at the start of a line.
    """
    if len(line) < MIN_LENGTH:
        return ()
    numbered, plain = _row_patterns()
    rows = [Cut(m.start(), "row") for m in numbered.finditer(line)]
    rows += [Cut(m.start(), "row") for m in plain.finditer(line)]
    row_starts = {cut.offset for cut in rows}
    if "|" in line:  # pipe rows joined: a row starts at `||` or `| |`, not at a label inside a row
        rows = [cut for cut in map(lambda cut: _row_start(line, cut.offset), rows) if cut is not None]
    headings: list[tuple[Cut, int]] = []
    for match in _NUMBER_1.finditer(line):
        start = match.start()
        if start in row_starts:
            continue
        number = match.group().rstrip("、．. \t\u3000")
        length = section_title(line[match.end():], number)
        if length is None or number in headed:
            continue
        headings.append((Cut(start, "heading", number, match.end() + length), match.end() + length))
    kept = [
        cut for index, (cut, label_end) in enumerate(headings)
        if not (index + 1 < len(headings) and _LIST_JOINER.fullmatch(line[label_end:headings[index + 1][0].offset]))
        and not (index > 0 and _LIST_JOINER.fullmatch(line[headings[index - 1][1]:cut.offset]))
    ]
    if not kept and len(rows) < 3:
        return ()  # one table label in a long paragraph is narrative, not a table run together
    found = {}
    for match in _PAGE_NUMBER.finditer(line):
        found[match.start()] = Cut(match.start(), "row")
        found[match.end()] = Cut(match.end(), "text")
    for match in _REVIEW_FIGURES.finditer(line):
        found[match.end()] = Cut(match.end(), "row")
    found.update({cut.offset: cut for cut in rows})
    found.update({cut.offset: cut for cut in kept})
    return tuple(found[offset] for offset in sorted(found) if offset > len(line) - len(line.lstrip()))
