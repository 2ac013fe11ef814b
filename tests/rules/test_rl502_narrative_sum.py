"""RL502 narrative-sum: "共N条，其中a条、b条…" whose parts do not add up to N."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from reportlint.registry import all_rules, find_rule

RL502 = LintOptions(select=("RL502",))
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n"
WEBSITE = "全年通过县政府门户网站主动公开政府信息386条，其中政策文件及解读42条、规划计划及项目建设信息78条、财政预决算信息12条、工作动态及通知公告254条。"


def _rl502(text, lang="zh"):
    result = lint_text(text, options=LintOptions(select=("RL502",), lang=lang))
    assert all(d.code == "RL502" for d in result.diagnostics)
    return list(result.diagnostics)


def _where(diagnostic):
    return (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column)


# ---------------------------------------------------------------- bad


def test_bad_sample(bad_sample):
    path = bad_sample("RL502")
    result = lint_path(path)
    found = [d for d in result.diagnostics if d.severity is not Severity.INFO]
    assert [d.code for d in found] == ["RL502"]
    diagnostic = found[0]
    assert diagnostic.name == "narrative-sum"
    assert diagnostic.severity is Severity.ERROR
    line5 = path.read_text(encoding="utf-8").split("\n")[4]
    start = line5.index("386条") + 1
    end = line5.index("245条") + 1 + len("245条")
    assert _where(diagnostic) == (5, start, 5, end)  # from the total to the last part
    assert diagnostic.message == "正文所述总数为 386 条，所列各项 42＋78＋12＋245 ＝ 377 条，与总数不符"
    assert (diagnostic.expected, diagnostic.actual) == ("386", "377")
    assert result.status == "fail"


def test_bad_sample_in_english(bad_sample):
    result = lint_path(bad_sample("RL502"), LintOptions(select=("RL502",), lang="en"))
    assert [d.message for d in result.diagnostics] == [
        "the text states a total of 386 条, but the listed parts 42＋78＋12＋245 add up to 377"
    ]


@pytest.mark.parametrize(
    ("sentence", "total", "parts", "summed"),
    [
        # parts above the total: always wrong for disjoint categories
        (WEBSITE.replace("42条", "52条"), "386", "52＋78＋12＋254", "396"),
        ("全年共收到政府信息公开申请12件，其中自然人申请8件、法人或其他组织申请5件。", "12", "8＋5", "13"),
        ("组织业务培训2次，其中线上培训1次、线下培训2次。", "2", "1＋2", "3"),
        # parts below the total, where the list is worded as all of it or comes close to it
        ("共收到政府信息公开申请12件，分别为自然人申请8件、商业企业申请3件。", "12", "8＋3", "11"),
        ("配备工作人员3名，其中专职人员1名、兼职人员1名。", "3", "1＋1", "2"),
        ("全年公开信息100条，其中政策文件20条、工作动态30条、其他信息40条。", "100", "20＋30＋40", "90"),
        # separators and brackets real reports use
        ("共公开信息314条,其中,人员招录信息3条,财政预算、决算信息2条,疫情信息8条,环境保护信息20条,办事指南信息268条。",
         "314", "3＋2＋8＋20＋268", "301"),
        ("共收到申请12件（其中自然人申请8件、商业企业申请3件）。", "12", "8＋3", "11"),
        ("共收到申请12件。其中：自然人申请8件；商业企业申请5件。", "12", "8＋5", "13"),
        # percentages after the parts are skipped, the parts still count
        ("收到申请12件，其中予以公开5件、占41.7%，部分公开4件、占33.3%。", "12", "5＋4", "9"),
        ("收到申请12件，其中予以公开5件、占41.7%；部分公开8件、占66.7%。", "12", "5＋8", "13"),
    ],
)
def test_lists_that_do_not_add_up(sentence, total, parts, summed):
    (diagnostic,) = _rl502(TITLE + sentence + "\n")
    assert diagnostic.line == 3
    assert diagnostic.message.startswith(f"正文所述总数为 {total} ")
    assert f"所列各项 {parts} ＝ {summed} " in diagnostic.message
    assert (diagnostic.expected, diagnostic.actual) == (total, summed)


def test_position_spans_wrapped_lines():
    text = TITLE + "全年主动公开政府信息386条，其中政策文件42条、\n规划计划78条、工作动态254条。\n"
    (diagnostic,) = _rl502(text)
    assert _where(diagnostic) == (3, 11, 4, 17)  # 「386」 on line 3 to 「254条」 on line 4


def test_rule_examples():
    rule = find_rule(all_rules(), "RL502")
    assert [d.code for d in _rl502(rule.bad)] == ["RL502"]
    assert _rl502(rule.good) == []


# ---------------------------------------------------------------- good


def test_good_sample(good_path):
    assert lint_path(good_path, RL502).diagnostics == ()


@pytest.mark.parametrize(
    "name",
    [
        "02_huaian_hongze_district_2023.txt",
        "04_shanghai_municipal_gov_office_2019.txt",
        "07_chongqing_jiulongpo_erlang_street_2022_excerpt.txt",  # 3+2+1+8+12+20+268 = 314
        "09_nanjing_gaochun_district_2022_excerpt.txt",  # 59+32+26+1+12 = 130; 4583 / 2107 / 672 is no list
        "19_gaoping_gov_office_2023_excerpt.txt",  # 2+5+2 = 9
    ],
)
def test_real_narratives(corpus_dir, name):
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert lint_path(path, RL502).diagnostics == ()


def test_no_corpus_or_seed_file_is_flagged(corpus_dir, seeds_dir):
    flagged = [
        path.name
        for folder in (corpus_dir, seeds_dir)
        for path in sorted(folder.glob("*.txt"))
        if lint_path(path, RL502).diagnostics
    ]
    assert flagged == []


@pytest.mark.parametrize(
    "sentence",
    [
        WEBSITE,
        "2018年收到并办理依申请公开3件，其中：按《政府信息公开条例》要求公开2件、不予公开1件。",  # seeds/004
        # highlights, not a breakdown: worded as a selection, or far below the total
        "全年主动公开政府信息1136条，其中政策文件20条、政策解读15条。",
        "全年主动公开政府信息386条，包括政策文件42条、规划计划78条、工作动态200条。",
        "全年主动公开政府信息386条，其中主要有政策文件42条、规划计划78条、工作动态200条。",
        "全年主动公开政府信息386条，其中政策文件42条、规划计划78条、工作动态200条等。",
        # nested breakdowns: whose parts are these?
        "全年主动公开政府信息386条，其中政策文件42条，规划计划78条，工作动态266条，其中通知公告100条。",
        "全年主动公开政府信息386条，其中政策文件42条，其中解读12条，规划计划78条，工作动态266条。",
        # the list ends where the separator or the kind of part changes
        "全年因政府信息公开被申请行政复议3件，其中结果维持2件、结果纠正1件，被提起行政诉讼2件，其中未经复议直接起诉1件、复议后起诉1件。",
        "共收到申请12件，其中自然人申请8件，法人申请4件，予以公开5件，部分公开2件。",
        "共收到申请12件，其中自然人申请8件、法人申请4件，予以公开5件、部分公开2件。",
        "共公开信息386条，其中政策文件42条，规划计划78条，工作动态266条，微信公众号转发100条。",
        # channels overlap: one item on the website and on WeChat
        "全年主动公开政府信息386条，其中通过门户网站发布300条、微信公众号发布200条。",
        # units differ, percentages, approximate figures, comparisons
        "全年主动公开政府信息386条，其中政策文件42条、规划计划78个。",
        "全年主动公开政府信息386条，其中政策文件占20%、规划计划占30%。",
        "全年主动公开政府信息约400条，其中政策文件42条、规划计划78条。",
        "全年主动公开政府信息386条，其中政策文件40余条、规划计划78条。",
        "全年主动公开政府信息386条，较上年增加50条，其中政策文件42条、规划计划78条。",
        "发布信息4583条,其中主动公开各类政府信息2107条,市政府网站共采用672条,全年网站总访问量达3782565次。",  # corpus/real/09
        # a list that does not follow its total, or a total without a list
        "全年主动公开政府信息386条。政策文件42条、规划计划78条。",
        "全年主动公开政府信息386条，工作动态及通知公告254条。",
        # money with decimals
        "全年收取信息处理费0.5万元，其中A类0.2万元、B类0.3万元。",
    ],
)
def test_lists_that_must_not_fire(sentence):
    assert _rl502(TITLE + sentence + "\n") == []
