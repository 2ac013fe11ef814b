"""RL506 copied-from-last-year: the narrative repeats last year's report (REFERENCE §6 items 4, 6, 15).

The 宿迁 indicator deducts points for "与上年度重复率大于50%"; a report copied with only the year changed
(东莞 2010, 人社部 2009/2010) must be caught, so years and figures are normalised away, and the template's
own text (headings, tables, the compiling basis, statistics period, contact, 《条例》) is not counted.
"""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossyear_data import (
    COPIED_TOWN_2023, CROSS_YEAR, GOOD, SHARED, TOWN_2022, TRANSPORT_2022, found, lint, lines, next_year, read,
)
from reportlint.api import Severity
from reportlint.checks.crossyear_rules import CopiedOptions, copied, narrative, normalise, token_spans
from reportlint.context import LintContext
from reportlint.parser import parse

GOOD_TEXT = read(GOOD)
LAST_YEAR = read(TRANSPORT_2022)
NARRATIVE_LINES = (5, 7, 9, 11, 13, 64, 65, 67)  # 总体情况 （一）–（五）, 五 (two paragraphs), 六 — same in both years


def rate(current: str, previous: str) -> float:
    return copied(narrative(LintContext(parse(current))), narrative(LintContext(parse(previous)))).rate


def splice(tables_from: str, narrative_from: str) -> str:
    """The report `tables_from` with the narrative lines of `narrative_from` (both have the good sample's layout)."""
    out = lines(tables_from)
    source = lines(narrative_from)
    for number in NARRATIVE_LINES:
        out[number - 1] = source[number - 1]
    return "\n".join(out)


def options(threshold: float) -> dict:
    return {"RL506": CopiedOptions(similarity_threshold=threshold)}


# ---------------------------------------------------------------- copies are caught


def test_report_copied_with_only_the_year_changed():
    result = lint(read(COPIED_TOWN_2023), read(TOWN_2022), path="town.txt")
    assert found(result) == ["RL506"]  # all rules ran: nothing else is wrong with the copy
    d = result.diagnostics[0]
    assert d.severity is Severity.WARNING
    assert (d.line, d.column, d.section, d.actual, d.expected) == (64, 1, ("五",), "100%", "≤ 50%")
    assert d.message.startswith("本报告（2023年度，town.txt）叙述文字有 100% 与上年度报告（2022年度）相同，超过 50%")
    passages = d.message.split("最长的雷同段落：")[1].split("；")
    assert [p.split("「")[0] for p in passages] == ["第64行", "第5行", "第7行"]  # longest first, three of them
    assert passages[0].startswith("第64行「我镇政务公开工作还存在一些薄弱环节：一是村级公开栏内容更…」")
    assert passages[0].endswith("上年度第64行）")


def test_message_in_english():
    d = lint(read(COPIED_TOWN_2023), read(TOWN_2022), "RL506", lang="en", path="town.txt").diagnostics[0]
    assert d.message.startswith("100% of this report's narrative (2023, town.txt) repeats last year's report (2022), more than 50%")
    assert "longest copied passages: line 64 '我镇政务公开工作还存在一些薄弱环节：一是村级公开栏内容更…' (" in d.message
    assert "last year line 64)" in d.message


def test_narrative_copied_under_new_tables():
    """The tables were updated, the text was not (only its years and figures): RL506, and no table rule."""
    current = splice(GOOD_TEXT, next_year(LAST_YEAR))
    result = lint(current, LAST_YEAR, *CROSS_YEAR)
    assert found(result) == ["RL506"]
    assert result.diagnostics[0].actual == "100%"


def test_figures_changed_as_well_still_counts_as_copied():
    current = next_year(LAST_YEAR)
    for old, new in (("298条", "412条"), ("31条", "44条"), ("1196件", "1328件"), ("163条", "214条")):
        current = current.replace(old, new)
    assert rate(current, LAST_YEAR) == 1.0


def test_year_written_in_chinese_numerals_is_normalised_too():
    current = next_year(LAST_YEAR).replace("针对上述问题，2024年我局", "针对上述问题，二〇二四年我局")
    assert rate(current, LAST_YEAR) == 1.0


