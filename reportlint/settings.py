"""Command line + the file's configuration -> the LintOptions one file is checked with."""

from __future__ import annotations

from pathlib import Path

from .api import Rule
from .config import Config, per_file_ignores, rule_options, severities
from .lint import LintOptions
from .readers import DEFAULT_MAX_BYTES


def options_for(
    path: Path,
    config: Config,
    rules: tuple[Rule, ...],
    *,
    lang: str,
    select: list[str],
    ignore: list[str],
    template: str | None,
    max_size: int | None,
    previous=None,
    skip_non_reports: bool = False,
) -> LintOptions:
    """The command line wins over the configuration; ignores from both (and per-file-ignores) add up."""
    values = config.values
    known = rules + config.pack_rules
    return LintOptions(
        lang=lang,
        select=tuple(select or values.select or ()),
        ignore=tuple([*values.ignore, *per_file_ignores(path, config), *ignore]),
        template=template or values.template,
        max_bytes=max_size or DEFAULT_MAX_BYTES,
        severity=severities(config, known),
        rule_options=rule_options(config, known),
        extra_rules=config.pack_rules,
        previous=previous,
        skip_non_reports=skip_non_reports,
    )
