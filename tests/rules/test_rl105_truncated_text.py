"""RL105 truncated-text (info): the text stops mid-way; sections after the cut are not reported missing."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

SELECT = LintOptions(select=("RL1",))
AFTER_ONE = "「二、主动公开政府信息情况」「三、收到和处理政府信息公开申请情况」「四、政府信息公开行政复议、行政诉讼情况」「五、存在的主要问题及改进情况」「六、其他需要报告的事项」"
AFTER_THREE = "「四、政府信息公开行政复议、行政诉讼情况」「五、存在的主要问题及改进情况」「六、其他需要报告的事项」"


@pytest.fixture(scope="module")
def cut_mid_sentence(good_lines) -> str:
    """Lines 1-8 of the good sample, then the first 30 characters of line 9 (no final newline)."""
    return "\n".join(good_lines[:8]) + "\n" + good_lines[8][:30]


# ---------------------------------------------------------------- bad (info)


def test_excerpt_cut_mid_sentence(cut_mid_sentence):
    result = lint_text(cut_mid_sentence, options=SELECT)
    assert [d.code for d in result.diagnostics] == ["RL105"]  # and no RL101 for 二…六
    diagnostic = result.diagnostics[0]
    assert diagnostic.name == "truncated-text"
    assert diagnostic.severity is Severity.INFO
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (9, 1, 9, 31)
    assert diagnostic.section == ("一", "（三）")
    assert diagnostic.message == f"文本在第 9 行中途结束（似为节选）：其后的{AFTER_ONE}未检查"
    assert result.status == "pass"


def test_excerpt_cut_mid_sentence_with_final_newline(cut_mid_sentence):
    result = lint_text(cut_mid_sentence + "\n", options=SELECT)
    assert [(d.code, d.line) for d in result.diagnostics] == [("RL105", 9)]


def test_excerpt_cut_on_a_table_row(good_lines):
    text = "\n".join(good_lines[:40]) + "\n"  # last line: 「4.保护第三方合法权益 | 1 | 0 | … | 1」
    result = lint_text(text, options=SELECT)
    assert [d.code for d in result.diagnostics] == ["RL105"]
    diagnostic = result.diagnostics[0]
    assert (diagnostic.line, diagnostic.column, diagnostic.end_column) == (40, 1, 1 + len(good_lines[39]))
    assert diagnostic.message == f"文本在第 40 行中途结束（似为节选）：其后的{AFTER_THREE}未检查"


def test_excerpt_cut_on_a_pdf_style_row_of_figures():
    text = (
        "青山县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作情况如下。\n"
        "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21\n"
    )
    result = lint_text(text, options=SELECT)
    assert [(d.code, d.line) for d in result.diagnostics] == [("RL105", 6)]


def test_message_in_english(cut_mid_sentence):
    result = lint_text(cut_mid_sentence, options=LintOptions(select=("RL105",), lang="en"))
    (diagnostic,) = result.diagnostics
    assert diagnostic.message.startswith("the text stops mid-way at line 9 (an excerpt?): ")
    assert diagnostic.message.endswith(" after it were not checked")
    # every heading named must be quoted as a whole: no stray half of a 「」 pair
    assert diagnostic.message.count("「") == diagnostic.message.count("」")
    assert not diagnostic.message.split(": ", 1)[1].startswith("二、")


# ---------------------------------------------------------------- good


def test_complete_report(good_text):
    assert lint_text(good_text, options=SELECT).diagnostics == ()


@pytest.mark.parametrize(
    "ending",
    [
        "本年度未收取信息处理费。",  # a full sentence
        "青山县交通运输局",  # a signature
        "2024年1月20日",  # a date
        "2024-01-20",
    ],
)
def test_finished_endings_are_not_truncation(good_lines, ending):
    text = "\n".join(good_lines[:67]) + "\n" + ending + "\n"
    assert lint_text(text, options=SELECT).diagnostics == ()


def test_finished_text_missing_sections_is_rl101_not_rl105(good_lines):
    text = "\n".join(good_lines[:13]) + "\n"  # ends after 一、总体情况 with a full sentence
    result = lint_text(text, options=SELECT)
    assert sorted(d.section for d in result.diagnostics if d.code == "RL101") == sorted([("二",), ("三",), ("四",), ("五",), ("六",)])
    assert "RL105" not in [d.code for d in result.diagnostics]


def test_cut_inside_the_last_section_reports_nothing(good_lines):
    # all six headings are there: nothing after the cut is missing, so there is nothing to say
    text = "\n".join(good_lines[:66]) + "\n" + good_lines[66][:20]
    assert lint_text(text, options=SELECT).diagnostics == ()


REAL_EXCERPTS = [
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
    "33_daixian_health_2024_excerpt.txt",
]  # the 2019/2021-template excerpts; pre-2019 reports have no mandatory sections to cut off


@pytest.mark.parametrize("name", REAL_EXCERPTS)
def test_real_excerpts_get_rl105_and_no_rl101(corpus_dir, name):
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    result = lint_path(path, SELECT)
    found = [d for d in result.diagnostics if d.code in ("RL101", "RL105")]
    assert [d.code for d in found] == ["RL105"]
    last = len(path.read_text(encoding="utf-8").rstrip("\n").split("\n"))
    assert found[0].line == last  # the cut is at the last line of text


@pytest.mark.parametrize("name", ["02_huaian_hongze_district_2023.txt", "04_shanghai_municipal_gov_office_2019.txt"])
def test_full_real_reports_are_not_truncated(corpus_dir, name):
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert "RL105" not in [d.code for d in lint_path(path, SELECT).diagnostics]
