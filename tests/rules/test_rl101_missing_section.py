"""RL101 missing-section: each of the template's six sections must be there (never judged on excerpts)."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

SELECT = LintOptions(select=("RL1",))  # the structure family: RL101 with RL102/RL103/RL105 around it


def _rl101(result):
    return [(d.line, d.column, d.end_line, d.end_column, d.section, d.message) for d in result.diagnostics if d.code == "RL101"]


def _drop_lines(lines: list[str], first: int, last: int) -> str:
    """The text without lines first..last (1-based, inclusive)."""
    return "\n".join(lines[: first - 1] + lines[last:])


# ---------------------------------------------------------------- bad


def test_missing_section_sample(bad_sample):
    result = lint_path(bad_sample("RL101"))
    assert [d.code for d in result.diagnostics] == ["RL101"]  # the sample has exactly one defect
    diagnostic = result.diagnostics[0]
    assert diagnostic.name == "missing-section"
    assert diagnostic.severity is Severity.ERROR
    # placed at the heading of the next section present: 「六、其他需要报告的事项」 on line 63 (11 characters)
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (63, 1, 63, 12)
    assert diagnostic.section == ("五",)
    assert diagnostic.message == "缺少必需部分「五、存在的主要问题及改进情况」"
    assert result.status == "fail"


def test_message_in_english(bad_sample):
    result = lint_path(bad_sample("RL101"), LintOptions(select=("RL101",), lang="en"))
    assert [d.message for d in result.diagnostics] == ["mandatory section '五、存在的主要问题及改进情况' is missing"]


def test_intro_naming_the_part_is_not_the_section(bad_sample):
    # line 2 lists 「存在的主要问题及改进情况」 in running text: still missing
    text = bad_sample("RL101").read_text(encoding="utf-8")
    assert "存在的主要问题及改进情况" in text.split("\n")[1]
    assert len(_rl101(lint_text(text, options=SELECT))) == 1


def test_missing_heading_of_section_three_with_its_table_left(good_lines):
    text = _drop_lines(good_lines, 29, 29)  # only the heading line 「三、收到和处理政府信息公开申请情况」
    assert _rl101(lint_text(text, options=SELECT)) == [
        # next present heading: 「四、政府信息公开行政复议、行政诉讼情况」, now line 57 (19 characters)
        (57, 1, 57, 20, ("三",), "缺少必需部分「三、收到和处理政府信息公开申请情况」")
    ]


def test_table_row_label_four_is_not_section_four(good_lines):
    # tricky: the request table's last row 「四、结转下年度继续办理 | …」 looks like heading 四 but is a row
    text = _drop_lines(good_lines, 58, 58)
    assert _rl101(lint_text(text, options=SELECT)) == [
        (62, 1, 62, 15, ("四",), "缺少必需部分「四、政府信息公开行政复议、行政诉讼情况」")
    ]


def test_pdf_style_row_label_four_is_not_section_four():
    text = (
        "青山县交通运输局2023年政府信息公开工作年度报告\n"
        "一、总体情况\n无。\n二、主动公开政府信息情况\n无。\n三、收到和处理政府信息公开申请情况\n"
        "四、结转下年度继续办理 0 0 0 0 0 0 0\n"
        "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
    )
    assert _rl101(lint_text(text, options=SELECT)) == [
        (8, 1, 8, 15, ("四",), "缺少必需部分「四、政府信息公开行政复议、行政诉讼情况」")
    ]


def test_several_missing_sections():
    text = (
        "青山县交通运输局2023年政府信息公开工作年度报告\n"
        "一、总体情况\n无。\n二、主动公开政府信息情况\n无。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
    )
    found = sorted((d[4], d[0]) for d in _rl101(lint_text(text, options=SELECT)))
    assert found == [(("三",), 6), (("四",), 6)]  # both belong before 「五、…」 on line 6


def test_missing_last_section_is_placed_at_the_end(good_lines):
    text = _drop_lines(good_lines, 66, 67).rstrip("\n")  # no 六; text ends 「…」/「2024年1月20日」 on line 67
    found = _rl101(lint_text(text, options=SELECT))
    assert [(d[0], d[1], d[4]) for d in found] == [(67, 1, ("六",))]


def test_end_position_does_not_depend_on_a_final_newline(good_lines):
    without = _drop_lines(good_lines, 66, 67).rstrip("\n")
    with_newline = without + "\n"
    line_without = _rl101(lint_text(without, options=SELECT))[0][0]
    line_with = _rl101(lint_text(with_newline, options=SELECT))[0][0]
    # the same 67-line file, saved with or without a final newline, must give the same position
    assert line_with == line_without == 67


# ---------------------------------------------------------------- good


def test_good_sample_has_all_sections(good_text):
    result = lint_text(good_text, options=SELECT)
    assert result.diagnostics == ()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("二、主动公开政府信息情况", "二、行政机关主动公开政府信息情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议提起行政诉讼情况"),
        ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"),
        ("五、存在的主要问题及改进情况", "五、存在的问题及改进措施"),
        ("六、其他需要报告的事项", "六、其他需要报告的情况"),
    ],
)
def test_reworded_heading_counts_as_present(good_text, replace_once, old, new):
    text = replace_once(good_text, "\n" + old + "\n", "\n" + new + "\n")
    result = lint_text(text, options=SELECT)
    assert _rl101(result) == []
    assert [d.code for d in result.diagnostics] == ["RL103"]


def test_excerpt_ending_mid_sentence_gives_rl105_not_rl101(good_lines):
    text = "\n".join(good_lines[:8]) + "\n" + good_lines[8][:30]  # stops mid-sentence on line 9
    result = lint_text(text, options=SELECT)
    assert [d.code for d in result.diagnostics] == ["RL105"]


def test_excerpt_ending_on_a_table_row_gives_rl105_not_rl101(good_lines):
    text = "\n".join(good_lines[:40])  # stops on the request-table row of line 40
    result = lint_text(text, options=SELECT)
    assert [d.code for d in result.diagnostics] == ["RL105"]


def test_finished_text_with_a_gap_still_reports_rl101(good_lines):
    # not an excerpt: it ends on a signature, so the missing middle section is a real defect
    text = _drop_lines(good_lines, 63, 65)
    assert [d[4] for d in _rl101(lint_text(text, options=SELECT))] == [("五",)]


def test_pre_2019_report_has_no_mandatory_headings():
    text = "济南市槐荫区2016年政府信息公开工作年度报告\n一、概述\n本年度工作情况良好。\n二、主动公开政府信息情况\n无。\n"
    result = lint_text(text, options=SELECT)
    assert result.template == "2007"
    assert _rl101(result) == []


REAL = [
    "02_huaian_hongze_district_2023.txt",  # full
    "04_shanghai_municipal_gov_office_2019.txt",  # full, 2019 layout, reworded 五
    "05_shenzhen_longgang_dept_2024_excerpt.txt",
    "07_chongqing_jiulongpo_erlang_street_2022_excerpt.txt",
    "09_nanjing_gaochun_district_2022_excerpt.txt",
    "11_yueyang_xinfang_2021_excerpt.txt",
    "13_yangling_stats_2023_excerpt.txt",
    "15_shijiazhuang_qiaoxi_zhongshan_street_2021_excerpt.txt",
    "17_shenyang_yingbinlu_street_2021_excerpt.txt",
    "19_gaoping_gov_office_2023_excerpt.txt",
    "21_xiongxian_township_2019_excerpt.txt",
    "23_xiaogan_gov_office_2020_excerpt.txt",
    "25_civil_affairs_bureau_2023_old_format_excerpt.txt",
    "27_taizhou_city_2017_excerpt.txt",
    "29_fuzhou_jinan_district_2016_excerpt.txt",
    "33_daixian_health_2024_excerpt.txt",
    "35_jilin_longtan_district_2017_excerpt.txt",
]


@pytest.mark.parametrize("name", REAL)
def test_no_missing_section_in_real_reports(corpus_dir, name):
    # the two full reports have all six parts; the excerpts stop mid-way and must never get RL101
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert _rl101(lint_path(path, SELECT)) == []


# ---------------------------------------------------------------- real layouts nobody tuned the rule to

from variants import BODIES, YEARS, every_variant, report  # noqa: E402

SECTION_FIVE_VARIANTS = (
    "五、存在的主要问题及整改措施",
    "五、存在的问题及整改情况",
    "五、存在的不足及改进措施",
    "五、存在的主要问题和下一步工作打算",
    "五、政府信息公开工作存在的主要问题及改进情况",
)


@pytest.mark.parametrize("heading", SECTION_FIVE_VARIANTS)
@pytest.mark.parametrize("year", (2020, 2023))
def test_reworded_section_five_is_present_not_missing(heading, year):
    text = report(year=year).replace("五、存在的主要问题及改进情况", heading)
    result = lint_text(text, options=SELECT)
    assert _rl101(result) == []
    assert [d.code for d in result.diagnostics if d.code == "RL103"] == ["RL103"]  # a variant, said once


@pytest.mark.parametrize("name, body, year, layout", list(every_variant()))
def test_every_variant_has_its_six_sections(name, body, year, layout):
    result = lint_text(report(body, year, layout), "r.md" if layout == "markdown" else "r.txt", SELECT)
    assert [d.code for d in result.diagnostics if d.code in ("RL101", "RL102")] == []


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("marker", ("### ", "#### ", ""))
def test_markdown_rows_of_table_three_do_not_restart_the_sections(year, marker):
    """A Markdown conversion puts 表三's numbered group labels on lines of their own (`### 三、本年度办理结果`)."""
    text = report(year=year, layout="markdown")
    text = text.replace("三、本年度办理结果 | （一）予以公开", marker + "三、本年度办理结果\n（一）予以公开")
    text = text.replace("四、结转下年度继续办理 |", marker + "四、结转下年度继续办理\n结转 |")
    result = lint_text(text, "r.md", SELECT)
    assert [d.code for d in result.diagnostics if d.code in ("RL101", "RL102")] == []


