"""Bulk review: 2,000 reports with --jobs 2, a worker killed mid-run, a file past the time limit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
BAD = sorted((ROOT / "samples" / "bad").glob("RL3*.txt"))  # arithmetic defects: each fails


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """2,000 reports: every fifth one a copy of a bad sample, the rest good; expected status by name."""
    folder = tmp_path_factory.mktemp("inbox")
    expected = {}
    good = GOOD.read_text(encoding="utf-8")
    for number in range(2000):
        if number % 5 == 0:
            source = BAD[number // 5 % len(BAD)]
            name = f"r{number:04d}_{source.stem}.txt"
            shutil.copy(source, folder / name)
            expected[name] = "fail"
        else:
            name = f"r{number:04d}_good.txt"
            (folder / name).write_text(good.replace("青山县交通运输局", f"青山县第{number}局", 1), encoding="utf-8")
            expected[name] = "pass"
    crash = "r0007_good_boom.txt"
    shutil.copy(folder / "r0007_good.txt", folder / crash)
    expected[crash] = "error"
    return folder, expected


def _check(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportlint", "check", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "NO_COLOR": "1", **(env or {})}, timeout=900)


def test_two_thousand_reports_in_parallel_with_a_worker_killed(inbox, tmp_path):
    folder, expected = inbox
    page = tmp_path / "review.html"
    run = _check("--jobs", "2", "--format", "json", str(folder), env={"REPORTLINT_TEST_CRASH_MARKER": "boom"})
    assert run.returncode == 1
    document = json.loads(run.stdout)
    files = document["files"]
    assert [Path(f["path"]).name for f in files] == sorted(expected)  # every file, in input order
    assert {Path(f["path"]).name: f["status"] for f in files} == expected
    killed = next(f for f in files if "boom" in f["path"])
    assert [d["code"] for d in killed["diagnostics"]] == ["RL002"]
    summary = document["summary"]
    assert (summary["files"], summary["passed"], summary["failed"], summary["unassessed"]) == (2001, 1600, 400, 1)
    html = _check("--jobs", "2", "--format", "html", "--output-file", str(page), str(folder))
    assert html.returncode == 1 and page.stat().st_size > 100_000
    assert "2001" in page.read_text(encoding="utf-8")


def test_text_summary_of_a_bulk_run(inbox):
    folder, _ = inbox
    run = _check("--jobs", "2", "--lang", "en", "--no-info", str(folder))
    assert "Most frequent problems" in run.stdout and "Files with the most errors" in run.stdout
    # no crash hook this time: the extra copy of a good report passes
    assert "Checked 2001 file(s): 1601 passed, 400 failed, 0 could not be assessed" in run.stdout.replace("\n", " ")


def test_a_file_past_the_time_limit_gets_rl001_and_the_others_are_checked(tmp_path):
    # the hang hook stands in for a pathological file: its worker never answers
    shutil.copy(GOOD, tmp_path / "a_slow.txt")
    for name in ("b_good.txt", "c_good.txt", "d_good.txt"):
        shutil.copy(GOOD, tmp_path / name)
    run = _check("--jobs", "2", "--timeout", "0.5", "--format", "json", str(tmp_path), env={"REPORTLINT_TEST_HANG_MARKER": "slow"})
    files = {Path(f["path"]).name: f for f in json.loads(run.stdout)["files"]}
    assert [files[name]["status"] for name in ("b_good.txt", "c_good.txt", "d_good.txt")] == ["pass"] * 3
    slow_codes = [d["code"] for d in files["a_slow.txt"]["diagnostics"]]
    assert slow_codes == ["RL001"] and "0.5" in files["a_slow.txt"]["diagnostics"][0]["message"]
