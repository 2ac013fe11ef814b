"""The Python API gives the CLI's verdict: lint_path discovers the configuration as `reportlint check`
does (packs, per-file-ignores, [severity], rule options), and an unknown selector is a ValueError."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.config import ConfigError
from reportlint.files import collect_files

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
PACK_BAD = SAMPLES / "packs" / "chuyuan_transport_2023_HB101_HB201_HB301.txt"


def _key(diagnostics) -> list[tuple]:
    return sorted((d["code"], d["severity"], d["line"], d["column"], d["message"]) for d in diagnostics)


@pytest.fixture(scope="module")
def cli_json() -> dict:
    """One `reportlint check --format json samples/` in a fresh process, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "json", "samples"],
                          cwd=ROOT, capture_output=True, env=env, timeout=300)
    assert done.returncode == 1, done.stderr.decode()
    return json.loads(done.stdout)


def test_lint_path_agrees_with_the_cli_on_every_sample(cli_json, monkeypatch):
    monkeypatch.chdir(ROOT)
    files = {f["path"]: f for f in cli_json["files"]}
    assert set(files) == {str(p) for p in collect_files(("samples",))}
    assert len(files) > 30
    for path, expected in files.items():
        result = lint_path(path)
        got = [{"code": d.code, "severity": d.severity.value, "line": d.line, "column": d.column, "message": d.message}
               for d in result.diagnostics]
        assert (result.status, _key(got)) == (expected["status"], _key(expected["diagnostics"])), path


def test_the_pack_sample_fails_from_the_api_as_from_the_cli():
    result = lint_path(PACK_BAD)
    assert result.status == "fail"
    assert {"HB101", "HB201", "HB301"} <= {d.code for d in result.diagnostics}
    # explicit options are used as given: no configuration, no pack
    assert lint_path(PACK_BAD, LintOptions()).status == "pass"
    assert LintOptions.from_config(PACK_BAD) == LintOptions.from_config(PACK_BAD.resolve())


REPORT = (SAMPLES / "bad" / "RL401_placeholder.txt").read_text(encoding="utf-8")


def _write(folder: Path, config: str, name: str = "r.txt", table: str = "reportlint.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / table).write_text(config, encoding="utf-8")
    (folder / name).write_text(REPORT, encoding="utf-8")
    return folder / name


def test_per_file_ignores_and_severity_apply(tmp_path):
    assert "RL401" in {d.code for d in lint_path(_write(tmp_path / "plain", "")).diagnostics}
    ignored = lint_path(_write(tmp_path / "a", '[per-file-ignores]\n"r.txt" = ["RL401"]\n'))
    assert "RL401" not in {d.code for d in ignored.diagnostics}
    softened = lint_path(_write(tmp_path / "b", '[severity]\nRL401 = "info"\n'))
    assert {d.severity.value for d in softened.diagnostics if d.code == "RL401"} == {"info"}


def test_pyproject_table_and_nearest_file_win(tmp_path):
    report = _write(tmp_path / "sub", '[tool.reportlint]\nignore = ["placeholder"]\n', table="pyproject.toml")
    (tmp_path / "reportlint.toml").write_text('select = ["RL1"]\n', encoding="utf-8")
    assert "RL401" not in {d.code for d in lint_path(report).diagnostics}
    assert LintOptions.from_config(report).ignore == ("placeholder",)


def test_rule_options_apply(tmp_path):
    report = _write(tmp_path, "[options.RL508]\ntownship_licensing_max = 7\n")
    assert LintOptions.from_config(report).rule_options["RL508"].township_licensing_max == 7


def test_explicit_config_and_overrides(tmp_path):
    config = tmp_path / "elsewhere.toml"
    config.write_text('ignore = ["RL401"]\nlang = "en"\n', encoding="utf-8")
    report = _write(tmp_path / "r", "")
    options = LintOptions.from_config(report, config=config, select=("RL4",))
    assert (options.lang, options.select, options.ignore) == ("en", ("RL4",), ("RL401",))
    assert LintOptions.from_config(report, config=config, lang="zh").lang == "zh"


def test_a_broken_configuration_raises_value_error(tmp_path):
    report = _write(tmp_path, "selct = ['RL1']\n")
    with pytest.raises(ValueError, match="unknown key 'selct'.*did you mean 'select'"):
        lint_path(report)
    with pytest.raises(ConfigError):
        LintOptions.from_config(report)


@pytest.mark.parametrize("options", [LintOptions(select=("RL999",)), LintOptions(ignore=("placeholdr",)),
                                     LintOptions(select=("RL4", "HB101"))])
def test_an_unknown_selector_raises_value_error(options):
    with pytest.raises(ValueError, match="unknown rule selector"):
        lint_path(SAMPLES / "good" / "qingshan_county_transport_2023.txt", options)
    with pytest.raises(ValueError, match="unknown rule selector"):
        lint_text(REPORT, "r.txt", options)


def test_a_pack_code_is_known_where_its_configuration_applies():
    result = lint_path(PACK_BAD, LintOptions.from_config(PACK_BAD, select=("HB101",)))
    assert {d.code for d in result.diagnostics} == {"HB101"}
    with pytest.raises(ValueError, match="HB101"):
        LintOptions.from_config(SAMPLES / "good" / "qingshan_county_transport_2023.txt", select=("HB101",))


def test_a_changed_configuration_or_pack_is_read_again(tmp_path):
    report = _write(tmp_path, '[severity]\nRL401 = "warning"\n')
    assert {d.severity.value for d in lint_path(report).diagnostics if d.code == "RL401"} == {"warning"}
    (tmp_path / "reportlint.toml").write_text('[severity]\nRL401 = "info"  # changed\n', encoding="utf-8")
    assert {d.severity.value for d in lint_path(report).diagnostics if d.code == "RL401"} == {"info"}
    pack = (SAMPLES / "packs" / "hubei-2021.toml").read_text(encoding="utf-8")
    (tmp_path / "pack.toml").write_text(pack, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('packs = ["pack.toml"]\n', encoding="utf-8")
    assert "HB201" in {d.code for d in lint_path(report).diagnostics}
    (tmp_path / "pack.toml").write_text(pack.replace('code = "HB201"', 'code = "HB209"'), encoding="utf-8")
    codes = {d.code for d in lint_path(report).diagnostics}
    assert "HB209" in codes and "HB201" not in codes
