"""RL503 report-year: title year, statistics period, introduction and 总体情况 agree on one calendar year."""

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

SELECT = LintOptions(select=("RL503",))
SELECT_EN = LintOptions(select=("RL503",), lang="en")
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告\n"
PERIOD = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"


def rl503(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL503" for d in result.diagnostics)
    return list(result.diagnostics)


def report(body: str, title: str = TITLE, period: str = PERIOD) -> str:
    return title + period + "一、总体情况\n" + body + "\n二、主动公开政府信息情况\n2023年，我局主动公开政府信息386条。\n"


# ---------------------------------------------------------------- the rule and its examples


def test_rule_metadata():
    rule = find_rule(all_rules(), "RL503")
    assert (rule.name, rule.severity) == ("report-year", Severity.ERROR)
    assert "第四十九条" in rule.explanation.zh and "Art. 49" in rule.explanation.en
    assert [d.code for d in lint_text(rule.bad, options=SELECT).diagnostics] == ["RL503"]
    assert rl503(rule.good) == []


# ---------------------------------------------------------------- title vs statistics period


def test_period_of_another_year_names_both_lines():
    [d] = rl503(report("2023年，我局主动公开政府信息386条。", period="统计期限自2022年1月1日起至2022年12月31日止。\n"))
    assert (d.line, d.column, d.severity, d.expected, d.actual) == (2, 6, Severity.ERROR, "2023", "2022")
    assert d.message == "统计期限（第 2 行）写的是 2022 年，与标题（第 1 行）的 2023 年不一致"
    [en] = rl503(report("x", period="统计期限自2022年1月1日起至2022年12月31日止。\n"), SELECT_EN)
    assert en.message == "the statistics period (line 2) says 2022 but the title (line 1) says 2023"


def test_period_that_ends_before_it_starts():
    # the 人社部 2010 report (REFERENCE §6 item 7)
    text = "人力资源和社会保障部2010年政府信息公开工作年度报告\n本年度报告统计期限自2010年1月1日起至2009年12月31日止。\n"
    [d] = rl503(text)
    assert d.line == 2
    assert d.message == "统计期限止于 2009年12月31日（第 2 行），早于起始日 2010年1月1日（第 2 行）"
    assert (d.expected, d.actual) == ("2010年12月31日", "2009年12月31日")


@pytest.mark.parametrize(
    "period",
    [
        "统计期限自2023年1月1日起至2023年6月30日止。",  # half a year
        "统计期限自2022年7月1日起至2023年6月30日止。",  # a fiscal-style year
        "统计期限自2023年1月1日起至2024年12月31日止。",  # two years
    ],
)
def test_period_that_is_not_one_calendar_year(period):
    [d] = rl503(TITLE + period + "\n")
    assert "不是一个完整自然年" in d.message and d.line == 2


def test_period_wrapped_over_two_lines_with_spaces_is_read_and_both_lines_are_named():
    # corpus/real/02: PDF text, the period wraps after "1 日"
    text = "洪泽区人民政府\n2023 年政府信息公开工作年度报告\n报告中所列数据统计期限自 2022 年 1 月 1 日\n起至 2022 年 12 月 31 日止。\n"
    [d] = rl503(text)
    assert (d.line, d.actual, d.expected) == (3, "2022", "2023")
    assert "第 2 行" in d.message  # the title's year line
    [backwards] = rl503(text.replace("起至 2022 年 12", "起至 2021 年 12"))
    assert "（第 4 行）" in backwards.message and "（第 3 行）" in backwards.message


@pytest.mark.parametrize(
    "period",
    [
        "本年度报告中所列数据统计期限从2023年1月1日到12月31日止。",  # corpus/real/04: no end year
        "本报告所列数据的统计期限为2023年1月1日至2023年12月31日。",
        "本报告信息数据统计期限为：2023年1月1日-2023年12月31日。",
        "本报告中所列数据的统计时间为2023年1月1日至2023年12月31日。",
        "本报告统计数据从2023年1月1日至2023年12月31日止。",
        "本报告中所列数据的统计期限自２０２３年１月１日起至２０２３年１２月３１日止。",  # full-width digits
    ],
)
def test_period_wordings_that_agree(period):
    assert rl503(TITLE + period + "\n") == []


def test_period_alone_sets_the_year_when_there_is_no_title():
    text = "本政府信息公开工作年度报告的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n2022年，我局主动公开政府信息386条。\n"
    [d] = rl503(text)
    assert (d.line, d.actual, d.expected) == (3, "2022", "2023")
    assert "统计期限（第 1 行）" in d.message


def test_garbled_period_dates_are_left_alone():
    assert rl503(TITLE + "统计期限自2023年13月1日起至2023年12月31日止。\n") == []


# ---------------------------------------------------------------- titles and the introduction


def test_second_title_line_with_another_year():
    text = "青山县交通运输局\n2023年政府信息公开工作年度报告\n（2022年政府信息公开工作年度报告）\n"
    [d] = rl503(text)
    assert (d.line, d.actual, d.expected) == (3, "2022", "2023")


def test_announcement_of_another_year():
    text = TITLE + "现将2022年度政府信息公开工作情况报告如下：\n"
    [d] = rl503(text)
    assert (d.line, d.actual) == (2, "2022")
    assert d.message == "导语（第 2 行）写的是 2022 年，与标题（第 1 行）的 2023 年不一致"


def test_cited_notice_of_another_year_in_the_intro_is_not_a_title():
    text = (
        TITLE
        + "本报告根据《关于做好2022年政府信息公开工作年度报告编制发布工作的通知》要求编制。\n"
        + "《2022年政府信息公开工作年度报告》\n"
    )
    assert rl503(text) == []


# ---------------------------------------------------------------- years in 总体情况


def test_body_sentence_describing_this_year_as_another():
    text = report("2022年，我局坚持以公开为常态、不公开为例外，全年主动公开政府信息386条。")
    [d] = rl503(text)
    assert (d.line, d.column, d.actual, d.expected) == (4, 1, "2022", "2023")
    assert d.message == "正文（第 4 行）写的是 2022 年，与标题（第 1 行）的 2023 年不一致"


@pytest.mark.parametrize(
    "body",
    [
        "（一）主动公开情况。2022年，我区在政府网站平台主动公开政府信息1136条。",  # after a heading's 。
        "本年度工作情况如下。2022年度，全县共受理政府信息公开申请12件。",
        "2022年，在县委县政府的坚强领导下，我局主动公开政府信息386条。",  # subject further on
        "2022年，青山县交通运输局主动公开政府信息386条。",  # the issuer's own name as subject
    ],
)
def test_body_sentence_variants_that_are_flagged(body):
    [d] = rl503(report(body))
    assert d.actual == "2022"


@pytest.mark.parametrize(
    "body",
    [
        "2023年，我局主动公开政府信息386条，较2022年增加12条。",
        "2022年，我局主动公开政府信息374条，本年度增加到386条。",  # this year named alongside
        "与2022年相比，我局主动公开政府信息增加12条。",
        "2022年，我局公开政府信息374条，2023年同比增长3%。",
        "我局根据《青山县2022年政务公开工作要点》开展工作。",  # a past year's document
        "对照2022年度报告中提出的问题逐项整改。",
        "2024年，我局将进一步丰富政策解读形式。",  # a plan
        "2024年，我局计划开展政务公开培训3次。",
        "2019年以来，我局累计公开政府信息1500条。",
        "2022年，国务院办公厅印发了新的年报格式。",  # not this body's work
        "自2022年起，我局实行信息发布审核制度。",  # not the sentence's opening year
        "截至2023年12月31日，我局现行有效行政规范性文件15件。",
        "2022年，全县共受理申请10件；2023年，全县共受理申请12件。",  # both years in one paragraph
    ],
)
def test_body_years_that_are_fine(body):
    assert rl503(report(body)) == []


def test_years_outside_section_one_are_not_checked():
    text = (
        TITLE + PERIOD + "一、总体情况\n2023年，我局主动公开政府信息386条。\n"
        + "五、存在的主要问题及改进情况\n2022年，我局存在的问题已于本年度整改。\n2024年，我局将丰富政策解读形式。\n"
    )
    assert rl503(text) == []


def test_no_year_anywhere_no_finding():
    assert rl503("政府信息公开工作年度报告\n一、总体情况\n2022年，我局主动公开政府信息。\n") == []


# ---------------------------------------------------------------- samples and corpus


def test_good_sample_passes(good_path):
    assert [d for d in lint_path(good_path, SELECT).diagnostics] == []


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL503"))
    # exactly one defect: nothing but RL503 above the info level (RL005 and other notes aside)
    assert [d.code for d in result.diagnostics if d.severity is not Severity.INFO] == ["RL503"]
    [d] = [d for d in result.diagnostics if d.code == "RL503"]
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 200, 2, 222)
    assert d.source_line.count("统计期限自2023年1月1日起至2022年12月31日止") == 1


