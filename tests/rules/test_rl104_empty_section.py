"""RL104 empty-section: a mandatory section that is only its heading.

Sections whose content is a template table (二, 三, 四 in 2019/2021) are RL201's when empty; a table
of contents repeats the headings without text, and an excerpt may stop right after a heading.
"""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.checks.examples import SIX_SECTIONS, TITLE

SELECT = LintOptions(select=("RL104",))
GOOD = TITLE + SIX_SECTIONS
FIVE = "五、存在的主要问题及改进情况\n部分栏目更新不够及时，下一步将完善更新机制。\n"


def _rl104(text: str) -> list[tuple[int, tuple[str, ...]]]:
    return [(d.line, d.section) for d in lint_text(text, options=SELECT).diagnostics]


# ---------------------------------------------------------------- bad


def test_empty_section_sample(bad_sample):
    result = lint_path(bad_sample("RL104"))
    assert [d.code for d in result.diagnostics] == ["RL104"]  # the sample's only defect
    (finding,) = result.diagnostics
    assert (finding.line, finding.column, finding.end_column) == (63, 1, 15)
    assert finding.section == ("五",) and finding.severity.value == "error"
    assert finding.message == "「五、存在的主要问题及改进情况」只有标题，没有内容"
    assert result.status == "fail"


def test_english_message(bad_sample):
    (finding,) = lint_path(bad_sample("RL104"), LintOptions(select=("RL104",), lang="en")).diagnostics
    assert finding.message == "'五、存在的主要问题及改进情况' has its heading but no content"


def test_heading_followed_directly_by_the_next_section():
    assert _rl104(GOOD.replace(FIVE, "五、存在的主要问题及改进情况\n")) == [(10, ("五",))]


def test_only_bare_sub_headings_are_no_content():
    text = GOOD.replace(FIVE, "五、存在的主要问题及改进情况\n（一）存在的主要问题\n（二）改进情况\n")
    assert _rl104(text) == [(10, ("五",))]


def test_empty_first_section():
    text = GOOD.replace("一、总体情况\n2023年，我局主动公开政府信息386条。\n", "一、总体情况\n")
    assert _rl104(text) == [(2, ("一",))]


def test_an_empty_last_heading_at_the_end_of_the_text_reads_as_a_cut_excerpt():
    """Text that stops on a heading is how an excerpt ends (no full stop, date or signature after it),
    so the heading is not judged. A finished report has its signature after 六, which is text."""
    from reportlint.context import LintContext
    from reportlint.parser import parse

    text = GOOD.replace("六、其他需要报告的事项\n本年度未收取信息处理费。", "六、其他需要报告的事项\n")
    assert LintContext(parse(text)).truncated_at == 12
    assert _rl104(text) == []


def test_the_pre_2019_content_list_has_no_mandatory_sections():
    text = "青山县交通运输局2015年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息的情况\n本年度主动公开信息120条。\n"
    assert _rl104(text) == []


# ---------------------------------------------------------------- good


@pytest.mark.parametrize(
    "replacement",
    [
        "五、存在的主要问题及改进情况\n无。\n",  # a one-word answer is an answer
        "五、存在的主要问题及改进情况。部分栏目更新不够及时，下一步将完善更新机制。\n",  # text on the heading's line
        "五、存在的主要问题及改进情况\n（一）存在的主要问题。部分栏目更新不够及时。\n",  # a sub-heading with its text
        "五、存在的主要问题及改进情况\n项目 | 问题 | 措施\n栏目更新 | 不够及时 | 完善机制\n",  # a table
    ],
)
def test_sections_with_any_content_pass(replacement):
    assert _rl104(GOOD.replace(FIVE, replacement)) == []


def test_table_sections_are_left_to_rl201():
    text = GOOD.replace("二、主动公开政府信息情况\n（表二）\n", "二、主动公开政府信息情况\n")
    assert _rl104(text) == []


def test_a_table_of_contents_does_not_make_sections_empty():
    contents = "目录\n" + "\n".join(line for line in SIX_SECTIONS.splitlines() if line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")) + "\n"
    assert _rl104(TITLE + contents + SIX_SECTIONS) == []


def test_an_excerpt_that_stops_at_a_heading_is_not_judged_there():
    excerpt = GOOD.split("五、")[0] + "五、存在的主要问题及改进情况"
    assert _rl104(excerpt) == []


def test_good_sample_corpus_and_seeds_have_none(good_path, corpus_dir, seeds_dir):
    for path in [good_path, *sorted(corpus_dir.glob("*.txt")), *sorted(seeds_dir.glob("*.txt"))]:
        assert lint_path(path, SELECT).diagnostics == (), path.name
