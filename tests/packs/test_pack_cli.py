"""The acceptance scenario through the `reportlint` command: a reportlint.toml naming the example pack.

A report without the pack's phrase and row fails with the pack's own codes and messages (zh and en)
and passes once fixed; pack codes work in select/ignore/severity/per-file-ignores; a broken pack
stops the run with exit code 2 and a message naming the entry and the key.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pack_helpers import EXAMPLE_PACK, FAILS, MEETS, PACKS, ROOT, cli, cli_json, diagnostics

HB_ZH = {
    "HB101": "「一、总体情况」未写明政务公开工作领导小组（应写明组织领导和机构保障情况）",
    "HB201": "主动公开政府信息情况·第二十条第（一）项缺少湖北省增设的「其他主动公开文件」行",
    "HB301": "公文列举未尽时用“等”，不用「等等」",
}
HB_EN = {
    "HB101": "'一、总体情况' does not name the 政务公开 leading group (the report must say who leads the work)",
    "HB201": "主动公开政府信息情况·第二十条第（一）项 lacks the row '其他主动公开文件' that Hubei adds",
    "HB301": "write 等, not '等等', to end an incomplete list in an official document",
}


def _config(folder: Path, text: str) -> None:
    (folder / "reportlint.toml").write_text('packs = ["hubei-2021.toml"]\n' + text, encoding="utf-8")


def _codes(document: dict) -> list[str]:
    return [d["code"] for d in diagnostics(document)]


# ---------------------------------------------------------------- acceptance


def test_a_report_without_the_phrase_and_the_row_fails_with_the_packs_codes_and_messages(project):
    code, document = cli_json(str(project / "report.txt"))
    assert code == 1
    assert document["files"][0]["status"] == "fail"
    found = [(d["code"], d["severity"], d["line"], d["column"], d["message"]) for d in diagnostics(document)]
    assert found == [
        ("HB101", "error", 3, 1, HB_ZH["HB101"]),
        ("HB301", "warning", 11, 105, HB_ZH["HB301"]),
        ("HB201", "error", 18, 1, HB_ZH["HB201"]),
    ]
    code, document = cli_json("--lang", "en", str(project / "report.txt"))
    assert code == 1
    assert {d["code"]: d["message"] for d in diagnostics(document)} == HB_EN


def test_the_text_output_names_the_file_position_code_and_message(project):
    code, output = cli("check", str(project / "report.txt"))
    assert code == 1
    lines = [line for line in output.splitlines() if ": HB" in line]
    assert lines[0].startswith(f"{project / 'report.txt'}:3:1: HB101 [错误] {HB_ZH['HB101']}")
    assert lines[2].startswith(f"{project / 'report.txt'}:18:1: HB201 [错误] {HB_ZH['HB201']}")
    code, output = cli("check", "--lang", "en", str(project / "report.txt"))
    assert f"report.txt:18:1: HB201 [error] {HB_EN['HB201']}" in output


def test_the_fixed_report_passes(project):
    (project / "report.txt").write_bytes(MEETS.read_bytes())
    code, document = cli_json(str(project / "report.txt"))
    assert code == 0
    assert document["files"][0]["status"] == "pass"
    assert [c for c in _codes(document) if c.startswith("HB")] == []
    assert [d for d in diagnostics(document) if d["severity"] == "error"] == []


def test_fixing_one_requirement_at_a_time(project):
    text = FAILS.read_text(encoding="utf-8")
    text = text.replace("我局由分管副局长负责政务公开工作，", "我局成立政务公开领导小组，")
    (project / "report.txt").write_text(text, encoding="utf-8")
    assert _codes(cli_json(str(project / "report.txt"))[1]) == ["HB301", "HB201"]
    text = text.replace("行政规范性文件 | 2 | 1 | 15\n", "行政规范性文件 | 2 | 1 | 15\n其他主动公开文件 | 0 | 0 | 0\n")
    (project / "report.txt").write_text(text, encoding="utf-8")
    code, document = cli_json(str(project / "report.txt"))
    assert code == 0  # the HB301 warning does not fail the file
    assert [c for c in _codes(document) if c != "RL202"] == ["HB301"]


def test_without_the_configuration_the_pack_does_not_apply(tmp_path):
    (tmp_path / "report.txt").write_bytes(FAILS.read_bytes())
    code, document = cli_json(str(tmp_path / "report.txt"))
    assert code == 0 and not [c for c in _codes(document) if c.startswith("HB")]


def test_the_samples_folder_demonstrates_the_pack():
    code, document = cli_json(str(PACKS))
    assert code == 1
    by_name = {Path(f["path"]).name: f for f in document["files"]}
    assert set(by_name) == {MEETS.name, FAILS.name}
    assert by_name[MEETS.name]["status"] == "pass"
    assert [d["code"] for d in by_name[MEETS.name]["diagnostics"] if d["code"] != "RL202"] == []  # RL202: see the hook test
    assert by_name[FAILS.name]["status"] == "fail"
    assert {d["code"] for d in by_name[FAILS.name]["diagnostics"]} == {"HB101", "HB201", "HB301"}


def test_the_whole_samples_folder_uses_the_packs_configuration_for_its_files():
    code, document = cli_json(str(ROOT / "samples"))
    by_name = {Path(f["path"]).name: f for f in document["files"]}
    assert by_name[MEETS.name]["status"] == "pass"
    assert {d["code"] for d in by_name[FAILS.name]["diagnostics"]} == {"HB101", "HB201", "HB301"}
    others = [d["code"] for f in document["files"] if "packs" not in Path(f["path"]).parts for d in f["diagnostics"]]
    assert others and not [c for c in others if c.startswith("HB")]


# ---------------------------------------------------------------- pack codes as selectors


@pytest.mark.parametrize(
    "config, expected",
    [
        ('select = ["HB"]\n', ["HB101", "HB301", "HB201"]),
        ('select = ["HB2"]\n', ["HB201"]),
        ('select = ["leading-group"]\n', ["HB101"]),
        ('ignore = ["HB1", "no-dengdeng"]\n', ["HB201"]),
        ('[per-file-ignores]\n"report.txt" = ["HB201", "HB301"]\n', ["HB101"]),
    ],
    ids=["select prefix", "select code prefix", "select name", "ignore", "per-file-ignores"],
)
def test_pack_codes_in_the_configuration(project, config, expected):
    _config(project, config)
    code, document = cli_json(str(project / "report.txt"))
    assert [c for c in _codes(document) if c.startswith("HB")] == expected
    assert code == (1 if {"HB101", "HB201"} & set(expected) else 0)


def test_pack_severities_in_the_configuration(project):
    _config(project, '[severity]\nHB101 = "warning"\nHB201 = "info"\nHB301 = "error"\n')
    code, document = cli_json(str(project / "report.txt"))
    assert [(d["code"], d["severity"]) for d in diagnostics(document)] == [("HB101", "warning"), ("HB301", "error"), ("HB201", "info")]
    assert code == 1
    _config(project, '[severity]\nHB = "warning"\n')
    code, document = cli_json(str(project / "report.txt"))
    assert code == 0 and {d["severity"] for d in diagnostics(document)} == {"warning"}
    code, _ = cli_json("--fail-on", "warning", str(project / "report.txt"))
    assert code == 1


def test_pack_codes_on_the_command_line(project):
    assert _codes(cli_json("--select", "HB101,HB301", str(project / "report.txt"))[1]) == ["HB101", "HB301"]
    code, document = cli_json("--ignore", "HB", str(project / "report.txt"))
    assert code == 0 and not [c for c in _codes(document) if c.startswith("HB")]


def test_a_pack_code_without_the_pack_is_unknown(tmp_path):
    (tmp_path / "report.txt").write_bytes(FAILS.read_bytes())
    code, output = cli("check", "--lang", "en", "--select", "HB101", str(tmp_path / "report.txt"))
    assert code == 2 and "unknown rule selector(s): HB101" in output
    code, output = cli("check", "--select", "HB101", str(tmp_path / "report.txt"))  # the default language
    assert code == 2 and "未知的规则：HB101" in output


def test_an_unknown_pack_code_in_the_configuration(project):
    _config(project, 'ignore = ["HB999"]\n')
    code, output = cli("check", str(project / "report.txt"))
    assert code == 2
    assert "unknown rule 'HB999'" in output


def test_the_config_command_names_the_pack(project):
    code, output = cli("config", str(project))
    assert code == 0 and str(project / "hubei-2021.toml") in output


def test_sarif_describes_the_pack_rules(project):
    import json

    code, output = cli("check", "--format", "sarif", str(project / "report.txt"))
    assert code == 1
    driver = json.loads(output)["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["HB201"]["name"] == "other-active-documents-row"
    assert rules["HB201"]["properties"]["source"] == "hubei-2021"
    assert rules["HB101"]["shortDescription"]["text"] == "总体情况须写明政务公开工作领导小组"


# ---------------------------------------------------------------- a broken pack stops the run


BROKEN = {
    "unknown key": (('regex = "政务公开(?:工作)?领导小组"', 'regx = "政务公开(?:工作)?领导小组"'),
                    "[[required_phrase]] #1 (HB101): unknown key 'regx' (did you mean 'regex'?)"),
    "bad prefix": (('prefix = "HB"', 'prefix = "hubei"'), "[pack]: 'prefix' 'hubei' must be 2 to 5 capital letters"),
    "reserved prefix": (('prefix = "HB"', 'prefix = "RL"'), "[pack]: 'prefix' 'RL' is reserved"),
    "code not matching the prefix": (('code = "HB201"', 'code = "HUB201"'),
                                     "[[extra_row]] #1 (HUB201): 'code' 'HUB201' must be the pack prefix 'HB' and three digits"),
    "a built-in rule's name": (('name = "no-dengdeng"', 'name = "placeholder"'),
                               "[[pattern]] #1 (HB301): name 'placeholder' is already the name of rule RL401 (from reportlint)"),
    "duplicate code": (('code = "HB102"', 'code = "HB101"'),
                       "[[required_phrase]] #2 (HB101): code HB101 is used twice in this pack (also by [[required_phrase]] #1)"),
    "bad regex": (('regex = "等等"', 'regex = "等等[" '),
                  "[[pattern]] #1 (HB301): 'regex' '等等[' is not a valid regular expression: unterminated character set at position 2"),
}


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_a_broken_pack_exits_2_with_the_message(project, case):
    (old, new), expected = BROKEN[case]
    text = EXAMPLE_PACK.read_text(encoding="utf-8")
    assert text.count(old) == 1
    (project / "hubei-2021.toml").write_text(text.replace(old, new), encoding="utf-8")
    code, output = cli("check", str(project / "report.txt"))
    assert code == 2
    assert output.startswith(f"reportlint: {project / 'reportlint.toml'}: rule pack {project / 'hubei-2021.toml'}: ")
    assert expected in output
    code, output = cli("config", str(project))
    assert code == 2 and expected in output


def test_a_pack_that_is_not_there(project):
    _config(project, "")
    (project / "reportlint.toml").write_text('packs = ["no-such-pack.toml"]\n', encoding="utf-8")
    code, output = cli("check", str(project / "report.txt"))
    assert code == 2 and "no-such-pack.toml: file not found" in output


# ---------------------------------------------------------------- python -m reportlint.packs


def _packs_module(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportlint.packs", *args], capture_output=True, text=True, cwd=ROOT)


def test_the_pack_checker_lists_the_rules_and_runs_their_examples(tmp_path):
    result = _packs_module(str(EXAMPLE_PACK))
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[0].rsplit(" ", 1)[-1] for line in result.stdout.splitlines()] == ["HB101", "HB102", "HB103", "HB201", "HB301"]
    wrong = EXAMPLE_PACK.read_text(encoding="utf-8").replace(
        'explanation_en = "Example requirement: official documents end',
        'bad = "青山县交通运输局2023年政府信息公开工作年度报告\\n一、总体情况\\n没有问题。"\nexplanation_en = "Example requirement: official documents end',
    )
    (tmp_path / "wrong.toml").write_text(wrong, encoding="utf-8")
    result = _packs_module(str(tmp_path / "wrong.toml"))
    assert result.returncode == 1 and "HB301: the bad example does not trigger the rule" in result.stderr
    (tmp_path / "broken.toml").write_text("[pack]\nname = 'x'\n", encoding="utf-8")
    result = _packs_module(str(tmp_path / "broken.toml"))
    assert result.returncode == 2 and "[pack]: missing key 'prefix'" in result.stderr


def test_explain_and_rules_know_the_packs_of_the_configuration_found_here(project, monkeypatch):
    monkeypatch.chdir(project)
    code, output = cli("explain", "HB101")
    assert code == 0 and output.startswith("HB101 leading-group (error)") and "错误示例" in output
    code, output = cli("rules")
    assert code == 0 and "HB101\tleading-group\terror" in output and "RL101\t" in output


def test_explain_a_pack_rule_elsewhere_needs_the_configuration(project, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    code, output = cli("explain", "HB101", "--lang", "en")
    assert code == 2 and "no rule 'HB101'" in output and "--config" in output
    code, output = cli("explain", "HB101")  # the default language: Chinese
    assert code == 2 and "没有规则 'HB101'" in output and "--config" in output
    code, output = cli("explain", "HB101", "--lang", "en", "--config", str(project / "reportlint.toml"))
    assert code == 0 and "Bad:" in output
