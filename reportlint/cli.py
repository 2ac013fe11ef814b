"""The `reportlint` command: check, annotate, rules, explain, config.

Exit codes: 0 nothing at or above the fail-on severity, 1 findings, 2 usage/configuration/plugin problems.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import click

from . import __version__
from .clihelp import Group
from .config import ConfigError
from .files import collect
from .lint import display_path
from .registry import PluginError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMATS = ["text", "concise", "json", "sarif", "github", "junit", "gitlab", "csv", "html"]
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _console(stream=None):
    from rich.console import Console  # imported only for text output: JSON and the other formats start faster

    return Console(file=stream or sys.stdout, highlight=False, markup=False, emoji=False, no_color="NO_COLOR" in os.environ or None)


def _fail_usage(message: str) -> None:
    click.echo(f"reportlint: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _say(lang: str, zh: str, en: str) -> None:
    """A note on stderr in the run's language (machine-readable stdout stays clean)."""
    click.echo(f"reportlint: {zh if lang == 'zh' else en}", err=True)


def _run_language(lang: str | None, config_path: str | None) -> str:
    """The run's language before anything else is read: --lang, else the configuration of the
    current folder (or --config), else zh; every message on stderr uses it."""
    if lang:
        return lang
    from .config import Resolver
    from .registry import all_rules

    try:
        return Resolver(all_rules(), Path(config_path) if config_path else None).for_path(Path.cwd()).values.lang
    except (PluginError, ConfigError):
        return "zh"  # the problem itself is reported (exit 2) by the caller


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, package_name="reportlint")  # the one place the version lives
def main() -> None:
    """reportlint — 政府信息公开工作年度报告检查工具 (lint annual information-disclosure reports)."""
    for stream in (sys.stdout, sys.stderr):
        try:  # a console that cannot show a character (GBK and a rare name, ASCII pipes) gets '?', not a crash
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "--output-format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format (--format and --output-format are the same).")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the output to this file instead of standard output.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Message language (default: configuration, else zh).")
@click.option("--select", multiple=True, help="Only these rules: codes, code prefixes (RL3) or names; comma-separated or repeated.")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, code prefixes or names.")
@click.option("--template", type=click.Choice(["2007", "2019", "2021"]), default=None, help="Force a template version instead of choosing by report year.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this configuration file for every file (no discovery).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that makes the exit code 1 (default: configuration, else error).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (usage problems still exit 2).")
@click.option("--statistics", is_flag=True, help="Show the number of findings per rule instead of each finding.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary, no notes.")
@click.option("--max-size", type=click.IntRange(min=1), default=None, help="Largest file to read, in bytes (default 128 MiB).")
@click.option("--no-info", is_flag=True, help="Hide info-level findings in text output.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Files checked in parallel (default: all cores).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=300.0, show_default=True, help="Seconds one file may take before it is stopped (RL001).")
@click.option("--previous", "previous_dir", type=click.Path(exists=True, file_okay=False), help="Last year's reports, paired by issuing body, for the cross-year rules.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings in this file (and exit 0).")
@click.option("--baseline", "baseline_path", type=click.Path(exists=True, dir_okay=False), help="Hide findings recorded in this baseline; report recorded ones that no longer occur.")
@click.option("--stdin-filename", help="The name of the report read from standard input (-): for configuration discovery, its format and the output.")
@click.option("--skip-non-reports", is_flag=True, help="Skip named files that are clearly no report (README.md, a text that never mentions 信息公开) instead of failing them with RL004, as for files found in folders (the pre-commit hook uses it).")
@click.option("--max-memory", type=click.IntRange(min=0), default=None, help="Address space per worker process, in MB (default 2048; 0: no cap). A file that needs more gets RL001.")
def check(paths, output_format, output_file, lang, select, ignore, template, config_path, fail_on, exit_zero, statistics, quiet, max_size, no_info, jobs, timeout, previous_dir, write_baseline, baseline_path, stdin_filename, skip_non_reports, max_memory) -> None:
    """Check report files and folders (.txt, .md, .docx, .html, .pdf); - reads standard input."""
    from .stdin import StdinReport

    lang = _run_language(lang, config_path)
    if not paths and stdin_filename:
        paths = ("-",)
    if not paths:
        _fail_usage("没有给出要检查的文件或文件夹（- 表示标准输入）" if lang == "zh" else "no file or folder given (- reads standard input)")
    if paths.count("-") > 1:
        _fail_usage("标准输入（-）只能给出一次" if lang == "zh" else "standard input (-) can be named once")
    stdin = StdinReport.read(stdin_filename) if "-" in paths else None
    try:
        code = _guarded(lambda output: _check(
            paths, stdin, output_format, output_file, lang, select, ignore, template, config_path, fail_on, exit_zero,
            statistics, quiet, max_size, no_info, jobs, timeout, previous_dir, write_baseline, baseline_path, skip_non_reports,
            output=output, max_memory=max_memory,
        ), output_file, write_baseline)
    finally:
        if stdin is not None:
            stdin.close()
    sys.exit(code)


def _guarded(body, output_file: str | None, write_baseline: str | None) -> int:
    """Run `body(output)` with the output opened first and finished last: a target that cannot be
    written is exit 2 before any file is checked; SIGINT / SIGTERM stop every worker, keep the
    previous output and exit 130 / 143; a write error during the run is exit 2 with a message."""
    from .formats.writer import Output, OutputError
    from .parallel import Interrupted, interruptible

    output = None
    with interruptible():
        try:
            try:
                output = Output.open(output_file)
                if write_baseline:
                    Output.open(write_baseline).discard()
            except OutputError as problem:
                _fail_usage(str(problem))
            code = body(output)
            output.commit()
            return code
        except Interrupted as stop:
            name = "SIGINT" if stop.signum == signal.SIGINT else "SIGTERM"
            click.echo(f"reportlint: interrupted ({name}); every check stopped, no output written", err=True)
            sys.exit(128 + stop.signum)
        except (OSError, OutputError) as problem:  # a full disk or a vanished folder while writing results or output
            where = f" ({problem.filename})" if getattr(problem, "filename", None) else ""
            _fail_usage(f"cannot write the output or the run's temporary results{where}: {getattr(problem, 'strerror', None) or problem}")
        finally:
            if output is not None:
                output.discard()  # after commit(): nothing to do


def _check(paths, stdin, output_format, output_file, lang, select, ignore, template, config_path, fail_on, exit_zero, statistics, quiet, max_size, no_info, jobs, timeout, previous_dir, write_baseline, baseline_path, skip_non_reports=False, *, output, max_memory=None) -> int:
    """The check itself; returns the exit code (usage problems exit 2 from inside)."""
    from .config import Resolver, is_excluded
    from .registry import all_rules, unknown_selectors
    from .settings import options_for

    zh = lang == "zh"
    try:
        rules = all_rules()
        resolver = Resolver(rules, Path(config_path) if config_path else None)
        collected = collect(tuple(p for p in paths if p != "-"), lambda p: is_excluded(p, resolver.for_path(p)), skip_non_reports)
        files = collected.files
        for special, why in collected.special:  # on stderr: a FIFO or a dangling link in a folder is said, not silently lost
            click.echo(f"reportlint: skipped {display_path(special)!r}: {why}", err=True)
        configs = {path: resolver.for_path(path) for path in files}
        if stdin is not None:  # the configuration that would apply to a file of that name
            before = paths[:paths.index("-")]  # standard input keeps its place among the paths
            place = len(collect(before, lambda p: is_excluded(p, resolver.for_path(p)), skip_non_reports).files) if before else 0
            files.insert(place, stdin.path)
            configs[stdin.path] = resolver.for_path(stdin.config_path)
    except (PluginError, ConfigError) as problem:
        _fail_usage(str(problem))  # the details name keys and files: English, as in config.py
    if not files and collected.skipped:  # only documentation (a commit of README.md): nothing to check, nothing failed
        _skipped_note(collected.skipped, [], lang, quiet)
        sys.exit(EXIT_OK)
    if not files:
        _fail_usage(f"在 {', '.join(paths)} 中没有找到年报文件（.txt .md .docx .html .pdf）" if zh
                    else f"no report file (.txt .md .docx .html .pdf) found in {', '.join(paths)}")
    distinct = {id(config): config for config in configs.values()}.values()
    known = rules + tuple(rule for config in distinct for rule in config.pack_rules)
    unknown = unknown_selectors(known, _split(select) + _split(ignore))
    if unknown:
        _fail_usage(f"未知的规则：{', '.join(unknown)}（见 `reportlint rules`）" if zh
                    else f"unknown rule selector(s): {', '.join(unknown)} (see `reportlint rules`)")
    recorded = None
    if baseline_path:  # read before the run: a broken baseline is exit 2 before any file is checked
        from .baseline import BaselineError, load_baseline

        try:
            recorded = load_baseline(Path(baseline_path))
        except BaselineError as problem:
            _fail_usage(f"基线文件有误：{problem}" if zh else str(problem))
    previous = None
    if previous_dir:
        from .crossyear import PreviousReports
        from .lint import read_text

        previous = PreviousReports.build(Path(previous_dir), read_text)
        for body, paths in previous.duplicates.items():  # on stderr: machine-readable stdout stays clean
            names = ", ".join(str(p) for p in paths)
            _say(lang, f"--previous 中「{body}」有多份报告，比较时使用第一份：{names}",
                 f"--previous has several reports for '{body}'; the first is used: {names}")
    tasks = [
        (path, options_for(stdin.config_path if stdin is not None and path == stdin.path else path, configs[path], rules,
                           lang=lang, select=_split(select), ignore=_split(ignore),
                           template=template, max_size=max_size, previous=previous,
                           skip_non_reports=skip_non_reports or path in collected.searched))
        for path in files
    ]
    names = {files.index(stdin.path): stdin.name} if stdin is not None else {}
    skipped: list[str] = []
    results = _run(tasks, jobs or os.cpu_count() or 1, timeout, quiet, names, lang, skipped, max_memory)
    if collected.skipped or skipped:
        _skipped_note(collected.skipped, skipped, lang, quiet)
    if previous is not None:
        _unpaired_note(results, previous, lang)
    if write_baseline:
        from .baseline import write_baseline as record

        count = record(Path(write_baseline), results)
        _say(lang, f"已将 {count} 条问题记录到 {write_baseline}", f"{count} finding(s) recorded in {write_baseline}")
        return EXIT_OK
    if recorded is not None:
        from .baseline import apply_baseline

        outcome = apply_baseline(recorded, results)
        results = outcome.results
        if not quiet:
            _baseline_note(outcome, lang)
    _emit(results, known, output_format, output, lang, statistics, quiet, no_info)
    if output_file and not quiet:  # after the progress bar: what the run found and where it went
        from .formats.concise import summary_line

        click.echo(summary_line(results, lang), err=True)
        _say(lang, f"已写入 {output_file}", f"written to {output_file}")
    display = {index: names.get(index, display_path(path)) for index, path in enumerate(files)}
    thresholds = {display[index]: SEVERITY_RANK[fail_on or configs[path].values.fail_on] for index, path in enumerate(files)}
    failed = any(SEVERITY_RANK[d.severity.value] >= thresholds[r.path] for r in results for d in r.diagnostics)
    return EXIT_OK if exit_zero or not failed else EXIT_FINDINGS


def _run(tasks, jobs: int, timeout: float, quiet: bool, names: dict[int, str], lang: str, skipped: list[str] | None = None, max_memory: int | None = None):
    """Check the files into a ResultStore (on disk: memory stays flat), with a progress bar on an
    interactive stderr for more than a few files. `names` renames results (standard input); files
    found to be clearly no report go to `skipped` instead of the store."""
    from dataclasses import replace

    from .parallel import DEFAULT_MEMORY_MB, run
    from .parser import build_parser
    from .store import ResultStore

    build_parser()  # once, before workers fork, so each inherits it
    store = ResultStore(len(tasks))
    store.probe()  # a full TMPDIR is exit 2 before any file is checked
    memory = DEFAULT_MEMORY_MB if max_memory is None else max_memory

    from .lint import SKIPPED

    def put(index, result) -> None:
        if skipped is not None and result.notes and result.notes[-1] in SKIPPED:
            skipped.append(result.path)
            return
        store.put(index, replace(result, path=names[index]) if index in names else result)

    if quiet or len(tasks) < 4 or not sys.stderr.isatty():
        run(tasks, jobs, timeout, put, memory)
        return store
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    failures = 0
    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(), TextColumn("{task.fields[failed]}"),
        console=Console(file=sys.stderr), transient=True,
    ) as progress:
        bar = progress.add_task("reportlint", total=len(tasks), rate="", failed="")
        started = time.monotonic()

        def done(index, result) -> None:
            nonlocal failures
            put(index, result)
            failures += result.status != "pass"
            finished = progress.tasks[0].completed + 1
            rate = finished / max(time.monotonic() - started, 1e-6)
            progress.update(bar, advance=1, rate=f"{rate:.1f} 文件/秒" if lang == "zh" else f"{rate:.1f} files/s",
                            failed=f"未通过 {failures}" if lang == "zh" else f"not passed {failures}")

        run(tasks, jobs, timeout, done, memory)
    return store


