"""`pip install .` (not editable) into a fresh venv: grammar/ and rules/ must ship inside the wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    source = tmp_path_factory.mktemp("src") / "reportlint"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", "dist"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)], check=True)
    return next(out.glob("reportlint-*.whl"))


def test_wheel_contains_grammar_rules_and_schema(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "reportlint/grammar/report.lark",
        "reportlint/rules/templates/2021.toml",
        "reportlint/rules/templates/2019.toml",
        "reportlint/rules/templates/2007.toml",
        "reportlint/rules/patterns.toml",
        "reportlint/schema/check-output.schema.json",
    ):
        assert expected in names


def test_installed_wheel_runs_outside_the_checkout(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    sample = tmp_path / "report.txt"
    shutil.copy(ROOT / "samples" / "bad" / "RL302_outcome_total.txt", sample)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([str(venv / "bin" / "reportlint"), "check", "--lang", "en", str(sample)],
                            capture_output=True, text=True, cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stderr
    assert "RL302" in result.stdout
    where = subprocess.run([str(python), "-c", "import reportlint.resources as r; print(r.data_dir('grammar'))"],
                           capture_output=True, text=True, cwd=tmp_path, env=env, check=True)
    assert str(venv) in where.stdout  # the grammar came from the installed package, not the checkout
