"""Plugins are found through importlib.metadata entry points (group `reportlint.rules`), as installed packages are."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"


def _install_fake_distribution(site: Path, dist: str, module: str, source: str, target: str) -> None:
    """What pip leaves on disk for a package: the module plus a .dist-info with entry_points.txt."""
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[reportlint.rules]\n{module} = {target}\n", encoding="utf-8")


def _reportlint(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True, env=env, cwd=ROOT)


WORKING_PLUGIN = '''
from reportlint.api import Finding, Message, rule

@rule(code="GD101", name="contact-phone", severity="warning",
      summary_zh="报告应写明联系电话", summary_en="the report should give a contact phone number",
      explanation_zh="省级要求：年报须写明联系电话。", explanation_en="Provincial requirement: give a contact phone.",
      bad="（没有电话）", good="联系电话：0571-12345678")
def contact_phone(doc, ctx, options):
    if "电话" not in doc.text:
        yield Finding(Message("未写明联系电话", "no contact phone number"), doc.end_span)
'''


def test_a_plugin_rule_is_listed_and_runs(tmp_path):
    _install_fake_distribution(tmp_path, "reportlint-guangdong", "rl_guangdong", WORKING_PLUGIN, "rl_guangdong")
    listing = _reportlint(tmp_path, "rules", "--lang", "en")
    assert listing.returncode == 0, listing.stderr
    assert "GD101" in listing.stdout and "reportlint-guangdong" in listing.stdout
    text = GOOD.read_text(encoding="utf-8").replace("电话", "号码")
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    checked = _reportlint(tmp_path, "check", "--format", "json", str(report))
    document = json.loads(checked.stdout)
    found = [d for d in document["files"][0]["diagnostics"] if d["code"] == "GD101"]
    assert [(d["severity"], d["message"]) for d in found] == [("warning", "未写明联系电话")]
    assert checked.returncode == 0  # a warning alone does not fail the run


def test_a_plugin_that_fails_to_load_stops_the_run_with_exit_2_naming_the_package(tmp_path):
    _install_fake_distribution(tmp_path, "reportlint-broken", "rl_broken", "import no_such_module_here\n", "rl_broken")
    result = _reportlint(tmp_path, "check", str(GOOD))
    assert result.returncode == 2
    assert "reportlint-broken" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_plugin_reusing_a_builtin_code_is_rejected(tmp_path):
    source = WORKING_PLUGIN.replace('code="GD101"', 'code="RL301"')
    _install_fake_distribution(tmp_path, "reportlint-clash", "rl_clash", source, "rl_clash")
    result = _reportlint(tmp_path, "check", str(GOOD))
    assert result.returncode == 2
    assert "RL301" in result.stderr and "reportlint-clash" in result.stderr