def _baseline_note(outcome, lang: str) -> None:
    """On stderr, so machine-readable output on stdout stays clean."""
    zh = lang == "zh"
    head = (f"基线：已隐藏 {outcome.hidden} 条已接受的问题；{len(outcome.fixed)} 条记录已不再出现"
            if zh else f"baseline: {outcome.hidden} accepted finding(s) hidden; {len(outcome.fixed)} recorded finding(s) no longer occur")
    click.echo(head, err=True)
    for entry in outcome.fixed:
        click.echo(f"  {entry['file']}: {entry['code']} {entry['message']}", err=True)


def _emit(results, rules, output_format, output, lang, statistics, quiet, no_info) -> None:
    """Render into `output` one file's output at a time (formats/writer.py finishes or drops it)."""
    if output_format == "text":
        from .report import render_statistics, render_text

        console = _console(output.stream if output.target is not None else None)
        if statistics:
            render_statistics(results, rules, console, lang)
        else:
            render_text(results, console, lang, show_info=not no_info, quiet=quiet)
        return
    from .formats import chunks

    write = output.write
    sys.stdout.flush()  # anything written as text goes first
    last = ""
    extra = {"views": _write_views(results, rules, lang, output.target)} if output_format == "html" and output.target is not None else {}
    for piece in chunks(output_format, results, rules, lang, **extra):  # one file's output at a time
        if piece:
            write(piece)
            last = piece
    if output_format == "concise":
        if not quiet:
            from .formats.concise import summary_line

            write(summary_line(results, lang) + "\n")
    elif not last.endswith("\n"):
        write("\n")
    output.stream.flush()
    if statistics:
        from .report import render_statistics

        render_statistics(results, rules, _console(sys.stderr), lang)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Where to write (default: beside the input, REPORT.批注.docx / REPORT.批注.html).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Message language (default: configuration, else zh).")
