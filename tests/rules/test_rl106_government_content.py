"""RL106 government-content: a people's government's own report covers 工作考核、社会评议和责任追究结果情况
(Art. 50(四)); departments and townships are not bound, excerpts and pre-2019 reports are not checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from reportlint.registry import all_rules, find_rule

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus" / "real"
SEEDS = SHARED / "seeds"
needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")

SELECT = LintOptions(select=("RL106",))
GOVERNMENT = "青山县人民政府2023年政府信息公开工作年度报告"
PLAIN = "县政府成立政务公开工作领导小组，全年组织政务公开业务培训2次，加强日常监督检查和第三方评估。"


def rl106(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL106" for d in result.diagnostics)
    return list(result.diagnostics)


def report(title: str = GOVERNMENT, supervision: str = PLAIN, tail: str = "六、其他需要报告的事项\n无。") -> str:
    return (
        f"{title}\n一、总体情况\n（一）主动公开\n全年主动公开政府信息386条。\n（五）监督保障\n{supervision}\n"
        f"五、存在的主要问题及改进情况\n政策解读形式较为单一。\n{tail}\n"
    )


# ---------------------------------------------------------------- the rule and its examples


def test_rule_metadata():
    rule = find_rule(all_rules(), "RL106")
    assert (rule.name, rule.severity) == ("government-content", Severity.ERROR)
    assert "第五十条" in rule.explanation.zh and "Art. 50" in rule.explanation.en
    for word in ("考核", "评议", "责任追究", "问责"):  # the explanation says which words count
        assert word in rule.explanation.zh
    assert [d.code for d in lint_text(rule.bad, options=SELECT).diagnostics] == ["RL106"]
    assert rl106(rule.good) == []


# ---------------------------------------------------------------- bad


def test_government_report_without_the_three_items():
    [d] = rl106(report())
    assert (d.line, d.column, d.severity, d.section) == (5, 1, Severity.ERROR, ("一", "（五）"))  # at 监督保障
    assert d.message.startswith("青山县人民政府的年报属人民政府本级年报，但全文未报告工作考核、社会评议和责任追究结果情况")
    [en] = rl106(report(), LintOptions(select=("RL106",), lang="en"))
    assert en.message.startswith("the report of 青山县人民政府 is a people's government's own report")


@pytest.mark.parametrize(
    "title",
    [
        "南京市高淳区人民政府2022年政府信息公开工作年度报告",
        "青山县2023年政府信息公开工作年度报告",  # a bare place: the county's report
        "青山县人民政府\n2023年政府信息公开工作年度报告",
        "青山县政府2023年政府信息公开工作年度报告",
    ],
)
def test_government_titles(title):
    assert len(rl106(report(title=title))) == 1


def test_government_from_the_intro():
    text = (
        "本报告由青山县人民政府办公室汇总编制，统计期限自2023年1月1日起至2023年12月31日止。\n"
        + report(title="2023年政府信息公开工作年度报告")
    )
    [d] = rl106(text)
    assert "青山县人民政府的年报" in d.message


def test_2019_template_is_checked():
    assert len(rl106(report(title="青山县人民政府2020年政府信息公开工作年度报告"))) == 1


def test_without_a_supervision_heading_the_finding_is_on_section_one():
    text = f"{GOVERNMENT}\n一、总体情况\n全年主动公开政府信息386条。\n二、主动公开政府信息情况\n无。\n"
    [d] = rl106(text)
    assert d.line == 2


@pytest.mark.parametrize("words", ["监督检查", "第三方评估", "群众满意度测评", "年度评价", "追究"])
def test_generic_words_do_not_count(words):
    assert len(rl106(report(supervision=f"县政府开展{words}工作。"))) == 1


# ---------------------------------------------------------------- good


@pytest.mark.parametrize(
    "sentence",
    [
        "将政务公开工作纳入全县绩效考核。",
        "年度考评中政务公开占4分。",
        "组织开展政务公开社会评议1次。",
        "邀请群众代表开展民主评议。",
        "本年度未发生因政府信息公开工作引起的责任追究情况。",  # a nil result is a result
        "对工作不力的单位追究相关人员责任。",
        "全年无追责问责情况。",
        "全年无问责情况。",
    ],
)
def test_one_item_is_enough(sentence):
    assert rl106(report(supervision=PLAIN + sentence)) == []


def test_words_count_anywhere_and_across_line_breaks():
    assert rl106(report(tail="六、其他需要报告的事项\n全县政务公开工作纳入年度考\n核。")) == []


@pytest.mark.parametrize(
    "title",
    [
        "青山县交通运输局2023年政府信息公开工作年度报告",
        "上海市人民政府办公厅2023年政府信息公开工作年度报告",  # the government's office: a department
        "高平市人民政府办公室\n2023年政府信息公开工作年度报告",
        "城关镇人民政府2023年政府信息公开工作年度报告",  # a 镇's government: a township
        "青山县城关街道办事处2023年政府信息公开工作年度报告",
        "2023年政府信息公开工作年度报告",  # nobody named: unknown
    ],
)
def test_not_a_government_report(title):
    assert rl106(report(title=title)) == []


def test_pre_2019_reports_are_not_checked():
    assert rl106(report(title="青山县人民政府2017年政府信息公开工作年度报告")) == []


def test_excerpt_cut_mid_way_is_not_checked():
    text = f"{GOVERNMENT}\n一、总体情况\n（五）监督保障\n县政府成立政务公开工作领导小组，全年组织政务公开业务培"
    assert rl106(text) == []


def test_excerpt_cut_after_section_one_is_not_checked_either():
    # 五 or 六 (after the cut) may still report 考核/评议/追究
    text = report() + "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 8 | 2 | 0 | 1 | 1 | 0 | 12"
    assert rl106(text) == []


# ---------------------------------------------------------------- samples and corpus


def test_good_sample_is_a_department(good_path):
    assert list(lint_path(good_path, SELECT).diagnostics) == []


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL106"))
    # exactly one defect: nothing but RL106 above the info level (RL005 and other notes aside)
    assert [d.code for d in result.diagnostics if d.severity is not Severity.INFO] == ["RL106"]
    [d] = [d for d in result.diagnostics if d.code == "RL106"]
    assert (d.line, d.column, d.source_line) == (12, 1, "（五）监督保障")


def test_bad_sample_fixed(bad_sample, replace_once):
    text = bad_sample("RL106").read_text(encoding="utf-8")
    fixed = replace_once(text, "参训人员达86人次。", "参训人员达86人次，并将政务公开工作纳入全县绩效考核。")
    assert rl106(fixed) == []


CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@needs_shared
def test_corpus_02_government_report_lacks_the_items():
    # 洪泽区人民政府 2023, full text: （五）政府信息公开监督保障情况 speaks only of 网站 monitoring;
    # no 考核, 评议 or 责任追究 anywhere (a true defect)
    result = lint_path(CORPUS / "02_huaian_hongze_district_2023.txt", SELECT)
    [d] = result.diagnostics
    assert d.line == 35 and d.source_line.startswith("（五）政府信息公开监督保障情况")
    assert "洪泽区人民政府" in d.message


@needs_shared
def test_corpus_01_government_report_lacks_the_items():
    # 淮安市人民政府 2024, full text: （五）监督保障 speaks of monitoring, checks and 评估 reports only;
    # no 考核, 评议 or 责任追究 anywhere (checked by hand: a true defect under Art. 50(四))
    result = lint_path(CORPUS / "01_huaian_city_gov_2024.txt", SELECT)
    [d] = result.diagnostics
    assert d.source_line.startswith("（五）政府信息公开监督保障情况")
    assert "淮安市人民政府" in d.message


@needs_shared
@pytest.mark.parametrize("name", [n for n in CORPUS_FILES if not n.startswith(("01_", "02_"))])
def test_no_other_finding_on_the_real_corpus(name):
    # 04/19/23 are government offices (departments), 09 is a government excerpt cut mid-way,
    # 27/29/35 are pre-2019 government reports, the rest are departments or streets
    assert list(lint_path(CORPUS / name, SELECT).diagnostics) == []


@needs_shared
def test_corpus_02_fixed():
    text = (CORPUS / "02_huaian_hongze_district_2023.txt").read_text(encoding="utf-8")
    fixed = text.replace("建立政\n府网站日常监测机制。", "建立政\n府网站日常监测机制。将政务公开纳入全区综合考核。")
    assert fixed != text
    assert rl106(fixed) == []


@needs_shared
@pytest.mark.parametrize("name", SEED_FILES)
def test_no_finding_on_the_seeds(name):
    assert list(lint_path(SEEDS / name, SELECT).diagnostics) == []
