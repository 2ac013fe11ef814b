"""Read-time normalisation (reportlint/readers/normalise.py): look-alikes read as the template's
characters in every format, and every finding still points at the original character and shows
the original line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.lint import LintOptions, lint_path, lint_text
from reportlint.readers import ReadResult, read_path
from reportlint.readers.normalise import normalise

from layout_helpers import RADICALS, SAMPLES_DIR, readers_conftest, with_radicals

GOOD = SAMPLES_DIR / "good" / "qingshan_county_transport_2023.txt"
BAD = sorted((SAMPLES_DIR / "bad").glob("RL[1-5]*.txt"))


def key(d) -> tuple:
    """What must not change; `actual` quotes the file as it is (⼆ for 二), so it is compared normalised."""
    actual = normalise(d.actual).text if d.actual else d.actual
    return (d.code, d.line, d.column, d.end_line, d.end_column, d.row, d.column_label, d.expected, actual)


# ---------------------------------------------------------------- each class of characters


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("⼀、总体情况", "一、总体情况"),  # Kangxi radicals (NFKC)
        ("⼆⼈⾏⽅⾯", "二人行方面"),
        ("⻓⻔⻚⻛⻜⻢⻥⻦⻨⻩⻬⻮⻰⻅⻉⻋⻄⻆", "长门页风飞马鱼鸟麦黄齐齿龙见贝车西角"),  # radicals supplement (table)
        ("⺟⻳", "母龟"),  # the two supplement radicals NFKC maps
        ("政府⻔⼾⽹站", "政府门户网站"),  # ⼾ is drawn 户 (NFKC would give the traditional 戶)
        ("\uf9b5\ufa11", "例﨑"),  # compatibility ideographs: canonical ones; U+FA11 is a unified ideograph and stays
        ("２０２３年ＸＸ科ａｂ", "2023年XX科ab"),  # full-width letters and digits
        ("，。：；（一）！？％　", "，。：；（一）！？％　"),  # full-width punctuation and U+3000: kept
        ("｢公开｣､完成｡", "「公开」、完成。"),  # half-width CJK punctuation
        ("\u00a0一、总体情况\u2002\u202f", " 一、总体情况  "),  # NBSP and other spaces
        ("总体\u200b情况\ufeff\u00ad", "总体情况"),  # zero-width characters, soft hyphen
        ("\ue000一、总体\uf8ff情况\U000f0001", "一、总体情况"),  # private use
        ("① ㈠ ﬁ ™", "① ㈠ ﬁ ™"),  # enclosed and ligature forms: NFKC would change their length or meaning
    ],
)
def test_each_class(raw: str, read: str) -> None:
    assert normalise(raw).text == read


def test_text_without_look_alikes_is_returned_as_it_is() -> None:
    text = GOOD.read_text(encoding="utf-8")
    result = normalise(text)
    assert result.text is text and not result.changed


def test_every_kangxi_radical_becomes_an_ideograph() -> None:
    for code in range(0x2F00, 0x2FD6):
        mapped = normalise(chr(code)).text
        assert len(mapped) == 1 and unicodedata.name(mapped).startswith("CJK UNIFIED IDEOGRAPH"), hex(code)


# Characters of every class, mixed with ordinary report text and newlines.
_ALPHABET = st.sampled_from(
    list("一二三总体情况，。（）0123456789 \n|xX")
    + list(RADICALS.values())[:40]
    + ["\u00a0", "\u3000", "\u200b", "\ufeff", "\ue000", "\uf8ff", "２", "Ｘ", "｡", "⻓", "\u00ad", "\r\n"]
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_every_normalised_character_maps_back_to_its_original(text: str) -> None:
    text = text.replace("\r\n", "\n")
    result = normalise(text)
    assert normalise(result.text).text == result.text  # idempotent: lint_path may normalise twice
    new_lines, old_lines = result.text.split("\n"), text.split("\n")
    assert len(new_lines) == len(old_lines)  # lines are never added or removed
    for number, (new, old) in enumerate(zip(new_lines, old_lines), start=1):
        assert result.original_line(number) == old
        for column in range(1, len(new) + 1):
            start = result.original_column(number, column)
            end = result.original_column(number, column + 1, end=True)
            assert normalise(old[start - 1:end - 1]).text == new[column - 1]  # exactly the original character
        assert result.original_column(number, len(new) + 1, end=True) <= len(old) + 1


# ---------------------------------------------------------------- whole reports, every format


def _radical_report(tmp_path: Path, source: Path) -> tuple[str, str]:
    clean = source.read_text(encoding="utf-8")
    return clean, with_radicals(clean)


@pytest.mark.parametrize("source", [GOOD, *BAD], ids=lambda p: p.stem)
def test_radicals_give_the_clean_texts_findings_at_the_same_places(tmp_path: Path, source: Path) -> None:
    clean, radical = _radical_report(tmp_path, source)
    assert radical != clean
    path = tmp_path / source.name
    path.write_text(radical, encoding="utf-8")
    expected = [key(d) for d in lint_text(clean, str(path)).diagnostics]
    got = lint_path(path).diagnostics
    assert [key(d) for d in got] == expected
    lines = radical.split("\n")
    assert all(d.source_line == lines[d.line - 1] for d in got)  # the snippet is what the file holds
    quoted = [d for d in got if d.actual and d.line == d.end_line and normalise(d.source_line[d.column - 1:d.end_column - 1]).text == normalise(d.actual).text]
    assert all(d.actual == d.source_line[d.column - 1:d.end_column - 1] for d in quoted)  # and so is a quoted `actual`


@pytest.mark.parametrize("kind", ["docx", "html"])
@pytest.mark.parametrize("source", [GOOD, SAMPLES_DIR / "bad" / "RL301_row_total.txt", SAMPLES_DIR / "bad" / "RL101_missing_section.txt"], ids=lambda p: p.stem)
def test_radicals_in_docx_and_html(tmp_path: Path, source: Path, kind: str) -> None:
    converters = readers_conftest()
    clean, radical = _radical_report(tmp_path, source)
    write = converters.write_docx if kind == "docx" else converters.write_html
    clean_file = write(clean, tmp_path / f"clean.{kind}").path
    radical_file = write(radical, tmp_path / f"radical.{kind}").path
    expected = lint_path(clean_file).diagnostics
    got = lint_path(radical_file).diagnostics
    assert [key(d) + (d.origin,) for d in got] == [key(d) + (d.origin,) for d in expected]


def test_headings_in_radicals_are_sections() -> None:
    """The PDF text layer's `⼀、总体情况` and `⼆、主动公开政府信息情况` are sections 一 and 二."""
    text = GOOD.read_text(encoding="utf-8").replace("一、总体情况", "⼀、总体情况").replace("二、主动公开", "⼆、主动公开")
    assert "RL101" not in {d.code for d in lint_text(text).diagnostics}


