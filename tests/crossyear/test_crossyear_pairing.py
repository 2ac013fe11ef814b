"""`--previous` pairs reports by issuing body, with the body's name normalised, never by generic text.

The class: two reports that do not name their body both start `一、总体情况`; pairing them by their first
line compared two different bodies (a false RL505 and RL509). And one body named two ways in two years
(`洪泽区人民政府` in 2023, `淮安市洪泽区人民政府` in 2024, corpus 02/03) must still pair.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossyear_data import CARRY_OVER_2023, CROSS_YEAR, SHARED, TRANSPORT_2022, read
from reportlint import LintOptions, lint_path
from reportlint.checks.crossyear_rules import CopiedOptions
from reportlint.cli import main
from reportlint.crossyear import PreviousReports, normalise_name, pairing_key, same_body
from reportlint.lint import read_text
from reportlint.parser import parse

CORPUS = SHARED / "corpus" / "real"


def check(previous: Path, *paths: Path) -> tuple[dict[str, list[str]], str]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--previous", str(previous), *map(str, paths)], catch_exceptions=False)
    document = json.loads(result.stdout)
    return {Path(f["path"]).name: [d["code"] for d in f["diagnostics"] if d["code"] in CROSS_YEAR] for f in document["files"]}, result.stderr


def _unnamed(text: str) -> str:
    """The report without its title and introduction: it names no body, it opens with 一、总体情况."""
    lines = text.split("\n")
    return "\n".join(lines[2:]).replace("青山县交通运输局", "").replace("交通运输局", "")


def test_reports_that_name_no_body_are_never_paired(tmp_path):
    previous, current = tmp_path / "2022", tmp_path / "2023"
    previous.mkdir(), current.mkdir()
    (previous / "a.txt").write_text(_unnamed(read(TRANSPORT_2022)), encoding="utf-8")
    (current / "b.txt").write_text(_unnamed(read(CARRY_OVER_2023)), encoding="utf-8")
    assert pairing_key(parse((current / "b.txt").read_text(encoding="utf-8"))) is None
    found, stderr = check(previous, current)
    assert found == {"b.txt": []}  # the same text with a carried-over 2 against 1 would be RL505 if paired
    assert "b.txt" in stderr and "未与 --previous 中的上年报告配对" in stderr
    assert "a.txt" in stderr and "未写明发布机关" in stderr


def test_the_same_pair_named_is_compared(tmp_path):
    previous = tmp_path / "2022"
    previous.mkdir()
    shutil.copy(TRANSPORT_2022, previous / "a.txt")
    found, stderr = check(previous, CARRY_OVER_2023)
    assert found == {CARRY_OVER_2023.name: ["RL505"]} and stderr == ""


NAMES = (  # (last year's name, this year's): one body
    ("洪泽区人民政府", "淮安市洪泽区人民政府"),
    ("淮安市洪泽区人民政府", "洪泽区人民政府"),
    ("洪泽区政府", "淮安市洪泽区人民政府"),
    ("白水镇人民政府", "青山县白水镇人民政府"),
    ("杨陵区统计局", "杨凌示范区杨陵区统计局"),
    ("青山县交通运输局", "青山县交通运输局"),
    ("青山县 交通运输局", "青山县交通运输局"),
)
OTHERS = (  # two bodies
    ("淮安市人民政府", "淮安市洪泽区人民政府"),
    ("统计局", "杨陵区统计局"),  # a bare name says no place
    ("东区人民政府", "城东区人民政府"),
    ("青山县交通运输局", "白水县交通运输局"),
)


@pytest.mark.parametrize("before, now", NAMES)
def test_one_body_named_two_ways_is_one_body(before, now):
    a, b = normalise_name(before), normalise_name(now)
    assert same_body(a, b) or same_body(b, a)


@pytest.mark.parametrize("before, now", OTHERS)
def test_two_bodies_are_not_one(before, now):
    a, b = normalise_name(before), normalise_name(now)
    assert not same_body(a, b) and not same_body(b, a)


@pytest.mark.parametrize("before, now", NAMES)
def test_reports_pair_across_name_forms(tmp_path, before, now):
    previous = tmp_path / "2022"
    previous.mkdir()
    (previous / "last.txt").write_text(read(TRANSPORT_2022).replace("青山县交通运输局", before), encoding="utf-8")
    current = tmp_path / "now.txt"
    current.write_text(read(CARRY_OVER_2023).replace("青山县交通运输局", now), encoding="utf-8")
    found, _ = check(previous, current)
    assert found == {"now.txt": ["RL505"]}


def test_a_short_name_two_bodies_could_have_is_not_paired(tmp_path):
    previous = tmp_path / "2022"
    previous.mkdir()
    for county in ("青山县", "白水县"):
        (previous / f"{county}.txt").write_text(read(TRANSPORT_2022).replace("青山县交通运输局", county + "城关镇人民政府"), encoding="utf-8")
    current = tmp_path / "now.txt"
    current.write_text(read(CARRY_OVER_2023).replace("青山县交通运输局", "城关镇人民政府"), encoding="utf-8")
    found, stderr = check(previous, current)
    assert found == {"now.txt": []} and "now.txt" in stderr


def test_corpus_hongze_2024_pairs_with_2023(tmp_path):
    """洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024): one body; 2024 copies 2023 (RL506)."""
    two = CORPUS / "02_huaian_hongze_district_2023.txt"
    if not two.exists():
        pytest.skip(f"{two} is absent")
    previous = tmp_path / "2023"
    previous.mkdir()
    shutil.copy(two, previous / two.name)
    index = PreviousReports.build(previous, read_text)
    three = CORPUS / "03_huaian_hongze_district_2024.txt"
    assert index.path_for(parse(three.read_text(encoding="utf-8"))) == previous / two.name
    # 45% of 2024's narrative repeats 2023's (五 verbatim): above a 40% threshold, below the default 50%
    options = LintOptions(select=CROSS_YEAR, previous=index, rule_options={"RL506": CopiedOptions(similarity_threshold=0.4)})
    result = lint_path(three, options)
    assert [d.code for d in result.diagnostics] == ["RL506"] and "45%" in result.diagnostics[0].message
    assert result.notes == ()


def test_unnamed_corpus_excerpts_pair_with_nothing(tmp_path):
    """05 and 08 name no body: with each other as last year's, neither is compared."""
    names = ("05_shenzhen_longgang_dept_2024_excerpt.txt", "08_tianjin_hongqiao_zwfwb_2022_excerpt.txt")
    if not all((CORPUS / n).exists() for n in names):
        pytest.skip("corpus excerpts absent")
    previous = tmp_path / "previous"
    previous.mkdir()
    shutil.copy(CORPUS / names[1], previous / names[1])
    index = PreviousReports.build(previous, read_text)
    assert index.unnamed == [previous / names[1]]
    result = lint_path(CORPUS / names[0], LintOptions(select=CROSS_YEAR, previous=index, lang="en"))
    assert result.diagnostics == ()
    assert result.notes == ("not paired with last year's report (the report does not name its body): "
                            "the cross-year checks (RL505, RL506, RL509) did not run",)
