"""Rule packs without Python: TOML files that add a province's or department's requirements.

A pack is named in the configuration (`packs = ["hubei-2021.toml"]` in reportlint.toml or
[tool.reportlint]) and holds, besides a `[pack]` table (name, code prefix, description), entries of
four kinds, each of which becomes one `Rule` with the pack's code, name and messages:

- `[[required_phrase]]`  a phrase (or regular expression) that must appear, in the whole report or
                          in one template section;
- `[[required_section]]` a heading that must be present (a sub-heading of a template section, say);
- `[[extra_row]]`        a row the province adds to a template table (the 主动公开 block of 第二十条
                          第（一）项, say): required or optional, and when printed it must hold figures;
- `[[pattern]]`          wording that must not appear (placeholders, forbidden expressions), with the
                          same keys as the built-in patterns in rules/patterns.toml plus a code.

Everything is validated when the pack is loaded (pydantic, unknown keys refused); a problem raises
`PackError` whose message names the entry and the key, and the command exits with code 2.
samples/packs/README.md documents every key; `python -m reportlint.packs PACK.toml` lists a pack's
rules and runs their bad and good examples.
"""

from __future__ import annotations

import re
import string
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Literal

from pydantic import BaseModel, ConfigDict, StrictBool, ValidationError

from .api import Finding, Message, NoOptions, Rule, Severity
from .document import Document, Heading, Paragraph, Span, Table
from .labels import normalise
from .numbers import Kind, Value
from .tables import find_table
from .templates import ColumnSpec, RowSpec, TableSpec, Template, all_templates
from .tomlfiles import TomlError, read_toml, suggest

__all__ = ["PackError", "load_pack", "accepted_rows", "check_examples", "KINDS"]


class PackError(Exception):
    """The pack cannot be used: its message names the key or entry that is wrong."""


# ---------------------------------------------------------------- the format


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PackInfo(_Model):
    """`[pack]`: who the pack is for and the prefix of its codes."""

    name: str
    prefix: str
    description: str = ""


class _Entry(_Model):
    """Keys every entry has."""

    code: str
    name: str
    severity: Literal["error", "warning", "info"] = "error"
    zh: str
    en: str
    summary_zh: str | None = None
    summary_en: str | None = None
    explanation_zh: str | None = None
    explanation_en: str | None = None
    bad: str | None = None
    good: str | None = None
    templates: tuple[str, ...] = ()


class RequiredPhrase(_Entry):
    phrase: str | None = None
    regex: str | None = None
    section: str | None = None
    example: str | None = None


class RequiredSection(_Entry):
    label: str
    pattern: str | None = None
    section: str | None = None
    level: Literal[1, 2, 3] | None = None


class ExtraRow(_Entry):
    table: str
    label: str
    required: StrictBool = True
    columns: Any = "same"  # a whole number or "same": checked by _extra_row, with a clear message
    figures_zh: str | None = None
    figures_en: str | None = None


class TextPattern(_Entry):
    regex: str
    section: str | None = None
    example: str | None = None


class PackFile(_Model):
    pack: PackInfo
    required_phrase: tuple[RequiredPhrase, ...] = ()
    required_section: tuple[RequiredSection, ...] = ()
    extra_row: tuple[ExtraRow, ...] = ()
    pattern: tuple[TextPattern, ...] = ()


KINDS: dict[str, type[_Entry]] = {
    "required_phrase": RequiredPhrase,
    "required_section": RequiredSection,
    "extra_row": ExtraRow,
    "pattern": TextPattern,
}