@click.option("--select", multiple=True, help="Only these rules: codes, code prefixes (RL3) or names; comma-separated or repeated.")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, code prefixes or names.")
@click.option("--template", type=click.Choice(["2007", "2019", "2021"]), default=None, help="Force a template version instead of choosing by report year.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this configuration file (no discovery).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that makes the exit code 1 (default: configuration, else error).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (usage problems still exit 2).")
@click.option("--max-size", type=click.IntRange(min=1), default=None, help="Largest file to read, in bytes (default 128 MiB).")
@click.option("--baseline", "baseline_path", type=click.Path(exists=True, dir_okay=False), help="Leave out findings recorded in this baseline.")
@click.option("--author", default="reportlint", show_default=True, help="Author name of the Word comments.")
@click.option("--quiet", "-q", is_flag=True, help="Do not print the findings, only where the output went.")
def annotate(path, output_file, lang, select, ignore, template, config_path, fail_on, exit_zero, max_size, baseline_path, author, quiet) -> None:
    """Write the report with its findings where authors read them: a .docx copy with a Word comment
    (批注) at each finding, or for .txt/.md/.html/.pdf a self-contained HTML report view."""
    from .annotate.command import AnnotateError, annotate_file, default_output
    from .config import Resolver
    from .lint import lint_path
    from .registry import all_rules, unknown_selectors
    from .settings import options_for

    source = Path(path)
    try:
        rules = all_rules()
        config = Resolver(rules, Path(config_path) if config_path else None).for_path(source)
    except (PluginError, ConfigError) as problem:
        _fail_usage(str(problem))
    known = rules + config.pack_rules
    unknown = unknown_selectors(known, _split(select) + _split(ignore))
    if unknown:
        _fail_usage(f"unknown rule selector(s): {', '.join(unknown)} (see `reportlint rules`)")
    lang = lang or config.values.lang
    options = options_for(source, config, rules, lang=lang, select=_split(select), ignore=_split(ignore), template=template, max_size=max_size)
    result = lint_path(source, options)
    if baseline_path:
        from .baseline import BaselineError, apply_baseline

        try:
            result = next(iter(apply_baseline(Path(baseline_path), [result]).results))
        except BaselineError as problem:
            _fail_usage(str(problem))
    output = Path(output_file) if output_file else default_output(source)
    try:
        written = annotate_file(source, output, result, options, known, author=author)
    except AnnotateError as problem:
        _fail_usage(problem.text(lang))
    except OSError as problem:
        _fail_usage(f"无法写入 {output}：{problem.strerror or problem}" if lang == "zh" else f"cannot write {output}: {problem.strerror or problem}")
    if not quiet:
        from .report import render_text

        render_text([result], _console(), lang, quiet=True)
    zh = lang == "zh"
    if written.path is None:
        click.echo("reportlint: 文件无法读取，未写出批注副本" if zh else "reportlint: the file cannot be read; no annotated copy written", err=True)
    elif written.kind == "docx":
        extra = (f"（替换了上次的 {written.removed} 条）" if zh else f" (replacing {written.removed} from an earlier run)") if written.removed else ""
        click.echo(f"reportlint: 已写出 {written.path}：{written.comments} 条批注{extra}" if zh
                   else f"reportlint: wrote {written.path}: {written.comments} comment(s){extra}", err=True)
    else:
        click.echo(f"reportlint: 已写出 {written.path}：{written.comments} 个问题" if zh
                   else f"reportlint: wrote {written.path}: {written.comments} finding(s)", err=True)
    threshold = SEVERITY_RANK[fail_on or config.values.fail_on]
    failed = any(SEVERITY_RANK[d.severity.value] >= threshold for d in result.diagnostics)
    sys.exit(EXIT_OK if exit_zero or not failed else EXIT_FINDINGS)


