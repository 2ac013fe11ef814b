"""Configuration: `[tool.reportlint]` in pyproject.toml, `reportlint.toml` or `.reportlint.toml`.

The nearest configuration file above each checked file applies (no merging across folders);
`extends` pulls in a shared profile (a provincial one, say) that the file then overrides, key
by key. Everything is validated before any report is read: an unknown key or rule code stops
the run with exit code 2 and a did-you-mean suggestion.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .api import Rule, Severity
from .registry import matches
from .tomlfiles import TomlError, read_toml, suggest

CONFIG_NAMES = ("reportlint.toml", ".reportlint.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration problem: reported with exit code 2 before anything is checked."""


def _toml_key(name: str) -> str:
    return name.replace("_", "-")


@dataclass(frozen=True)
class ConfigModel:
    """The keys a configuration may set (TOML spelling: `per-file-ignores`, `fail-on`).

    A plain dataclass, so that a check without a configuration file never imports pydantic; a file's
    table is validated against it with pydantic's TypeAdapter (`_validate`).
    """

    __pydantic_config__ = {"extra": "forbid", "populate_by_name": True, "alias_generator": _toml_key}

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Literal["error", "warning", "info"]] = field(default_factory=dict)
    fail_on: Literal["error", "warning", "info"] = "error"
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    template: Literal["2007", "2019", "2021"] | None = None
    lang: Literal["zh", "en"] = "zh"
    exclude: list[str] = field(default_factory=list)
    packs: list[str] = field(default_factory=list)
    extends: str | None = None


@dataclass(frozen=True)
class Config:
    """One resolved configuration: its values, the file it came from and the files it extends."""

    values: ConfigModel
    source: Path | None  # None: the defaults
    chain: tuple[Path, ...] = ()  # this file, then what it extends
    packs: tuple[Path, ...] = ()  # absolute paths of the rule packs
    pack_rules: tuple[Rule, ...] = field(default=())

    @property
    def root(self) -> Path:
        return self.source.parent if self.source else Path.cwd()


DEFAULT = Config(ConfigModel(), None)


def _read_table(path: Path) -> dict[str, Any] | None:
    """The reportlint table of a config file (None for a pyproject.toml without one)."""
    try:
        data = read_toml(path)
    except TomlError as problem:
        raise ConfigError(f"{path}: {problem}") from problem
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: 'tool' must be a table, not {_kind(tool)}")
        table = tool.get("reportlint")
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: 'tool.reportlint' must be a table ([tool.reportlint]), not {_kind(table)}")
        return table
    return data  # reportlint.toml: the keys at top level


def _kind(value: Any) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "true/false", list: "an array"}.get(type(value), type(value).__name__)


MAX_EXTENDS = 32  # files in one `extends` chain


def _validate(raw: dict[str, Any], path: Path) -> ConfigModel:
    from pydantic import TypeAdapter, ValidationError

    keys = [_toml_key(f.name) for f in dataclasses.fields(ConfigModel)]
    for key in raw:
        if key not in keys:
            raise ConfigError(f"{path}: unknown key '{key}'{suggest(key, keys)}")
    try:
        return TypeAdapter(ConfigModel).validate_python(raw)
    except ValidationError as problem:
        first = problem.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{path}: '{where}': {first['msg']}") from problem


def load_file(path: Path, _seen: tuple[Path, ...] = ()) -> Config:
    """Read one configuration file and everything it extends."""
    try:
        path = path.resolve()
    except (OSError, ValueError) as problem:  # a NUL byte in an `extends` value, a link loop
        raise ConfigError(f"{_seen[-1] if _seen else path}: cannot use {str(path)!r}: {problem}") from None
    if path in _seen:
        raise ConfigError(f"{path}: 'extends' makes a cycle: {' -> '.join(str(p) for p in (*_seen, path))}")
    if len(_seen) >= MAX_EXTENDS:
        raise ConfigError(f"{_seen[0]}: 'extends' chain longer than {MAX_EXTENDS} files (MAX_EXTENDS), at {path}")
    raw = _read_table(path)
    if raw is None:
        raise ConfigError(f"{path}: no [tool.reportlint] table")
    values = _validate(raw, path)
    chain: tuple[Path, ...] = (path,)
    try:
        packs = tuple((path.parent / pack).resolve() for pack in values.packs)
    except (OSError, ValueError) as problem:
        raise ConfigError(f"{path}: 'packs': {problem}") from None
    if values.extends:
        base = load_file((path.parent / values.extends), (*_seen, path))
        mine = dataclasses.asdict(values)
        merged = dataclasses.asdict(base.values) | {key: mine[key] for key in map(_field_name, raw)}  # what this file sets wins
        values = ConfigModel(**merged)
        chain += base.chain
        packs = base.packs + tuple(p for p in packs if p not in base.packs)  # packs add up along the chain
    return Config(values, path, chain, packs)


