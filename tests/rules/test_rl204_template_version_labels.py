"""RL204 template-version-labels: a table uses another template version's labels (REFERENCE §2.1, §2.7).

Reports for 2021 on follow 国办公开办函〔2021〕30号 (本年制发件数/本年废止件数/现行有效件数, 行政规范性文件,
本年处理决定数量, 本年收费金额); reports for 2019–2020 follow 〔2019〕60号 (本年新制作数量 …, 规范性文件,
上一年项目数量/本年增/减/处理决定数量, 其他对外管理服务事项, 第（九）项 政府集中采购). Real cases: the old row
label 规范性文件 in a 2021 table (corpus/real/11, 15), the whole 2019 layout in a 2023 report (25)."""

from __future__ import annotations

from pathlib import Path

import pytest
from texts_2019 import ACTIVE_2019, END, TITLE_2020

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from reportlint.registry import all_rules, find_rule

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "real"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")

GOOD = Path(__file__).resolve().parents[2] / "samples" / "good" / "qingshan_county_transport_2023.txt"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")

SELECT = LintOptions(select=("RL204",))
SELECT_EN = LintOptions(select=("RL204",), lang="en")
TITLE_2023 = "青山县交通运输局2023年政府信息公开工作年度报告"
DOC_2021 = "国办公开办函〔2021〕30号"
DOC_2019 = "国办公开办函〔2019〕60号"
ACTIVE_2021 = "\n".join(GOOD_TEXT.split("\n")[13:28]) + "\n"  # good lines 14–28: heading 二 and its table


