"""The public entry points: lint text or a file, get typed results back."""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .api import Finding, Message, Rule, Severity
from .document import Span
from .engine import Diagnostic, lint_document, stamp
from .parser import normalise_newlines, parse
from .readers import DEFAULT_MAX_BYTES, ReadError, SourceMap, read_path
from .readers.normalise import Normalised, normalise
from .registry import all_rules, find_rule, select_rules, unknown_selectors
from .tomlfiles import suggest
from .suppress import apply_suppressions

if TYPE_CHECKING:  # imported where used: a plain check needs neither cross-year pairing nor rule packs
    from .crossyear import PreviousReports

UNASSESSABLE = frozenset({"RL001", "RL004"})


@dataclass(frozen=True)
class LintOptions:
    """What to check and how: built from the command line and the nearest configuration file."""

    lang: str = "zh"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    template: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_line_chars: int = 1_000_000  # a longer line is not report text (RL001), and would be slow to check
    max_text_chars: int = DEFAULT_MAX_BYTES  # as --max-size for files: a longer text is RL001 before any work grows with it
    severity: dict[str, Severity] = field(default_factory=dict)  # code -> severity that replaces the default
    rule_options: dict[str, Any] = field(default_factory=dict)  # code -> validated options
    extra_rules: tuple[Rule, ...] = ()  # rules from rule packs named in the configuration
    previous: "PreviousReports | None" = None  # last year's reports, for the cross-year rules (--previous)
    skip_non_reports: bool = False  # a file that is clearly no report is skipped (SKIPPED note), not failed (RL004)

    @classmethod
    def from_config(
        cls,
        path: str | Path,
        *,
        config: str | Path | None = None,
        lang: str | None = None,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        template: str | None = None,
        max_bytes: int | None = None,
    ) -> "LintOptions":
        """The options `reportlint check` uses for `path`: the nearest reportlint.toml, .reportlint.toml
        or [tool.reportlint] above it (or `config`), with its packs, per-file-ignores, [severity] and
        rule options; the keyword arguments act like the command-line options of the same name.

        Raises ValueError (`ConfigError`) for a configuration the CLI would refuse with exit code 2.
        """
        from .settings import options_for

        rules = all_rules()
        resolved = _configuration_for(Path(path), Path(config) if config is not None else None)
        options = options_for(
            Path(path), resolved, rules, lang=lang or resolved.values.lang, select=list(select), ignore=list(ignore),
            template=template, max_size=max_bytes,
        )
        check_selectors(options)
        return options


_LOADED: dict[Path, tuple[tuple, Any]] = {}  # configuration file -> (its files' stamps, the loaded Config)


def _configuration_for(path: Path, explicit: Path | None):
    """The configuration `reportlint check` applies to `path`, loaded once per process and reloaded
    when the file, what it extends or its packs change (a job mapping lint_path over 10,000 files
    reads and validates a rule pack once, not 10,000 times)."""
    from .config import DEFAULT, find_config_file, load_and_check

    found = explicit if explicit is not None else find_config_file(path)
    if found is None:
        return DEFAULT
    found = found.resolve()
    cached = _LOADED.get(found)
    if cached is not None and cached[0] == _stamps(cached[1]):
        return cached[1]
    config = load_and_check(found, all_rules())
    if len(_LOADED) >= 256:
        _LOADED.clear()
    _LOADED[found] = (_stamps(config), config)
    return config


def _stamps(config) -> tuple:
    def stamp(file: Path):
        try:
            status = file.stat()
        except OSError:
            return (file, None)
        return (file, status.st_mtime_ns, status.st_size)

    return tuple(stamp(file) for file in (*config.chain, *config.packs))


@dataclass(frozen=True)
class FileResult:
    """One file's verdict: `status` is 'pass', 'fail' (errors found) or 'error' (could not be assessed)."""

    path: str
    status: str
    template: str | None
    diagnostics: tuple[Diagnostic, ...]
    encoding: str | None = None
    year: int | None = None
    notes: tuple[str, ...] = field(default=())
    issuer: str | None = None  # the issuing body, when the report names it

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def top_codes(self, limit: int) -> list[tuple[str, int]]:
        """(code, findings) for the most frequent codes, ties by code (the CSV and HTML summaries)."""
        counts = Counter(d.code for d in self.diagnostics)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def _status(diagnostics: list[Diagnostic]) -> str:
    if any(d.code in UNASSESSABLE and d.severity is Severity.ERROR for d in diagnostics):
        return "error"
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return "fail"
    return "pass"


