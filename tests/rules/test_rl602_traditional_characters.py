"""RL602 traditional-characters: traditional-only characters in a simplified-Chinese report."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from reportlint.checks.text_quality import SIMPLIFIED, TO_SIMPLIFIED, TRADITIONAL, traditional_characters
from reportlint.document import Document

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus" / "real"
SEEDS = SHARED / "seeds"
needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")

SELECT = LintOptions(select=("RL602",))
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"


def rl602(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL602" for d in result.diagnostics)
    return list(result.diagnostics)


# ---------------------------------------------------------------- the sample


def test_traditional_sample(bad_sample):
    result = lint_path(bad_sample("RL602"))
    assert [d.code for d in result.diagnostics] == ["RL602"]  # the sample's only defect
    [d] = result.diagnostics
    assert d.name == "traditional-characters" and d.severity is Severity.WARNING
    # line 64: 「部分欄目信息更新不夠及時」
    assert (d.line, d.column, d.end_line, d.end_column) == (64, 68, 64, 69)
    assert d.message == "出现繁体字 3 个，如「欄夠時」（简体为「栏够时」）"
    assert (d.actual, d.expected) == ("欄夠時", "栏够时")
    assert d.section == ("五",)
    assert result.status == "pass"  # a warning only


def test_message_in_english(bad_sample):
    result = lint_path(bad_sample("RL602"), LintOptions(select=("RL602",), lang="en"))
    assert [d.message for d in result.diagnostics] == [
        "3 traditional character(s), e.g. '欄夠時' (simplified: '栏够时')"
    ]


def test_good_sample_is_clean(good_path):
    assert lint_path(good_path, SELECT).diagnostics == ()


# ---------------------------------------------------------------- bad


def test_one_finding_per_file_at_the_first_character():
    found = rl602(f"{TITLE}\n一、总体情况\n我局主動公開政府信息。\n二、主动公开政府信息情况\n本年度報告如下。\n")
    [d] = found
    assert (d.line, d.column, d.end_column) == (3, 4, 5)  # 動
    assert d.message == "出现繁体字 3 个，如「動開報」（简体为「动开报」）"


def test_at_most_five_characters_are_named_in_order_of_appearance():
    [d] = rl602(f"{TITLE}\n開開報務資況據條處議\n" + "我局认真贯彻落实条例规定，做好政务公开工作。\n" * 3)
    assert d.actual == "開報務資況"
    assert d.message.startswith("出现繁体字 10 个，")


def test_a_single_character_in_a_name_is_reported():
    [d] = rl602(f"{TITLE}\n联系人：鍾明，电话：12345678。\n")
    assert (d.line, d.column, d.actual, d.expected) == (2, 5, "鍾", "钟")


def test_a_report_in_traditional_characters_gets_one_finding():
    text = "青山縣交通運輸局2023年政府信息公開工作年度報告\n一、總體情況\n本年度，我局主動公開政府信息386條，辦理依申請公開12件。\n"
    [d] = rl602(text)
    assert d.line == 1 and d.column == 3  # 縣
    assert d.message.startswith("全文基本为繁体字（繁体字 ")
    assert "年度报告应使用规范的简体字" in d.message


@pytest.mark.parametrize("chars", ["開報務資況據條處議訟關術統範錄會區縣辦與為國這們來時對發經從當學點說實現體過應樣話還進種東產頭車長門問間題"])
def test_the_common_traditional_characters_are_known(chars):
    assert all(c in TRADITIONAL for c in chars)
    assert not set(chars.translate(TO_SIMPLIFIED)) & set(TRADITIONAL)


# ---------------------------------------------------------------- good


@pytest.mark.parametrize(
    "line",
    [
        "2023年1月1日至2023年12月31日，（2023）第1号",
        "下载(PDF)版本，网址：http://www.qingshan.gov.cn/index.html",
        # characters that look traditional but are standard simplified characters too
        "乾隆年间的乾县，著名的於姓人家，後来的夥伴，么麽小丑，藉此，瞭望塔",
        "联系人：王瑜、李婧、张瀚、刘琛，复议、诉讼、规范、统计、关于、区县、会议",
        "干部、后来、里面、台风、面积、只有、才能、云南、斗争、谷物、范围、余额、松树",
    ],
)
def test_simplified_text_is_clean(line):
    assert rl602(f"{TITLE}\n{line}\n") == []


def test_the_table_holds_no_simplified_character():
    # GB2312 is the simplified character set: no traditional-only character may be in it
    for char in TRADITIONAL:
        with pytest.raises(UnicodeEncodeError):
            char.encode("gb2312")
    for char in SIMPLIFIED:
        char.encode("gb2312")
    assert len(TRADITIONAL) == len(set(TRADITIONAL)) == len(SIMPLIFIED)


# ---------------------------------------------------------------- real texts


@needs_shared
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])
def test_no_finding_on_the_real_corpus(name):
    assert lint_path(CORPUS / name, SELECT).diagnostics == ()


@needs_shared
def test_seed_000_is_in_traditional_characters():
    [d] = lint_path(SEEDS / "000_f8697ee72087e2d5.txt", SELECT).diagnostics
    assert (d.line, d.column, d.actual) == (1, 7, "運輸開報據")  # 第一篇:交通運(yùn)輸局…
    assert d.message.startswith("全文基本为繁体字（繁体字 3182 个，简体字 11 个")


@needs_shared
@pytest.mark.parametrize("name", ["001_c22fe348ddb0941e.txt", "002_bf0308bc7f56019c.txt", "004_2f81409476d7f5ac.txt"])
def test_no_finding_on_the_other_seeds(name):
    assert lint_path(SEEDS / name, SELECT).diagnostics == ()


# ---------------------------------------------------------------- speed


def test_large_texts_are_fast(good_text):
    body = good_text.split("\n", 1)[1]
    texts = {
        "clean": good_text + body * (5_000_000 // len(body)),
        "one character": good_text + body * (5_000_000 // len(body)) + "運",
        "traditional": "交通運輸局年度報告" * 600_000,
        "one character, many times": TITLE + "\n" + "運" * 5_000_000,
    }
    for name, text in texts.items():
        doc = Document("big.txt", text, ())
        start = time.perf_counter()
        found = list(traditional_characters.check(doc, None, None))
        elapsed = time.perf_counter() - start
        assert elapsed < 3, (name, elapsed)
        assert len(found) == (0 if name == "clean" else 1), name