def _write_views(results, rules, lang: str, page: Path):
    """The review page's per-file report views, in a folder beside it (REVIEW.views/NNNNN.html);
    returns the link for each file's row."""
    from urllib.parse import quote

    from .annotate import view_of_result
    from .annotate.command import write_atomically
    from .lint import LintOptions

    folder = page.with_name(page.stem + ".views")
    folder.mkdir(exist_ok=True)
    options = LintOptions(lang=lang)
    for index, result in enumerate(results):
        write_atomically(folder / f"{index:05d}.html", view_of_result(result, options, rules).encode("utf-8"))
    return lambda index, result: f"{quote(folder.name)}/{index:05d}.html"


@main.command("config")
@click.argument("path", required=False, default=".", type=click.Path(exists=True))
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Show this configuration file instead of the one found for PATH.")
def show_config(path: str, config_path: str | None) -> None:
    """Print the effective configuration for a file or folder (and where it came from)."""
    import json

    from .config import describe

    _, config = _configuration(Path(path), config_path)
    click.echo(json.dumps(describe(config), ensure_ascii=False, indent=2))


def _configuration(path: Path, config_path: str | None):
    """The built-in and plugin rules, and the configuration that applies to `path` (or --config);
    a plugin or configuration problem exits 2."""
    from .config import Resolver
    from .registry import all_rules

    try:
        rules = all_rules()
        return rules, Resolver(rules, Path(config_path) if config_path else None).for_path(path)
    except (PluginError, ConfigError) as problem:
        _fail_usage(str(problem))