def _rules(options: LintOptions) -> tuple[Rule, ...]:
    return select_rules(all_rules() + options.extra_rules, list(options.select), list(options.ignore))


def check_selectors(options: LintOptions) -> None:
    """A selector that names no rule is a mistake (a typo would otherwise silently check nothing):
    ValueError, as the CLI exits 2."""
    known = all_rules() + options.extra_rules
    unknown = unknown_selectors(known, [*options.select, *options.ignore])
    if unknown:
        names = [r.code for r in known] + [r.name for r in known]
        hints = "".join(suggest(selector.strip(), names) for selector in unknown[:1])
        raise ValueError(f"unknown rule selector(s): {', '.join(unknown)}{hints} (see `reportlint rules`; rule-pack codes need the pack's configuration: LintOptions.from_config)")


def lint_text(
    text: str,
    path: str = "<text>",
    options: LintOptions | None = None,
    *,
    encoding: str = "utf-8",
    previous: str | None = None,
    previous_path: str = "<previous>",
) -> FileResult:
    """Lint report text already in memory (a notebook cell, a database row).

    The text is normalised as the readers normalise files (readers/normalise.py); positions and
    source lines in the result are those of `text` itself. `previous` is the same body's report
    for the year before, for the cross-year rules. Without
    `options` no configuration applies (the text has no folder); pass `LintOptions.from_config(path)`
    for the CLI's verdict. An unknown rule selector raises ValueError.
    """
    options = options or LintOptions()
    check_selectors(options)
    return _lint_text(text, path, options, encoding=encoding, previous=previous, previous_path=previous_path)


def _lint_text(text: str, path: str, options: LintOptions, *, encoding: str, previous: str | None, previous_path: str) -> FileResult:
    bounded = _check_bounds(text, options)
    if bounded is not None:
        return unreadable(path, bounded, options)
    normalised = normalise(normalise_newlines(valid_unicode(text)))
    rules = _rules(options)
    doc = parse(normalised.text, path=path, encoding=encoding)
    notes: tuple[str, ...] = ()
    if options.previous is not None and previous is None:
        paired = options.previous.path_for(doc)
        previous = read_text(paired, options) if paired is not None else None
        previous_path = str(paired)
        if paired is None:
            from .crossyear import unpaired_note

            notes = (unpaired_note(doc, options.lang),)
    if previous is not None and _check_bounds(previous, options) is not None:
        previous = None  # last year's text is no report either: the cross-year rules have nothing to compare
    before = parse(normalise(valid_unicode(previous)).text, path=previous_path) if previous is not None else None
    crash_rule = find_rule(all_rules(), "RL002")
    accepted_rows = frozenset()
    if options.extra_rules:
        from .packs import accepted_rows as pack_rows

        accepted_rows = pack_rows(options.extra_rules)
    run = lint_document(
        doc, rules, lang=options.lang, template=options.template, crash_rule=crash_rule,
        options=options.rule_options, previous=before, accepted_rows=accepted_rows,
    )
    ctx, diagnostics = run.ctx, run.diagnostics
    diagnostics = apply_suppressions(doc, diagnostics, rules, options, run.is_report)  # <!-- reportlint-disable… --> comments, RL003
    if options.severity:
        diagnostics = [replace(d, severity=options.severity.get(d.code, d.severity)) for d in diagnostics]
    if normalised.changed:
        diagnostics = [_in_original(d, normalised) for d in diagnostics]
    template = ctx.template.id if run.is_report else None
    issuer = _safe_issuer(ctx) if run.is_report else None
    return FileResult(
        path, _status(diagnostics), template, tuple(diagnostics), encoding, ctx.year.year if run.is_report else None,
        notes=notes if run.is_report else (), issuer=issuer,
    )


_FIGURE = re.compile(r"-?[0-9][0-9,.]*")  # an arithmetic `actual` is a value, not a quotation: 13 for １３