_PREFIX = re.compile(r"[A-Z]{2,5}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_SPACE = re.compile(r"\s+")

# the fields each kind's messages may use (`{phrase}` …); a message naming another field is refused
_FIELDS = {
    "required_phrase": {"phrase", "section"},
    "required_section": {"label", "section"},
    "extra_row": {"label", "table"},
    "pattern": {"text", "section"},
}
_FIGURE_FIELDS = {"label", "table", "column", "text", "count", "width", "problem_zh", "problem_en"}
_DEFAULT_FIGURES = Message("「{label}」行{problem_zh}", "row '{label}': {problem_en}")


# ---------------------------------------------------------------- loading


def load_pack(path: Path) -> tuple[Rule, ...]:
    """The rules of the pack at `path`; `PackError` names what is wrong with it."""
    path = Path(path)
    if not path.is_file():
        raise PackError("file not found")
    try:
        raw = read_toml(path)
    except TomlError as problem:
        raise PackError(str(problem)) from problem
    pack = _validate(raw)
    return _build(pack)


def _entry_label(kind: str, index: int, code: str | None) -> str:
    return f"[[{kind}]] #{index + 1}" + (f" ({code})" if code else "")


def _validate(raw: dict[str, Any]) -> PackFile:
    tables = ["pack", *KINDS]
    for key, value in raw.items():
        if key not in tables:
            raise PackError(f"unknown table [{key}]{suggest(key, tables)}; a pack holds [pack], " + ", ".join(f"[[{k}]]" for k in KINDS))
        if key in KINDS and not isinstance(value, list):
            raise PackError(f"'{key}' must be an array of tables: write [[{key}]]")
        if key == "pack" and not isinstance(value, dict):
            raise PackError("'pack' must be a table: write [pack]")
    if "pack" not in raw:
        raise PackError("missing table [pack] (name, prefix, description)")
    try:
        return PackFile.model_validate(raw)
    except ValidationError as problem:
        raise PackError(_explain(problem, raw)) from problem


def _explain(problem: ValidationError, raw: dict[str, Any]) -> str:
    errors = problem.errors()
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])  # a misspelt key: say so, not "missing"
    loc = first["loc"]
    if loc and loc[0] == "pack":
        where, model, key = "[pack]", PackInfo, loc[1] if len(loc) > 1 else None
    elif len(loc) >= 2 and loc[0] in KINDS and isinstance(loc[1], int):
        entry = raw[loc[0]][loc[1]]
        code = entry.get("code") if isinstance(entry, dict) and isinstance(entry.get("code"), str) else None
        where, model = _entry_label(loc[0], loc[1], code), KINDS[loc[0]]
        key = loc[2] if len(loc) > 2 else None
    else:
        where, model, key = ".".join(map(str, loc)) or "pack", None, None
    if key is None:
        return f"{where}: {first['msg']}"
    if first["type"] == "extra_forbidden":
        return f"{where}: unknown key '{key}'{suggest(key, model.model_fields if model else [])}"
    if first["type"] == "missing":
        return f"{where}: missing key '{key}'"
    return f"{where}: '{key}': {first['msg']}"


@dataclass(frozen=True)
class _Where:
    """An entry being checked: raises PackErrors that name it."""

    kind: str
    index: int
    code: str

    def fail(self, message: str) -> PackError:
        return PackError(f"{_entry_label(self.kind, self.index, self.code)}: {message}")


def _known_rules() -> tuple[Rule, ...]:
    from .registry import all_rules  # late: the registry imports every built-in check

    return all_rules()


def _build(pack: PackFile) -> tuple[Rule, ...]:
    info = pack.pack
    if not info.name.strip():
        raise PackError("[pack]: 'name' must not be empty")
    if not _PREFIX.fullmatch(info.prefix):
        raise PackError(f"[pack]: 'prefix' '{info.prefix}' must be 2 to 5 capital letters (e.g. 'HB')")
    if info.prefix.startswith("RL"):
        raise PackError(f"[pack]: 'prefix' '{info.prefix}' is reserved: codes starting with RL are reportlint's own")
    builtin = {rule.code: rule for rule in _known_rules()}
    builtin_names = {rule.name: rule for rule in builtin.values()}
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    rules: list[Rule] = []
    for kind in KINDS:
        for index, entry in enumerate(getattr(pack, kind)):
            where = _Where(kind, index, entry.code)
            if not re.fullmatch(rf"{info.prefix}[0-9]{{3}}", entry.code):
                raise where.fail(f"'code' '{entry.code}' must be the pack prefix '{info.prefix}' and three digits (e.g. {info.prefix}101)")
            if not _NAME.fullmatch(entry.name):
                raise where.fail(f"'name' '{entry.name}' must be kebab-case: lower-case letters, digits and hyphens (e.g. 'leading-group')")
            if entry.code in codes:
                raise where.fail(f"code {entry.code} is used twice in this pack (also by {codes[entry.code]})")
            if entry.name in names:
                raise where.fail(f"name '{entry.name}' is used twice in this pack (also by {names[entry.name]})")
            if entry.code in builtin:
                other = builtin[entry.code]
                raise where.fail(f"code {entry.code} is already the code of rule '{other.name}' (from {other.source})")
            if entry.name in builtin_names:
                other = builtin_names[entry.name]
                raise where.fail(f"name '{entry.name}' is already the name of rule {other.code} (from {other.source})")
            codes[entry.code] = _entry_label(kind, index, None)
            names[entry.name] = entry.code
            try:
                rules.append(_BUILDERS[kind](entry, where, info))
            except TimeoutError as problem:  # a catastrophic regex met the entry's own examples
                raise where.fail(f"a regular expression took longer than {PATTERN_SECONDS:g} s (PATTERN_SECONDS) on the entry's "
                                 "examples: nested repeats such as (a+)+ backtrack without end; rewrite it") from problem
    return tuple(rules)