def test_markdown_heading_that_is_really_missing_is_still_reported():
    text = report(layout="markdown")
    start = text.index("## 五、")
    text = text[:start] + text[text.index("## 六、"):]
    assert [m for *_, m in _rl101(lint_text(text, "r.md", SELECT))] == ["缺少必需部分「五、存在的主要问题及改进情况」"]


def test_corpus_30_page_from_a_flip_book_agrees_with_rl105(corpus_dir):
    """Page 8 of a flip-book: its running header carries the title, the page starts at section 四."""
    result = lint_path(corpus_dir / "30_weihai_wendeng_xinfang_2022_page8_excerpt.txt", SELECT)
    assert _rl101(result) == []
    [note] = [d for d in result.diagnostics if d.code == "RL105"]
    assert "一、总体情况" in note.message and "六、其他需要报告的事项" in note.message


@pytest.mark.parametrize("header", ("Page 8 - {title}", "P. 8", "- 8 -", "第 8 页", "第8页 共12页"))
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
def test_later_page_of_any_report_is_not_missing_its_first_sections(header, body):
    text = report(body)
    title = text.split("\n", 1)[0]
    page = text[text.index("四、政府信息公开行政复议"):text.index("六、其他需要报告的事项")]
    result = lint_text(header.format(title=title) + "\n" + page.rstrip("\n")[:-6], options=SELECT)
    assert _rl101(result) == []
    assert [d.code for d in result.diagnostics if d.code == "RL105"] == ["RL105"]


@pytest.mark.parametrize("header", ("Page 1 - {title}", "- 1 -", "{title}"))
def test_first_page_of_a_report_still_needs_its_first_sections(header):
    text = report()
    title = text.split("\n", 1)[0]
    rest = text[text.index("四、政府信息公开行政复议"):]
    messages = [m for *_, m in _rl101(lint_text(header.format(title=title) + "\n" + rest, options=SELECT))]
    assert messages and "缺少必需部分「一、总体情况」" in messages