def _in_original(diagnostic: Diagnostic, text: Normalised) -> Diagnostic:
    """A finding on the normalised text, placed on the original characters and shown with the original
    line; an `actual` that quotes the flagged text (a placeholder `ＸＸ`) quotes it as the file has it."""
    column = text.original_column(diagnostic.line, diagnostic.column)
    end_column = text.original_column(diagnostic.end_line, diagnostic.end_column, end=True)
    source_line = text.original_line(diagnostic.line) if diagnostic.source_line else diagnostic.source_line
    actual, message = diagnostic.actual, diagnostic.message
    if actual and not _FIGURE.fullmatch(actual) and diagnostic.line == diagnostic.end_line and diagnostic.source_line[diagnostic.column - 1:diagnostic.end_column - 1] == actual:
        written = source_line[column - 1:end_column - 1]
        if written != actual:
            message = message.replace(f"「{actual}」", f"「{written}」").replace(f"'{actual}'", f"'{written}'")
            actual = written
    return replace(diagnostic, column=column, end_column=end_column, source_line=source_line, actual=actual, message=message)


def _safe_issuer(ctx) -> str | None:
    try:
        return ctx.issuer.name
    except Exception:  # noqa: BLE001 - the name is a nicety for summaries, never a reason to lose the file
        return None


def read_text(path: str | Path, options: LintOptions | None = None) -> str | None:
    """The text of a report file as the linter sees it (None when it cannot be read)."""
    read = read_path(Path(path), (options or LintOptions()).max_bytes)
    return None if isinstance(read, ReadError) else read.text


def lint_path(path: str | Path, options: LintOptions | None = None, previous: str | Path | None = None) -> FileResult:
    """Read and lint one file; unreadable files give an RL001 verdict instead of an exception.

    Without `options` the configuration is discovered as `reportlint check` does
    (`LintOptions.from_config(path)`): packs, per-file-ignores, [severity] and rule options apply and
    the verdict is the CLI's. Explicit `options` are used as given. An unknown rule selector or a
    configuration the CLI refuses raises ValueError. `previous` names last year's report of the same
    body, for the cross-year rules.
    """
    options = LintOptions.from_config(path) if options is None else options
    check_selectors(options)
    return lint_file(Path(path), options, previous)


def lint_file(path: Path, options: LintOptions, previous: str | Path | None = None) -> FileResult:
    """`lint_path` for callers that built and checked the options themselves (the CLI's workers: a
    command-line selector may name a rule pack that only some files' configurations load)."""
    shown = display_path(path)
    if not os.path.lexists(path):  # a mistyped name on the command line, or deleted since it was listed
        return unreadable(shown, ReadError(_MISSING, {}), options)
    special = not_a_regular_file(path)
    if special is not None:
        return unreadable(shown, special, options)
    read = read_path(path, options.max_bytes)
    if isinstance(read, ReadError):
        return unreadable(shown, read, options)
    before = read_text(previous, options) if previous is not None else None
    text = read.original if read.original is not None else read.text  # normalised again in _lint_text, positions kept
    result = _lint_text(text, str(path), options, encoding=read.encoding, previous=before, previous_path=str(previous))
    if options.skip_non_reports and _clearly_no_report(result, read.text):
        return FileResult(str(path), "pass", None, (), read.encoding, notes=(SKIPPED[0 if options.lang == "zh" else 1],))
    notes = read.notes + ((f"encoding guessed: {read.encoding}",) if read.guessed else ()) + result.notes
    diagnostics = result.diagnostics
    if read.source_map is not None:
        diagnostics = tuple(_with_origin(d, read.source_map, options.lang) for d in diagnostics)
    return replace(result, path=shown, diagnostics=diagnostics, notes=notes)


def display_path(path: str | Path) -> str:
    """The path as outputs show it: a name that is not valid UTF-8 (bytes a file system allows) keeps
    its odd bytes as \\xNN escapes, so JSON, SARIF and the rest can always encode it."""
    shown = str(path)
    try:
        shown.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
    return shown


_FILE_KINDS = ((stat.S_ISFIFO, "命名管道（FIFO）", "a named pipe (FIFO)"), (stat.S_ISSOCK, "套接字", "a socket"),
               (stat.S_ISCHR, "字符设备", "a character device"), (stat.S_ISBLK, "块设备", "a block device"),
               (stat.S_ISDIR, "文件夹", "a folder"))
