"""RL510 other-body-text: a street's, township's or department's report counting requests made to a
people's government — a sentence copied from a higher-level report (corpus/real/17, a 街道 writing
"向市政府及市政府办公室提出的政府信息公开申请5件")."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text

SELECT = LintOptions(select=("RL510",))
SENTENCE = "2023年，受理公民、法人和其他组织向{to}提出的政府信息公开申请5件。"


def _rl510(issuer: str, to: str = "市政府及市政府办公室") -> list[str]:
    text = f"{issuer}2023年政府信息公开工作年度报告\n一、总体情况\n" + SENTENCE.format(to=to) + "\n"
    return [d.actual for d in lint_text(text, options=SELECT).diagnostics]


# ---------------------------------------------------------------- bad


def test_other_body_sample(bad_sample):
    result = lint_path(bad_sample("RL510"))
    assert [d.code for d in result.diagnostics] == ["RL510"]  # the sample's only defect
    (finding,) = result.diagnostics
    assert (finding.line, finding.column, finding.end_column, finding.actual) == (7, 59, 69, "县政府及县政府办公室")
    assert finding.severity.value == "warning" and finding.section == ("一", "（二）")
    assert finding.message == "青山县交通运输局的报告写到“向县政府及县政府办公室提出”的申请：那是县政府及县政府办公室收到的申请，不是本机关的，像是照抄了上级报告"


def test_corpus_17_the_known_copy(corpus_dir):
    result = lint_path(corpus_dir / "17_shenyang_yingbinlu_street_2021_excerpt.txt", SELECT)
    assert [(d.line, d.actual) for d in result.diagnostics] == [(19, "市政府及市政府办公室")]


@pytest.mark.parametrize(
    ("issuer", "to"),
    [
        ("青山县城关街道办事处", "市政府及市政府办公室"),
        ("青山县青石镇人民政府", "县政府"),  # a township is not the county government
        ("青山县交通运输局", "县人民政府"),
        ("滨江区统计局", "区政府和区政府办公室"),
    ],
)
def test_requests_to_a_government_in_a_lower_bodys_report(issuer, to):
    assert _rl510(issuer, to) == [to]


def test_english_message():
    text = "青山县城关街道办事处2023年政府信息公开工作年度报告\n一、总体情况\n" + SENTENCE.format(to="市政府") + "\n"
    (finding,) = lint_text(text, options=LintOptions(select=("RL510",), lang="en")).diagnostics
    assert finding.message.startswith("the report of 青山县城关街道办事处 speaks of requests made to 市政府")


# ---------------------------------------------------------------- good


@pytest.mark.parametrize(
    "issuer",
    ["青山县人民政府", "高平市人民政府办公室", "上海市人民政府办公厅"],  # a government, or its general office
)
def test_a_government_and_its_office_speak_of_their_own_requests(issuer):
    assert _rl510(issuer) == []


def test_requests_to_the_body_itself_pass():
    text = "青山县城关街道办事处2023年政府信息公开工作年度报告\n一、总体情况\n2023年，受理向本机关提出的政府信息公开申请5件；向街道办事处提出申请3件。\n"
    assert lint_text(text, options=SELECT).diagnostics == ()


def test_good_sample_and_other_corpus_files_have_none(good_path, corpus_dir):
    assert lint_path(good_path, SELECT).diagnostics == ()
    for path in sorted(corpus_dir.glob("*.txt")):
        if not path.name.startswith("17_"):
            assert lint_path(path, SELECT).diagnostics == (), path.name
