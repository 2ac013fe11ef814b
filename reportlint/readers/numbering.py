"""Word's automatic numbering (一、 （一） 1.) rebuilt from numbering.xml, which python-docx does not render."""

from __future__ import annotations

from dataclasses import dataclass, field

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"


def chinese_counting(number: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五, 1010 -> 一千零一十 (Word's
    chineseCounting); past 9999, where no report's list goes, the decimal number."""
    if number <= 0 or number > 9999:
        return str(number)
    if number < 10:
        return _DIGITS[number]
    if number < 20:
        return "十" + (_DIGITS[number % 10] if number % 10 else "")
    if number < 100:
        return _DIGITS[number // 10] + "十" + (_DIGITS[number % 10] if number % 10 else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        tail = "" if rest == 0 else ("零" + _DIGITS[rest] if rest < 10 else chinese_counting(rest) if rest >= 20 else "一" + chinese_counting(rest))
        return _DIGITS[hundreds] + "百" + tail
    thousands, rest = divmod(number, 1000)
    tail = "" if rest == 0 else ("零" + chinese_counting(rest) if rest < 100 else chinese_counting(rest))
    if 10 <= rest < 20:
        tail = "零一" + chinese_counting(rest)
    return _DIGITS[thousands] + "千" + tail


def parse_int(value: str | None, default: int) -> int:
    """An integer attribute as Word writes it; anything else (`abc`, 10**5000) is the default."""
    if value is None or len(value) > 12:
        return default
    try:
        return int(value.strip())
    except ValueError:
        return default


def _format(value: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional", "taiwaneseCounting"):
        return chinese_counting(value)
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt == "lowerRoman" and 0 < value < 4000:
        return _roman(value).lower()
    if fmt == "upperRoman" and 0 < value < 4000:
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


_LEVELS = 9  # Word's list levels are 0..8
_MAX_START = 32767  # Word's largest start value


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


def _start(element) -> int:
    return min(max(parse_int(_val(element, "1"), 1), 0), _MAX_START)


def _level_index(value: str | None) -> int | None:
    index = parse_int(value, 0)
    return index if 0 <= index < _LEVELS else None


@dataclass
class Numbering:
    """Counters per list, advanced paragraph by paragraph in document order."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> counter key (its own when it restarts the list)
    counters: dict[str, list[int]] = field(default_factory=dict)  # abstractNumId -> counters
    styles: "_Styles | None" = None

    @classmethod
    def from_parts(cls, numbering_root, styles_root) -> "Numbering":
        """From the parsed numbering.xml and styles.xml (either may be None)."""
        numbering = cls(styles=_Styles(styles_root))
        if numbering_root is None:
            return numbering
        abstracts: dict[str, dict[int, _Level]] = {}
        for abstract in numbering_root.iterfind(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.iterfind(f"{_W}lvl"):
                ilvl = _level_index(lvl.get(f"{_W}ilvl", "0"))
                if ilvl is None:
                    continue
                fmt = _val(lvl.find(f"{_W}numFmt"), "decimal")
                text = _val(lvl.find(f"{_W}lvlText"), "")[:200]
                levels[ilvl] = _Level(fmt, text, _start(lvl.find(f"{_W}start")))
            abstracts[abstract.get(f"{_W}abstractNumId")] = levels
        for num in numbering_root.iterfind(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            abstract_id = _val(num.find(f"{_W}abstractNumId"), "")
            levels = dict(abstracts.get(abstract_id, {}))
            restarts = False
            for override in num.iterfind(f"{_W}lvlOverride"):  # a list that starts again (<w:startOverride>)
                ilvl = _level_index(override.get(f"{_W}ilvl", "0"))
                start = override.find(f"{_W}startOverride")
                if start is not None and ilvl in levels:
                    level = levels[ilvl]
                    levels[ilvl] = _Level(level.fmt, level.text, _start(start))
                    restarts = True
            numbering.levels[num_id] = levels
            numbering.abstract_of[num_id] = f"num:{num_id}" if restarts else abstract_id
        return numbering

    def label(self, p) -> str:
        """The number Word shows before paragraph element `p` ('' if none), advancing the counters."""
        num_id, ilvl = _num_pr(p, self.styles)
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        level = levels.get(ilvl)
        if level is None:
            return ""
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, [0] * _LEVELS)
        for deeper in range(ilvl + 1, _LEVELS):
            counters[deeper] = 0
        counters[ilvl] = min(counters[ilvl] + 1, 10 * _MAX_START) if counters[ilvl] else levels[ilvl].start
        text = level.text
        for index in range(ilvl + 1):
            source = levels.get(index)
            value = counters[index] or (source.start if source else 1)
            text = text.replace(f"%{index + 1}", _format(value, source.fmt if source else "decimal"))
        return text


def _val(element, default: str) -> str:
    return element.get(f"{_W}val", default) if element is not None else default


def _own_num_pr(element) -> tuple[str | None, str | None]:
    """numId and ilvl written in this paragraph's or style's own <w:pPr><w:numPr>."""
    p_pr = element.find(f"{_W}pPr")
    num_pr = p_pr.find(f"{_W}numPr") if p_pr is not None else None
    if num_pr is None:
        return None, None
    num_id = num_pr.find(f"{_W}numId")
    ilvl = num_pr.find(f"{_W}ilvl")
    return (num_id.get(f"{_W}val") if num_id is not None else None), (ilvl.get(f"{_W}val") if ilvl is not None else None)


class _Styles:
    """Paragraph styles resolved as python-docx resolves them (an unknown or non-paragraph style is the
    default one), with each style's numbering found along its `basedOn` chain once and remembered;
    a cycle or a chain of any length is walked once, with a visited set."""

    def __init__(self, root) -> None:
        self.by_id: dict[str, object] = {}
        self.default = None
        self.resolved: dict[int, tuple[str | None, str | None]] = {}
        if root is None:
            return
        for style in root.iterfind(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            if style_id is not None:
                self.by_id.setdefault(style_id, style)
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true", "on"):
                self.default = style

    def of_paragraph(self, p):
        p_pr = p.find(f"{_W}pPr")
        p_style = p_pr.find(f"{_W}pStyle") if p_pr is not None else None
        style = self.by_id.get(p_style.get(f"{_W}val")) if p_style is not None else None
        if style is None or style.get(f"{_W}type") != "paragraph":
            return self.default
        return style

    def num_pr(self, style) -> tuple[str | None, str | None]:
        """First numId and first ilvl along the chain from `style` through its bases."""
        if id(style) in self.resolved:
            return self.resolved[id(style)]
        chain, seen = [], set()
        current = style
        while current is not None and id(current) not in seen and id(current) not in self.resolved:
            seen.add(id(current))
            chain.append(current)
            based_on = current.find(f"{_W}basedOn")
            current = self.by_id.get(based_on.get(f"{_W}val")) if based_on is not None else None
        num_id, ilvl = self.resolved.get(id(current), (None, None)) if current is not None else (None, None)
        for element in reversed(chain):  # from the deepest base up: a style's own value wins
            own_id, own_ilvl = _own_num_pr(element)
            num_id = own_id if own_id is not None else num_id
            ilvl = own_ilvl if own_ilvl is not None else ilvl
            self.resolved[id(element)] = (num_id, ilvl)
        return self.resolved[id(style)]


def _num_pr(p, styles: "_Styles | None") -> tuple[str | None, int | None]:
    """numId and level from the paragraph, else from its style chain (a level outside 0..8 is none)."""
    num_id, ilvl = _own_num_pr(p)
    if styles is not None and (num_id is None or ilvl is None):
        style = styles.of_paragraph(p)
        if style is not None:
            style_id, style_ilvl = styles.num_pr(style)
            num_id = num_id if num_id is not None else style_id
            ilvl = ilvl if ilvl is not None else style_ilvl
    return num_id, _level_index(ilvl) if ilvl is not None else 0