_SPECIAL = Message("不是普通文件，而是{kind_zh}：未打开读取", "not a regular file but {kind_en}: not opened for reading")
_NO_STAT = Message("无法读取文件：{error}", "cannot read the file: {error}")


def not_a_regular_file(path: Path) -> ReadError | None:
    """RL001 for what cannot be a report file, told from its metadata alone: a FIFO or device would
    block or never end if opened, a file that vanished since it was listed cannot be read."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return ReadError(_MISSING, {})
    except (OSError, ValueError) as problem:
        return ReadError(_NO_STAT, {"error": getattr(problem, "strerror", None) or str(problem)})
    for test, zh, en in _FILE_KINDS:
        if test(mode):
            return ReadError(_SPECIAL, {"kind_zh": zh, "kind_en": en})
    return None


_MISSING = Message("文件或文件夹不存在：请检查路径是否写错", "no such file or folder: check the path")
SKIPPED = ("不是年报（未提及政府信息公开），已跳过", "no report (says nothing of information disclosure): skipped")


def _clearly_no_report(result: FileResult, text: str) -> bool:
    """Not a report (RL004), and nothing in it is about information disclosure: a repository's notes,
    not a wrong draft (a 政务公开 work plan among reports still gets its RL004)."""
    from .files import mentions_disclosure

    return any(d.code == "RL004" for d in result.diagnostics) and not mentions_disclosure(text)


_LONG_LINE = Message(
    "文件中有一行长达 {length} 个字符（上限 max_line_chars = {limit}）：不像正常的年报文本（可能是导出错误或机器生成的数据），请检查文件或分段后再检查",
    "the file has a line of {length} characters (limit max_line_chars = {limit}): not ordinary report text (an export error or generated data?); check the file",
)
_LONG_TEXT = Message(
    "文本长达 {length} 个字符（上限 max_text_chars = {limit}）：远超一份年报的篇幅（可能是多份文件合并或机器生成的数据），请拆分后再检查",
    "the text has {length} characters (limit max_text_chars = {limit}): far more than one annual report (several files joined, or generated data?); split it",
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_bounds(text: str, options: LintOptions) -> ReadError | None:
    """RL001 for a text too long to be one report, before any work that grows with it."""
    if len(text) > options.max_text_chars:
        return ReadError(_LONG_TEXT, {"length": len(text), "limit": options.max_text_chars})
    longest = _longest_line(text)
    if longest > options.max_line_chars:
        return ReadError(_LONG_LINE, {"length": longest, "limit": options.max_line_chars})
    return None


def valid_unicode(text: str) -> str:
    """`text` with lone surrogates (from utf-7, unicode_escape or a caller's str) replaced by U+FFFD,
    so no rule and no output meets a string that cannot be encoded."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _longest_line(text: str) -> int:
    """Length of the longest line, without splitting a huge text into a list."""
    longest, start = 0, 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            return max(longest, len(text) - start)
        longest, start = max(longest, end - start), end + 1


def _with_origin(diagnostic: Diagnostic, source_map: SourceMap, lang: str) -> Diagnostic:
    """Point a finding back into the original .docx/.html/.pdf as well as into the extracted text."""
    origin = source_map.locate(diagnostic.line, diagnostic.column)
    if origin is None or not origin.as_json():
        return diagnostic
    return replace(diagnostic, origin=origin.as_json(), origin_text=origin.describe(lang))


def unreadable(path: str, error: ReadError, options: LintOptions, code: str = "RL001") -> FileResult:
    """A file without a verdict of its own: RL001 (cannot be read) or RL002 (checking it failed)."""
    rule = find_rule(all_rules(), code)
    finding = Finding(error.message, Span(1, 1, 1, 1), args=error.args, fingerprint_text=code)
    diagnostic = stamp(rule, finding, _EMPTY_DOC, options.lang, None)
    return FileResult(path, "error", None, (diagnostic,), None)


class _EmptyDocument:
    def line(self, number: int) -> str:
        return ""


_EMPTY_DOC = _EmptyDocument()