# ---------------------------------------------------------------- checks shared by every kind


def _templates() -> dict[str, Template]:
    return all_templates()


def _check_common(entry: _Entry, where: _Where) -> None:
    for key in ("zh", "en"):
        if not getattr(entry, key).strip():
            raise where.fail(f"'{key}' (the message) must not be empty")
    known = list(_templates())
    for template in entry.templates:
        if template not in known:
            raise where.fail(f"'templates': unknown template '{template}'; choose from {', '.join(known)}")


def _check_fields(text: str | None, key: str, allowed: set[str], where: _Where) -> None:
    if text is None:
        return
    try:
        fields = [name for _, name, spec, conversion in string.Formatter().parse(text) if name is not None]
    except ValueError as problem:
        raise where.fail(f"'{key}' is not a valid message: {problem} (write {{{{ and }}}} for literal braces)") from problem
    for name in fields:
        if name not in allowed:
            available = ", ".join("{" + field + "}" for field in sorted(allowed))
            raise where.fail(f"'{key}' uses {{{name}}}, which this kind of entry does not fill; available: {available}")


# A pack's regular expressions come from whoever wrote the pack: they are bounded when the pack is
# read (length, nesting, repeat counts) and every search runs with the `regex` module's time limit,
# so a catastrophic pattern ((a+)+$ and its kin) ends in a clear message, never a hang.
PATTERN_CHARS = 1000  # longest pack regex
MAX_COLUMNS = 100  # figures in an [[extra_row]] (the widest template table has 8)
PATTERN_NESTING = 50  # groups inside groups
PATTERN_REPEAT = 1000  # largest count in {m} / {m,n}
PATTERN_SECONDS = 1.0  # one search over one text (an example at load, a report's text when checking)
_REPEAT_COUNT = re.compile(r"\{\s*([0-9]+)\s*(?:,\s*([0-9]*)\s*)?\}")


@dataclass(frozen=True)
class BoundedPattern:
    """A compiled pack regex whose every search stops after PATTERN_SECONDS (TimeoutError)."""

    compiled: Any
    pattern: str

    def search(self, text: str) -> Any:
        return self.compiled.search(text, timeout=PATTERN_SECONDS)

    def fullmatch(self, text: str) -> Any:
        return self.compiled.fullmatch(text, timeout=PATTERN_SECONDS)

    def finditer(self, text: str) -> Iterator[Any]:
        return self.compiled.finditer(text, timeout=PATTERN_SECONDS)

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text, timeout=PATTERN_SECONDS)


def _nesting(pattern: str) -> int:
    """How deep groups nest (escapes and character classes skipped), without compiling anything."""
    depth = deepest = 0
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth = max(0, depth - 1)
    return deepest


def _compile(pattern: str, key: str, where: _Where) -> BoundedPattern:
    import regex

    shown = pattern if len(pattern) <= 80 else pattern[:79] + "…"
    if len(pattern) > PATTERN_CHARS:
        raise where.fail(f"'{key}' is {len(pattern)} characters long; a pack regex may have at most {PATTERN_CHARS} (PATTERN_CHARS)")
    if _nesting(pattern) > PATTERN_NESTING:
        raise where.fail(f"'{key}' '{shown}' nests groups {_nesting(pattern)} deep; at most {PATTERN_NESTING} (PATTERN_NESTING)")
    for match in _REPEAT_COUNT.finditer(pattern):
        if any(part and int(part) > PATTERN_REPEAT for part in match.groups()):
            raise where.fail(f"'{key}' '{shown}' repeats {match.group()}; a count may be at most {PATTERN_REPEAT} (PATTERN_REPEAT)")
    try:  # Python's re says what is wrong in the words its users know; `regex` (compatible) runs it
        re.compile(pattern)
        compiled = BoundedPattern(regex.compile(pattern, regex.VERSION0), pattern)
    except (re.error, regex.error, OverflowError, RecursionError, ValueError, MemoryError) as problem:
        raise where.fail(f"'{key}' '{shown}' is not a valid regular expression: {problem}") from problem
    if compiled.fullmatch(""):
        raise where.fail(f"'{key}' '{shown}' matches empty text; it must match some wording")
    return compiled


def _check_section(section: str | None, where: _Where) -> None:
    if section is None:
        return
    newest_first = sorted(_templates().values(), key=lambda t: -t.template.first_year)
    ids = list(dict.fromkeys(spec.id for template in newest_first for spec in template.sections))
    if section not in ids:
        raise where.fail(f"'section' '{section}' is not a template section; use one of {', '.join(ids)}{suggest(section, ids)}")