def _rules_here(config_path: str | None):
    """Every rule `check` would know in the current folder: built-in, plugins and rule packs."""
    rules, config = _configuration(Path.cwd(), config_path)
    return rules + config.pack_rules


_CONFIG_OPTION = click.option(
    "--config", "config_path", type=click.Path(exists=True, dir_okay=False),
    help="Include the rule packs of this configuration file instead of the one found for the current folder.",
)


@main.command("rules")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@_CONFIG_OPTION
def list_rules(lang: str, config_path: str | None) -> None:
    """List every rule: code, name, default severity, summary, provider (rule packs included)."""
    from rich.table import Table

    rules = _rules_here(config_path)
    rows = [(r.code, r.name, r.severity.value, getattr(r.summary, lang), r.source) for r in rules]
    console = _console()
    if not console.is_terminal:  # one tab-separated line per rule: easy to grep and parse
        for row in rows:
            click.echo("\t".join(row))
        return
    table = Table(show_lines=False)
    for column in ("code", "name", "severity", "summary", "source"):
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    console.print(table)


@main.command()
@click.argument("code")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@_CONFIG_OPTION
def explain(code: str, lang: str, config_path: str | None) -> None:
    """Explain one rule (by code or name) with a bad and a good example (rule packs included)."""
    from .registry import find_rule

    rule = find_rule(_rules_here(config_path), code)
    if rule is None:
        _fail_usage(f"没有规则 {code!r}（见 `reportlint rules`；规则包的代码只在列出该规则包的配置下或用 --config 时可用）" if lang == "zh"
                    else f"no rule {code!r} (see `reportlint rules`; a rule pack's codes are known where a configuration names the pack, or with --config)")
    zh = lang == "zh"
    lines = [
        f"{rule.code} {rule.name} ({rule.severity.value})",
        "",
        getattr(rule.summary, lang),
        "",
        getattr(rule.explanation, lang),
        "",
        "错误示例：" if zh else "Bad:",
        *("    " + line for line in rule.bad.splitlines()),
        "",
        "正确示例：" if zh else "Good:",
        *("    " + line for line in rule.good.splitlines()),
    ]
    if rule.example_previous:
        lines += ["", "（以上示例对照的上年度报告：）" if zh else "(Both examples are checked against last year's report:)",
                  *("    " + line for line in rule.example_previous.splitlines())]
    click.echo("\n".join(lines))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback unless told otherwise).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Configuration (and rule packs) for every upload; default: the built-in one.")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default="reportlint-data", show_default=True, help="Folder for decisions, kept results and temporary files; nothing is written elsewhere.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes shared by all uploads (default: all cores).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=120.0, show_default=True, help="Seconds one file may take before it is stopped (RL001).")
