"""Configuration: discovery (nearest file wins), validation before any report is read, CLI precedence."""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

ROOT = Path(__file__).resolve().parents[2]
BAD_401 = ROOT / "samples" / "bad" / "RL401_placeholder.txt"
BAD_301 = ROOT / "samples" / "bad" / "RL301_row_total.txt"
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    """The CLI in `cwd` (default: an empty folder, so no configuration of the checkout applies)."""
    with tempfile.TemporaryDirectory() as empty, contextlib.chdir(cwd or empty):
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def codes_by_file(stdout: str) -> dict[str, set[str]]:
    document = json.loads(stdout)
    return {Path(f["path"]).name: {d["code"] for d in f["diagnostics"]} for f in document["files"]}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """pyproject.toml at the top ignoring RL401; a nested reportlint.toml ignoring RL301 instead."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "reports"\n\n[tool.reportlint]\nignore = ["RL401"]\n', encoding="utf-8")
    nested = tmp_path / "county"
    nested.mkdir()
    (nested / "reportlint.toml").write_text('ignore = ["RL301"]\n', encoding="utf-8")
    for folder in (tmp_path, nested):
        shutil.copy(BAD_401, folder / "placeholder.txt")
        shutil.copy(BAD_301, folder / "row_total.txt")
    return tmp_path


def test_each_file_uses_its_nearest_configuration(repo: Path):
    code, out, _ = run("check", "--format", "json", str(repo))
    assert code == 1
    document = json.loads(out)
    found = {str(Path(f["path"]).relative_to(repo)): {d["code"] for d in f["diagnostics"]} for f in document["files"]}
    # top level: pyproject's ignore applies (no RL401), RL301 reported
    assert "RL401" not in found["placeholder.txt"]
    assert "RL301" in found["row_total.txt"]
    # nested: its own reportlint.toml applies, not merged with pyproject (RL401 back, RL301 gone)
    assert "RL401" in found["county/placeholder.txt"]
    assert "RL301" not in found["county/row_total.txt"]


def test_reportlint_config_prints_the_effective_configuration(repo: Path):
    code, out, _ = run("config", str(repo / "county" / "placeholder.txt"))
    assert code == 0
    shown = json.loads(out)
    assert shown["source"] == str((repo / "county" / "reportlint.toml").resolve())
    assert shown["ignore"] == ["RL301"]
    assert shown["fail-on"] == "error"
    code, out, _ = run("config", str(repo / "placeholder.txt"))
    assert json.loads(out)["source"] == str((repo / "pyproject.toml").resolve())


def test_pyproject_without_a_reportlint_table_is_skipped(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    code, out, _ = run("config", str(tmp_path))
    assert code == 0 and json.loads(out)["source"] is None


@pytest.mark.parametrize(
    "content,expected",
    [
        ('ignor = ["RL401"]\n', "unknown key 'ignor' (did you mean 'ignore'?)"),
        ('ignore = ["RL4O1"]\n', "unknown rule 'RL4O1' (did you mean 'RL401'?)"),
        ('select = ["row-totl"]\n', "unknown rule 'row-totl' (did you mean 'row-total'?)"),
        ('fail-on = "warn"\n', "'fail-on'"),
        ('[options.RL508]\ntownship_licensing_maxx = 5\n', "unknown option 'township_licensing_maxx' for RL508 (did you mean 'township_licensing_max'?)"),
        ('[options.RL508]\ntownship_licensing_max = "many"\n', "options.RL508.township_licensing_max"),
        ("ignore = [\n", "not valid TOML"),
    ],
)
def test_invalid_configuration_stops_the_run_with_exit_2(tmp_path: Path, content: str, expected: str):
    (tmp_path / "reportlint.toml").write_text(content, encoding="utf-8")
    shutil.copy(GOOD, tmp_path / "report.txt")
    code, out, err = run("check", str(tmp_path / "report.txt"))
    assert code == 2
    assert expected in err
    assert out == ""  # nothing was checked


def test_extends_a_shared_profile_and_overrides_it(tmp_path: Path):
    profile = tmp_path / "profiles" / "province.toml"
    profile.parent.mkdir()
    profile.write_text('ignore = ["RL401"]\nfail-on = "warning"\n[severity]\nRL301 = "warning"\n', encoding="utf-8")
    project = tmp_path / "dept"
    project.mkdir()
    (project / ".reportlint.toml").write_text('extends = "../profiles/province.toml"\nfail-on = "error"\n', encoding="utf-8")
    shutil.copy(BAD_301, project / "r.txt")
    code, out, _ = run("check", "--format", "json", str(project / "r.txt"))
    diagnostics = json.loads(out)["files"][0]["diagnostics"]
    severities = {d["code"]: d["severity"] for d in diagnostics}
    assert severities["RL301"] == "warning"  # from the profile
    # RL302 is still an error, and fail-on = error comes from the project file, overriding the profile
    assert severities["RL302"] == "error" and code == 1
    code, out, _ = run("config", str(project / "r.txt"))
    shown = json.loads(out)
    assert shown["extends"] == [str(profile.resolve())]
    assert shown["fail-on"] == "error" and shown["ignore"] == ["RL401"]


def test_extends_cycle_is_reported(tmp_path: Path):
    (tmp_path / "a.toml").write_text('extends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extends = "a.toml"\n', encoding="utf-8")
    code, _, err = run("check", "--config", str(tmp_path / "a.toml"), str(GOOD))
    assert code == 2 and "cycle" in err


def test_fail_on_warning_and_exit_zero(tmp_path: Path):
    report = tmp_path / "r.txt"
    shutil.copy(BAD_301, report)
    (tmp_path / "reportlint.toml").write_text('select = ["RL301"]\n[severity]\nRL301 = "warning"\n', encoding="utf-8")
    assert run("check", str(report))[0] == 0  # a warning does not fail by default
    assert run("check", "--fail-on", "warning", str(report))[0] == 1
    (tmp_path / "reportlint.toml").write_text('select = ["RL301"]\nfail-on = "warning"\n[severity]\nRL301 = "warning"\n', encoding="utf-8")
    assert run("check", str(report))[0] == 1
    assert run("check", "--exit-zero", str(report))[0] == 0


def test_per_file_ignores_and_exclude(tmp_path: Path):
    (tmp_path / "reportlint.toml").write_text(
        'exclude = ["drafts/*"]\n[per-file-ignores]\n"legacy/*.txt" = ["RL401"]\n', encoding="utf-8"
    )
    for folder in ("drafts", "legacy", "current"):
        (tmp_path / folder).mkdir()
        shutil.copy(BAD_401, tmp_path / folder / "p.txt")
    code, out, _ = run("check", "--format", "json", str(tmp_path))
    found = {str(Path(f["path"]).relative_to(tmp_path)): {d["code"] for d in f["diagnostics"]} for f in json.loads(out)["files"]}
    assert "drafts/p.txt" not in found  # excluded
    assert "RL401" not in found["legacy/p.txt"]
    assert "RL401" in found["current/p.txt"]


def test_rule_options_reach_the_rule(tmp_path: Path):
    text = GOOD.read_text(encoding="utf-8").replace("青山县交通运输局", "青山县青石镇人民政府")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "--select", "RL508", str(tmp_path / "r.txt"))
    messages = [d["message"] for d in json.loads(out)["files"][0]["diagnostics"]]
    assert any("1328" in m and ">1000" in m for m in messages)  # the default limit
    (tmp_path / "reportlint.toml").write_text('[options.RL508]\ntownship_licensing_max = 2000\n', encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "--select", "RL508", str(tmp_path / "r.txt"))
    assert json.loads(out)["files"][0]["diagnostics"] == []


def test_command_line_wins_over_configuration(tmp_path: Path):
    (tmp_path / "reportlint.toml").write_text('lang = "en"\nselect = ["RL401"]\n', encoding="utf-8")
    shutil.copy(BAD_401, tmp_path / "p.txt")
    code, out, _ = run("check", str(tmp_path / "p.txt"), cwd=tmp_path)
    assert "placeholder 'xxxx'" in out  # lang from the configuration of the working folder
    code, out, _ = run("check", "--lang", "zh", str(tmp_path / "p.txt"), cwd=tmp_path)
    assert "占位符「xxxx」" in out


def test_rule_options_may_be_a_dataclass_or_a_pydantic_model():
    """Built-in rules use frozen dataclasses (no pydantic at start-up); plugins may still use models."""
    from dataclasses import dataclass

    from pydantic import BaseModel, ValidationError

    from reportlint.config import option_fields, validate_options

    @dataclass(frozen=True)
    class AsDataclass:
        __pydantic_config__ = {"extra": "forbid"}
        limit: int = 3

    class AsModel(BaseModel):
        limit: int = 3

    for options in (AsDataclass, AsModel):
        assert option_fields(options) == ["limit"]
        assert validate_options(options, {"limit": "7"}).limit == 7
        with pytest.raises(ValidationError):
            validate_options(options, {"limit": "many"})