def _section_heading(section: str | None) -> str:
    """The heading a section id stands for, as the newest template words it ('一、总体情况')."""
    if section is None:
        return "全文"
    for template in sorted(_templates().values(), key=lambda t: -t.template.first_year):
        for spec in template.sections:
            if spec.id == section:
                return spec.heading
    return section


class _Ellipsis(dict):
    def __missing__(self, key: str) -> str:
        return "…"


def _texts(entry: _Entry, info: PackInfo, static: dict[str, str]) -> tuple[Message, Message, Message]:
    """The finding message, the rule summary and the explanation."""
    message = Message(entry.zh, entry.en)
    summary = Message(
        entry.summary_zh or entry.zh.format_map(_Ellipsis(static)),
        entry.summary_en or entry.en.format_map(_Ellipsis(static)),
    )
    description = f"：{info.description}" if info.description else ""
    explanation = Message(
        entry.explanation_zh or f"{summary.zh}（规则包「{info.name}」{description}）",
        entry.explanation_en or f"{summary.en} (rule pack '{info.name}')",
    )
    return message, summary, explanation


def _rule(entry: _Entry, info: PackInfo, check, texts: tuple[Message, Message, Message], bad: str, good: str) -> Rule:
    message, summary, explanation = texts
    return Rule(
        code=entry.code,
        name=entry.name,
        severity=Severity(entry.severity),
        summary=summary,
        explanation=explanation,
        bad=bad,
        good=good,
        check=check,
        options=NoOptions,
        requires_report=True,
        source=info.name,
    )


def _examples(entry: _Entry, where: _Where, make) -> tuple[str, str]:
    """The entry's own bad/good examples, else the generated ones (`make()` -> (bad, good))."""
    if entry.bad is not None and entry.good is not None:
        return entry.bad, entry.good
    generated = make()
    if generated is None:
        missing = [key for key in ("bad", "good") if getattr(entry, key) is None]
        hint = "'example' (a sentence that shows the rule), or " if "example" in type(entry).model_fields else ""
        raise where.fail(f"no bad/good example can be generated for this entry: give {hint}{' and '.join(repr(k) for k in missing)}")
    bad, good = generated
    return entry.bad if entry.bad is not None else bad, entry.good if entry.good is not None else good


# ---------------------------------------------------------------- generated examples


_EXAMPLE_TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"
_EXAMPLE_BODIES = {
    "一": "2023年，我局主动公开政府信息386条，收到政府信息公开申请12件。",
    "三": "（表三从略）",
    "四": "（表四从略）",
    "五": "部分栏目更新不够及时，下一步将完善更新机制。",
    "六": "本年度无其他需要报告的事项。",
}


def _active_block(spec: TableSpec, extra: str | None) -> list[str]:
    lines = [f"第二十条第（{spec.item}）项", " | ".join(["信息内容", *(c.label for c in spec.columns)])]
    lines += [" | ".join([row.label, *["0"] * len(spec.columns)]) for row in spec.rows]
    return lines + ([extra] if extra else [])


def _skeleton(
    additions: dict[str, list[str]] | None = None, rows: dict[str, str] | None = None, tail: list[str] | None = None
) -> str:
    """A short 2021-template report: the six headings, the 主动公开 blocks, one sentence elsewhere.

    `additions` puts lines at the end of a section, `rows` adds a printed row to an active block.
    """
    template = _templates()["2021"]
    additions, rows = additions or {}, rows or {}
    lines = [_EXAMPLE_TITLE]
    for section in template.sections:
        lines.append(section.heading)
        if section.id == "二":
            for name, spec in template.tables.items():
                if name.startswith("active_"):
                    lines += _active_block(spec, rows.get(name))
        else:
            lines.append(_EXAMPLE_BODIES.get(section.id, "本年度无其他情况。"))
        lines += additions.get(section.id, [])
    return "\n".join(lines + (tail or [])) + "\n"


def _section_text(report: str, section: str | None) -> str:
    """A generated report's text of one section (all of it when None), spaces removed."""
    if section is None:
        return _SPACE.sub("", report)
    headings = [spec.heading for spec in _templates()["2021"].sections]
    start = report.find(_section_heading(section))
    if start < 0:
        return ""
    later = [report.find(h, start + 1) for h in headings if report.find(h, start + 1) > start]
    return _SPACE.sub("", report[start:min(later, default=len(report))])


# ---------------------------------------------------------------- where things are in a report