def test_only_part_of_the_text_copied_stays_under_the_threshold():
    """五 and 六 copied (a third of the narrative): under 50%, reported only with a lower threshold."""
    current = "\n".join(
        old if number in (64, 65, 67) else new
        for number, (new, old) in enumerate(zip(lines(GOOD_TEXT), lines(next_year(LAST_YEAR))), start=1)
    )
    share = rate(current, LAST_YEAR)
    assert 0.3 < share < 0.5
    assert found(lint(current, LAST_YEAR, "RL506")) == []
    result = lint(current, LAST_YEAR, "RL506", rule_options=options(0.3))
    assert found(result) == ["RL506"]
    assert result.diagnostics[0].actual == f"{share * 100:.0f}%"
    assert "超过 30%" in result.diagnostics[0].message


def test_threshold_is_a_share_above_which_it_is_reported():
    copy, original = read(COPIED_TOWN_2023), read(TOWN_2022)
    assert found(lint(copy, original, "RL506", rule_options=options(0.99))) == ["RL506"]
    assert found(lint(copy, original, "RL506", rule_options=options(1.0))) == []  # 100% is not more than 100%


@pytest.mark.parametrize("bad", [0, -0.5, 1.5])
def test_threshold_outside_0_to_1_is_rejected(bad):
    with pytest.raises(ValueError):
        CopiedOptions(similarity_threshold=bad)


def test_percentage_keeps_a_decimal_near_the_threshold():
    from reportlint.checks.crossyear_rules import _percent

    assert _percent(0.503, 0.5) == "50.3%"
    assert _percent(0.734, 0.5) == "73%"


# ---------------------------------------------------------------- honest reports are not


def test_same_body_honest_next_year_is_far_below_the_threshold():
    assert rate(GOOD_TEXT, LAST_YEAR) < 0.3
    assert found(lint(GOOD_TEXT, LAST_YEAR, "RL506")) == []


def test_two_bodies_share_little():
    assert rate(GOOD_TEXT, read(TOWN_2022)) < 0.15
    assert rate(read(COPIED_TOWN_2023), LAST_YEAR) < 0.15


def test_a_truly_different_pair_has_no_findings():
    assert found(lint(GOOD_TEXT, read(TOWN_2022), *CROSS_YEAR)) == []
    assert found(lint(read(COPIED_TOWN_2023), LAST_YEAR, *CROSS_YEAR)) == []


@pytest.mark.skipif(not (SHARED / "corpus" / "real").is_dir(), reason="shared corpus not available")
def test_real_report_of_another_body_against_the_good_sample():
    real = (SHARED / "corpus" / "real" / "02_huaian_hongze_district_2023.txt").read_text(encoding="utf-8")
    previous = real.replace("2023 年", "2022 年")
    assert rate(GOOD_TEXT, previous) < 0.25 and rate(previous, GOOD_TEXT) < 0.25
    assert found(lint(GOOD_TEXT, previous, *CROSS_YEAR)) == []


@pytest.mark.skipif(not (SHARED / "corpus" / "real").is_dir(), reason="shared corpus not available")
def test_real_pdf_text_copied_from_the_year_before():
    """corpus/real/02 (PDF text: wrapped lines, page markers, text after sub-headings) against itself a year earlier."""
    real = (SHARED / "corpus" / "real" / "02_huaian_hongze_district_2023.txt").read_text(encoding="utf-8")
    previous = real.replace("2023 年", "2022 年").replace("2023年", "2022年")
    result = lint(real, previous, "RL506")
    assert found(result) == ["RL506"]
    d = result.diagnostics[0]
    assert d.actual == "100%" and d.line == 133  # the longest copied passage: 五 (lines 133–144)
    for passage in d.message.split("最长的雷同段落：")[1].split("；"):
        line = int(passage.split("行")[0].removeprefix("第"))
        quoted = passage.split("「")[1].split("…")[0]
        assert quoted[:6] in real.split("\n")[line - 1].replace(" ", ""), passage


# ---------------------------------------------------------------- what is compared


def _source_lines(text: str) -> set[int]:
    found_lines = set()
    for segment in narrative(LintContext(parse(text))):
        for piece in segment.pieces:
            span = piece.source.locate(piece.start, piece.end)
            found_lines.update(range(span.line, span.end_line + 1))
    return found_lines


def test_only_the_narrative_is_compared():
    """Not the title (1), the compiling basis / period / contact paragraph (2), headings, tables or signature."""
    assert _source_lines(GOOD_TEXT) == {5, 7, 9, 11, 13, 64, 65, 67}