def test_nbsp_indented_heading_is_a_heading() -> None:
    text = GOOD.read_text(encoding="utf-8").replace("一、总体情况", "\u00a0\u00a0一、总体情况")
    assert [key(d) for d in lint_text(text).diagnostics] == [key(d) for d in lint_text(GOOD.read_text(encoding="utf-8")).diagnostics]


# ---------------------------------------------------------------- positions after removed characters


@pytest.mark.parametrize("junk", ["\ue000", "\u200b\u200b", "\ufeff", "\U000f0001\u00ad"])
def test_finding_after_removed_characters_points_at_the_original(tmp_path: Path, junk: str) -> None:
    source = SAMPLES_DIR / "bad" / "RL401_placeholder.txt"
    clean = source.read_text(encoding="utf-8")
    dirty = clean.replace("我局对本机关", junk + "我局" + junk + "对本机关").replace("xxxx年", junk + "xxxx" + junk + "年")
    path = tmp_path / "dirty.txt"
    path.write_text(dirty, encoding="utf-8")
    found = [d for d in lint_path(path).diagnostics if d.code == "RL401"]
    lines = dirty.split("\n")
    assert found
    for d in found:
        line = lines[d.line - 1]
        assert d.source_line == line
        flagged = line[d.column - 1:d.end_column - 1]
        assert normalise(flagged).text in ("xxxx", "XX"), flagged  # the placeholder, no removed character inside
        assert not flagged.startswith(junk[0]) and not flagged.endswith(junk[-1])


def test_reader_keeps_the_extracted_text(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("⼀、总体情况\ue000\n", encoding="utf-8")
    read = read_path(path)
    assert isinstance(read, ReadResult)
    assert read.text == "一、总体情况\n" and read.original == "⼀、总体情况\ue000\n"


def test_english_and_json_positions(tmp_path: Path) -> None:
    """--lang en and the JSON contract carry the same original positions."""
    source = SAMPLES_DIR / "bad" / "RL301_row_total.txt"
    dirty = source.read_text(encoding="utf-8").replace("| 6\n", "| \ue0006\n", 1)
    path = tmp_path / "r.txt"
    path.write_text(dirty, encoding="utf-8")
    found = [d for d in lint_path(path, LintOptions(lang="en")).diagnostics if d.code == "RL301"]
    assert found and all(d.source_line[d.column - 1:d.end_column - 1] == "6" for d in found)
