"""RL504 wrong-article-item: each block of the 主动公开 table cites the 第二十条 item its rows belong to
(REFERENCE §1.3, §2.4): （一） 规章/行政规范性文件, （五） 行政许可, （六） 行政处罚/行政强制, （八） 行政事业性收费,
2019 also （九） 政府集中采购. seeds/001 cites 第(五)项 above its 行政事业性收费 block."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from reportlint.registry import all_rules, find_rule

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "real"
SEED_001 = SHARED / "seeds" / "001_c22fe348ddb0941e.txt"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
needs_seed = pytest.mark.skipif(not SEED_001.is_file(), reason="seed 001 not available")

GOOD = Path(__file__).resolve().parents[2] / "samples" / "good" / "qingshan_county_transport_2023.txt"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")

SELECT = LintOptions(select=("RL504",))
SELECT_EN = LintOptions(select=("RL504",), lang="en")
TITLE_2020 = "青山县交通运输局2020年政府信息公开工作年度报告"
END = "五、存在的主要问题及改进情况\n部分栏目更新不够及时，下一步将完善更新机制。\n"

# good sample: 第二十条第（一）项 line 15, （五） line 19, （六） line 22, （八） line 26
ITEM = "第二十条第（{}）项"


def edit(old: str, new: str, text: str = GOOD_TEXT) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def rl504(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL504" for d in result.diagnostics)
    return [(d.line, d.column, d.end_column, d.severity, d.section, d.row, d.expected, d.actual) for d in result.diagnostics]


E = Severity.ERROR


# ---------------------------------------------------------------- the rule


def test_rule_metadata():
    rule = find_rule(all_rules(), "RL504")
    assert (rule.name, rule.severity) == ("wrong-article-item", Severity.ERROR)
    assert "第（八）项行政事业性收费" in rule.explanation.zh and "Article 20" in rule.explanation.en
    assert [d.code for d in lint_text(rule.bad, options=SELECT).diagnostics] == ["RL504"]
    assert lint_text(rule.good, options=SELECT).diagnostics == ()


# ---------------------------------------------------------------- bad


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL504"))
    assert [d.code for d in result.diagnostics if d.severity is not Severity.INFO] == ["RL504"]
    [d] = [d for d in result.diagnostics if d.code == "RL504"]
    assert d.name == "wrong-article-item" and d.severity is Severity.ERROR
    # line 26: 「第二十条第（五）项」 (9 characters) above 「行政事业性收费 | 0」
    assert (d.line, d.column, d.end_line, d.end_column) == (26, 1, 26, 10)
    assert d.section == ("二",)
    assert (d.row, d.column_label, d.expected, d.actual) == ("行政事业性收费", None, "第二十条第（八）项", "第二十条第（五）项")
    assert d.message == "「行政事业性收费」属于第二十条第（八）项，此处却引用第（五）项"
    assert result.status == "fail"


def test_bad_sample_in_english(bad_sample):
    assert [d.message for d in lint_path(bad_sample("RL504"), SELECT_EN).diagnostics] == [
        "'行政事业性收费' belongs to Article 20 item (八), but the block cites item (五)"
    ]


@pytest.mark.parametrize(
    "item,wrong,line,row",
    [
        ("一", "二", 15, "规章"),
        ("五", "六", 19, "行政许可"),
        ("六", "五", 22, "行政处罚"),
        ("八", "九", 26, "行政事业性收费"),
    ],
)
def test_each_block(item, wrong, line, row):
    text = edit(ITEM.format(item), ITEM.format(wrong))
    assert rl504(text) == [(line, 1, 10, E, ("二",), row, ITEM.format(item), ITEM.format(wrong))]


def test_swapped_blocks_two_findings():
    text = edit(ITEM.format("五"), "@@", GOOD_TEXT)
    text = edit(ITEM.format("六"), ITEM.format("五"), text)
    text = edit("@@", ITEM.format("六"), text)
    assert [(line, row, actual) for line, _, _, _, _, row, _, actual in rl504(text)] == [
        (19, "行政许可", ITEM.format("六")),
        (22, "行政处罚", ITEM.format("五")),
    ]


@pytest.mark.parametrize(
    "citation,end_column",
    [
        ("第二十条 第(五)项", 11),  # half-width brackets and a space (seeds/001)
        ("第二十条第(五)项", 10),
        ("第二十条（五）项", 9),  # without 第
        ("第二十条第（ 五 ）项", 12),
        ("第二十条第（五）项 | |||", 10),  # HTML filler cells after it
    ],
)
def test_citation_forms(citation, end_column):
    text = edit(ITEM.format("八"), citation)
    assert rl504(text) == [(26, 1, end_column, E, ("二",), "行政事业性收费", ITEM.format("八"), ITEM.format("五"))]


# ---------------------------------------------------------------- good


def test_good_sample(good_path):
    assert lint_path(good_path, SELECT).diagnostics == ()


@pytest.mark.parametrize(
    "old,new",
    [
        # half-width everywhere, spaces (seeds/001, corpus/real/05, 07)
        ("第二十条第（一）项", "第二十条 第(一)项 | |||"),
        # other items of Art. 20 cited in the narrative, before or after the table
        ("（一）主动公开\n", "（一）主动公开\n依据《条例》第二十条第（十三）项，我局公开安全生产监督检查情况。\n"),
        ("二、主动公开政府信息情况\n", "二、主动公开政府信息情况\n根据《条例》第二十条第（二）项，我局更新了机构职能信息。\n"),
        ("六、其他需要报告的事项\n", "六、其他需要报告的事项\n按照《条例》第二十条第（十二）项公开突发事件应对情况。\n"),
    ],
    ids=["half-width", "narrative-in-1", "narrative-under-heading-2", "narrative-in-6"],
)
def test_no_finding(old, new):
    assert rl504(edit(old, new)) == []


def test_2019_layout_with_the_procurement_block():
    text = (
        f"{TITLE_2020}\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n"
        "规章 | 0 | 0 | 0\n规范性文件 | 2 | 2 | 15\n第二十条第（五）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n"
        "行政许可 | 56 | -3 | 1328\n其他对外管理服务事项 | 12 | 0 | 40\n第二十条第（六）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n"
        "行政处罚 | 120 | -8 | 216\n行政强制 | 5 | 0 | 0\n第二十条第（八）项\n信息内容 | 上一年项目数量 | 本年增/减\n行政事业性收费 | 3 | -1\n"
        "第二十条第（九）项\n信息内容 | 采购项目数量 | 采购总金额\n政府集中采购 | 6 | 25.1\n" + END
    )
    assert rl504(text) == []
    # and the procurement block citing （八） is caught
    wrong = rl504(text.replace("第二十条第（九）项", "第二十条第（八）项"))
    assert [(f[0], f[5], f[6], f[7]) for f in wrong] == [(18, "政府集中采购", ITEM.format("九"), ITEM.format("八"))]


def test_block_without_its_citation_does_not_blame_the_previous_block():
    # the 第二十条第（八）项 line is missing: the nearest citation above 行政事业性收费 is the (correct) （六） of the
    # 行政处罚 block, whose rows lie in between. Reporting line 22 as "cites the wrong item" points at a right citation.
    text = edit("第二十条第（八）项\n", "")
    assert rl504(text) == []


# ---------------------------------------------------------------- real reports


@needs_seed
def test_seed_001_cites_item_five_above_the_fees():
    # seeds/001 line 24: 「第二十条 第(五)项 | |||」 above 「行政事业性收费 | 5639 |」
    result = lint_path(SEED_001, SELECT)
    assert [(d.line, d.column, d.end_line, d.end_column, d.severity, d.section, d.row, d.expected, d.actual) for d in result.diagnostics] == [
        (24, 1, 24, 11, E, ("二",), "行政事业性收费", ITEM.format("八"), ITEM.format("五"))
    ]
    assert [d.message for d in result.diagnostics] == ["「行政事业性收费」属于第二十条第（八）项，此处却引用第（五）项"]
    assert [d.message for d in lint_path(SEED_001, SELECT_EN).diagnostics] == [
        "'行政事业性收费' belongs to Article 20 item (八), but the block cites item (五)"
    ]


CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@needs_corpus
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_cites_the_right_items(name):
    # every real table in corpus/real cites its items correctly (one cell per line, half-width, 2019 （九）)
    assert lint_path(CORPUS / name, SELECT).diagnostics == ()
