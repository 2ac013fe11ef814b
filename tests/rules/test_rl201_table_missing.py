"""RL201 table-missing: the 2019/2021 templates put a table in sections 二, 三 and 四 (REFERENCE §2.4–2.6);
a report that drops one, or prints it with its labels and no figures (corpus/real/21), is reported.
Excerpts are never blamed for tables after their cut; pre-2019 (2007 条例) reports have no national table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from reportlint.registry import all_rules, find_rule

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "real"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")

GOOD = Path(__file__).resolve().parents[2] / "samples" / "good" / "qingshan_county_transport_2023.txt"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")
GOOD_LINES = GOOD_TEXT.split("\n")

SELECT = LintOptions(select=("RL201",))
SELECT_EN = LintOptions(select=("RL201",), lang="en")
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"


def good(first: int, last: int) -> list[str]:
    """Lines first..last (1-based, inclusive) of the good sample."""
    return GOOD_LINES[first - 1:last]


# the good sample's parts (samples/README.md): 二 heading 14, table 15–28; 三 heading 29, header 30–32,
# rows 33–57; 四 heading 58, table 59–62; 五 and 六 63–67; signature 68–69
ACTIVE_TABLE = good(15, 28)
REQUEST_TABLE = good(30, 57)
REVIEW_TABLE = good(59, 62)


def report(active=None, request=None, review=None) -> str:
    """The good sample with any of its three tables replaced (None keeps the table)."""
    lines = (
        good(1, 14) + (ACTIVE_TABLE if active is None else active)
        + good(29, 29) + (REQUEST_TABLE if request is None else request)
        + good(58, 58) + (REVIEW_TABLE if review is None else review)
        + good(63, 69)
    )
    return "\n".join(lines)


def rl201(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL201" for d in result.diagnostics)
    return [(d.line, d.column, d.end_line, d.end_column, d.section, d.message) for d in result.diagnostics]


def _pdf(line: str) -> str:
    """A pipe row as PDF text extraction prints it: the label, then figures separated by spaces."""
    return " ".join(cell for cell in line.split(" | "))


# ---------------------------------------------------------------- the rule


def test_rule_metadata():
    rule = find_rule(all_rules(), "RL201")
    assert (rule.name, rule.severity) == ("table-missing", Severity.ERROR)
    assert "第五十条" in rule.explanation.zh and "二" in rule.explanation.en
    # the bad example keeps only table 三: 二 and 四 are missing
    assert [(d.code, d.section) for d in lint_text(rule.bad, options=SELECT).diagnostics] == [("RL201", ("二",)), ("RL201", ("四",))]
    assert lint_text(rule.good, options=SELECT).diagnostics == ()


# ---------------------------------------------------------------- bad


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL201"))
    # exactly one defect: table 四 replaced by a sentence (nothing else above the info level)
    assert [d.code for d in result.diagnostics if d.severity is not Severity.INFO] == ["RL201"]
    [d] = [d for d in result.diagnostics if d.code == "RL201"]
    assert d.name == "table-missing" and d.severity is Severity.ERROR
    # line 58: the heading 「四、政府信息公开行政复议、行政诉讼情况」 (19 characters)
    assert (d.line, d.column, d.end_line, d.end_column) == (58, 1, 58, 20)
    assert d.section == ("四",)
    assert (d.row, d.column_label, d.expected, d.actual) == (None, None, None, None)
    assert d.message == "缺少行政复议、行政诉讼情况表（表四）"
    assert result.status == "fail"


def test_bad_sample_in_english(bad_sample):
    result = lint_path(bad_sample("RL201"), SELECT_EN)
    assert [d.message for d in result.diagnostics] == ["the review/litigation table (表四) is missing"]


PROSE_ACTIVE = ["本年度我局制发行政规范性文件2件，作出行政许可决定1328件、行政处罚决定216件。"]
PROSE_REQUEST = ["本年度我局收到政府信息公开申请12件，均已按期答复。"]
PROSE_REVIEW = ["本年度因政府信息公开工作被申请行政复议3件，被提起行政诉讼2件。"]


@pytest.mark.parametrize(
    "replaced,expected",
    [
        # table 二 replaced by a sentence: the finding is on the heading of 二 (line 14, 12 characters)
        ({"active": PROSE_ACTIVE}, [(14, 1, 14, 13, ("二",), "缺少主动公开政府信息情况表（表二）")]),
        # table 三 replaced: the heading of 三 stays on line 29 (17 characters)
        ({"request": PROSE_REQUEST}, [(29, 1, 29, 18, ("三",), "缺少收到和处理政府信息公开申请情况表（表三）")]),
        ({"review": PROSE_REVIEW}, [(58, 1, 58, 20, ("四",), "缺少行政复议、行政诉讼情况表（表四）")]),
        # all three: one finding per table, each on its section's heading
        (
            {"active": PROSE_ACTIVE, "request": PROSE_REQUEST, "review": PROSE_REVIEW},
            [
                (14, 1, 14, 13, ("二",), "缺少主动公开政府信息情况表（表二）"),
                (16, 1, 16, 18, ("三",), "缺少收到和处理政府信息公开申请情况表（表三）"),
                (18, 1, 18, 20, ("四",), "缺少行政复议、行政诉讼情况表（表四）"),
            ],
        ),
    ],
    ids=["active", "request", "review", "all-three"],
)
def test_table_replaced_by_prose(replaced, expected):
    assert rl201(report(**replaced)) == expected


def test_messages_in_english():
    text = report(active=PROSE_ACTIVE, request=PROSE_REQUEST, review=PROSE_REVIEW)
    assert [m for *_, m in rl201(text, SELECT_EN)] == [
        "the 主动公开 table (表二) is missing",
        "the request table (表三) is missing",
        "the review/litigation table (表四) is missing",
    ]


def _labels_only(lines: list[str]) -> list[str]:
    """The request table printed without its figures, one label per line (corpus/real/21)."""
    out = []
    for line in lines:
        out += [cell for cell in line.split(" | ") if cell and not re.fullmatch(r"\d+", cell)]
    return out


def test_table_printed_with_labels_and_no_figures():
    # corpus/real/21: the template table published empty. 30 row labels of table 三 (25 data rows + the
    # group labels 三、本年度办理结果, （三）, （四）, （五）, （六）); header cells are not row labels
    text = report(request=_labels_only(REQUEST_TABLE))
    # lines 1–29 of the good sample, the 10 header cells (勾稽 note … 其他) on 30–39, then the row labels:
    # the finding is on the first, 「一、本年新收政府信息公开申请数量」 (16 characters) on line 40
    assert text.split("\n")[39] == "一、本年新收政府信息公开申请数量"
    assert rl201(text) == [
        (40, 1, 40, 17, ("三",), "收到和处理政府信息公开申请情况表（表三）只有行列名称，没有填写任何数字（找到 30 个行名）")
    ]
    assert [m for *_, m in rl201(text, SELECT_EN)] == [
        "the request table (表三) has its labels but no figures at all (30 row labels found)"
    ]


# ---------------------------------------------------------------- good: the table is there, in any layout


def test_good_sample(good_path):
    assert lint_path(good_path, SELECT).diagnostics == ()


def test_tables_as_pdf_text_rows():
    # corpus/real/02: one line per row, figures separated by spaces, a page marker between rows
    request = [_pdf(line) for line in REQUEST_TABLE]
    request.insert(12, "- 3 -")
    assert rl201(report(active=[_pdf(line) for line in ACTIVE_TABLE], request=request, review=[_pdf(row) for row in REVIEW_TABLE])) == []


def test_tables_one_cell_per_line():
    # corpus/real/11, 13: every cell on its own line ending in `|`
    def stacked(lines):
        return [cell + " |" for line in lines for cell in line.split(" | ")]

    assert rl201(report(active=stacked(ACTIVE_TABLE), request=stacked(REQUEST_TABLE))) == []


def test_half_width_brackets_and_spaced_labels():
    text = GOOD_TEXT.replace("（", "(").replace("）", ")").replace("一、本年新收政府信息公开申请数量", "一、本年新收 政府信息公开申请数量")
    assert rl201(text) == []


def test_blank_table_is_present_not_missing():
    # a pipe table whose cells are all blank is there; blanks are RL203's business
    request = good(30, 32) + [re.sub(r"\| \d+", "|  ", line) for line in good(33, 57)]
    assert rl201(report(request=request)) == []


def test_narrative_mentioning_the_tables_is_not_a_table():
    # the table is gone; the narrative's figures and words must not stand in for it
    assert [x[4] for x in rl201(report(review=["行政复议 | 行政诉讼", "本年度无行政复议、行政诉讼案件。"]))] == [("四",)]


def test_pre_2019_report_has_no_national_table():
    # 2007 条例 (REFERENCE §1.4): no national table, so nothing is missing
    text = (
        "青山县交通运输局2016年政府信息公开工作年度报告\n一、概述\n2016年，我局主动公开政府信息386条。\n"
        "二、主动公开政府信息情况\n全年主动公开政府信息386条。\n三、依申请公开和不予公开情况\n全年收到政府信息公开申请12件。\n"
        "四、因政府信息公开申请行政复议、提起行政诉讼的情况\n全年未发生行政复议、行政诉讼。\n"
        "五、存在的主要问题及改进情况\n部分栏目更新不够及时，下一步将完善更新机制。\n"
    )
    assert rl201(text) == []


# ---------------------------------------------------------------- excerpts


@pytest.mark.parametrize(
    "last_line,tail",
    [
        (14, "本年度我局主动公开政府信息386条，其中"),  # cut in 二 before its table
        (29, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加"),  # cut in the header of 三
        (44, ""),  # cut after a row of 三 (a text never ends on a table row)
        (58, "行政复议 | 行政诉讼"),  # cut in the header of 四
    ],
)
def test_excerpt_is_not_blamed_for_tables_after_the_cut(last_line, tail):
    text = "\n".join(good(1, last_line) + ([tail] if tail else []))
    assert rl201(text) == []


def test_excerpt_is_still_blamed_for_a_table_before_the_cut():
    # 二 is prose only and the text stops inside table 三: 二's table is missing, 三 and 四 may lie past the cut
    text = "\n".join(good(1, 14) + PROSE_ACTIVE + good(29, 40))
    assert rl201(text) == [(14, 1, 14, 13, ("二",), "缺少主动公开政府信息情况表（表二）")]


# ---------------------------------------------------------------- real reports

CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
EXCERPTS = [name for name in CORPUS_FILES if name.endswith("_excerpt.txt")]


@needs_corpus
def test_corpus_21_table_printed_without_figures():
    # REFERENCE §6 item 12: the whole template table published empty; 27 labels of the 2019 request table
    path = CORPUS / "21_xiongxian_township_2019_excerpt.txt"
    [d] = [d for d in lint_path(path, SELECT).diagnostics if d.section == ("三",)]  # 表四: below
    assert (d.line, d.column, d.end_line, d.end_column, d.section) == (38, 1, 38, 17, ("三",))
    assert d.severity is Severity.ERROR
    assert d.message == "收到和处理政府信息公开申请情况表（表三）只有行列名称，没有填写任何数字（找到 27 个行名）"
    [en] = [d for d in lint_path(path, SELECT_EN).diagnostics if d.section == ("三",)]
    assert en.message == "the request table (表三) has its labels but no figures at all (27 row labels found)"


@needs_corpus
@pytest.mark.parametrize("name", EXCERPTS)
def test_excerpts_never_get_rl201_for_tables_after_their_cut(name):
    # only 21's request table and review table (both before its cut in section 五) are really empty;
    # every other excerpt stops before, or inside, the tables it lacks
    found = [(d.line, d.section) for d in lint_path(CORPUS / name, SELECT).diagnostics]
    assert found == ([(38, ("三",)), (65, ("四",))] if name.startswith("21_") else [])


@needs_corpus
@pytest.mark.parametrize("name", ["02_huaian_hongze_district_2023.txt", "04_shanghai_municipal_gov_office_2019.txt"])
def test_full_reports_have_all_tables(name):
    # 02: PDF text with vertical labels and page markers (2021); 04: HTML pipes with blank cells (2019)
    assert lint_path(CORPUS / name, SELECT).diagnostics == ()


# ---------------------------------------------------------------- 表四 printed as its header only (corpus 21)

from variants import BODIES, YEARS  # noqa: E402
from variants import report as variant  # noqa: E402

_REVIEW_DATA = "2 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1\n"


def test_corpus_21_review_table_is_its_header_only(corpus_dir):
    found = [d for d in lint_path(corpus_dir / "21_xiongxian_township_2019_excerpt.txt", LintOptions(select=("RL201",))).diagnostics]
    assert [(d.line, d.message) for d in found if d.section == ("四",)] == [
        (65, "行政复议、行政诉讼情况表（表四）只印了表头（行政复议、行政诉讼、结果维持……），没有填写任何数字")
    ]


@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("layout", ("text", "markdown"))
@pytest.mark.parametrize("header", ("pipes", "one per line"))
def test_review_table_header_only(body, year, layout, header):
    text = variant(body, year, layout).replace(_REVIEW_DATA, "")
    if header == "one per line":  # as pasted from a web page: one label a line, no figures
        start = text.index("行政复议 | 行政诉讼")
        end = text.index("\n", text.index("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持")) + 1
        text = text[:start] + text[start:end].replace(" | ", "\n") + text[end:]
    found = lint_text(text, "r.md" if layout == "markdown" else "r.txt", LintOptions(select=("RL201",))).diagnostics
    assert [d.message for d in found] == ["行政复议、行政诉讼情况表（表四）只印了表头（行政复议、行政诉讼、结果维持……），没有填写任何数字"]


def test_review_table_without_even_its_header_is_missing():
    text = variant()
    start = text.index("行政复议 | 行政诉讼")
    text = text[:start] + text[text.index(_REVIEW_DATA) + len(_REVIEW_DATA):]
    assert [d.message for d in lint_text(text, options=LintOptions(select=("RL201",))).diagnostics] == ["缺少行政复议、行政诉讼情况表（表四）"]


def test_an_excerpt_cut_inside_table_three_is_not_missing_it(corpus_dir):
    """corpus 15 stops at 「一、本年」 of 表三: a numeral going back is no later section."""
    assert lint_path(corpus_dir / "15_shijiazhuang_qiaoxi_zhongshan_street_2021_excerpt.txt", LintOptions(select=("RL201",))).diagnostics == ()
