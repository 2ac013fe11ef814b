"""RL507 publication-deadline: publication/signature dates against Art. 49 (1月31日 departments, 3月31日
a government's own report; townships not named) and against the end of the report year."""

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

SELECT = LintOptions(select=("RL507",))
DEPARTMENT = "青山县交通运输局2023年政府信息公开工作年度报告"
GOVERNMENT = "青山县人民政府2023年政府信息公开工作年度报告"
TOWNSHIP = "城关镇人民政府2023年政府信息公开工作年度报告"
STREET = "青山县城关街道办事处2023年政府信息公开工作年度报告"
BODY = "一、总体情况\n2023年6月，我单位对现行有效文件进行清理，截至2024年3月1日已全部公开。\n"


def rl507(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL507" for d in result.diagnostics)
    return list(result.diagnostics)


def header(title: str, date_line: str) -> str:
    return f"{title}\n{date_line}\n{BODY}"


def signed(title: str, signature: str, date: str) -> str:
    return f"{title}\n{BODY}六、其他需要报告的事项\n本年度未收取信息处理费。\n{signature}\n{date}\n"


# ---------------------------------------------------------------- the rule and its examples


def test_rule_metadata():
    rule = find_rule(all_rules(), "RL507")
    assert (rule.name, rule.severity) == ("publication-deadline", Severity.WARNING)
    assert "第四十九条" in rule.explanation.zh and "Art. 49" in rule.explanation.en
    assert "街道" in rule.explanation.zh and "Townships" in rule.explanation.en  # why no finding for them
    assert [d.code for d in lint_text(rule.bad, options=SELECT).diagnostics] == ["RL507"]
    assert rl507(rule.good) == []


# ---------------------------------------------------------------- deadlines by kind of body


@pytest.mark.parametrize(
    "title,date_line,late",
    [
        (DEPARTMENT, "发布日期：2024-01-31", False),  # the last day is in time
        (DEPARTMENT, "发布日期：2024-02-01", True),
        (DEPARTMENT, "发布时间:2024年01月30日 15:52", False),
        (DEPARTMENT, "发布时间:2024年02月05日 09:12", True),
        (DEPARTMENT, "时间:2024-03-01      来源:", True),
        (GOVERNMENT, "发布日期：2024-02-20", False),  # 3月31日 for a government's own report
        (GOVERNMENT, "发布日期：2024-03-31", False),
        (GOVERNMENT, "发布日期：2024-04-01", True),
        (TOWNSHIP, "发布日期：2024-06-01", False),  # Art. 49 names no date for townships
        (STREET, "发布日期：2024-06-01", False),
        (DEPARTMENT, "2024年01月18日来源:1", False),
        (DEPARTMENT, "2024年02月18日来源:1", True),
        (DEPARTMENT, "发文日期 | 2024-02-28 |", True),
        (DEPARTMENT, "成文日期：2024年2月2日", True),
    ],
)
def test_header_dates(title, date_line, late):
    found = rl507(header(title, date_line))
    assert len(found) == (1 if late else 0), [d.message for d in found]
    if late:
        assert found[0].line == 2 and found[0].severity is Severity.WARNING


def test_message_states_deadline_basis_and_issuer():
    [d] = rl507(header(DEPARTMENT, "发布日期：2024-02-01"))
    assert d.message == (
        "发布日期 2024-02-01 晚于法定期限 2024-01-31（《条例》第四十九条：县级以上人民政府部门每年1月31日前公布上一年度年报；"
        "发布机关：青山县交通运输局）"
    )
    assert (d.column, d.end_column, d.expected, d.actual) == (6, 16, "<= 2024-01-31", "2024-02-01")
    [en] = rl507(header(GOVERNMENT, "发布日期：2024-04-01"), LintOptions(select=("RL507",), lang="en"))
    assert en.message == (
        "publication date 2024-04-01 is after the deadline 2024-03-31 (Art. 49: a local government's own report is "
        "published by 31 March; issuer: 青山县人民政府)"
    )


@pytest.mark.parametrize(
    "title,date,late",
    [
        (DEPARTMENT, "2024年1月20日", False),
        (DEPARTMENT, "2024年2月20日", True),
        (DEPARTMENT, "二〇二四年二月五日", True),  # Chinese numerals
        (DEPARTMENT, "二〇二四年一月三十一日", False),
        (GOVERNMENT, "2024年3月20日", False),
        (TOWNSHIP, "2024年5月20日", False),
    ],
)
def test_signature_dates(title, date, late):
    name = title.split("2023年")[0]
    found = rl507(signed(title, name, date))
    assert len(found) == (1 if late else 0)
    if late:
        assert found[0].line == 7 and "落款日期" in found[0].message


def test_unknown_body_is_not_reported_late():
    # no name and no telling words: which deadline applies cannot be told
    text = "2023年政府信息公开工作年度报告\n发布日期：2024-06-01\n一、总体情况\n本年度公开政府信息386条。\n"
    assert rl507(text) == []


def test_body_kind_from_the_text():
    text = "2023年政府信息公开工作年度报告\n发布日期：2024-02-10\n一、总体情况\n2023年，我局公开政府信息386条。\n"
    [d] = rl507(text)
    assert "2024-01-31" in d.message


# ---------------------------------------------------------------- before the year ended


@pytest.mark.parametrize("title", [DEPARTMENT, GOVERNMENT, TOWNSHIP])
def test_date_before_the_report_year_ended(title):
    [d] = rl507(header(title, "发布时间：2023-11-30"))
    assert d.message == "发布时间 2023-11-30 早于 2023 年度结束：年报应在年度结束后编制公布（日期或报告年度有误？）"
    assert (d.expected, d.actual) == ("> 2023-12-31", "2023-11-30")


def test_signed_on_the_last_day_of_the_year_is_not_early():
    assert rl507(signed(DEPARTMENT, "青山县交通运输局", "2023年12月31日")) == []


# ---------------------------------------------------------------- 2007 regulation (report years to 2018)


@pytest.mark.parametrize(
    "title,date_line,late",
    [
        ("青山县交通运输局2018年政府信息公开工作年度报告", "发布日期：2019-03-15", False),  # 3月31日 for all
        ("青山县交通运输局2018年政府信息公开工作年度报告", "发布日期：2019-04-02", True),
        ("城关镇人民政府2017年政府信息公开工作年度报告", "发布日期：2018-04-02", True),
    ],
)
def test_old_regulation_deadline(title, date_line, late):
    found = rl507(f"{title}\n{date_line}\n一、概述\n本年度公开政府信息386条。\n")
    assert len(found) == (1 if late else 0)
    if late:
        assert "第三十一条" in found[0].message


# ---------------------------------------------------------------- what is not a publication date


@pytest.mark.parametrize(
    "date_line",
    [
        "2017210日)",  # garbled (corpus/real/35)
        "统计时间：2023年1月1日至2023年12月31日",
        "数据时间：2023年1月1日—2023年12月31日",
        "更新时间：2024-05-01",
        "工作时间：工作日上午8:30—12:00",
        "本报告于2024年3月1日经局长办公会审定。",  # a date inside a sentence
    ],
)
def test_not_publication_dates(date_line):
    assert rl507(header(DEPARTMENT, date_line)) == []


def test_dates_in_the_body_are_ignored():
    lines = [DEPARTMENT, "一、总体情况"] + [f"第{i}段：2024年5月{i}日召开会议。" for i in range(1, 15)] + ["青山县交通运输局", "2024年1月20日"]
    assert rl507("\n".join(lines) + "\n") == []


def test_no_report_year_no_finding():
    assert rl507("青山县交通运输局政府信息公开工作年度报告\n发布日期：2030-01-01\n一、总体情况\n本年度公开政府信息。\n") == []


# ---------------------------------------------------------------- samples and corpus


def test_good_sample_signed_on_time(good_path, good_lines):
    assert good_lines[68] == "2024年1月20日"
    assert list(lint_path(good_path, SELECT).diagnostics) == []


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL507"))
    # exactly one defect: nothing but RL507 above the info level (RL005 and other notes aside)
    assert [d.code for d in result.diagnostics if d.severity is not Severity.INFO] == ["RL507"]
    [d] = [d for d in result.diagnostics if d.code == "RL507"]
    assert (d.line, d.column, d.end_column, d.severity) == (69, 1, 11, Severity.WARNING)
    assert result.status == "pass"  # a warning only


def test_good_sample_as_a_government_report_may_sign_in_march(good_text, replace_once):
    text = replace_once(good_text, "青山县交通运输局2023年", "青山县人民政府2023年")
    assert rl507(replace_once(text, "2024年1月20日", "2024年3月20日")) == []
    assert len(rl507(replace_once(text, "2024年1月20日", "2024年4月20日"))) == 1


CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@needs_shared
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_no_finding_on_the_real_corpus(name):
    # 04 办公厅 2020-01-31, 15 街道 2022-01-30, 17 街道 2022-01-18, 27 市政府 2018-02-28 (2007 rule),
    # 29 区 2017-01-12, 33 局 2025-01-21, 35 区政府 2018-02-26: all in time
    assert list(lint_path(CORPUS / name, SELECT).diagnostics) == []


@needs_shared
@pytest.mark.parametrize("name", SEED_FILES)
def test_no_finding_on_the_seeds(name):
    # 004 is signed 2018年12月31日, the last day of its report year: not early
    assert list(lint_path(SEEDS / name, SELECT).diagnostics) == []


@needs_shared
@pytest.mark.parametrize(
    "name,old,new,line,message",
    [
        # the dates are really read: moved past the deadline they are reported
        ("04_shanghai_municipal_gov_office_2019.txt", "发布日期：2020-01-31", "发布日期：2020-02-01", 2, "2020-01-31"),
        ("33_daixian_health_2024_excerpt.txt", "时间:2025-01-21", "时间:2025-02-21", 3, "2025-01-31"),
        ("35_jilin_longtan_district_2017_excerpt.txt", "发布日期:2018-02-26", "发布日期:2018-04-26", 3, "2018-03-31"),
        ("29_fuzhou_jinan_district_2016_excerpt.txt", "时间:2017-01-12 10:01", "时间:2017-04-12 10:01", 3, "2017-03-31"),
        # a street office is never late, but a date before the year ended is still suspicious
        ("15_shijiazhuang_qiaoxi_zhongshan_street_2021_excerpt.txt", "发布时间:2022年01月30日 15:52", "发布时间:2021年11月30日 15:52", 2, "2021 年度结束"),
    ],
)
def test_corpus_dates_are_read(name, old, new, line, message):
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    [d] = rl507(text.replace(old, new))
    assert d.line == line and message in d.message


@needs_shared
def test_corpus_street_reports_are_never_late():
    text = (CORPUS / "15_shijiazhuang_qiaoxi_zhongshan_street_2021_excerpt.txt").read_text(encoding="utf-8")
    assert rl507(text.replace("发布时间:2022年01月30日 15:52", "发布时间:2022年06月30日 15:52")) == []
