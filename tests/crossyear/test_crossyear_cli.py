"""`reportlint check --previous DIR FILES`: last year's reports paired by issuing body, findings on the right files.

Also the cross-year rules' own documentation: their bad/good examples only mean something beside last
year's report (`example_previous`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossyear_data import (
    CARRY_OVER_2023, COPIED_TOWN_2023, CROSS_YEAR, CURRENT_DIR, GOOD, PREVIOUS_DIR, TOWN_2022, TRANSPORT_2022, found, read,
)
from reportlint import LintOptions, lint_path, lint_text
from reportlint.cli import main
from reportlint.crossyear import pairing_key
from reportlint.parser import parse
from reportlint.registry import all_rules, find_rule


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def check_json(*args: str) -> tuple[int, dict[str, list[str]], dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
    code, document = result.exit_code, json.loads(result.stdout)  # notes such as unpaired reports go to stderr
    by_file = {Path(f["path"]).name: [d["code"] for d in f["diagnostics"]] for f in document["files"]}
    return code, by_file, document


# ---------------------------------------------------------------- pairing by issuing body


def test_the_folders_hold_two_bodies_in_opposite_orders():
    def bodies(folder: Path) -> list[str | None]:
        return [pairing_key(parse(read(path))) for path in sorted(folder.glob("*.txt"))]

    assert bodies(PREVIOUS_DIR) == ["青山县白水镇政府", "青山县交通运输局"]  # 人民政府 folded to 政府
    assert bodies(CURRENT_DIR) == ["青山县交通运输局", "青山县白水镇政府"]


def test_check_with_previous_reports_each_finding_on_its_file():
    code, by_file, _ = check_json("--previous", str(PREVIOUS_DIR), str(CURRENT_DIR), str(GOOD))
    assert by_file == {
        CARRY_OVER_2023.name: ["RL505"],
        COPIED_TOWN_2023.name: ["RL506"],
        GOOD.name: [],
    }
    assert code == 1  # RL505 is an error


def test_without_previous_the_same_files_pass():
    code, by_file, _ = check_json(str(CURRENT_DIR), str(GOOD))
    assert by_file == {CARRY_OVER_2023.name: [], COPIED_TOWN_2023.name: [], GOOD.name: []}
    assert code == 0


def test_pairing_does_not_go_by_file_name_or_position(tmp_path):
    """Last year's files named so that name or position would pair each report with the other body's."""
    previous, current = tmp_path / "2022", tmp_path / "2023"
    previous.mkdir(), current.mkdir()
    shutil.copy(TOWN_2022, previous / "1_transport.txt")
    shutil.copy(TRANSPORT_2022, previous / "2_town.txt")
    shutil.copy(CARRY_OVER_2023, current / "1_transport.txt")
    shutil.copy(COPIED_TOWN_2023, current / "2_town.txt")
    code, by_file, _ = check_json("--previous", str(previous), str(current), "--jobs", "2")
    assert by_file == {"1_transport.txt": ["RL505"], "2_town.txt": ["RL506"]}
    assert code == 1


def test_a_body_without_last_years_report_is_not_compared(tmp_path):
    previous = tmp_path / "2022"
    previous.mkdir()
    shutil.copy(TOWN_2022, previous / "town.txt")
    code, by_file, _ = check_json("--previous", str(previous), str(CARRY_OVER_2023), str(COPIED_TOWN_2023))
    assert by_file == {CARRY_OVER_2023.name: [], COPIED_TOWN_2023.name: ["RL506"]}


def test_two_reports_of_one_body_last_year_are_named_on_stderr(tmp_path):
    """The first (in sorted order) is compared; the user is told, and stdout stays valid JSON."""
    previous = tmp_path / "2022"
    previous.mkdir()
    shutil.copy(TRANSPORT_2022, previous / "a.txt")
    shutil.copy(TRANSPORT_2022, previous / "b.txt")
    result = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "--format", "json", "--previous", str(previous), str(CARRY_OVER_2023)],
        capture_output=True, text=True, encoding="utf-8", cwd=Path(__file__).resolve().parents[2],
    )
    assert [d["code"] for d in json.loads(result.stdout)["files"][0]["diagnostics"]] == ["RL505"]
    assert "有多份报告" in result.stderr and "a.txt" in result.stderr and "b.txt" in result.stderr


def test_text_output_points_at_the_cells():
    code, output = run("check", "--select", "RL505,RL506,RL509", "--previous", str(PREVIOUS_DIR), str(CURRENT_DIR))
    assert f"{CARRY_OVER_2023.name}:34:44: RL505 " in output
    assert f"{COPIED_TOWN_2023.name}:64:1: RL506 " in output


def test_lint_path_takes_last_years_file():
    result = lint_path(CARRY_OVER_2023, LintOptions(select=CROSS_YEAR), previous=TRANSPORT_2022)
    assert found(result) == ["RL505"]


def test_threshold_from_the_configuration_file(tmp_path):
    current = tmp_path / "copied.txt"
    shutil.copy(COPIED_TOWN_2023, current)
    (tmp_path / "reportlint.toml").write_text("[options.RL506]\nsimilarity_threshold = 1.0\n", encoding="utf-8")
    _, by_file, _ = check_json("--previous", str(PREVIOUS_DIR), str(current))
    assert by_file == {"copied.txt": []}
    (tmp_path / "reportlint.toml").write_text("[options.copied-from-last-year]\nsimilarity_threshold = 0.9\n", encoding="utf-8")
    _, by_file, _ = check_json("--previous", str(PREVIOUS_DIR), str(current))
    assert by_file == {"copied.txt": ["RL506"]}


def test_a_threshold_above_one_is_a_configuration_error(tmp_path):
    current = tmp_path / "copied.txt"
    shutil.copy(COPIED_TOWN_2023, current)
    (tmp_path / "reportlint.toml").write_text("[options.RL506]\nsimilarity_threshold = 50\n", encoding="utf-8")
    code, output = run("check", "--previous", str(PREVIOUS_DIR), str(current))
    assert code == 2
    assert "options.RL506: similarity_threshold must be greater than 0 and at most 1, not 50" in output


def test_messages_name_last_years_file():
    _, _, document = check_json("--previous", str(PREVIOUS_DIR), str(CURRENT_DIR))
    messages = {Path(f["path"]).name: f["diagnostics"][0]["message"] for f in document["files"]}
    assert TRANSPORT_2022.name in messages[CARRY_OVER_2023.name]
    assert TOWN_2022.name in messages[COPIED_TOWN_2023.name]


# ---------------------------------------------------------------- the rules document themselves


@pytest.mark.parametrize("code", CROSS_YEAR)
def test_catalogue_entry(code):
    rule = find_rule(all_rules(), code)
    assert rule.name == {"RL505": "carry-over-mismatch", "RL506": "copied-from-last-year", "RL509": "in-force-count"}[code]
    assert rule.severity.value == {"RL505": "error", "RL506": "warning", "RL509": "warning"}[code]
    assert rule.example_previous and "2022年政府信息公开工作年度报告" in rule.example_previous
    code_, output = run("explain", code)
    assert code_ == 0 and rule.name in output


@pytest.mark.parametrize("code", CROSS_YEAR)
def test_examples_beside_last_years_report(code):
    rule = find_rule(all_rules(), code)
    options = LintOptions(select=(code,))
    assert found(lint_text(rule.bad, options=options, previous=rule.example_previous)) == [code]
    assert found(lint_text(rule.good, options=options, previous=rule.example_previous)) == []
    # alone, the bad example cannot show anything: why tests/rules/test_rule_examples.py needs example_previous
    assert found(lint_text(rule.bad, options=options)) == []
