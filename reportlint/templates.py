"""Template specs (rules/templates/*.toml) and choosing the one a report must follow."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from .labels import normalise
from .resources import data_dir


class TemplateError(Exception):
    """A template file under rules/templates does not have the shape this module expects."""


@dataclass(frozen=True)
class SectionSpec:
    id: str
    label: str
    variants: tuple[str, ...] = ()
    pattern: str = ""
    mandatory: bool = True

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(normalise(text) for text in (self.label, *self.variants))

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        return re.compile(self.pattern) if self.pattern else None

    @property
    def heading(self) -> str:
        return f"{self.id}、{self.label}"


@dataclass(frozen=True)
class ColumnSpec:
    id: str
    label: str
    group: str = ""

    @property
    def display(self) -> str:
        return f"{self.group}·{self.label}" if self.group else self.label


@dataclass(frozen=True)
class RowSpec:
    id: str
    label: str
    kind: Literal["data", "group"] = "data"
    parent: str | None = None


@dataclass(frozen=True)
class IdentitySpec:
    id: str
    code: str
    each: Literal["row", "column"]
    expression: str
    zh: str
    en: str
    left: str = ""  # how to name a left-hand side of several terms in messages
    right: str = ""


@dataclass(frozen=True)
class TableSpec:
    title: str
    section: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    note: str = ""
    identities: tuple[IdentitySpec, ...] = ()
    header_words: tuple[str, ...] = ()
    item: str = ""  # 主动公开 blocks: the 第二十条 item they report
    decimals: bool = False  # amounts in 万元 may have decimals
    signed_columns: tuple[str, ...] = ()  # 本年增/减 may be negative

    @cached_property
    def column_ids(self) -> tuple[str, ...]:
        return tuple(column.id for column in self.columns)

    def column(self, column_id: str) -> ColumnSpec:
        return next(column for column in self.columns if column.id == column_id)

    def row(self, row_id: str) -> RowSpec:
        return next(row for row in self.rows if row.id == row_id)


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    name: str
    document: str
    first_year: int
    last_year: int


@dataclass(frozen=True)
class Template:
    template: TemplateInfo
    sections: tuple[SectionSpec, ...] = ()
    tables: dict[str, TableSpec] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.template.id

    def covers(self, year: int) -> bool:
        return self.template.first_year <= year <= self.template.last_year


# ---------------------------------------------------------------- reading rules/templates/*.toml
# Plain dataclasses built by hand rather than pydantic models: every check reads the templates,
# and pydantic's import and model set-up cost more than the rest of the start-up. The shipped
# files' types are validated with pydantic in tests/test_templates.py; here unknown or missing keys
# are still refused, naming the file and the key.


def _fields(cls: type, data: object, where: str) -> dict:
    if not isinstance(data, dict):
        raise TemplateError(f"{where}: expected a table, found {type(data).__name__}")
    known = {f.name: f for f in dataclasses.fields(cls)}
    for key in data:
        if key not in known:
            raise TemplateError(f"{where}: unknown key '{key}'")
    for name, spec in known.items():
        if name not in data and spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            raise TemplateError(f"{where}: missing key '{name}'")
    return {key: tuple(value) if isinstance(value, list) else value for key, value in data.items()}


def _each(cls: type, items: object, where: str) -> tuple:
    if not isinstance(items, (list, tuple)):
        raise TemplateError(f"{where}: expected an array of tables")
    return tuple(cls(**_fields(cls, item, f"{where}[{n}]")) for n, item in enumerate(items))


def _table(data: object, where: str) -> TableSpec:
    values = _fields(TableSpec, data, where)
    for key, cls in (("columns", ColumnSpec), ("rows", RowSpec), ("identities", IdentitySpec)):
        if key in values:
            values[key] = _each(cls, values[key], f"{where}.{key}")
    return TableSpec(**values)


def template_from_toml(data: dict, where: str) -> Template:
    """A template from a parsed TOML document; TemplateError names what is wrong and where."""
    values = _fields(Template, data, where)
    info = TemplateInfo(**_fields(TemplateInfo, values["template"], f"{where}: [template]"))
    sections = _each(SectionSpec, values.get("sections", ()), f"{where}: sections")
    tables = values.get("tables", {})
    if not isinstance(tables, dict):
        raise TemplateError(f"{where}: 'tables' must be a table of tables")
    return Template(info, sections, {key: _table(table, f"{where}: tables.{key}") for key, table in tables.items()})


def _load(path: Path) -> Template:
    with path.open("rb") as handle:
        return template_from_toml(tomllib.load(handle), str(path))


@lru_cache(maxsize=1)
def all_templates() -> dict[str, Template]:
    """Every template shipped in rules/templates, by id."""
    templates = (_load(path) for path in sorted((data_dir("rules") / "templates").glob("*.toml")))
    return {template.id: template for template in templates}


def template_for_year(year: int) -> Template:
    """The template a report for `year` must follow (the oldest one for years before it)."""
    templates = sorted(all_templates().values(), key=lambda t: t.template.first_year)
    for template in templates:
        if template.covers(year):
            return template
    return templates[0] if year < templates[0].template.first_year else templates[-1]