def test_template_sentences_are_left_out():
    segments = " ".join(s.text for s in narrative(LintContext(parse(GOOD_TEXT))))
    assert "信息处理费" not in segments  # 六: 本年度我局未发出信息处理费收费通知，未收取信息处理费。
    assert segments.startswith("#年我局坚持以公开为常态")


def test_preamble_sentences_of_another_wording_are_left_out():
    preamble = (
        "根据《中华人民共和国政府信息公开条例》规定，现公布区统计局2023年政府信息公开工作年度报告。"
        "本报告由总体情况、主动公开政府信息情况等六部分组成。报告中所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。"
        "如对本报告有疑问，请与区统计局办公室联系（地址：城关镇1号；电话：0736-1234567；工作时间：工作日8:30—17:30）。"
    )
    text = "青山县统计局2023年政府信息公开工作年度报告\n" + preamble + "\n一、总体情况\n本年度无其他需要报告的事项。\n"
    assert narrative(LintContext(parse(text))) == []


def test_citations_are_cut_out_of_narrative_sentences():
    text = "青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n我局严格按照《中华人民共和国政府信息公开条例》（以下简称《条例》）规定的时限答复申请。\n"
    assert [s.text for s in narrative(LintContext(parse(text)))] == ["我局严格按照规定的时限答复申请"]


def test_pdf_table_rows_and_page_markers_are_left_out():
    text = (
        "青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n我局全年主动公开信息50条，\n- 2 -\n均在门户网站发布。\n"
        "五、存在的主要问题及改进情况\n规章 0 0 0\n行政规范性文件 2 1 15\n下一步将加强培训。\n"
    )
    assert [s.text for s in narrative(LintContext(parse(text)))] == ["我局全年主动公开信息#条", "均在门户网站发布", "下一步将加强培训"]


# ---------------------------------------------------------------- normalisation


def test_normalisation_ignores_years_figures_punctuation_and_width():
    assert normalise("2023年，我局公开信息386条（其中文件1,234件、占12.5%）。") == normalise("二〇二四年 我局公开信息１２条(其中文件7件,占9%)")
    assert normalise("二〇二三年") == "#年" and normalise("ＡＢｃ") == "abc"


def test_normalised_text_maps_back_to_the_original():
    text = "2023年，我局公开信息 386 条；二〇二三年Ａ类１２件。"
    spans = token_spans(text)
    assert len(spans) == len(normalise(text))
    assert [text[a:b] for a, b in spans][:3] == ["2023", "年", "我"]
    assert text[slice(*spans[-2])] == "１２"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789１２.,，。年〇零二三九ABａ我局 \n#《》") + ["一", "的"]), max_size=60))
def test_every_normalised_character_has_its_place_in_the_text(text):
    assert len(token_spans(text)) == len(normalise(text))


# ---------------------------------------------------------------- linear time


@pytest.mark.parametrize("size", [0, 7, 8, 9, 65535, 65536 + 7, 65536 + 8, 140_000])
def test_shingles_are_cut_window_by_window_without_loss(size):
    from reportlint.checks.crossyear_rules import SHINGLE, _hashes

    text = "".join(random.Random(size).choices("政府信息公开申请我局#", k=size))
    assert list(_hashes(text)) == [hash(text[i:i + SHINGLE]) for i in range(len(text) - SHINGLE + 1)]


def _synthetic(paragraphs: list[str], year: int) -> str:
    body = "\n".join(paragraphs)
    return f"青山县交通运输局{year}年政府信息公开工作年度报告\n一、总体情况\n{body}\n五、存在的主要问题及改进情况\n无。\n"


def test_a_long_report_is_compared_quickly():
    """About 1 MB of narrative each (≈ 100 times a real report): well under the engine's own parse time."""
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]

    def paragraph() -> str:
        return "，".join("".join(rng.choices(alphabet, k=12)) for _ in range(25)) + "。"

    paragraphs = [paragraph() for _ in range(1000)]
    copy = [p if rng.random() < 0.6 else paragraph() for p in paragraphs]
    current, previous = LintContext(parse(_synthetic(paragraphs, 2023))), LintContext(parse(_synthetic(copy, 2022)))
    started = time.process_time()
    result = copied(narrative(current), narrative(previous))
    elapsed = time.process_time() - started
    assert 0.55 < result.rate < 0.65
    assert elapsed < 10, f"{elapsed:.1f}s of CPU for 2 × {len(_synthetic(paragraphs, 2023)):,} characters"