def _section_range(ctx, section: str) -> tuple[Heading, int, int] | None:
    """The first heading recognised as template section `section` and its lines (heading to next section)."""
    for match in ctx.sections:
        if match.spec.id == section:
            start = match.heading.span.line
            later = [m.heading.span.line for m in ctx.sections if m.heading.span.line > start]
            return match.heading, start, min(later, default=len(ctx.doc.lines) + 1) - 1
    return None


def _may_lie_outside(ctx, section: str | None) -> bool:
    """True when the text is an excerpt and what is looked for may be in the part that was not copied."""
    if ctx.truncated_at is None and not ctx.starts_mid_way:
        return False
    if section is None:
        return True
    found = _section_range(ctx, section)
    if found is None:
        return True
    return ctx.truncated_at is not None and found[2] >= ctx.truncated_at


def _first_line(doc: Document) -> Span:
    line = doc.line(1)
    start = len(line) - len(line.lstrip())
    return Span(1, start + 1, 1, max(start + 1, len(line.rstrip()) + 1))


def _applies(entry: _Entry, ctx, section: str | None = None) -> bool:
    if entry.templates and ctx.template.id not in entry.templates:
        return False
    return section is None or any(spec.id == section for spec in ctx.template.sections)


def _heading_of(ctx, section: str | None) -> str:
    if section is None:
        return "全文"
    return next((spec.heading for spec in ctx.template.sections if spec.id == section), section)


def _region_text(ctx, section: str | None) -> tuple[str, Heading | None]:
    """The text looked in, spaces and line breaks removed, and the section's heading."""
    lines = ctx.doc.lines
    if section is None:
        return _SPACE.sub("", "".join(lines)), None
    found = _section_range(ctx, section)
    if found is None:
        return "", None
    heading, start, end = found
    return _SPACE.sub("", "".join(lines[start - 1:end])), heading


# ---------------------------------------------------------------- [[required_phrase]]


@dataclass(frozen=True)
class RequiredPhraseCheck:
    entry: RequiredPhrase
    regex: re.Pattern[str]
    shown: str

    def __call__(self, doc: Document, ctx, options) -> Iterator[Finding]:
        entry = self.entry
        if not _applies(entry, ctx, entry.section):
            return
        text, heading = _region_text(ctx, entry.section)
        if self.regex.search(text) or _may_lie_outside(ctx, entry.section):
            return
        yield Finding(
            Message(entry.zh, entry.en),
            heading.span if heading is not None else _first_line(doc),
            args={"phrase": self.shown, "section": _heading_of(ctx, entry.section)},
            expected=entry.phrase,  # a regular expression is no text to show as "expected"
            fingerprint_text=f"{entry.code}:missing",
        )


def _required_phrase(entry: RequiredPhrase, where: _Where, info: PackInfo) -> Rule:
    _check_common(entry, where)
    _check_section(entry.section, where)
    if (entry.phrase is None) == (entry.regex is None):
        raise where.fail("give exactly one of 'phrase' (literal text) and 'regex' (a regular expression)")
    if entry.phrase is not None:
        literal = _SPACE.sub("", entry.phrase)
        if not literal:
            raise where.fail("'phrase' must not be empty")
        regex, shown = re.compile(re.escape(literal)), entry.phrase
    else:
        regex, shown = _compile(entry.regex, "regex", where), entry.regex
    if entry.example is not None and not regex.search(_SPACE.sub("", entry.example)):
        looked_for = "phrase" if entry.phrase is not None else "regex"
        raise where.fail(f"'example' '{entry.example}' does not contain what '{looked_for}' looks for")
    for key in ("zh", "en", "summary_zh", "summary_en"):
        _check_fields(getattr(entry, key), key, _FIELDS["required_phrase"], where)
    static = {"phrase": shown, "section": _section_heading(entry.section)}

    def make() -> tuple[str, str] | None:
        sentence = entry.example if entry.example is not None else entry.phrase
        if sentence is None:
            return None
        section = entry.section or "一"
        bad, good = _skeleton(), _skeleton({section: [sentence]})
        if regex.search(_section_text(bad, entry.section)) or not regex.search(_section_text(good, entry.section)):
            return None
        return bad, good

    bad, good = _examples(entry, where, make)
    return _rule(entry, info, RequiredPhraseCheck(entry, regex, shown), _texts(entry, info, static), bad, good)


# ---------------------------------------------------------------- [[required_section]]


