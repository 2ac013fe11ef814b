"""reportlint.issuer: who issued a report (government / department / township / unknown).

Corpus expectations come from the "Issuing body" column of /work/shared/corpus/real/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.document import Span
from reportlint.issuer import KINDS, CompactText, Issuer, classify, detect_issuer
from reportlint.parser import parse

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "real"
SEEDS = SHARED / "seeds"
GOOD = Path(__file__).resolve().parents[1] / "samples" / "good" / "qingshan_county_transport_2023.txt"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")


def issuer(text: str) -> Issuer:
    return detect_issuer(parse(text))


# ---------------------------------------------------------------- classify


@pytest.mark.parametrize(
    "name,kind",
    [
        ("洪泽区人民政府", "government"),
        ("南京市高淳区人民政府", "government"),
        ("泰州市人民政府", "government"),
        ("区政府", "government"),
        ("福州市晋安区", "government"),  # a bare place: the whole district's report
        ("青山县", "government"),
        ("上海市人民政府办公厅", "department"),  # the government's general office is a department
        ("高平市人民政府办公室", "department"),
        ("市政府办", "department"),
        ("岳阳市信访局", "department"),
        ("代县卫生健康局", "department"),
        ("杨凌示范区杨陵区统计局", "department"),
        ("青山县发展和改革委员会", "department"),
        ("市卫健委", "department"),
        ("县政务服务中心", "department"),
        ("重庆市九龙坡区二郎街道办事处", "township"),
        ("迎宾路街道", "township"),
        ("城关镇人民政府", "township"),  # a 镇's 人民政府 is a township, not a county government
        ("青山乡", "township"),
        ("某街道办", "township"),
        ("青山经济开发区管委会", "unknown"),
    ],
)
def test_classify(name, kind):
    assert classify(name) == kind


@pytest.mark.parametrize("text", ["政府", "人民政府", "本级政府", "关于", "2023年", "", "XX局"])
def test_classify_rejects_what_is_not_a_name(text):
    assert classify(text) is None


def test_kinds():
    assert KINDS == ("government", "department", "township", "unknown")


# ---------------------------------------------------------------- titles


@pytest.mark.parametrize(
    "text,name,kind",
    [
        ("青山县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n", "青山县交通运输局", "department"),
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告\n一、总体情况\n", "上海市人民政府办公厅", "department"),
        ("南京市高淳区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n", "南京市高淳区人民政府", "government"),
        ("洪泽区人民政府 2023年政府信息公开工作年度报告\n一、总体情况\n", "洪泽区人民政府", "government"),
        ("城关镇人民政府2023年政府信息公开工作年度报告\n", "城关镇人民政府", "township"),
        ("2021年迎宾路街道政府信息公开工作年度报告\n", "迎宾路街道", "township"),
        ("福州市晋安区2016年政府信息公开工作年度报告\n", "福州市晋安区", "government"),
        ("青山县交通运输局2023年度政务公开工作报告\n", "青山县交通运输局", "department"),
        ("第一篇:青山县交通运输局2021年度信息公开工作报告\n", "青山县交通运输局", "department"),
    ],
)
def test_title_on_one_line(text, name, kind):
    found = issuer(text)
    assert (found.name, found.kind, found.source) == (name, kind, "title")
    assert found.span.line == 1


def test_name_on_the_line_above_the_title():
    found = issuer("- 1 -\n洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室编制。\n")
    assert (found.name, found.kind) == ("洪泽区人民政府", "government")
    assert found.span == Span(2, 1, 2, 8)


def test_name_on_the_line_below_the_title():
    found = issuer("2023年政府信息公开工作年度报告\n青山县交通运输局\n一、总体情况\n")
    assert (found.name, found.kind, found.span.line) == ("青山县交通运输局", "department", 2)


def test_title_wins_over_the_intro():
    # the 政府办公室 compiles the government's own report: the title names the government
    text = "洪泽区人民政府\n2023年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制。\n"
    assert issuer(text).kind == "government"


def test_the_documents_own_title_wins_over_a_page_title_above_it():
    text = "青山县交通运输局2023年政府信息公开工作年度报告\n青山县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"
    found = issuer(text)
    assert (found.name, found.span.line) == ("青山县人民政府", 2)


def test_span_skips_spaces_inside_the_name():
    found = issuer("青山县 交通运输局2023年政府信息公开工作年度报告\n")
    assert found.name == "青山县交通运输局"
    assert found.span == Span(1, 1, 1, 10)


def test_traditional_title_with_pinyin_ruby():
    found = issuer("交通運(yùn)輸局2021年度信息公開工作報(bào)告\n")
    assert found.kind == "department"
    assert found.span == Span(1, 1, 1, 11)


# ---------------------------------------------------------------- introduction and body


def test_intro_compiled_by_the_government_office_is_the_governments_report():
    found = issuer("本年度报告根据《条例》要求，由高淳区人民政府办公室汇总编制。统计期限从2022年1月1日至2022年12月31日止。\n一、总体情况\n")
    assert (found.name, found.kind, found.source) == ("高淳区人民政府", "government", "intro")
    assert found.span.line == 1


def test_intro_compiled_by_the_office_without_summing_up_is_the_office():
    found = issuer("本报告由青山县人民政府办公室根据《条例》要求编制。\n一、总体情况\n")
    assert (found.name, found.kind) == ("青山县人民政府办公室", "department")


@pytest.mark.parametrize(
    "text,name,kind",
    [
        ("根据《条例》规定，现公布区统计局2023年政府信息公开工作年度报告。\n", "区统计局", "department"),
        ("根据《条例》规定，现公布泰州市人民政府2017年政府信息公开工作年度报告。\n", "泰州市人民政府", "government"),
        ("现将2021年迎宾路街道办事处政府信息公开情况报告如下：\n", "迎宾路街道办事处", "township"),
    ],
)
def test_intro_announcement(text, name, kind):
    found = issuer(text + "一、总体情况\n")
    assert (found.name, found.kind, found.source) == (name, kind, "intro")


@pytest.mark.parametrize(
    "text,kind",
    [
        ("一、总体情况\n2019年，我乡明确专人负责政务公开工作。\n", "township"),
        ("一、总体情况\n2023年，我镇主动公开政府信息120条。\n", "township"),
        ("本报告依据《条例》编制。\n一、总体情况\n二是2023年，我局未收到政府信息公开申请。\n", "department"),
        ("一、概述\n2016年，我区政府认真贯彻落实《条例》。\n", "government"),
    ],
)
def test_body_words(text, kind):
    found = issuer(text)
    assert (found.name, found.kind, found.source) == (None, kind, "body")
    assert found.span is not None


def test_unknown():
    found = issuer("一、总体情况\n本年报根据《条例》要求编制。\n")
    assert found == Issuer(None, "unknown", None, "none")


def test_compact_text_maps_back_across_line_breaks():
    doc = parse("统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。\n")
    text = CompactText(doc)
    assert text.compact == "统计期限自2023年1月1日起至2023年12月31日止。"
    start = text.compact.index("起至")
    assert text.span(start, start + 2) == Span(2, 1, 2, 3)
    assert text.span(0, len(text.compact)).line == 1


# ---------------------------------------------------------------- corpus and samples


def test_good_sample():
    found = detect_issuer(parse(GOOD.read_text(encoding="utf-8")))
    assert found == Issuer("青山县交通运输局", "department", Span(1, 1, 1, 9), "title")


CORPUS_ISSUERS = {
    "01_huaian_city_gov_2024.txt": ("淮安市人民政府", "government"),
    "02_huaian_hongze_district_2023.txt": ("洪泽区人民政府", "government"),
    "03_huaian_hongze_district_2024.txt": ("淮安市洪泽区人民政府", "government"),
    "06_wuhan_hanyang_gov_office_2022_excerpt.txt": (None, "department"),  # "现将我办…": how it calls itself, no name
    "08_tianjin_hongqiao_zwfwb_2022_excerpt.txt": (None, "unknown"),
    "10_xian_yanliang_xinfang_2021_excerpt.txt": ("阎良区信访局", "department"),
    "12_xinfeng_county_health_2023_excerpt.txt": ("信丰县卫生健康委", "department"),
    "14_nilka_town_2023_excerpt.txt": (None, "township"),  # "我镇"
    "16_changchun_bureau_2023_excerpt.txt": (None, "department"),  # "我局"
    "18_jiaxing_gov_office_2023_excerpt.txt": ("嘉兴市人民政府办公室", "department"),
    "20_yueyang_nanhu_bureau_2019_excerpt.txt": (None, "department"),
    "22_huaying_qiliping_town_2020_excerpt.txt": (None, "unknown"),
    "24_chibi_pufang_park_2020_excerpt.txt": ("蒲纺工业园区", "unknown"),
    "26_nanping_city_2012_excerpt.txt": ("南平市人民政府信息公开工作领导小组办公室", "department"),
    "28_xiamen_huli_district_2018_excerpt.txt": ("湖里区人民政府", "government"),
    "30_weihai_wendeng_xinfang_2022_page8_excerpt.txt": ("威海市文登区信访局", "department"),  # the page's running header
    "32_kazuo_county_bureau_2025_excerpt.txt": (None, "department"),
    "34_shulan_market_supervision_2016_excerpt.txt": ("舒兰市市场监督管理局", "department"),
    "04_shanghai_municipal_gov_office_2019.txt": ("上海市人民政府办公厅", "department"),
    "05_shenzhen_longgang_dept_2024_excerpt.txt": (None, "unknown"),  # body name not in the excerpt
    "07_chongqing_jiulongpo_erlang_street_2022_excerpt.txt": ("重庆市九龙坡区二郎街道办事处", "township"),
    "09_nanjing_gaochun_district_2022_excerpt.txt": ("高淳区人民政府", "government"),  # 区政府办公室汇总编制
    "11_yueyang_xinfang_2021_excerpt.txt": ("岳阳市信访局", "department"),
    "13_yangling_stats_2023_excerpt.txt": ("区统计局", "department"),
    "15_shijiazhuang_qiaoxi_zhongshan_street_2021_excerpt.txt": ("石家庄市桥西区中山街道办事处", "township"),
    "17_shenyang_yingbinlu_street_2021_excerpt.txt": ("迎宾路街道", "township"),
    "19_gaoping_gov_office_2023_excerpt.txt": ("高平市人民政府办公室", "department"),
    "21_xiongxian_township_2019_excerpt.txt": (None, "township"),  # "我乡"
    "23_xiaogan_gov_office_2020_excerpt.txt": ("孝感市人民政府办公室", "department"),
    "25_civil_affairs_bureau_2023_old_format_excerpt.txt": (None, "department"),  # "我局"
    "27_taizhou_city_2017_excerpt.txt": ("泰州市人民政府", "government"),
    "29_fuzhou_jinan_district_2016_excerpt.txt": ("福州市晋安区", "government"),
    "31_audit_bureau_2020_page9_excerpt.txt": (None, "department"),  # "我局"
    "33_daixian_health_2024_excerpt.txt": ("代县卫生健康局", "department"),
    "35_jilin_longtan_district_2017_excerpt.txt": ("龙潭区人民政府", "government"),
}


@needs_corpus
@pytest.mark.parametrize("name", sorted(CORPUS_ISSUERS))
def test_corpus_issuer(name):
    doc = parse((CORPUS / name).read_text(encoding="utf-8"), path=name)
    found = detect_issuer(doc)
    assert (found.name, found.kind) == CORPUS_ISSUERS[name]
    if found.name:
        # the span really covers the name in the source (whitespace aside); for 09 it covers the
        # words it was derived from, "高淳区人民政府办公室(汇总编制)"
        line = doc.line(found.span.line)
        assert "".join(line[found.span.column - 1: found.span.end_column - 1].split()).startswith(found.name)


@needs_corpus
def test_every_corpus_file_is_listed():
    assert {p.name for p in CORPUS.glob("*.txt")} == set(CORPUS_ISSUERS)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not available")
@pytest.mark.parametrize(
    "name,expected",
    [
        ("000_f8697ee72087e2d5.txt", ("交通運輸局", "department")),
        ("001_c22fe348ddb0941e.txt", (None, "department")),
        ("002_bf0308bc7f56019c.txt", ("市交通运输局", "department")),
        ("004_2f81409476d7f5ac.txt", (None, "department")),
    ],
)
def test_seed_issuer(name, expected):
    found = detect_issuer(parse((SEEDS / name).read_text(encoding="utf-8")))
    assert (found.name, found.kind) == expected