def test_good_sample_with_last_years_opening_sentence(good_text, replace_once):
    text = replace_once(good_text, "2023年，我局坚持以公开为常态", "2022年，我局坚持以公开为常态")
    [d] = rl503(text)
    assert (d.line, d.actual, d.expected) == (5, "2022", "2023")
    assert "（第 1 行）" in d.message


CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@needs_shared
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_no_finding_on_the_real_corpus(name):
    # every real report's title, period, intro and 总体情况 years agree (checked by hand)
    assert list(lint_path(CORPUS / name, SELECT).diagnostics) == []


@needs_shared
@pytest.mark.parametrize("name", SEED_FILES)
def test_no_finding_on_the_seeds(name):
    assert list(lint_path(SEEDS / name, SELECT).diagnostics) == []


@needs_shared
def test_corpus_02_with_last_years_period():
    text = (CORPUS / "02_huaian_hongze_district_2023.txt").read_text(encoding="utf-8")
    assert text.count("统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止") == 1
    text = text.replace("统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止", "统计期限自 2022 年 1 月 1 日\n起至 2022 年 12 月 31 日止")
    [d] = rl503(text)
    assert (d.line, d.actual, d.expected) == (6, "2022", "2023")
    assert "标题（第 3 行）" in d.message


@needs_shared
def test_corpus_04_period_without_end_year_is_read():
    # 统计期限从2019年1月1日到12月31日止: consistent with the 2019 title; made 2018, it disagrees
    text = (CORPUS / "04_shanghai_municipal_gov_office_2019.txt").read_text(encoding="utf-8")
    text = text.replace("统计期限从2019年1月1日到12月31日止", "统计期限从2018年1月1日到12月31日止")
    [d] = rl503(text)
    assert (d.line, d.actual, d.expected) == (3, "2018", "2019")


