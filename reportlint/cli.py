"""The `reportlint` command: check, rules, explain. Exit codes: 0 clean, 1 errors found, 2 usage/plugin problems."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console

from .readers import SUPPORTED_SUFFIXES
from .registry import PluginError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _console(stream=None) -> Console:
    return Console(file=stream or sys.stdout, highlight=False, markup=False, emoji=False, no_color="NO_COLOR" in os.environ or None)


def collect_files(paths: tuple[str, ...]) -> list[Path]:
    """Files named on the command line, plus supported files found under named directories (sorted)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = (
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            files.extend(sorted(found))
        else:
            files.append(path)
    return files


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportlint")
def main() -> None:
    """reportlint — 政府信息公开工作年度报告检查工具 (lint annual information-disclosure reports)."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Message language.")
@click.option("--select", multiple=True, help="Only these rules: codes, code prefixes (RL3) or names; comma-separated or repeated.")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, code prefixes or names.")
@click.option("--template", type=click.Choice(["2007", "2019", "2021"]), default=None, help="Force a template version instead of choosing by report year.")
@click.option("--max-size", type=click.IntRange(min=1), default=None, help="Largest file to read, in bytes (default 128 MiB).")
@click.option("--no-info", is_flag=True, help="Hide info-level findings in text output.")
def check(paths, output_format, lang, select, ignore, template, max_size, no_info) -> None:
    """Check report files and folders (.txt, .md, .docx, .html, .pdf)."""
    from .lint import LintOptions, lint_path
    from .registry import all_rules, unknown_selectors

    try:
        rules = all_rules()
    except PluginError as error:
        _fail_usage(str(error))
    selectors = _split(select) + _split(ignore)
    unknown = unknown_selectors(rules, selectors)
    if unknown:
        _fail_usage(f"unknown rule selector(s): {', '.join(unknown)} (see `reportlint rules`)")
    options = LintOptions(lang=lang, select=tuple(_split(select)), ignore=tuple(_split(ignore)), template=template)
    if max_size:
        options = LintOptions(**{**options.__dict__, "max_bytes": max_size})
    results = [lint_path(path, options) for path in collect_files(paths)]
    if output_format == "json":
        from .report import to_json

        click.echo(to_json(results))
    else:
        from .report import render_text

        render_text(results, _console(), lang, show_info=not no_info)
    failed = any(d.severity.value == "error" for r in results for d in r.diagnostics)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


def _fail_usage(message: str) -> None:
    click.echo(f"reportlint: {message}", err=True)
    sys.exit(EXIT_USAGE)


@main.command("rules")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def list_rules(lang: str) -> None:
    """List every rule: code, name, default severity, summary, provider."""
    from rich.table import Table

    from .registry import all_rules

    try:
        rules = all_rules()
    except PluginError as error:
        _fail_usage(str(error))
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
def explain(code: str, lang: str) -> None:
    """Explain one rule (by code or name) with a bad and a good example."""
    from .registry import all_rules, find_rule

    try:
        rule = find_rule(all_rules(), code)
    except PluginError as error:
        _fail_usage(str(error))
    if rule is None:
        _fail_usage(f"no rule {code!r} (see `reportlint rules`)")
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
    click.echo("\n".join(lines))
