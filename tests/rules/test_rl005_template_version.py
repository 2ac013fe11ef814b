"""RL005 template-version (info): the template version had to be inferred (DESIGN: "could not be
determined / is inferred") — the report year is in neither the title nor the statistics period."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

T2021 = "按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）检查："
T2019 = "按《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）检查："
T2007 = "按《《中华人民共和国政府信息公开条例》（2007）第三十二条 年度报告内容》（国务院令第492号）检查："
SELECT = LintOptions(select=("RL005",))
ANNOUNCE = "根据《中华人民共和国政府信息公开条例》要求，结合本单位工作实际，现将2020年度政府信息公开工作情况报告如下，请予审阅并提出宝贵意见。"


def _rl005(text, **options):
    result = lint_text(text, options=LintOptions(select=("RL005",), **options))
    assert all(d.code == "RL005" for d in result.diagnostics)
    return result, list(result.diagnostics)


@pytest.fixture(scope="module")
def body(good_lines) -> str:
    """The good sample without its title and intro (lines 3-69): no year anywhere near the top."""
    return "\n".join(good_lines[2:])


# ---------------------------------------------------------------- bad (info): the version is inferred


def test_year_only_in_the_announcing_sentence(body):
    result, found = _rl005(ANNOUNCE + "\n" + body)
    (diagnostic,) = found
    assert diagnostic.name == "template-version"
    assert diagnostic.severity is Severity.INFO
    # 「…现将2020年度…」: "2020" at columns 35-38 of line 1
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (1, 35, 1, 39)
    assert diagnostic.message == T2019 + "报告年度 2020 年取自正文（第 1 行）"
    assert (result.template, result.year) == ("2019", 2020)
    assert result.status == "pass"  # info never fails a file


def test_title_without_year(good_text, replace_once):
    text = replace_once(good_text, "青山县交通运输局2023年政府信息公开工作年度报告", "青山县交通运输局政府信息公开工作年度报告")
    text = replace_once(text, "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", "")
    result, found = _rl005(text)
    # no year in the title or a statistics period, no 「现将××××年度…」 sentence: the year is taken from the
    # body's opening 「2023年，我局坚持…」 (REFERENCE: title, statistics period, or the body), and said so
    assert [d.message for d in found] == [T2021 + "报告年度 2023 年取自正文（第 5 行）"]
    assert [(d.line, d.column) for d in found] == [(5, 1)]
    assert (result.template, result.year) == ("2021", 2023)


def test_no_year_template_inferred_from_2021_labels(body):
    body = body.replace("2023年，", "今年，")  # no year anywhere near the top
    result, found = _rl005(body)
    assert [(d.line, d.column, d.end_line, d.end_column, d.message) for d in found] == [
        (1, 1, 1, 1, T2021 + "未找到报告年度，按表格用语推断")
    ]
    assert (result.template, result.year) == ("2021", None)


def test_year_from_the_opening_of_the_body(body):
    result, found = _rl005(body)
    assert [(d.line, d.column, d.end_column, d.message) for d in found] == [(3, 1, 5, T2021 + "报告年度 2023 年取自正文（第 3 行）")]
    assert (result.template, result.year) == ("2021", 2023)


def test_no_year_template_inferred_from_2019_labels():
    text = (
        "一、总体情况\n我局做好公开工作。\n二、主动公开政府信息情况\n"
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规范性文件 | 1 | 1 | 9\n"
        "三、收到和处理政府信息公开申请情况\n无。\n"
    )
    result, found = _rl005(text)
    assert [d.message for d in found] == [T2019 + "未找到报告年度，按表格用语推断"]
    assert result.template == "2019"


def test_no_year_and_no_labels_defaults_to_current_template():
    text = "一、总体情况\n我局做好公开工作。\n二、主动公开政府信息情况\n无。\n三、收到和处理政府信息公开申请情况\n无。\n"
    result, found = _rl005(text)
    assert [(d.line, d.column, d.message) for d in found] == [
        (1, 1, T2021 + "未找到报告年度，也无法从表格判断，按现行格式检查")
    ]
    assert result.template == "2021"


def test_message_in_english(body):
    _, found = _rl005(body.replace("2023年，", "今年，"), lang="en")
    assert [d.message for d in found] == [
        "checked against 《中华人民共和国政府信息公开工作年度报告格式》 (国办公开办函〔2021〕30号): "
        "no report year found; inferred from the table labels"
    ]


def test_template_chosen_by_option(good_text):
    result, found = _rl005(good_text, template="2019")
    assert result.template == "2019"
    assert [d.message for d in found] == [T2019 + "由 --template 选项指定"]


# ---------------------------------------------------------------- good: the year is stated where it belongs


def test_good_sample_year_from_title(good_path):
    result = lint_path(good_path)
    assert result.diagnostics == ()
    assert (result.status, result.template, result.year) == ("pass", "2021", 2023)


def test_year_from_statistics_period(body):
    text = "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n" + body
    result, found = _rl005(text)
    assert found == []
    assert (result.template, result.year) == ("2021", 2022)


def test_long_body_line_mentioning_a_year_is_not_a_title(body):
    # tricky: 「2019年…政府信息公开工作年度报告…」 in a long first sentence is not the title: the year is 2023
    first = "2019年国务院办公厅印发了政府信息公开工作年度报告格式的通知，我局按照通知要求认真组织编写本年度政府信息公开工作年度报告，现予公布。"
    period = "本报告统计期限自2023年1月1日起至2023年12月31日止。"
    result, found = _rl005(first + "\n" + period + "\n" + body)
    assert found == []
    assert (result.template, result.year) == ("2021", 2023)


def test_signature_date_does_not_override_the_title_year(good_text):
    # the good sample is signed 「2024年1月20日」 and plans for 2024 in section 五; the report year stays 2023
    result, found = _rl005(good_text)
    assert found == []
    assert result.year == 2023


@pytest.mark.parametrize(
    ("year", "template"),
    [(2016, "2007"), (2018, "2007"), (2019, "2019"), (2020, "2019"), (2021, "2021"), (2024, "2021")],
)
def test_template_follows_the_title_year(year, template):
    text = f"青山县交通运输局{year}年政府信息公开工作年度报告\n一、总体情况\n本年度工作情况如下。\n"
    result, found = _rl005(text)
    assert found == []
    assert (result.template, result.year) == (template, year)


def test_year_after_the_title_words():
    result, found = _rl005("政府信息公开工作年度报告（2022年）\n一、总体情况\n本年度工作情况如下。\n")
    assert found == []
    assert result.year == 2022


def test_not_reported_on_a_non_report(bad_sample):
    result = lint_path(bad_sample("RL004"), SELECT)
    assert result.diagnostics == ()


# ---------------------------------------------------------------- the year in the body's opening (corpus 14, 16, 20, 22)

from variants import BODIES, report  # noqa: E402

OPENINGS = (
    "{y}年{s}政府信息公开工作运行良好，各项工作顺利开展。",  # corpus 20
    "{y}年{n}严格按照《中华人民共和国政府信息公开条例》有关要求做好公开工作。",  # corpus 22
    "本报告是根据《条例》要求，主要从总体情况等六个方面汇报{s}{y}年政府信息公开工作情况。",  # corpus 14
    "（一）主动公开信息情况。截止{y}年12月31日{s}通过官方网站发布政务类信息34条。",  # corpus 16
    "（一）主动公开。{y}年度，{s}及时将业务范围内有关事项主动公开。",  # corpus 32's body
)


def _untitled(body, year, opening):
    name, self_name = body
    lines = report(body, year).split("\n")[3:]  # no title, no intro, no 一、 heading
    return "一、总体情况\n" + opening.format(y=year, s=self_name, n=name) + "\n" + "\n".join(lines)


@pytest.mark.parametrize("opening", OPENINGS)
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("year", (2019, 2020, 2022, 2025))
def test_year_from_the_body_opening(opening, body, year):
    result, [note] = _rl005(_untitled(body, year, opening))
    assert result.year == year
    assert note.line == 2 and f"报告年度 {year} 年取自正文（第 2 行）" in note.message
    assert (T2019 if year < 2021 else T2021) in note.message


@pytest.mark.parametrize("corpus_file, year", (
    ("14_nilka_town_2023_excerpt.txt", 2023), ("16_changchun_bureau_2023_excerpt.txt", 2023),
    ("20_yueyang_nanhu_bureau_2019_excerpt.txt", 2019), ("22_huaying_qiliping_town_2020_excerpt.txt", 2020),
))
def test_corpus_body_years(corpus_dir, corpus_file, year):
    assert lint_path(corpus_dir / corpus_file, SELECT).year == year


@pytest.mark.parametrize("opening", (
    "2023年6月，我局对行政规范性文件进行了清理。",  # a date, not the report year
    "2023年底前完成栏目改版。",
))
def test_a_date_in_the_opening_is_not_the_report_year(opening):
    text = "一、总体情况\n" + opening + "\n二、主动公开政府信息情况\n见下表。\n三、收到和处理政府信息公开申请情况\n无。\n"
    result, _ = _rl005(text)
    assert result.year is None


def test_a_year_after_section_two_is_not_the_opening():
    lines = report().split("\n")[3:]
    text = "一、总体情况\n我局做好公开工作。\n" + "\n".join(lines).replace("2023年", "").replace("2024年，我局将", "2024年我局将")
    result, _ = _rl005(text)
    assert result.year is None
