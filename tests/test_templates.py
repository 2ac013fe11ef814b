"""The template files under rules/templates: read without pydantic at run time, checked with it here."""

from __future__ import annotations

import tomllib

import pytest
from pydantic import TypeAdapter

from reportlint.resources import data_dir
from reportlint.templates import Template, TemplateError, all_templates, template_from_toml

TEMPLATE_FILES = sorted((data_dir("rules") / "templates").glob("*.toml"))


def test_every_shipped_template_is_read():
    assert [path.stem for path in TEMPLATE_FILES] == ["2007", "2019", "2021"]
    assert sorted(all_templates()) == ["2007", "2019", "2021"]


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda path: path.stem)
def test_shipped_templates_have_the_declared_types(path):
    """pydantic validates every field's type; the run-time loader must build exactly the same thing
    (a "2021" where an int belongs would be coerced by pydantic and so differ from the loader's)."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert TypeAdapter(Template).validate_python(raw) == all_templates()[path.stem]


def _minimal(**changes) -> dict:
    data = {
        "template": {"id": "t", "name": "n", "document": "d", "first_year": 2021, "last_year": 9999},
        "sections": [{"id": "一", "label": "总体情况"}],
        "tables": {"x": {"title": "T", "section": "一", "columns": [{"id": "c", "label": "C"}], "rows": [{"id": "r", "label": "R"}]}},
    }
    data.update(changes)
    return data


def test_a_minimal_template_is_built_with_tuples():
    template = template_from_toml(_minimal(), "t.toml")
    assert template.sections[0].label == "总体情况" and template.sections[0].variants == ()
    table = template.tables["x"]
    assert table.columns[0].label == "C" and isinstance(table.rows, tuple) and table.rows[0].kind == "data"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_minimal(sectons=[]), "t.toml: unknown key 'sectons'"),
        (_minimal(sections=[{"id": "一", "lable": "x"}]), "t.toml: sections[0]: unknown key 'lable'"),
        (_minimal(sections=[{"id": "一"}]), "t.toml: sections[0]: missing key 'label'"),
        (_minimal(template={"id": "t"}), "t.toml: [template]: missing key 'name'"),
        (_minimal(tables={"x": {"title": "T", "section": "一", "columns": [], "rows": [{"id": "r"}]}}), "t.toml: tables.x.rows[0]: missing key 'label'"),
        (_minimal(tables={"x": 3}), "t.toml: tables.x: expected a table, found int"),
        (_minimal(sections={"id": "一"}), "t.toml: sections: expected an array of tables"),
    ],
)
def test_a_malformed_template_names_the_file_and_the_key(data, message):
    with pytest.raises(TemplateError) as problem:
        template_from_toml(data, "t.toml")
    assert str(problem.value) == message
