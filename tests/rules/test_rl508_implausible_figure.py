"""RL508 implausible-figure (warning): figures the kind of body cannot plausibly have (REFERENCE §3, §6 item 14).

- 规章 are made only by State Council departments and provincial / 设区的市 governments (Legislation Law):
  townships, streets, county-level governments and their departments write 0 or '/' (corpus/real/11, 13);
- a township or street reporting thousands of 行政许可 decisions has counted every 行政决定 as 行政许可
  (corpus/real/15: a 街道 with 2910, equal to its intro's "处理行政决定数量2910个"); the limit is an option
  (township_licensing_max, default 1000)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from reportlint.checks.plausibility import PlausibilityOptions
from reportlint.engine import lint_document
from reportlint.parser import parse
from reportlint.registry import all_rules, find_rule

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "real"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")

GOOD = Path(__file__).resolve().parents[2] / "samples" / "good" / "qingshan_county_transport_2023.txt"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")

SELECT = LintOptions(select=("RL508",))
SELECT_EN = LintOptions(select=("RL508",), lang="en")
END = "五、存在的主要问题及改进情况\n部分栏目更新不够及时，下一步将完善更新机制。\n"
RULES_ROW = "规章 | 0 | 0 | 0"  # good line 17
LICENSING_ROW = "行政许可 | 1328"  # good line 21

W = Severity.WARNING


def edit(old: str, new: str, text: str = GOOD_TEXT) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def as_body(name: str, rules: str = RULES_ROW, licensing: str = LICENSING_ROW) -> str:
    """The good sample issued by `name` (title and signature), with its 规章 and 行政许可 rows replaced."""
    text = edit("青山县交通运输局2023年", f"{name}2023年")
    text = edit("\n青山县交通运输局\n2024年", f"\n{name}\n2024年", text)
    text = edit(RULES_ROW, rules, text)
    return edit(LICENSING_ROW, licensing, text)


def rl508(text: str, options: LintOptions = SELECT):
    result = lint_text(text, options=options)
    assert all(d.code == "RL508" for d in result.diagnostics)
    return [(d.line, d.column, d.end_column, d.severity, d.section, d.row, d.expected, d.actual) for d in result.diagnostics]


def messages(text: str, options: LintOptions = SELECT) -> list[str]:
    return [d.message for d in lint_text(text, options=options).diagnostics]


# ---------------------------------------------------------------- the rule


def test_rule_metadata():
    rule = find_rule(all_rules(), "RL508")
    assert (rule.name, rule.severity) == ("implausible-figure", Severity.WARNING)
    assert "立法法" in rule.explanation.zh and "Legislation Law" in rule.explanation.en
    assert rule.options is PlausibilityOptions and PlausibilityOptions().township_licensing_max == 1000
    assert [d.code for d in lint_text(rule.bad, options=SELECT).diagnostics] == ["RL508"]
    assert lint_text(rule.good, options=SELECT).diagnostics == ()


# ---------------------------------------------------------------- 规章 from a body without rule-making power


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL508"))
    # a warning only: nothing else above the info level, and the file still passes
    assert [d.code for d in result.diagnostics if d.severity is not Severity.INFO] == ["RL508"]
    [d] = [d for d in result.diagnostics if d.code == "RL508"]
    assert d.name == "implausible-figure" and d.severity is Severity.WARNING
    # line 17: 「规章 | 1 | 0 | 1」, the first non-zero figure (本年制发件数) at column 6
    assert (d.line, d.column, d.end_line, d.end_column) == (17, 6, 17, 7)
    assert d.section == ("二",)
    assert (d.row, d.column_label, d.expected, d.actual) == ("规章", None, "0", "1")
    assert d.message == "青山县交通运输局不具有规章制定权，「规章」栏应为 0 或“/”，此处为 1"
    assert result.status == "pass"


def test_bad_sample_in_english(bad_sample):
    assert [d.message for d in lint_path(bad_sample("RL508"), SELECT_EN).diagnostics] == [
        "青山县交通运输局 cannot make 规章; the 规章 row should be 0 or '/', found 1"
    ]


@pytest.mark.parametrize(
    "name,rules,expected",
    [
        # county department: a 规章 in force only (reported once, on the first non-zero figure)
        ("青山县交通运输局", "规章 | 0 | 0 | 2", (17, 14, 15, W, ("二",), "规章", "0", "2")),
        # county government, township, street office, district of a 直辖市, district of a 设区的市
        ("青山县人民政府", "规章 | 2 | 0 | 2", (17, 6, 7, W, ("二",), "规章", "0", "2")),
        ("青山县城关镇人民政府", "规章 | 1 | 0 | 1", (17, 6, 7, W, ("二",), "规章", "0", "1")),
        ("青山县城关街道办事处", "规章 | 1 | 0 | 1", (17, 6, 7, W, ("二",), "规章", "0", "1")),
        ("上海市浦东新区人民政府", "规章 | 3 | 0 | 3", (17, 6, 7, W, ("二",), "规章", "0", "3")),
        ("南宁市青秀区人民政府", "规章 | 3 | 0 | 3", (17, 6, 7, W, ("二",), "规章", "0", "3")),
        # the same district named with its autonomous region: still a district
        ("广西壮族自治区南宁市青秀区人民政府", "规章 | 3 | 0 | 3", (17, 6, 7, W, ("二",), "规章", "0", "3")),
    ],
    ids=["county-department", "county-government", "township", "street", "shanghai-district", "city-district", "district-in-autonomous-region"],
)
def test_rules_from_a_body_without_rule_making_power(name, rules, expected):
    assert rl508(as_body(name, rules, "行政许可 | 12")) == [expected]


def test_rules_message_names_the_body():
    text = as_body("青山县城关镇人民政府", "规章 | 1 | 0 | 1", "行政许可 | 12")
    assert messages(text) == ["青山县城关镇人民政府不具有规章制定权，「规章」栏应为 0 或“/”，此处为 1"]


# ---------------------------------------------------------------- 行政许可 from a township or street


def test_street_office_with_thousands_of_licences():
    text = as_body("青山县城关街道办事处", licensing="行政许可 | 2910")
    # line 21: 「行政许可 | 2910」, the figure at columns 8–11
    assert rl508(text) == [(21, 8, 12, W, ("二",), "行政许可", None, "2910")]
    assert messages(text) == [
        "青山县城关街道办事处（乡镇、街道）全年行政许可处理决定 2910 件，远超常见水平（>1000），请核实是否把其他行政决定计入了行政许可"
    ]
    assert messages(text, SELECT_EN) == [
        (
            "青山县城关街道办事处 (a township or street) reports 2910 licensing decisions, far above what such bodies make "
            "(>1000); check that other administrative decisions were not counted as licensing"
        )
    ]


@pytest.mark.parametrize("figure,found", [("1000", False), ("1001", True), ("1328", True), ("2,910", True)])
def test_township_licensing_limit(figure, found):
    assert len(rl508(as_body("青山县城关镇人民政府", licensing=f"行政许可 | {figure}"))) == (1 if found else 0)


def test_figure_with_its_unit_is_not_doubled_in_the_message():
    # 「2910件」 in the cell: the message must not read "2910件 件"
    [message] = messages(as_body("青山县城关镇人民政府", licensing="行政许可 | 2910件"))
    assert "件 件" not in message and "2910" in message


def test_township_licensing_limit_is_an_option():
    text = as_body("青山县城关镇人民政府", licensing="行政许可 | 2910")
    rule = find_rule(all_rules(), "RL508")
    crash = find_rule(all_rules(), "RL002")

    def run(limit):
        options = {"RL508": PlausibilityOptions(township_licensing_max=limit)}
        return [d.actual for d in lint_document(parse(text), (rule,), crash_rule=crash, options=options).diagnostics]

    assert run(3000) == []
    assert run(2909) == ["2910"]


def test_2019_layout_township_licensing():
    # 2019 第（五）项: 上一年项目数量 | 本年增/减 | 处理决定数量 — the decisions are the last column
    text = (
        "青山县城关镇人民政府2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\n"
        "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n行政许可 | 12 | -1 | 2910\n其他对外管理服务事项 | 3 | 0 | 40\n" + END
    )
    assert rl508(text) == [(5, 18, 22, W, ("二",), "行政许可", None, "2910")]
    assert rl508(text.replace("| 2910", "| 29")) == []


# ---------------------------------------------------------------- good


def test_good_sample(good_path):
    assert lint_path(good_path, SELECT).diagnostics == ()


@pytest.mark.parametrize(
    "name,rules,licensing",
    [
        ("青山县交通运输局", "规章 | / | / | /", LICENSING_ROW),  # '/' for 规章 (corpus/real/11, 13)
        ("青山县交通运输局", "规章 | - | - | -", LICENSING_ROW),
        ("青山县交通运输局", RULES_ROW, "行政许可 | 29100"),  # a county department may decide many licences
        ("青山县城关镇人民政府", RULES_ROW, "行政许可 | 12"),
        # bodies with rule-making power (State Council departments, provinces, 设区的市 governments)
        ("交通运输部", "规章 | 5 | 1 | 120", LICENSING_ROW),
        ("江西省人民政府", "规章 | 5 | 1 | 120", LICENSING_ROW),
        ("北京市人民政府", "规章 | 5 | 1 | 120", LICENSING_ROW),
        ("广西壮族自治区人民政府", "规章 | 5 | 1 | 120", LICENSING_ROW),
        ("南宁市人民政府", "规章 | 5 | 1 | 120", LICENSING_ROW),
        ("湘西土家族苗族自治州人民政府", "规章 | 5 | 1 | 120", LICENSING_ROW),
    ],
    ids=["slash", "dash", "county-department-licences", "township-few-licences", "ministry", "province", "municipality",
         "autonomous-region", "city", "autonomous-prefecture"],
)
def test_plausible(name, rules, licensing):
    assert rl508(as_body(name, rules, licensing)) == []


@pytest.mark.parametrize("name", ["镇江市人民政府", "萍乡市人民政府"], ids=["zhenjiang", "pingxiang"])
def test_city_whose_name_contains_town_or_township_characters(name):
    # 镇江市 and 萍乡市 are 设区的市: their governments make 规章. The 镇 / 乡 inside a city's name does not make
    # it a township (REFERENCE §3: 规章 by provincial / 设区的市 governments)
    assert rl508(as_body(name, "规章 | 2 | 0 | 12")) == []


def test_same_kind_of_body_same_verdict_whatever_the_city_is_called():
    # a city department is judged the same in 镇江 as in 南京
    assert rl508(as_body("镇江市交通运输局", "规章 | 2 | 0 | 12")) == rl508(as_body("南京市交通运输局", "规章 | 2 | 0 | 12"))


def test_unnamed_body_is_not_judged():
    text = "2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 2 | 0 | 2\n" + END
    assert rl508(text) == []


# ---------------------------------------------------------------- real reports


@needs_corpus
def test_corpus_15_street_office_licensing():
    path = CORPUS / "15_shijiazhuang_qiaoxi_zhongshan_street_2021_excerpt.txt"
    result = lint_path(path, SELECT)
    # line 48: 「2910」 alone (one cell per line, a lone `|` on the next line)
    assert [(d.line, d.column, d.end_line, d.end_column, d.severity, d.section, d.row, d.expected, d.actual) for d in result.diagnostics] == [
        (48, 1, 48, 5, W, ("二",), "行政许可", None, "2910")
    ]
    assert [d.message for d in result.diagnostics] == [
        "石家庄市桥西区中山街道办事处（乡镇、街道）全年行政许可处理决定 2910 件，远超常见水平（>1000），请核实是否把其他行政决定计入了行政许可"
    ]
    assert [d.message for d in lint_path(path, SELECT_EN).diagnostics] == [
        (
            "石家庄市桥西区中山街道办事处 (a township or street) reports 2910 licensing decisions, far above what such bodies "
            "make (>1000); check that other administrative decisions were not counted as licensing"
        )
    ]


CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@needs_corpus
@pytest.mark.parametrize("name", [n for n in CORPUS_FILES if not n.startswith(("14_", "15_"))])  # 14: below
def test_corpus_other_reports_plausible(name):
    # 04 上海市人民政府办公厅 规章 13/524 (a provincial-level body); 07 a 街道 with 行政规范性文件 4 and 规章 0;
    # 11 and 13 write '/' for 规章
    assert lint_path(CORPUS / name, SELECT).diagnostics == ()


# ---------------------------------------------------------------- a township known from how it calls itself (corpus 14)

from variants import YEARS, report  # noqa: E402

_RULES_ROW = "规章 | 0 | 0 | 0"


def test_corpus_14_town_with_rules_in_force(corpus_dir):
    """尼勒克县 town (name not in the excerpt, '我镇' in the text): 规章 现行有效件数 6."""
    [d] = lint_path(corpus_dir / "14_nilka_town_2023_excerpt.txt", LintOptions(select=("RL508",))).diagnostics
    assert d.message == "本乡镇（街道）不具有规章制定权，「规章」栏应为 0 或“/”，此处为 6" and d.line == 21


@pytest.mark.parametrize("self_name", ("我镇", "我乡", "本街道", "我街道"))
@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_township_from_the_body_without_a_name(self_name, year, layout):
    text = report(("", self_name), year, layout).replace(_RULES_ROW, "规章 | 1 | 0 | 2")
    text = text.replace("本报告电子版可在青山县人民政府门户网站", "本报告电子版可在门户网站").replace("青山县", "")
    found = lint_text(text, "r.md" if layout == "markdown" else "r.txt", LintOptions(select=("RL508",))).diagnostics
    assert [d.message for d in found if "规章" in d.message] == ["本乡镇（街道）不具有规章制定权，「规章」栏应为 0 或“/”，此处为 1"]


@pytest.mark.parametrize("self_name", ("我局", "我委", "我办"))
def test_a_department_without_a_name_is_not_judged(self_name):
    text = report(("", self_name)).replace(_RULES_ROW, "规章 | 1 | 0 | 2").replace("青山县", "")
    assert lint_text(text, options=LintOptions(select=("RL508",))).diagnostics == ()