@dataclass(frozen=True)
class RequiredSectionCheck:
    entry: RequiredSection
    regex: re.Pattern[str]

    def __call__(self, doc: Document, ctx, options) -> Iterator[Finding]:
        entry = self.entry
        if not _applies(entry, ctx, entry.section):
            return
        first, last, heading, present = 1, len(doc.lines), None, True
        if entry.section is not None:
            found = _section_range(ctx, entry.section)
            present = found is not None
            if found is not None:
                heading, first, last = found
        if present and any(
            first <= h.span.line <= last and (entry.level is None or h.level == entry.level) and self.regex.search(normalise(h.title))
            for h in doc.headings
            if h is not heading
        ):
            return
        if _may_lie_outside(ctx, entry.section):
            return
        yield Finding(
            Message(entry.zh, entry.en),
            heading.span if heading is not None else _first_line(doc),
            args={"label": entry.label, "section": _heading_of(ctx, entry.section)},
            expected=entry.label,
            fingerprint_text=f"{entry.code}:missing",
        )


def _required_section(entry: RequiredSection, where: _Where, info: PackInfo) -> Rule:
    _check_common(entry, where)
    _check_section(entry.section, where)
    label = normalise(entry.label)
    if not label:
        raise where.fail("'label' must not be empty")
    regex = _compile(entry.pattern, "pattern", where) if entry.pattern is not None else re.compile(re.escape(label))
    if not regex.search(label):
        raise where.fail(f"'pattern' '{entry.pattern}' does not match the entry's own 'label' '{entry.label}'")
    for key in ("zh", "en", "summary_zh", "summary_en"):
        _check_fields(getattr(entry, key), key, _FIELDS["required_section"], where)
    static = {"label": entry.label, "section": _section_heading(entry.section)}
    level = entry.level or (2 if entry.section else 1)

    def make() -> tuple[str, str] | None:
        if entry.section is None and any(regex.search(normalise(spec.label)) for spec in _templates()["2021"].sections):
            return None  # the short report's own headings would meet the requirement
        heading = {1: f"七、{entry.label}", 2: f"（一）{entry.label}", 3: f"1.{entry.label}"}[level]
        lines = [heading, "本年度相关工作情况见上文。"]
        good = _skeleton({entry.section: lines}) if entry.section else _skeleton(tail=lines)
        return _skeleton(), good

    bad, good = _examples(entry, where, make)
    return _rule(entry, info, RequiredSectionCheck(entry, regex), _texts(entry, info, static), bad, good)


# ---------------------------------------------------------------- [[extra_row]]

_ROW_ID = "__pack_row__"


@dataclass(frozen=True)
class ExtraRowCheck:
    """Also read by `accepted_rows`: the table and label of a row a pack adds to the template."""

    entry: ExtraRow

    @property
    def table(self) -> str:
        return self.entry.table

    @property
    def label(self) -> str:
        return self.entry.label

    def _spec(self, spec: TableSpec) -> TableSpec:
        width = self.entry.columns
        columns = spec.columns if width == "same" else tuple(ColumnSpec(id=f"c{i}", label=f"第{i}列") for i in range(1, int(width) + 1))
        return TableSpec(
            title=spec.title,
            section=spec.section,
            columns=columns,
            rows=(*spec.rows, RowSpec(id=_ROW_ID, label=self.entry.label)),
            item=spec.item,
            decimals=spec.decimals,
        )

    def __call__(self, doc: Document, ctx, options) -> Iterator[Finding]:
        entry = self.entry
        spec = ctx.template.tables.get(entry.table) if _applies(entry, ctx) else None
        if spec is None:
            return
        extended = self._spec(spec)
        found = _section_range(ctx, spec.section)
        rows = tuple(c for c in ctx.rows if found is None or found[1] <= c.row.span.line <= found[2])
        view = find_table(rows, extended)
        printed = [m for m in view.rows if m.spec.id == _ROW_ID] if view is not None else []
        args = {"label": entry.label, "table": spec.title}
        if not printed:
            if not entry.required or _may_lie_outside(ctx, spec.section):
                return
            template_view = ctx.table(entry.table)
            if template_view is not None:
                anchor = template_view.rows[-1].row.span  # where the row belongs: after the block's last row
            else:
                anchor = found[0].span if found is not None else _first_line(doc)
            yield Finding(
                Message(entry.zh, entry.en), anchor, args=args, row=entry.label, section=(spec.section,),
                expected=entry.label, fingerprint_text=f"{entry.code}:missing",
            )
            return
        message = Message(entry.figures_zh or _DEFAULT_FIGURES.zh, entry.figures_en or _DEFAULT_FIGURES.en)
        for matched in printed:
            if matched.row.span.line == ctx.truncated_at:
                continue  # the text was cut inside this row
            yield from self._figures(matched, extended, message, args)

    def _figures(self, matched, spec: TableSpec, message: Message, args: dict[str, str]) -> Iterator[Finding]:
        width = len(spec.columns)
        printed = sum(1 for value in matched.values if value.kind is not Kind.MISSING) + matched.extra
        base = {**args, "column": "", "text": "", "count": printed, "width": width}
        if printed != width:
            few = printed < width
            yield Finding(
                message, matched.row.span,
                args={
                    **base,
                    "problem_zh": f"{'只有' if few else '有'} {printed} 个数字，应为 {width} 个",
                    "problem_en": f"has {printed} figures, it needs {width}",
                },
                row=self.entry.label, section=(spec.section,), expected=str(width), actual=str(printed),
                fingerprint_text=f"{self.entry.code}:width",
            )
        for column, value in zip(spec.columns, matched.values):
            problem = _cell_problem(value, spec.decimals)
            if problem is None:
                continue
            text = value.raw.strip()
            yield Finding(
                message, value.cell.span,
                args={**base, "column": column.display, "text": text, "problem_zh": problem[0].format(column=column.display, text=text),
                      "problem_en": problem[1].format(column=column.display, text=text)},
                row=self.entry.label, column_label=column.display, section=(spec.section,), actual=text,
                fingerprint_text=f"{self.entry.code}:cell:{column.id}:{text}",
            )


