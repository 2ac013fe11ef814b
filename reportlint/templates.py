"""Template specs (rules/templates/*.toml) and choosing the one a report must follow."""

from __future__ import annotations

import re
import tomllib
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .labels import normalise
from .resources import data_dir


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SectionSpec(_Frozen):
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


class ColumnSpec(_Frozen):
    id: str
    label: str
    group: str = ""

    @property
    def display(self) -> str:
        return f"{self.group}·{self.label}" if self.group else self.label


class RowSpec(_Frozen):
    id: str
    label: str
    kind: Literal["data", "group"] = "data"
    parent: str | None = None


class IdentitySpec(_Frozen):
    id: str
    code: str
    each: Literal["row", "column"]
    expression: str
    zh: str
    en: str
    left: str = ""  # how to name a left-hand side of several terms in messages
    right: str = ""


class TableSpec(_Frozen):
    title: str
    section: str
    note: str = ""
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
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


class TemplateInfo(_Frozen):
    id: str
    name: str
    document: str
    first_year: int
    last_year: int


class Template(_Frozen):
    template: TemplateInfo
    sections: tuple[SectionSpec, ...] = ()
    tables: dict[str, TableSpec] = Field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.template.id

    def covers(self, year: int) -> bool:
        return self.template.first_year <= year <= self.template.last_year


def _load(path: Path) -> Template:
    with path.open("rb") as handle:
        return Template.model_validate(tomllib.load(handle))


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