def _field_name(key: str) -> str:
    return key.replace("-", "_")


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file in `start` or a folder above it."""
    folder = start if start.is_dir() else start.parent
    for directory in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _read_table(candidate) is not None):
                return candidate
    return None


class Resolver:
    """Finds, loads, checks and caches the configuration that applies to each file."""

    def __init__(self, rules: tuple[Rule, ...], explicit: Path | None = None) -> None:
        self.rules = rules
        self.explicit = load_and_check(explicit, rules) if explicit else None
        self._by_file: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self.explicit is not None:
            return self.explicit
        found = find_config_file(path)
        if found is None:
            return DEFAULT
        found = found.resolve()
        if found not in self._by_file:
            self._by_file[found] = load_and_check(found, self.rules)
        return self._by_file[found]


def load_and_check(path: Path, rules: tuple[Rule, ...]) -> Config:
    config = load_file(path)
    pack_rules = _load_packs(config)
    check_codes(config, rules + pack_rules)
    return Config(config.values, config.source, config.chain, config.packs, pack_rules)


def _load_packs(config: Config) -> tuple[Rule, ...]:
    from .packs import PackError, load_pack

    rules: list[Rule] = []
    origin: dict[str, Path] = {}
    for pack in config.packs:
        try:
            loaded = load_pack(pack)
        except PackError as problem:
            raise ConfigError(f"{config.source}: rule pack {pack}: {problem}") from problem
        for rule in loaded:
            for key in (rule.code, rule.name):
                if key in origin:
                    raise ConfigError(f"{config.source}: '{key}' is defined by two rule packs: {origin[key]} and {pack}")
                origin[key] = pack
        rules.extend(loaded)
    return tuple(rules)


def check_codes(config: Config, rules: tuple[Rule, ...]) -> None:
    """Every code, prefix or name the configuration mentions must name a rule."""
    values = config.values
    names = [r.code for r in rules] + [r.name for r in rules]
    mentioned = [*(values.select or []), *values.ignore, *values.severity, *values.options]
    mentioned += [code for codes in values.per_file_ignores.values() for code in codes]
    for selector in mentioned:
        if not any(matches(rule, selector) for rule in rules):
            raise ConfigError(f"{config.source}: unknown rule '{selector}'{suggest(selector, names)}")
    for code, raw in values.options.items():
        rule = next(r for r in rules if matches(r, code))
        fields = option_fields(rule.options)
        for key in raw:
            if key not in fields:
                hint = suggest(key, fields) if fields else f" ({rule.code} has no options)"
                raise ConfigError(f"{config.source}: unknown option '{key}' for {rule.code}{hint}")
        from pydantic import ValidationError

        try:
            validate_options(rule.options, raw)
        except ValidationError as problem:
            first = problem.errors()[0]
            where = ".".join(["options", code, *map(str, first["loc"])])
            message = first["msg"].removeprefix("Value error, ")  # a check in the options class names the option itself
            raise ConfigError(f"{config.source}: {where}: {message}") from problem


def option_fields(options: type) -> list[str]:
    """The option names a rule takes (its options class is a dataclass or a pydantic model)."""
    if dataclasses.is_dataclass(options):
        return [f.name for f in dataclasses.fields(options)]
    return list(getattr(options, "model_fields", {}))


def validate_options(options: type, raw: dict[str, Any]) -> Any:
    """A rule's options built from its `[options.CODE]` table, or pydantic's ValidationError."""
    from pydantic import TypeAdapter

    return TypeAdapter(options).validate_python(raw)


def is_excluded(path: Path, config: Config) -> bool:
    relative = _relative(path, config.root)
    return any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.name, pattern) for pattern in config.values.exclude)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def per_file_ignores(path: Path, config: Config) -> list[str]:
    relative = _relative(path, config.root)
    return [
        code
        for pattern, codes in config.values.per_file_ignores.items()
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.name, pattern)
        for code in codes
    ]


def rule_options(config: Config, rules: tuple[Rule, ...]) -> dict[str, Any]:
    built = {}
    for code, raw in config.values.options.items():
        rule = next(r for r in rules if matches(r, code))
        built[rule.code] = validate_options(rule.options, raw)
    return built


def severities(config: Config, rules: tuple[Rule, ...]) -> dict[str, Severity]:
    return {
        rule.code: Severity(level)
        for selector, level in config.values.severity.items()
        for rule in rules if matches(rule, selector)
    }


def describe(config: Config) -> dict[str, Any]:
    """The effective configuration, as `reportlint config` prints it."""
    return {
        "source": str(config.source) if config.source else None,
        "extends": [str(p) for p in config.chain[1:]],
        "packs": [str(p) for p in config.packs],
        **{_toml_key(name): value for name, value in dataclasses.asdict(config.values).items() if name not in ("extends", "packs")},
    }
