"""Plugins cannot end the run or fake its verdict (issue 12): sys.exit at import is exit 2, naming
the package; SystemExit or os._exit in a rule is RL002 for that file, in every mode, with a message
that does not depend on timing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"

RULE = '''
import os, sys
from reportlint.api import rule

@rule(code="GD101", name="quits", severity="warning", summary_zh="退出", summary_en="quits",
      explanation_zh="退出", explanation_en="quits", bad="x", good="y")
def quits(doc, ctx, options):
    {body}
    yield from ()
'''


def _install(site: Path, source: str) -> None:
    (site / "rl_quits.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / "reportlint_quits-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: reportlint-quits\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[reportlint.rules]\nrl_quits = rl_quits\n", encoding="utf-8")


def _check(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "json", *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("code", ["sys.exit(0)", "raise SystemExit(3)", "os._exit(3)"])
def test_exit_at_import_is_exit_2_naming_the_package(tmp_path, code):
    _install(tmp_path, code + "\n")
    run = _check(tmp_path, str(GOOD))
    assert run.returncode == 2 and "reportlint-quits" in run.stderr, run.stderr
    assert run.stdout == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("body", ["sys.exit(0)", "raise SystemExit(0)", "os._exit(3)"])
def test_exit_in_a_rule_is_rl002_for_that_file(tmp_path, body, jobs):
    _install(tmp_path, RULE.format(body=body))
    second = tmp_path / "second.txt"
    second.write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    runs = [_check(tmp_path, "--jobs", jobs, "--lang", "en", str(GOOD), str(second)) for _ in range(2)]
    for run in runs:
        assert run.returncode == 1, run.stderr
        files = json.loads(run.stdout)["files"]
        assert len(files) == 2
        for file in files:
            assert "RL002" in [d["code"] for d in file["diagnostics"]]
    messages = [[d["message"] for f in json.loads(run.stdout)["files"] for d in f["diagnostics"] if d["code"] == "RL002"] for run in runs]
    assert messages[0] == messages[1]  # the same words however the timing falls
    if body == "os._exit(3)":
        assert all("exit code 3" in m for m in messages[0])
