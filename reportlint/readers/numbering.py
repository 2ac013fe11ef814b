"""Word's automatic numbering (一、 （一） 1.) rebuilt from numbering.xml, which python-docx does not render."""

from __future__ import annotations

from dataclasses import dataclass, field

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"


def chinese_counting(number: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (Word's chineseCounting)."""
    if number <= 0:
        return str(number)
    if number < 10:
        return _DIGITS[number]
    if number < 20:
        return "十" + (_DIGITS[number % 10] if number % 10 else "")
    if number < 100:
        return _DIGITS[number // 10] + "十" + (_DIGITS[number % 10] if number % 10 else "")
    hundreds, rest = divmod(number, 100)
    tail = "" if rest == 0 else ("零" + _DIGITS[rest] if rest < 10 else chinese_counting(rest) if rest >= 20 else "一" + chinese_counting(rest))
    return _DIGITS[hundreds] + "百" + tail


def _format(value: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional", "taiwaneseCounting"):
        return chinese_counting(value)
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "decimalFullWidth":
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("bullet", "none"):
        return ""
    return str(value)


def _roman(value: int) -> str:
    result = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            result, value = result + letters, value - number
    return result


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """Counters per list, advanced paragraph by paragraph in document order."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> counter key (its own when it restarts the list)
    counters: dict[str, list[int]] = field(default_factory=dict)  # abstractNumId -> counters

    @classmethod
    def from_document(cls, document) -> "Numbering":
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        abstracts: dict[str, dict[int, _Level]] = {}
        for abstract in root.iterfind(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.iterfind(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                fmt = _val(lvl.find(f"{_W}numFmt"), "decimal")
                text = _val(lvl.find(f"{_W}lvlText"), "")
                start = int(_val(lvl.find(f"{_W}start"), "1") or 1)
                levels[ilvl] = _Level(fmt, text, start)
            abstracts[abstract.get(f"{_W}abstractNumId")] = levels
        for num in root.iterfind(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            abstract_id = _val(num.find(f"{_W}abstractNumId"), "")
            levels = dict(abstracts.get(abstract_id, {}))
            restarts = False
            for override in num.iterfind(f"{_W}lvlOverride"):  # a list that starts again (<w:startOverride>)
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                start = override.find(f"{_W}startOverride")
                if start is not None and ilvl in levels:
                    level = levels[ilvl]
                    levels[ilvl] = _Level(level.fmt, level.text, int(_val(start, "1") or 1))
                    restarts = True
            numbering.levels[num_id] = levels
            numbering.abstract_of[num_id] = f"num:{num_id}" if restarts else abstract_id
        return numbering

    def label(self, paragraph) -> str:
        """The number Word shows before this paragraph ('' if none), advancing the counters."""
        num_id, ilvl = _num_pr(paragraph)
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        level = levels.get(ilvl)
        if level is None:
            return ""
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl].start
        text = level.text
        for index in range(ilvl + 1):
            source = levels.get(index)
            value = counters[index] or (source.start if source else 1)
            text = text.replace(f"%{index + 1}", _format(value, source.fmt if source else "decimal"))
        return text


def _val(element, default: str) -> str:
    return element.get(f"{_W}val", default) if element is not None else default


def _num_pr(paragraph) -> tuple[str | None, int]:
    """numId and level from the paragraph, else from its style chain."""
    p_pr = paragraph._p.pPr
    candidates = [p_pr.numPr if p_pr is not None else None]
    style = paragraph.style
    while style is not None:
        style_ppr = style.element.pPr
        candidates.append(style_ppr.numPr if style_ppr is not None else None)
        style = style.base_style
    num_id, ilvl = None, None
    for num_pr in candidates:
        if num_pr is None:
            continue
        if num_id is None and num_pr.numId is not None:
            num_id = str(num_pr.numId.val)
        if ilvl is None and num_pr.ilvl is not None:
            ilvl = int(num_pr.ilvl.val)
    return num_id, ilvl or 0
