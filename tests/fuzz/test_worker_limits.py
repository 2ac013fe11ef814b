"""The per-file time limit and the per-worker memory cap hold in every mode (issue 12), a single
file with --jobs 1 included: each ends in RL001 naming the bound, and the run goes on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shapes import SHAPES  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"


def _check(*args: str, env: dict | None = None) -> tuple[int, dict]:
    run = subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "json", "--lang", "en", *args], cwd=ROOT,
                         capture_output=True, text=True, timeout=300, env={**os.environ, "NO_COLOR": "1", **(env or {})})
    assert "Traceback" not in run.stderr
    return run.returncode, json.loads(run.stdout)


def test_timeout_holds_for_one_file_with_jobs_1(tmp_path):
    stuck = tmp_path / "never-ends.txt"
    shutil.copyfile(GOOD, stuck)
    code, document = _check("--jobs", "1", "--timeout", "1", str(stuck), env={"REPORTLINT_TEST_HANG_MARKER": "never-ends"})
    (file,) = document["files"]
    assert code == 1 and [d["code"] for d in file["diagnostics"]] == ["RL001"] and "longer than 1 s" in file["diagnostics"][0]["message"]


def test_a_file_past_the_memory_cap_is_rl001_naming_it(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(SHAPES["headings"](300_000), encoding="utf-8")
    shutil.copyfile(GOOD, tmp_path / "good.txt")
    code, document = _check("--jobs", "1", "--max-memory", "150", str(big), str(tmp_path / "good.txt"))
    first, second = document["files"]
    assert [d["code"] for d in first["diagnostics"]] == ["RL001"] and "--max-memory = 150 MB" in first["diagnostics"][0]["message"]
    assert second["status"] == "pass"