def _cell_problem(value: Value, decimals: bool) -> tuple[str, str] | None:
    if value.kind is Kind.MISSING or value.cell is None:
        return None  # counted by the width finding
    if value.kind is Kind.BLANK:
        return "「{column}」列为空（应填数字，没有的填 0）", "column '{column}' is blank (write 0 where nothing happened)"
    if value.kind is not Kind.NUMBER:
        return "「{column}」列「{text}」不是数字", "column '{column}': '{text}' is not a figure"
    if value.number < 0:
        return "「{column}」列为负数 {text}", "column '{column}' is negative: {text}"
    if not decimals and value.number != value.number.to_integral_value():
        return "「{column}」列应为整数，实际为 {text}", "column '{column}' must be a whole number, found {text}"
    return None


def _extra_row(entry: ExtraRow, where: _Where, info: PackInfo) -> Rule:
    _check_common(entry, where)
    tables = {name: template.tables[name] for template in sorted(_templates().values(), key=lambda t: t.template.first_year) for name in template.tables}
    if entry.table not in tables:
        raise where.fail(f"'table' '{entry.table}' is not a template table; use one of {', '.join(tables)}{suggest(entry.table, tables)}")
    if entry.columns != "same" and not (isinstance(entry.columns, int) and not isinstance(entry.columns, bool) and entry.columns >= 1):
        raise where.fail(f"'columns' must be a whole number of at least 1, or \"same\" (as many as the template's table), not {entry.columns!r}")
    if entry.columns != "same" and entry.columns > MAX_COLUMNS:
        raise where.fail(f"'columns' is {entry.columns}; a row may have at most {MAX_COLUMNS} figures (MAX_COLUMNS)")
    key = normalise(entry.label)
    if not key:
        raise where.fail("'label' must not be empty")
    for template in _templates().values():
        spec = template.tables.get(entry.table)
        if spec is not None and any(normalise(row.label) == key for row in spec.rows):
            raise where.fail(f"'label' '{entry.label}' is already a row of the template's table '{entry.table}' ({template.id})")
    for name in ("zh", "en", "summary_zh", "summary_en"):
        _check_fields(getattr(entry, name), name, _FIELDS["extra_row"], where)
    for name in ("figures_zh", "figures_en"):
        _check_fields(getattr(entry, name), name, _FIGURE_FIELDS, where)
    spec = tables[entry.table]
    static = {"label": entry.label, "table": spec.title}

    def make() -> tuple[str, str] | None:
        current = _templates()["2021"].tables.get(entry.table)
        if current is None or not entry.table.startswith("active_"):
            return None
        width = len(current.columns) if entry.columns == "same" else int(entry.columns)
        full = " | ".join([entry.label, *["0"] * width])
        if entry.required:
            return _skeleton(), _skeleton(rows={entry.table: full})
        short = " | ".join([entry.label, *["0"] * (width - 1)]) if width > 1 else f"{entry.label} | 若干"
        return _skeleton(rows={entry.table: short}), _skeleton(rows={entry.table: full})

    bad, good = _examples(entry, where, make)
    return _rule(entry, info, ExtraRowCheck(entry), _texts(entry, info, static), bad, good)


def accepted_rows(rules: Iterable[Rule]) -> frozenset[tuple[str, str]]:
    """(table name, normalised label) of every row the pack rules among `rules` add to a template table.

    For the built-in table rules: a row a pack declares is the province's, not an unknown added row.
    """
    return frozenset((rule.check.table, normalise(rule.check.label)) for rule in rules if isinstance(rule.check, ExtraRowCheck))