# ---------------------------------------------------------------- plans dated the report year, blank statistics periods

from variants import BODIES  # noqa: E402
from variants import report as variant  # noqa: E402

_PLAN = "{next}年，我局将着力做好以下改进工作"
_PERIOD = "统计期限自{y}年1月1日起至{y}年12月31日止"


@pytest.mark.parametrize("year", (2016, 2020, 2023))
@pytest.mark.parametrize("plan", ("{y}年，我们将采取以下措施加以改进", "{y}年我局将着力做好以下改进工作", "{y}年度，我局计划做好以下工作"))
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_plan_dated_the_report_year(year, plan, body, layout):
    text = variant(body, year, layout).replace(_PLAN.format(next=year + 1).replace("我局", body[1]), plan.format(y=year))
    found = [d for d in lint_text(text, "r.md" if layout == "markdown" else "r.txt", LintOptions(select=("RL503",))).diagnostics]
    assert [(d.line, d.expected, d.actual) for d in found] == [(65, str(year + 1), str(year))]
    assert found[0].message.startswith("“存在的主要问题及改进情况”中的计划写的是报告年度本身")


@pytest.mark.parametrize("sentence", (
    "{y}年以来，我局将公开工作纳入考核",  # since: what was done
    "{y}年底前，我局将完成栏目改版",  # a deadline within the year, said as it was met or not
    "较{y}年，我局将进一步",  # a comparison inside a sentence
    "{n}年，我局将着力做好以下改进工作",  # the next year: right
))
def test_plans_that_are_right(sentence):
    year = 2023
    text = variant(year=year).replace(_PLAN.format(next=year + 1), sentence.format(y=year, n=year + 1))
    assert lint_text(text, options=LintOptions(select=("RL503",))).diagnostics == ()


@pytest.mark.parametrize("blank", ("统计期限自至", "统计期限为年月日至年月日", "统计期限自 年 月 日起至 年 月 日止", "统计时间从到"))
@pytest.mark.parametrize("year", (2019, 2023))
def test_blank_statistics_period(blank, year):
    text = variant(year=year).replace(_PERIOD.format(y=year), blank)
    [d] = lint_text(text, options=LintOptions(select=("RL503",))).diagnostics
    assert d.line == 2 and d.message == f"统计期限没有填写日期：「{blank}」"


def test_a_placeholder_period_is_rl401s():
    text = variant().replace(_PERIOD.format(y=2023), "统计期限自xxxx年1月1日起至xxxx年12月31日止")
    assert [d.message for d in lint_text(text, options=LintOptions(select=("RL503",))).diagnostics if "没有填写" in d.message] == []


# ---------------------------------------------------------------- the report's own figures given another year

_REQUESTS = "全年共收到政府信息公开申请12件，上年结转1件，办结12件，结转下年度1件；"


@pytest.mark.parametrize("sentence, figure", (
    ("我局{p}年共收到政府信息公开申请12件，上年结转1件，办结12件，结转下年度1件；", "12"),
    ("全年共收到政府信息公开申请12件，上年结转1件，{p}年度办结申请12件，结转下年度1件；", "12"),
    ("{p}年受理依申请公开12件，上年结转1件，办结12件，结转下年度1件；", "12"),
))
@pytest.mark.parametrize("year", (2021, 2023, 2025))
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
def test_own_figure_given_last_year(sentence, figure, year, body):
    text = variant(body, year).replace(_REQUESTS, sentence.format(p=year - 1))
    found = lint_text(text, options=LintOptions(select=("RL503",))).diagnostics
    assert [(d.line, d.expected, d.actual) for d in found] == [(7, str(year), str(year - 1))]
    assert f"表三的 {figure} 件是 {year} 年的" in found[0].message


@pytest.mark.parametrize("sentence", (
    _REQUESTS.replace("；", "，较2022年收到的9件有所增加；"),  # a comparison
    _REQUESTS.replace("12件，上年", "12件（2022年收到申请9件），上年"),  # last year's own figure
    "2022年共收到政府信息公开申请30件。" + _REQUESTS,  # another figure for another year
))
def test_figures_of_other_years_that_are_theirs(sentence):
    text = variant(year=2023).replace(_REQUESTS, sentence)
    assert [d for d in lint_text(text, options=LintOptions(select=("RL503",))).diagnostics if "名下" in d.message] == []