@click.option("--token", envvar="REPORTLINT_SERVE_TOKEN", default=None, help="Require 'Authorization: Bearer TOKEN' on /api/ (or set REPORTLINT_SERVE_TOKEN).")
@click.option("--max-upload", type=click.IntRange(min=1), default=256, show_default=True, help="Largest request body, in MiB.")
@click.option("--max-files", type=click.IntRange(min=1), default=1000, show_default=True, help="Most report files in one upload (a zip's members included).")
@click.option("--max-size", type=click.IntRange(min=1), default=None, help="Largest report file, in bytes (default 128 MiB, as for check).")
@click.option("--keep-days", type=click.FloatRange(min=0), default=7.0, show_default=True, help="Days a batch's result pages are kept.")
@click.option("--forwarded-allow-ips", default=None, help="Addresses of reverse proxies whose X-Forwarded-* headers are trusted.")
def serve(host, port, config_path, data_dir, workers, timeout, token, max_upload, max_files, max_size, keep_days, forwarded_allow_ips) -> None:
    """Run the web service for authors and reviewers (needs the extra: pip install 'reportlint[serve]')."""
    from importlib.util import find_spec

    missing = [name for name, module in (("fastapi", "fastapi"), ("uvicorn", "uvicorn"), ("python-multipart", "python_multipart"))
               if find_spec(module) is None]
    if missing:
        _fail_usage(f"`reportlint serve` needs the serve extra ({', '.join(missing)} missing): pip install 'reportlint[serve]'")
    from .readers import DEFAULT_MAX_BYTES
    from .serve.server import ServeOptions
    from .serve.server import serve as run_server

    options = ServeOptions(
        host=host, port=port, data=Path(data_dir), config=Path(config_path) if config_path else None,
        workers=workers or os.cpu_count() or 1, token=token or None, timeout=timeout, max_request_bytes=max_upload * 1024 * 1024,
        max_files=max_files, max_file_bytes=max_size or DEFAULT_MAX_BYTES, keep_days=keep_days, forwarded_allow_ips=forwarded_allow_ips,
    )
    try:
        run_server(options)
    except (PluginError, ConfigError) as problem:
        _fail_usage(str(problem))


def _unpaired_note(results, previous, lang: str) -> None:
    """With --previous: name, on stderr, this year's reports left without last year's, and last
    year's reports that name no body (they can pair with none)."""
    from .crossyear import UNPAIRED

    unpaired = [r.path for r in results if any(note.startswith(UNPAIRED) for note in r.notes)]
    if unpaired:
        names = ", ".join(unpaired)
        click.echo(f"reportlint: {len(unpaired)} 份报告未与 --previous 中的上年报告配对，未做跨年度检查：{names}" if lang == "zh"
                   else f"reportlint: {len(unpaired)} report(s) not paired with last year's in --previous, not compared: {names}", err=True)
    if previous.unnamed:
        names = ", ".join(str(p) for p in previous.unnamed)
        click.echo(f"reportlint: --previous 中有报告未写明发布机关，不能配对：{names}" if lang == "zh"
                   else f"reportlint: reports in --previous that do not name their body cannot be paired: {names}", err=True)


def _skipped_note(documentation, others, lang: str, quiet: bool) -> None:
    """On stderr: the files that were no report and were skipped (found in a folder or named by a hook)."""
    if quiet:
        return
    names = [str(p) for p in documentation] + list(others)
    _say(lang, f"跳过 {len(names)} 个不是年报的文件（说明文档或未提及政府信息公开）：{', '.join(names)}",
         f"skipped {len(names)} file(s) that are no report (documentation, or no mention of information disclosure): {', '.join(names)}")
