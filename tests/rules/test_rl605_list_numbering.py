"""RL605 list-numbering: 一是…三是 with no 二是, 四是 twice, （一）（二）（四） sub-headings."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity
from variants import BODIES, YEARS, report

RL605 = LintOptions(select=("RL605",))
FIVE = "2024年，我局将着力做好以下改进工作：丰富政策解读形式，对涉及群众切身利益的政策文件同步制作图文或视频解读；建立栏目内容定期巡查和信息报送通报机制，确保信息发布及时准确；加强依申请公开业务培训"


def _rl605(text, path="r.txt", lang="zh"):
    result = lint_text(text, path, LintOptions(select=("RL605",), lang=lang))
    return [(d.line, d.column, d.message) for d in result.diagnostics]


def _points(*numbers: str, sep: str = "；") -> str:
    items = ("丰富政策解读形式，同步制作图文解读", "建立栏目内容定期巡查机制", "加强依申请公开业务培训", "规范答复文书格式")
    return "2024年，我局将着力做好以下改进工作：" + sep.join(f"{n}是{items[i % len(items)]}" for i, n in enumerate(numbers))


def test_bad_sample(bad_sample):
    result = lint_path(bad_sample("RL605"))
    [d] = result.diagnostics
    assert (d.code, d.name, d.severity) == ("RL605", "list-numbering", Severity.WARNING)
    assert (d.line, d.column, d.end_column) == (65, 58, 60)
    assert d.message == "分项序号不连续：“一是”之后是“三是”，缺少“二是”"
    assert result.status == "pass"  # a warning


def test_english(bad_sample):
    [d] = lint_path(bad_sample("RL605"), LintOptions(select=("RL605",), lang="en")).diagnostics
    assert d.message == "the points skip a number: '一是' is followed by '三是', '二是' is missing"


@pytest.mark.parametrize("numbers, messages", [
    (("一", "三", "四"), ["分项序号不连续：“一是”之后是“三是”，缺少“二是”"]),
    (("一", "二", "四"), ["分项序号不连续：“二是”之后是“四是”，缺少“三是”"]),
    (("一", "四"), ["分项序号不连续：“一是”之后是“四是”，缺少“二是、三是”"]),
    (("一", "二", "三", "四", "四"), ["分项序号重复：“四是”已在第 65 行出现过"]),
    (("一", "二", "二", "三"), ["分项序号重复：“二是”已在第 65 行出现过"]),
])
@pytest.mark.parametrize("sep", ("；", "。", "，"))
def test_gaps_and_repeats(numbers, messages, sep):
    assert [m for *_, m in _rl605(report().replace(FIVE, _points(*numbers, sep=sep)))] == messages


@pytest.mark.parametrize("numbers", [("一", "二"), ("一", "二", "三", "四", "五"), ("一",)])
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_whole_lists_in_every_variant(numbers, body, year, layout):
    text = report(body, year, layout).replace(FIVE, _points(*numbers))
    assert _rl605(text, "r.md" if layout == "markdown" else "r.txt") == []


def test_a_new_list_starts_at_the_next_one_is():
    text = report().replace(FIVE, _points("一", "二", "三") + "。下一步，" + _points("一", "二"))
    assert _rl605(text) == []


def test_a_heading_closes_a_list():
    text = report().replace(FIVE, _points("一", "二") + "\n六、其他事项\n" + _points("三", "四").replace("一是", ""))
    assert _rl605(text) == []


@pytest.mark.parametrize("words", (
    "统一是政务公开的要求；二是……",  # 统一是 is no point: nothing opens a list
    "第一是坚持公开；第三是强化保障。",  # 第N是 are words
    "其一是加强领导，其三是完善制度。",
))
def test_words_are_not_points(words):
    assert _rl605(report().replace(FIVE, words)) == []


def test_run_together_points_count_too(corpus_dir):
    """corpus 33: 一是…信息二是…0三是…性四是…流五是 (RL604's defect): the list itself is whole."""
    assert lint_path(corpus_dir / "33_daixian_health_2024_excerpt.txt", RL605).diagnostics == ()


# ---------------------------------------------------------------- sub-headings


def test_sub_heading_gap():
    text = report().replace("（四）平台建设", "（五）平台建设").replace("（五）监督保障", "（六）监督保障")
    [(line, column, message)] = _rl605(text)
    assert message == "小标题序号不连续：「（三）」之后是「（五）」，缺少（四）" and column == 1


def test_sub_heading_repeat():
    text = report().replace("（四）平台建设", "（三）平台建设").replace("（五）监督保障", "（四）监督保障")
    assert [m for *_, m in _rl605(text)] == ["小标题序号重复：「（三）」已在第 8 行出现过"]  # （三）政府信息管理, line 8


@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_sub_headings_of_every_variant_are_whole(layout):
    for body in BODIES:
        assert _rl605(report(body, 2022, layout), "r.md" if layout == "markdown" else "r.txt") == []


def test_row_labels_of_the_request_table_are_no_headings(corpus_dir):
    """PDF text (corpus 01–03): （三）不 / （五）不 wrapped from the table's labels sit on lines of their own."""
    for name in ("01_huaian_city_gov_2024.txt", "02_huaian_hongze_district_2023.txt", "03_huaian_hongze_district_2024.txt"):
        assert lint_path(corpus_dir / name, RL605).diagnostics == (), name


def test_no_finding_on_the_corpus_and_seeds(corpus_dir, seeds_dir):
    flagged = [p.name for folder in (corpus_dir, seeds_dir) for p in sorted(folder.glob("*.txt")) if lint_path(p, RL605).diagnostics]
    assert flagged == []


def test_a_long_text_of_points_is_checked_in_one_pass():
    """Positions are counted incrementally and headings found by bisection: 20,000 lists stay cheap
    (the time is measured by bench/, this only checks every gap is found)."""
    text = "青山县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n" + "（一）工作\n一是加强领导；三是完善制度。\n" * 2000
    found = lint_text(text, options=RL605).diagnostics
    assert len([d for d in found if "缺少“二是”" in d.message]) == 2000
    assert found[-1].line == 2 + 2 * 2000