# ---------------------------------------------------------------- [[pattern]]


def _blocks(doc: Document) -> Iterator[tuple[int, str, Any]]:
    """(first line, text, offset -> Span) for every heading, paragraph (wrapped lines joined) and table row."""
    for block in doc.blocks:
        if isinstance(block, Heading):
            span = block.span
            yield span.line, block.text, lambda s, e, span=span: Span(span.line, span.column + s, span.line, span.column + e)
        elif isinstance(block, Paragraph):
            yield block.span.line, block.text, block.locate
        elif isinstance(block, Table):
            for row in block.rows:
                line = row.span.line
                yield line, row.line_text, lambda s, e, line=line: Span(line, s + 1, line, e + 1)


@dataclass(frozen=True)
class PatternCheck:
    entry: TextPattern
    regex: re.Pattern[str]

    def __call__(self, doc: Document, ctx, options) -> Iterator[Finding]:
        entry = self.entry
        if not _applies(entry, ctx, entry.section):
            return
        first, last = 1, len(doc.lines)
        if entry.section is not None:
            found = _section_range(ctx, entry.section)
            if found is None:
                return
            _, first, last = found
        for line, text, locate in _blocks(doc):
            if not first <= line <= last:
                continue
            for match in self.regex.finditer(text):
                if match.end() == match.start():
                    continue
                wording = match.group(0)
                yield Finding(
                    Message(entry.zh, entry.en),
                    locate(match.start(), match.end()),
                    args={"text": wording, "section": _heading_of(ctx, entry.section)},
                    actual=wording,
                    fingerprint_text=f"{entry.code}:{wording}:{text.strip()[:80]}",
                )


def _pattern(entry: TextPattern, where: _Where, info: PackInfo) -> Rule:
    _check_common(entry, where)
    _check_section(entry.section, where)
    regex = _compile(entry.regex, "regex", where)
    if entry.example is not None and not regex.search(entry.example):
        raise where.fail(f"'example' '{entry.example}' does not contain what 'regex' looks for")
    for key in ("zh", "en", "summary_zh", "summary_en"):
        _check_fields(getattr(entry, key), key, _FIELDS["pattern"], where)
    static = {"text": "…", "section": _section_heading(entry.section)}

    def make() -> tuple[str, str] | None:
        if entry.example is None:
            return None
        section = entry.section or "一"
        fixed = regex.sub("", entry.example)
        bad, good = _skeleton({section: [entry.example]}), _skeleton({section: [fixed]})
        return None if regex.search(good) else (bad, good)

    bad, good = _examples(entry, where, make)
    return _rule(entry, info, PatternCheck(entry, regex), _texts(entry, info, static), bad, good)


_BUILDERS = {
    "required_phrase": _required_phrase,
    "required_section": _required_section,
    "extra_row": _extra_row,
    "pattern": _pattern,
}


# ---------------------------------------------------------------- checking a pack's examples


def check_examples(rules: Iterable[Rule]) -> list[str]:
    """Run each pack rule on its bad and good example: the bad one must trigger it, the good one not."""
    from .lint import LintOptions, lint_text

    rules = tuple(rules)
    problems = []
    for rule in rules:
        options = LintOptions(select=(rule.code,), extra_rules=rules)
        bad = [d.code for d in lint_text(rule.bad, f"{rule.code}-bad.txt", options).diagnostics]
        good = [d.code for d in lint_text(rule.good, f"{rule.code}-good.txt", options).diagnostics]
        if rule.code not in bad:
            problems.append(f"{rule.code}: the bad example does not trigger the rule")
        if rule.code in good:
            problems.append(f"{rule.code}: the good example triggers the rule")
    return problems


def main(argv: list[str] | None = None) -> int:
    """`python -m reportlint.packs PACK.toml ...`: load each pack, list its rules, run their examples."""
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: python -m reportlint.packs PACK.toml ...", file=sys.stderr)
        return 2
    status = 0
    for raw in paths:
        try:
            rules = load_pack(Path(raw))
        except PackError as problem:
            print(f"{raw}: {problem}", file=sys.stderr)
            status = 2
            continue
        for rule in rules:
            print(f"{raw}: {rule.code}\t{rule.name}\t{rule.severity.value}\t{rule.summary.zh}")
        for problem in check_examples(rules):
            print(f"{raw}: {problem}", file=sys.stderr)
            status = max(status, 1)
    return status


if __name__ == "__main__":
    from reportlint.packs import main as _main  # the importable module, whose classes the engine sees

    sys.exit(_main())
