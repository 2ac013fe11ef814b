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


def test_only_corpus_12_is_flagged_in_the_corpus_and_seeds(corpus_dir, seeds_dir):
    flagged = [
        path.name
        for folder in (corpus_dir, seeds_dir)
        for path in sorted(folder.glob("*.txt"))
        if lint_path(path, RL502).diagnostics
    ]
    assert flagged == ["12_xinfeng_county_health_2023_excerpt.txt"]


# ---------------------------------------------------------------- one level of parts (corpus 18) and recall (corpus 12)

from variants import BODIES, YEARS, report  # noqa: E402


def test_corpus_18_disputes_are_seven_reviews_and_four_lawsuits(corpus_dir):
    """行政争议11件,其中,行政复议7件,结果维持6件,尚未审结1件;行政诉讼4件…: 11 = 7 + 4, the results are inside."""
    assert lint_path(corpus_dir / "18_jiaxing_gov_office_2023_excerpt.txt", RL502).diagnostics == ()


def test_corpus_12_list_after_the_sentence_of_its_total(corpus_dir):
    """全年主动公开政府信息数465条,内容涉及…。其中…1条、…362条 = 464."""
    [d] = lint_path(corpus_dir / "12_xinfeng_county_health_2023_excerpt.txt", RL502).diagnostics
    assert (d.line, d.expected, d.actual) == (7, "465", "464")


def _in_report(sentence, body=BODIES[0], year=2023, layout="text"):
    """The sentence as the first paragraph of 一、总体情况 of a whole generated report."""
    text = report(body, year, layout)
    anchor = "（一）主动公开\n" if layout == "text" else "### （一）主动公开\n"
    return text.replace(anchor, anchor + sentence + "\n", 1)


LEVELS = (  # consistent: the total is the sum of the first level only
    "因信息公开引发行政争议11件，其中，行政复议7件，结果维持6件，尚未审结1件；行政诉讼4件，结果维持2件，尚未审结2件。",
    "全年发生行政争议5件，其中行政复议3件，结果纠正1件，其他结果2件；行政诉讼2件，尚未审结2件。",
    "全年政务服务事项共有89项，其中行政许可57项，实现“一趟不用跑”的有45项，公共服务32项。",
    "全年政务服务事项共有89项，其中行政许可57项，达到“最多跑一次”标准的40项，公共服务32项。",
    "主动公开信息120条，其中政策文件70条，含解读的有30条，其他信息50条。",
)
RECALL = (  # (sentence, total, parts' sum)
    ("截至{y}年12月31日，全年主动公开政府信息数465条，内容涉及财政预决算、机构职能等多面内容。其中信息公开年度报告1条、规划计划1条、领导信息1条、机构职能1条、政策文件8条、医疗卫生内容34条、部门预决算56条、工作动态362条。", "465", "464"),
    ("全年主动公开政府信息465条，机构职能类信息1条，法规文件类信息1条，规划计划类信息1条，行政许可类8条，财政资金类34条，工作动态类56条，其他应主动公开的信息363条。", "465", "464"),
    ("{y}年累计公开信息3210条，机构职能类信息612条，政策文件类信息402条，工作动态类信息400条，其他应主动公开的信息1796条。", "3210", "3210"),
    ("全年共公开信息3210条，机构职能类612条；政策文件类402条；工作动态类400条；其他类1790条。", "3210", "3204"),
)


@pytest.mark.parametrize("sentence", LEVELS)
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_sub_parts_are_not_added_to_their_total(sentence, body, layout):
    result = lint_text(_in_report(sentence, body, 2022, layout), "r.md" if layout == "markdown" else "r.txt", RL502)
    assert result.diagnostics == ()


@pytest.mark.parametrize("sentence, total, summed", RECALL)
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("year", YEARS)
def test_lists_without_a_marker_or_after_the_sentence_are_added(sentence, total, summed, body, year):
    found = lint_text(_in_report(sentence.format(y=year), body, year), options=RL502).diagnostics
    if total == summed:
        assert found == ()
    else:
        assert [(d.expected, d.actual) for d in found] == [(total, summed)]


@pytest.mark.parametrize("sentence", (
    "全年收到申请12件，上年结转1件，办结12件，结转下年度1件。",  # a run of facts, not a partition
    "全年主动公开信息386条，网站发布300条，微信发布200条，其他渠道发布50条。",  # channels overlap
    "全年主动公开政府信息465条，内容涉及多个方面。其中政策文件8条、工作动态30条。",  # a selection far below the total
    "全年共有干部30人，2名领导。其中科员20人，其他10人，另有借调5人。",  # two figures before: whose parts?
))
def test_runs_of_facts_are_not_lists(sentence):
    assert lint_text(_in_report(sentence), options=RL502).diagnostics == ()


def test_a_sub_part_larger_than_its_part_is_not_read_as_one():
    sentence = "全年政务服务事项共有89项，其中行政许可57项，实现“一趟不用跑”的有60项，公共服务32项。"
    assert lint_text(_in_report(sentence), options=RL502).diagnostics == ()


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
