"""The README is what the build does: its generated blocks are current (scripts/readme_examples.py),
its set-up names the system packages `.ci/run` installs and runs `.ci/run`'s test command, every
POSIX command has its Windows twin, and the version lives in one place."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _script():
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "scripts" / "readme_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()


def test_generated_blocks_are_current():
    names = re.findall(r"<!-- generated: ([\w-]+) -->", README)
    assert set(names) == set(SCRIPT.EXAMPLES), "every example the script knows is in the README"
    fresh = SCRIPT.regenerate(README)
    if fresh != README:
        import difflib

        diff = "\n".join(difflib.unified_diff(README.splitlines(), fresh.splitlines(), "README.md", "regenerated", lineterm="", n=1))
        pytest.fail(f"README.md is out of date: run `python scripts/readme_examples.py`\n{diff[:4000]}")


def test_the_json_example_counts_what_it_shows_the_summary_of():
    block = re.search(r"<!-- generated: json-example -->.*?```json\n(.*?)```", README, re.S).group(1)
    import json

    document = json.loads(block)
    path = document["files"][0]["path"]
    full = json.loads(subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "json", path], cwd=ROOT,
                                     capture_output=True, timeout=120).stdout)
    assert document["summary"] == full["summary"]  # the drift issue 13 found: infos 1 against 0


def test_readme_lists_the_packages_ci_installs():
    packages = SCRIPT.ci_packages(CI)
    assert packages, ".ci/run installs the system packages of the full test run"
    listed = re.findall(r"^sudo apt-get install ([^#\n]+?)\s+#", README, re.M)
    assert len(listed) == 1, "one apt-get line in the README"
    assert listed[0].split() == packages


def test_readme_runs_the_ci_test_command():
    command = SCRIPT.ci_test_command(CI)
    assert f"\n{command}\n" in README
    assert "pytest" in command and ".venv" in command


def test_every_posix_venv_command_has_a_windows_twin():
    posix = re.findall(r"^(python3 -m venv .+)$", README, re.M)
    assert len(posix) >= 2
    for command in posix:
        assert f"\n{SCRIPT.windows(command)}\n" in README, command
    assert ".venv\\Scripts\\python -m pytest" in README


def test_windows_translation():
    assert SCRIPT.windows("python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest") == (
        'py -m venv .venv; .venv\\Scripts\\pip install ".[test]"; .venv\\Scripts\\python -m pytest')
    assert SCRIPT.windows("python3 -m venv .venv && .venv/bin/reportlint check samples/bad/") == (
        "py -m venv .venv; .venv\\Scripts\\reportlint check samples\\bad\\")


def test_each_ci_package_has_a_skip_that_names_it():
    """A test that needs a Debian package skips (or, in CI, fails) with a reason naming it. Fonts only
    make screenshots legible; no test needs them."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    for package in SCRIPT.ci_packages(CI):
        if package.startswith("fonts-"):
            continue
        assert re.search(rf"(apt-get install|Debian package) [^\"']*\b{re.escape(package)}\b", sources), f"no skip reason names {package}"


def test_the_version_lives_in_one_place():
    from reportlint import __version__

    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'path = "reportlint/__init__.py"' in pyproject
    hard_coded = [p for p in (ROOT / "reportlint").rglob("*.py") if p.name != "__init__.py" or p.parent != ROOT / "reportlint"
                  if re.search(r"""__version__\s*=|version\s*=\s*["']\d+\.\d+\.\d+""", p.read_text(encoding="utf-8"))]
    assert hard_coded == []
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(__version__)}\b", changelog, re.M), "CHANGELOG.md has a section for this version"
    done = subprocess.run([sys.executable, "-m", "reportlint", "--version"], cwd=ROOT, capture_output=True, timeout=60)
    assert __version__ in done.stdout.decode()
