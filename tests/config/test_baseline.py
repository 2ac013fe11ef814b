"""Baselines: accepted findings stay hidden across unrelated edits; new and fixed ones are reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CORPUS_04 = SHARED / "corpus" / "real" / "04_shanghai_municipal_gov_office_2019.txt"
BAD_401 = ROOT / "samples" / "bad" / "RL401_placeholder.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def codes(result) -> list[tuple[str, int]]:
    return [(d["code"], d["line"]) for f in json.loads(result.stdout)["files"] for d in f["diagnostics"]]


@pytest.mark.skipif(not CORPUS_04.exists(), reason="../shared is not beside the checkout")
def test_baseline_survives_an_inserted_paragraph_and_shows_a_new_finding(tmp_path: Path):
    report = tmp_path / "r04.txt"
    shutil.copy(CORPUS_04, report)
    baseline = tmp_path / "baseline.json"
    before = run("check", "--format", "json", str(report))
    recorded = codes(before)
    assert {code for code, _ in recorded} >= {"RL501", "RL203"}
    written = run("check", "--write-baseline", str(baseline), str(report))
    assert written.exit_code == 0
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == len(recorded)

    lines = report.read_text(encoding="utf-8").split("\n")
    lines.insert(3, "（新增段落）本段为插入的一段文字，行号随之全部后移。")
    lines[80] += "明确XX科负责。"  # a new defect elsewhere (in 五)
    report.write_text("\n".join(lines), encoding="utf-8")

    after = run("check", "--format", "json", "--baseline", str(baseline), str(report))
    assert codes(after) == [("RL401", 81)]  # only the new finding; the accepted ones moved a line down but stay hidden
    assert after.exit_code == 1
    assert f"已隐藏 {len(recorded)} 条" in after.stderr


def test_fixed_findings_are_reported_and_the_file_passes(tmp_path: Path):
    report = tmp_path / "p.txt"
    shutil.copy(BAD_401, report)
    baseline = tmp_path / "b.json"
    run("check", "--select", "RL401", "--write-baseline", str(baseline), str(report))
    report.write_text(report.read_text(encoding="utf-8").replace("XX科", "办公室"), encoding="utf-8")
    result = run("check", "--select", "RL401", "--lang", "en", "--baseline", str(baseline), str(report))
    assert result.exit_code == 0
    assert "1 accepted finding(s) hidden; 1 recorded finding(s) no longer occur" in result.stderr
    assert "p.txt: RL401 占位符「XX」" in result.stderr  # as recorded (the baseline keeps the message it was written with)


def test_an_edit_inside_the_flagged_line_makes_it_a_new_finding(tmp_path: Path):
    # the fingerprint holds the flagged text: rewording that very line is a new finding to review
    report = tmp_path / "p.txt"
    text = BAD_401.read_text(encoding="utf-8")
    report.write_text(text, encoding="utf-8")
    baseline = tmp_path / "b.json"
    run("check", "--select", "RL401", "--write-baseline", str(baseline), str(report))
    report.write_text(text.replace("明确XX科为", "明确由XX科为"), encoding="utf-8")
    result = run("check", "--format", "json", "--select", "RL401", "--baseline", str(baseline), str(report))
    assert [code for code, _ in codes(result)] == ["RL401"]
    assert "1 条记录已不再出现" in result.stderr


def test_baseline_path_is_relative_to_the_baseline_file(tmp_path: Path, monkeypatch):
    (tmp_path / "reports").mkdir()
    report = tmp_path / "reports" / "p.txt"
    shutil.copy(BAD_401, report)
    baseline = tmp_path / "b.json"
    monkeypatch.chdir(tmp_path)
    run("check", "--select", "RL401", "--write-baseline", str(baseline), "reports/p.txt")
    assert {e["file"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"]} == {"reports/p.txt"}
    monkeypatch.chdir(tmp_path / "reports")
    result = run("check", "--format", "json", "--select", "RL401", "--baseline", str(baseline), "p.txt")
    assert codes(result) == []


def test_not_a_baseline_is_a_usage_error(tmp_path: Path):
    bogus = tmp_path / "b.json"
    bogus.write_text("{}", encoding="utf-8")
    result = run("check", "--baseline", str(bogus), str(BAD_401))
    assert result.exit_code == 2 and "not a reportlint baseline" in result.stderr
