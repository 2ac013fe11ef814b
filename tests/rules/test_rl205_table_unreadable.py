"""RL205 table-unreadable: a table whose figures cannot be assigned to the template's cells with
confidence is reported once, with the reason, and takes part in no arithmetic or narrative check."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "bad" / "RL205_table_unreadable.txt"
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")

TITLE = "青山县交通运输局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
END = "四、政府信息公开行政复议、行政诉讼情况\n"
R1 = "一、本年新收政府信息公开申请数量"
R2 = "二、上年结转政府信息公开申请数量"
CHECKS = LintOptions(select=("RL205", "RL3", "RL501"))


def codes(text: str, options: LintOptions = CHECKS) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in lint_text(text, options=options).diagnostics]


def test_sample_is_one_warning_and_nothing_from_the_unread_table():
    result = lint_path(SAMPLE)
    rl205 = [d for d in result.diagnostics if d.code == "RL205"]
    assert len(rl205) == 1 and rl205[0].severity is Severity.WARNING
    assert "收到和处理政府信息公开申请情况" in rl205[0].message
    assert not [d for d in result.diagnostics if d.code.startswith("RL3") or d.code in ("RL501", "RL201", "RL202", "RL203")]


def test_the_same_report_read_row_by_row_has_no_rl205():
    assert not [d for d in lint_path(GOOD).diagnostics if d.code == "RL205"]


def test_figures_after_all_labels_are_unreadable_in_english_too():
    text = TITLE + f"{R1}\n{R2}\n" + "\n".join("8 1 0 0 0 0 0 0 0 0 0 0 8 1".split()) + "\n" + END
    result = lint_text(text, options=LintOptions(select=("RL205",), lang="en"))
    assert [(d.code, d.line, d.section) for d in result.diagnostics] == [("RL205", 3, ("三",))]
    assert "could not be read with confidence" in result.diagnostics[0].message


def test_a_wrong_total_in_an_unread_table_is_not_reported():
    # column by column, with a wrong total: RL205, never an RL301 on a cell that was not read
    text = TITLE + f"{R1}\n{R2}\n" + "\n".join("8 1 0 0 0 0 0 0 0 0 0 0 9 1".split()) + "\n" + END
    assert codes(text) == [("RL205", 3)]


def test_a_row_read_by_its_label_keeps_its_wrong_total():
    # the labels name the rows: the identities may not repair a real wrong cell
    text = TITLE + f"{R1} 8 0 0 0 0 0 9\n{R2} 1 0 0 0 0 0 1\n" + END
    assert codes(text) == [("RL301", 3)]


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("7000007", []),  # one split satisfies the row: 7+0+0+0+0+0 = 7
        ("1200012", [("RL205", 3)]),  # 1+2+0+0+0+0 ≠ 12 … no split, or several: not guessed
    ],
)
def test_run_together_digits_split_only_when_one_split_adds_up(digits, expected):
    text = TITLE + f"{R1} {digits}\n{R2} 0 0 0 0 0 0 0\n" + END
    assert codes(text) == expected


def test_run_together_digits_read_by_the_unique_split():
    text = TITLE + f"{R1} 7000007\n{R2} 0 0 0 0 0 0 0\n（七）总计 7 0 0 0 0 0 7\n四、结转下年度继续办理 0 0 0 0 0 0 0\n" + END
    view_codes = [(d.code, d.expected, d.actual) for d in lint_text(text, options=LintOptions(select=("RL3", "RL205", "RL203"))).diagnostics]
    assert view_codes == []
    broken = text.replace("（七）总计 7 0 0 0 0 0 7", "（七）总计 6 0 0 0 0 0 6")
    assert ("RL303", "7", "6") in [(d.code, d.expected, d.actual) for d in lint_text(broken, options=CHECKS).diagnostics]


def test_narrative_figures_never_arm_the_review_table():
    # corpus/real/01: a sentence ending in 行政复议 351 before a figures-only row of 表三
    text = (
        TITLE.replace("三、收到和处理政府信息公开申请情况\n", "")
        + "一、总体情况\n答复3050件，均在法定期限内予以答复。政府信息公开行政复议 351\n件，其中结果维持 72 件。\n"
        + "三、收到和处理政府信息公开申请情况\n（六）其他处理\n1、申请人无正当理由逾期不补\n正、行政机关不再处理其政府信\n息公开申请\n67 3 0 0 1 0 71\n"
        + "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
        + "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20\n五、存在的主要问题及改进情况\n"
    )
    assert codes(text, LintOptions(select=("RL205", "RL3", "RL501", "RL203"))) == []
    wrong = text.replace("72 64 178 37 351", "72 64 178 37 350")
    assert codes(wrong, LintOptions(select=("RL205", "RL304"))) == [("RL304", 14)]


@needs_corpus
@pytest.mark.parametrize("name", ["01_huaian_city_gov_2024.txt", "06_wuhan_hanyang_gov_office_2022_excerpt.txt", "14_nilka_town_2023_excerpt.txt"])
def test_corpus_tables_are_read_not_unreadable(name):
    result = lint_path(CORPUS / name, LintOptions(select=("RL2", "RL3", "RL501")))
    assert not [d for d in result.diagnostics if d.code in ("RL205", "RL202") or d.code.startswith("RL3")]