def edit(old: str, new: str, text: str = GOOD_TEXT) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def rl204(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL204" for d in result.diagnostics)
    return [(d.line, d.column, d.end_column, d.severity, d.section, d.expected, d.actual) for d in result.diagnostics]


def messages(text: str, options: LintOptions = SELECT) -> list[str]:
    return [d.message for d in lint_text(text, options=options).diagnostics]


E = Severity.ERROR


# ---------------------------------------------------------------- the rule


def test_rule_metadata():
    rule = find_rule(all_rules(), "RL204")
    assert (rule.name, rule.severity) == ("template-version-labels", Severity.ERROR)
    assert DOC_2021 in rule.explanation.zh and "规范性文件" in rule.explanation.en
    assert "RL204" in [d.code for d in lint_text(rule.bad, options=SELECT).diagnostics]
    assert lint_text(rule.good, options=SELECT).diagnostics == ()


# ---------------------------------------------------------------- bad


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL204"))
    assert [d.code for d in result.diagnostics if d.severity is not Severity.INFO] == ["RL204"]
    [d] = [d for d in result.diagnostics if d.code == "RL204"]
    assert d.name == "template-version-labels" and d.severity is Severity.ERROR
    # line 18: 「规范性文件 | 2 | 1 | 15」 (was 行政规范性文件), the label is columns 1–5
    assert (d.line, d.column, d.end_line, d.end_column) == (18, 1, 18, 6)
    assert d.section == ("二",)
    assert (d.row, d.column_label, d.expected, d.actual) == (None, None, "行政规范性文件", "规范性文件")
    assert d.message == f"「规范性文件」是2019年版格式的用语；本报告应按{DOC_2021}编制，应为「行政规范性文件」"
    assert result.status == "fail"


def test_bad_sample_in_english(bad_sample):
    assert [d.message for d in lint_path(bad_sample("RL204"), SELECT_EN).diagnostics] == [
        f"'规范性文件' belongs to the 2019 template; this report must follow {DOC_2021}: use '行政规范性文件'"
    ]


def test_2019_layout_in_a_2023_report():
    # corpus/real/25: every 2019 label reported once, where it first appears; 上一年项目数量 etc. repeat in
    # the 第（五）（六）（八）项 blocks but are reported only on line 8
    text = f"{TITLE_2023}\n{ACTIVE_2019}{END}"
    assert rl204(text) == [
        (4, 8, 15, E, ("二",), None, "本年新制作数量"),
        (4, 18, 25, E, ("二",), None, "本年新公开数量"),
        (4, 28, 35, E, ("二",), None, "对外公开总数量"),
        (6, 1, 6, E, ("二",), "行政规范性文件", "规范性文件"),
        (8, 8, 15, E, ("二",), None, "上一年项目数量"),
        (8, 18, 23, E, ("二",), None, "本年增/减"),
        (8, 26, 32, E, ("二",), None, "处理决定数量"),
        (10, 1, 11, E, ("二",), None, "其他对外管理服务事项"),
        (19, 8, 14, E, ("二",), None, "采购项目数量"),
        (19, 17, 22, E, ("二",), None, "采购总金额"),
        (20, 1, 7, E, ("二",), None, "政府集中采购"),
    ]
    assert messages(text)[0] == f"「本年新制作数量」是2019年版格式的用语；本报告应按{DOC_2021}编制"
    assert messages(text, SELECT_EN)[0] == f"'本年新制作数量' belongs to the 2019 template; this report must follow {DOC_2021}"


def test_2021_labels_in_a_2020_report():
    # the other way round: a 2020 report must use the 2019 template (60号)
    text = f"{TITLE_2020}\n{ACTIVE_2021}{END}"
    found = rl204(text)
    assert [actual for *_, actual in found] == ["本年制发件数", "本年废止件数", "现行有效件数", "行政规范性文件", "本年处理决定数量", "本年收费金额（单位：万元）"]
    assert found[3] == (6, 1, 8, E, ("二",), "规范性文件", "行政规范性文件")
    assert messages(text)[3] == f"「行政规范性文件」是2021年版格式的用语；本报告应按{DOC_2019}编制，应为「规范性文件」"
    assert messages(text, SELECT_EN)[3] == f"'行政规范性文件' belongs to the 2021 template; this report must follow {DOC_2019}: use '规范性文件'"


@pytest.mark.parametrize(
    "label",
    ["规范性文件", "规 范 性 文 件", "本年新 制作数量"],  # spaced as HTML copies print them (corpus/real/25)
)
def test_old_label_with_spaces(label):
    text = edit("行政规范性文件 | 2 | 1 | 15", f"{label} | 2 | 1 | 15")
    assert [actual for *_, actual in rl204(text)] == [label]


# ---------------------------------------------------------------- good


def test_good_sample(good_path):
    assert lint_path(good_path, SELECT).diagnostics == ()


def test_2019_layout_in_a_2020_report():
    assert rl204(f"{TITLE_2020}\n{ACTIVE_2019}{END}") == []


@pytest.mark.parametrize(
    "old,new",
    [
        # the words in running text are not table labels
        ("本年度制发行政规范性文件2件", "本年度制发规范性文件2件"),
        ("（三）政府信息管理", "（三）政府信息管理和规范性文件清理"),
        ("全年作出的行政许可决定1328件", "全年处理决定数量1328件，采购项目数量0个"),
        # the 2021 header written with half-width brackets, or spaced
        ("本年收费金额（单位：万元）", "本年收费金额(单位:万元)"),
        ("本年制发件数", "本年 制发件数"),
    ],
    ids=["sentence", "heading", "sentence-2019-words", "half-width-header", "spaced-header"],
)
def test_not_an_old_label(old, new):
    assert rl204(edit(old, new)) == []


def test_shortened_2021_header_is_not_the_2019_layout():
    # REFERENCE §2.4: shortened header labels were seen in real reports. A 第（五）项 block with one figure
    # column headed 处理决定数量 is the 2021 layout with 本年处理决定数量 shortened (the 2019 block has three
    # columns, 上一年项目数量 | 本年增/减 | 处理决定数量); at most a header warning (RL202), not the old template
    text = edit("第二十条第（五）项\n信息内容 | 本年处理决定数量", "第二十条第（五）项\n信息内容 | 处理决定数量")
    assert rl204(text) == []


def test_pre_2019_report():
    # 2007 条例: no national table, no version to compare with
    text = (
        "青山县交通运输局2016年政府信息公开工作年度报告\n一、概述\n2016年，我局主动公开政府信息386条。\n"
        "二、主动公开政府信息情况\n信息内容 | 本年新制作数量 | 对外公开总数量\n规范性文件 | 2 | 15\n" + END
    )
    assert rl204(text) == []


# ---------------------------------------------------------------- real reports


@needs_corpus
@pytest.mark.parametrize(
    "name,line",
    [("11_yueyang_xinfang_2021_excerpt.txt", 19), ("15_shijiazhuang_qiaoxi_zhongshan_street_2021_excerpt.txt", 29)],
)
def test_corpus_old_row_label_in_a_2021_table(name, line):
    result = lint_path(CORPUS / name, SELECT)
    assert [(d.line, d.column, d.end_column, d.severity, d.expected, d.actual, d.message) for d in result.diagnostics] == [
        (line, 1, 6, E, "行政规范性文件", "规范性文件", f"「规范性文件」是2019年版格式的用语；本报告应按{DOC_2021}编制，应为「行政规范性文件」")
    ]


@needs_corpus
def test_corpus_25_2019_layout_in_a_2023_report():
    result = lint_path(CORPUS / "25_civil_affairs_bureau_2023_old_format_excerpt.txt", SELECT)
    assert [(d.line, d.column, d.actual) for d in result.diagnostics] == [
        (11, 1, "本年新 制作数量"),
        (12, 1, "本年新 公开数量"),
        (13, 1, "对外公开总数量"),
        (20, 1, "规范性文件"),
        (28, 1, "上一年项目数量"),
        (29, 1, "本年增/减"),
        (30, 1, "处理决定数量"),
        (37, 1, "其他对外管理服务事项"),
    ]
    assert all(d.severity is E and d.section == ("二",) for d in result.diagnostics)
    assert result.diagnostics[0].message == f"「本年新 制作数量」是2019年版格式的用语；本报告应按{DOC_2021}编制"


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        "04_shanghai_municipal_gov_office_2019.txt",  # 2019 report, 2019 layout
        "21_xiongxian_township_2019_excerpt.txt",
        "23_xiaogan_gov_office_2020_excerpt.txt",  # 2020 report, 2019 layout (Hubei variant)
        "31_audit_bureau_2020_page9_excerpt.txt",
        "02_huaian_hongze_district_2023.txt",  # 2021+ reports on the 2021 layout
        "05_shenzhen_longgang_dept_2024_excerpt.txt",
        "07_chongqing_jiulongpo_erlang_street_2022_excerpt.txt",
        "13_yangling_stats_2023_excerpt.txt",
        "33_daixian_health_2024_excerpt.txt",
        "29_fuzhou_jinan_district_2016_excerpt.txt",  # pre-2019
    ],
)
def test_corpus_right_version(name):
    assert lint_path(CORPUS / name, SELECT).diagnostics == ()
