"""RL603 half-width-punctuation: ASCII , ; : ? ! . ( ) next to Chinese in body text and headings.

One note (info) per file: the first place, the count and the lines. Tables, times, decimals, URLs
and English keep their ASCII marks.
"""

from __future__ import annotations

import re

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

SELECT = LintOptions(select=("RL603",))
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n"


def _rl603(body: str, lang: str = "zh"):
    return lint_text(TITLE + body, options=LintOptions(select=("RL603",), lang=lang)).diagnostics


def _count(note) -> int:
    return int(re.search(r"有 (\d+) 处", note.message)[1])


# ---------------------------------------------------------------- bad


def test_half_width_sample(bad_sample):
    result = lint_path(bad_sample("RL603"))
    assert [d.code for d in result.diagnostics] == ["RL603"]  # the sample's only defect
    (note,) = result.diagnostics
    assert (note.line, note.column, note.end_column, note.actual, note.expected) == (9, 17, 18, ",", "，")
    assert note.severity is Severity.INFO and note.section == ("一", "（三）")
    assert note.message == "中文正文中有 2 处半角标点（第 9 行），如第 9 行的「,」应为「，」"
    assert result.status == "pass"


def test_english_message():
    (note,) = _rl603("2023年,我局主动公开信息126条.", lang="en")
    assert note.message == "2 half-width punctuation mark(s) in Chinese text (lines 3), e.g. ',' on line 3 should be '，'"


@pytest.mark.parametrize(
    ("body", "count", "first"),
    [
        ("2023年,我局主动公开信息126条.", 2, ","),
        ("依申请公开情况如下:", 1, ":"),
        ("是否按时答复?均已按时答复!", 2, "?"),
        ("（一）主动公开情况;（二）依申请公开情况", 1, ";"),
        ("本报告根据《条例》(以下简称《条例》)编制", 2, "("),
        ("(一)主动公开情况", 2, "("),
        ("工作时间:上午8:30—12:00", 1, ":"),  # the colon after 间; 8:30 keeps its ASCII colon
        ("“先审查、后公开”,全年未发生泄密", 1, ","),  # after a closing quote
    ],
)
def test_marks_next_to_chinese(body, count, first):
    (note,) = _rl603(body)
    assert _count(note) == count and note.actual == first
    line = TITLE.count("\n") + 1
    assert (note.line, body[note.column - 1]) == (line, first)


def test_one_note_for_the_whole_file_with_the_lines():
    body = "\n".join(f"第{n}段,内容。" for n in range(1, 8))
    (note,) = _rl603(body)
    assert _count(note) == 7 and note.line == 3
    assert "第 3、4、5、6、7… 行" in note.message


# ---------------------------------------------------------------- good


@pytest.mark.parametrize(
    "body",
    [
        "2023年，我局主动公开政府信息126条（其中政策解读12条），无收费情况。",
        "工作时间：上午8:30—12:00，下午14:30—17:30。",
        "本报告电子版可在门户网站（http://www.example.gov.cn/xxgk/index.html）查阅。",
        "详见PDF,Word及OFD格式文件。",
        "占比12.5%，同比增长3.2个百分点。",
        "1.主动公开情况",
        "English text, with commas; colons: and (brackets).",
    ],
)
def test_full_width_or_ascii_context_passes(body):
    assert _rl603(body) == ()


def test_tables_keep_their_own_conventions():
    table = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章(含修订) | 0 | 0 | 0\n"
    assert _rl603(table) == ()


def test_good_sample_has_none(good_path):
    assert lint_path(good_path, SELECT).diagnostics == ()
