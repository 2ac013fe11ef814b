"""RL601 garbled-text: pinyin annotations (運(yùn)), replacement characters, mojibake, broken dates."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from reportlint.checks.text_quality import garbled_text
from reportlint.document import Document

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus" / "real"
SEEDS = SHARED / "seeds"
needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")

SELECT = LintOptions(select=("RL601",))
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"


def rl601(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL601" for d in result.diagnostics)
    return list(result.diagnostics)


def on_line(line: str):
    """RL601 findings for `line` as line 2 of a report: (column, end_column, actual)."""
    found = rl601(f"{TITLE}\n{line}\n")
    assert all(d.line == d.end_line == 2 for d in found)
    return [(d.column, d.end_column, d.actual) for d in found]


def utf8_as_gbk(text: str, errors: str = "strict") -> str:
    return text.encode("utf-8").decode("gbk", errors)


# ---------------------------------------------------------------- the sample


def test_garbled_sample(bad_sample):
    result = lint_path(bad_sample("RL601"))
    assert [d.code for d in result.diagnostics] == ["RL601"]  # the sample's only defect
    [d] = result.diagnostics
    assert d.name == "garbled-text" and d.severity is Severity.ERROR
    # line 11: 「持续优化“鏀垮簻淇℃伅公开”专栏」, 政府信息 in UTF-8 read as GBK
    assert (d.line, d.column, d.end_line, d.end_column) == (11, 24, 11, 30)
    assert d.actual == "鏀垮簻淇℃伅" and d.expected == "政府信息"
    assert d.message == "乱码「鏀垮簻淇℃伅」：UTF-8 文字被当作 GBK 解码，原文应为「政府信息」"
    assert d.section == ("一", "（四）")
    assert result.status == "fail"


def test_message_in_english(bad_sample):
    result = lint_path(bad_sample("RL601"), LintOptions(select=("RL601",), lang="en"))
    assert [d.message for d in result.diagnostics] == [
        "garbled text '鏀垮簻淇℃伅': UTF-8 text decoded as GBK; it said '政府信息'"
    ]


def test_good_sample_is_clean(good_path):
    assert lint_path(good_path, SELECT).diagnostics == ()


# ---------------------------------------------------------------- bad


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # pinyin annotation after a traditional character: only the annotation is marked
        ("交通運(yùn)输局", [(4, 9, "(yùn)")]),
        ("年度報（bào）告", [(4, 9, "（bào）")]),
        ("工作總(zǒng)结", [(4, 10, "(zǒng)")]),
        # replacement characters: one run, one finding
        ("全年公开信息\ufffd\ufffd条。", [(7, 9, "\ufffd\ufffd")]),
        # UTF-8 replacement characters read as GBK
        ("锟斤拷锟斤拷年度报告", [(1, 7, "锟斤拷锟斤拷")]),
        ("烫烫烫烫", [(1, 5, "烫烫烫烫")]),
        # UTF-8 read as GBK, Windows-1252, Latin-1
        ("我局" + utf8_as_gbk("政府信息") + "公开", [(3, 9, utf8_as_gbk("政府信息"))]),
        ("发布“æ–‡ä»¶”", [(4, 10, "æ–‡ä»¶")]),
        ("â€œ公开â€", [(1, 4, "â€œ")]),
        ("Ã©tude", [(1, 3, "Ã©")]),
        # GBK read as Latin-1
        ("ÕþÎñ公开", [(1, 5, "ÕþÎñ")]),
        # a date whose 年 and 月 were lost (corpus/real/35)
        ("2017210日)", [(1, 9, "2017210日")]),
        ("（20231231日）", [(2, 11, "20231231日")]),
        ("2017年210日", [(1, 10, "2017年210日")]),
    ],
)
def test_garbled(line, expected):
    assert on_line(line) == expected


def test_recovered_text_is_the_expected_value():
    [d] = rl601(f"{TITLE}\n发布æ–‡ä»¶\n")
    assert (d.expected, d.actual) == ("文件", "æ–‡ä»¶")
    [d] = rl601(f"{TITLE}\nÕþÎñ公开\n")
    assert (d.expected, d.actual) == ("政务", "ÕþÎñ")


def test_one_finding_per_line_with_the_count():
    [d] = rl601(f"{TITLE}\n交通運(yùn)輸(shū)局，\ufffd，2017210日\n")
    assert (d.column, d.actual) == (4, "(yùn)")
    assert d.message == "拼音注音「(yùn)」（转换工具或“拼音版”网页留下的注音，应删除）（本行共 4 处）"


def test_lines_are_reported_separately():
    found = rl601(f"{TITLE}\n交通運(yùn)输\n正常文字\n替换\ufffd字符\n")
    assert [(d.line, d.actual) for d in found] == [(2, "(yùn)"), (4, "\ufffd")]


def test_many_garbled_lines_are_capped():
    lines = "\n".join(f"第{n}行：交通運(yùn)輸(shū)局" for n in range(1, 501))
    found = rl601(f"{TITLE}\n{lines}\n")
    assert len(found) == 21
    assert [d.line for d in found[:20]] == list(range(2, 22))
    summary = found[20]
    assert summary.line == 22
    assert summary.message.startswith("另有 480 行含乱码（第 22 行至第 501 行）")


def test_per_line_count_is_capped():
    [d] = rl601(f"{TITLE}\n" + "運(yùn)" * 1000 + "\n")
    assert d.message.endswith("（本行至少 100 处）")


def test_annotations_in_bulk_count_after_any_character():
    # a converter annotated simplified characters too: five or more annotations in the text
    text = f"{TITLE}\n交通运(yùn)输(shū)局年(nián)度(dù)报(bào)告\n"
    [d] = rl601(text)
    assert (d.column, d.actual) == (4, "(yùn)")


def test_garbled_text_fails_the_file():
    result = lint_text(f"{TITLE}\n交通運(yùn)输局\n", options=SELECT)
    assert result.status == "fail"


# ---------------------------------------------------------------- good


@pytest.mark.parametrize(
    "line",
    [
        "2023年1月1日至2023年12月31日",
        "统计期限（2023）",
        "（2023）第1号",
        "年度报告全文下载(PDF)版本，附件(a)项，(yes)",
        "网址：http://www.qingshan.gov.cn/zwgk/index.html?id=2023&page=1",
        "联系人：王瑜、李婧、张瀚、刘琛，电话：0432-63041873，邮箱：ltqzwgk@163.com",
        "咖啡(café)、Zoë、Ångström",
        "温度25°C，误差±5%，××局，¥100元",
        "“——”……“”",
        "亳(bó)州市、濉(suī)溪县、涡(guō)阳县",  # reading aids for rare place names, not a converter
        "涓涓细流，汇成江海",
        "办理时限20个工作日，全年365日，2023年365日，累计20000日",
        "文号：青交〔2023〕12号，第2023001号，20231231",
        "2017年2月10日",
        "运输(yunshu)、交通(transport)",  # pinyin without tone marks, English
    ],
)
def test_not_garbled(line):
    assert on_line(line) == []


def test_markdown_and_tables_are_fine():
    text = f"{TITLE}\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n**重点**领域\n"
    assert rl601(text) == []


# ---------------------------------------------------------------- real texts


@needs_shared
def test_corpus_35_garbled_date():
    result = lint_path(CORPUS / "35_jilin_longtan_district_2017_excerpt.txt", SELECT)
    [d] = result.diagnostics
    assert (d.line, d.column, d.end_column, d.actual) == (9, 1, 9, "2017210日")


@needs_shared
@pytest.mark.parametrize(
    "name", sorted(p.name for p in CORPUS.glob("*.txt") if not p.name.startswith("35_")) if CORPUS.is_dir() else []
)
def test_no_finding_on_the_rest_of_the_corpus(name):
    assert lint_path(CORPUS / name, SELECT).diagnostics == ()


@needs_shared
def test_seed_000_pinyin_annotations():
    found = lint_path(SEEDS / "000_f8697ee72087e2d5.txt", SELECT).diagnostics
    assert len(found) == 21  # 20 lines one by one, then the summary
    first = found[0]
    assert (first.line, first.column, first.actual) == (1, 8, "(yùn)")  # 第一篇:交通運(yùn)輸局…
    assert found[-1].message.startswith("另有 ")


@needs_shared
@pytest.mark.parametrize("name", ["001_c22fe348ddb0941e.txt", "002_bf0308bc7f56019c.txt", "004_2f81409476d7f5ac.txt"])
def test_no_finding_on_the_other_seeds(name):
    assert lint_path(SEEDS / name, SELECT).diagnostics == ()


# ---------------------------------------------------------------- speed


def test_large_texts_are_fast(good_text):
    # the rule alone (parsing megabytes is the parser's business): linear, well under a second each
    body = good_text.split("\n", 1)[1]
    texts = {
        "clean": good_text + body * (5_000_000 // len(body)),
        "mojibake": TITLE + "\n" + utf8_as_gbk("政府信息公开工作年度报告。\n", "replace") * 200_000,
        "annotated": TITLE + "\n" + "交通運(yùn)輸(shū)局。\n" * 400_000,
        "one long line": TITLE + "\n" + "運(yùn)" * 1_000_000,
    }
    for name, text in texts.items():
        doc = Document("big.txt", text, ())
        start = time.perf_counter()
        found = list(garbled_text.check(doc, None, None))
        elapsed = time.perf_counter() - start
        assert elapsed < 3, (name, elapsed)
        assert len(found) == (0 if name == "clean" else 1 if name == "one long line" else 21), name
        if len(found) == 21:  # garbled throughout: the summary stops counting
            assert found[-1].args["count"] == 10_000 and "至少" in found[-1].message.zh
