"""Property tests (hypothesis, derandomised): the request-table identities R, C, K and T4
(REFERENCE §3, §4), robustness on arbitrary text, and figure parsing.

Expected findings are computed here from the identities themselves, not from reportlint.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reportlint import LintOptions, lint_text
from reportlint.numbers import Kind, parse_value
from reportlint.parser import parse

PROPERTY = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
RL3 = LintOptions(select=("RL3",))
STATUSES = {"pass", "fail", "error"}

# ------------------------------------------------------------------ the 2021 request table (REFERENCE §4)

APPLICANTS = ("np", "biz", "res", "npo", "law", "oth")
COLUMNS = APPLICANTS + ("tot",)
COLUMN_LABEL = {
    "np": "自然人",
    "biz": "商业企业",
    "res": "科研机构",
    "npo": "社会公益组织",
    "law": "法律服务机构",
    "oth": "其他",
    "tot": "总计",
}
# (id, label, group label printed in the first cell of the group's first row)
ROWS = (
    ("r1", "一、本年新收政府信息公开申请数量", None),
    ("r2", "二、上年结转政府信息公开申请数量", None),
    ("r3_1", "（一）予以公开", "三、本年度办理结果"),
    ("r3_2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("r3_3_1", "1.属于国家秘密", "（三）不予公开"),
    ("r3_3_2", "2.其他法律行政法规禁止公开", None),
    ("r3_3_3", "3.危及“三安全一稳定”", None),
    ("r3_3_4", "4.保护第三方合法权益", None),
    ("r3_3_5", "5.属于三类内部事务信息", None),
    ("r3_3_6", "6.属于四类过程性信息", None),
    ("r3_3_7", "7.属于行政执法案卷", None),
    ("r3_3_8", "8.属于行政查询事项", None),
    ("r3_4_1", "1.本机关不掌握相关政府信息", "（四）无法提供"),
    ("r3_4_2", "2.没有现成信息需要另行制作", None),
    ("r3_4_3", "3.补正后申请内容仍不明确", None),
    ("r3_5_1", "1.信访举报投诉类申请", "（五）不予处理"),
    ("r3_5_2", "2.重复申请", None),
    ("r3_5_3", "3.要求提供公开出版物", None),
    ("r3_5_4", "4.无正当理由大量反复申请", None),
    ("r3_5_5", "5.要求行政机关确认或重新出具已获取信息", None),
    ("r3_6_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("r3_6_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", None),
    ("r3_6_3", "3.其他", None),
    ("r3_7", "（七）总计", None),
    ("r4", "四、结转下年度继续办理", None),
)
ROW_IDS = tuple(row_id for row_id, _, _ in ROWS)
ROW_LABEL = {row_id: label for row_id, label, _ in ROWS}
OUTCOMES = tuple(r for r in ROW_IDS if r.startswith("r3_") and r != "r3_7")  # the C right-hand side
C_ROWS = frozenset(OUTCOMES + ("r3_7",))
K_ROWS = frozenset({"r1", "r2", "r3_7", "r4"})
assert len(ROWS) == 25 and len(OUTCOMES) == 21

HEADER = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况",
    "自然人 | 法人或其他组织 | 总计",
    "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他",
)
REVIEW_HEADER = (
    "行政复议 | 行政诉讼",
    "未经复议直接起诉 | 复议后起诉",
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
    " | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
)
REVIEW_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")

TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"


def consistent_table(draws: list[int]) -> dict[str, dict[str, int]]:
    """A request table where R, C and K hold: 23 free figures per applicant column."""
    table: dict[str, dict[str, int]] = {row: {} for row in ROW_IDS}
    for index, column in enumerate(APPLICANTS):
        free = draws[index * 23 : (index + 1) * 23]
        for row, value in zip(OUTCOMES, free[:21]):
            table[row][column] = value
        total = sum(table[row][column] for row in OUTCOMES)
        table["r3_7"][column] = total
        table["r4"][column] = free[21]
        carried = min(free[22], total + free[21])  # keeps 一 non-negative
        table["r2"][column] = carried
        table["r1"][column] = total + free[21] - carried
    for row in ROW_IDS:
        table[row]["tot"] = sum(table[row][c] for c in APPLICANTS)
    return table


def check_consistent(table) -> None:
    for row in ROW_IDS:
        assert table[row]["tot"] == sum(table[row][c] for c in APPLICANTS)
        assert all(v >= 0 for v in table[row].values())
    for column in COLUMNS:
        assert table["r3_7"][column] == sum(table[r][column] for r in OUTCOMES)
        assert table["r1"][column] + table["r2"][column] == table["r3_7"][column] + table["r4"][column]


def half_width(label: str) -> str:
    return label.replace("（", "(").replace("）", ")")


def render(table, review, *, groups_inline: bool = True, half: bool = False) -> tuple[str, dict[str, int]]:
    """The report text and the line number of each data row."""
    lines = [
        TITLE,
        "一、总体情况",
        "本局依法做好政府信息公开工作。",
        "二、主动公开政府信息情况",
        "本局按要求主动公开政府信息。",
        "三、收到和处理政府信息公开申请情况",
        *HEADER,
    ]
    where: dict[str, int] = {}
    for row_id, label, group in ROWS:
        cells = [str(table[row_id][c]) for c in COLUMNS]
        label = half_width(label) if half else label
        if group and half:
            group = half_width(group)
        if group and not groups_inline:
            lines.append(group + " |" + " |" * len(COLUMNS))
            group = None
        lines.append(" | ".join(([group] if group else []) + [label] + cells))
        where[row_id] = len(lines)
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        *REVIEW_HEADER,
        " | ".join(str(v) for v in review),
        "五、存在的主要问题及改进情况",
        "部分栏目内容不够丰富。",
        "六、其他需要报告的事项",
        "无。",
    ]
    return "\n".join(lines) + "\n", where


def consistent_review(draws: list[int]) -> list[int]:
    row = []
    for group in range(3):
        four = draws[group * 4 : group * 4 + 4]
        row += four + [sum(four)]
    return row


figures = st.integers(min_value=0, max_value=500)
table_draws = st.lists(figures, min_size=6 * 23, max_size=6 * 23)
review_draws = st.lists(figures, min_size=12, max_size=12)


def rl3_findings(result, where):
    """(code, line, row label or short column label, expected, actual) of the RL3xx diagnostics."""
    out = set()
    for d in result.diagnostics:
        if not d.code.startswith("RL3"):
            continue
        key = d.row if d.code == "RL301" else d.column_label.split("·")[-1]
        out.add((d.code, d.line, key, d.expected, d.actual))
    return out


@PROPERTY
@given(table_draws, review_draws, st.booleans(), st.booleans())
def test_consistent_tables_give_no_rl3(draws, review_values, groups_inline, half):
    table = consistent_table(draws)
    check_consistent(table)
    text, _ = render(table, consistent_review(review_values), groups_inline=groups_inline, half=half)
    result = lint_text(text, options=RL3)
    assert [(d.code, d.line, d.row, d.column_label) for d in result.diagnostics] == []
    assert result.status == "pass"
    assert result.template == "2021"
    assert result.year == 2023


def test_consistent_table_all_zero_and_rendering():
    """Guard: the renderer gives the layout the properties rely on."""
    table = consistent_table([0] * (6 * 23))
    text, where = render(table, consistent_review([0] * 12))
    lines = text.split("\n")
    assert lines[0] == TITLE
    assert lines[where["r3_1"] - 1] == "三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
    assert lines[where["r4"] - 1] == "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
    assert lines[where["r4"]] == "四、政府信息公开行政复议、行政诉讼情况"
    assert len(where) == 25
    result = lint_text(text)
    # the generated report has no 表二 (主动公开) by design: RL201 says so, and nothing else fires
    assert [(d.code, d.message) for d in result.diagnostics if d.severity.value != "info"] == [("RL201", "缺少主动公开政府信息情况表（表二）")]


def expected_after_change(table, row: str, column: str, where) -> set:
    """The identity instances involving cell (row, column), evaluated on the changed table."""
    out = set()
    applicant_sum = sum(table[row][c] for c in APPLICANTS)
    if applicant_sum != table[row]["tot"]:
        out.add(("RL301", where[row], ROW_LABEL[row], str(applicant_sum), str(table[row]["tot"])))
    if row in C_ROWS:
        outcomes = sum(table[r][column] for r in OUTCOMES)
        if outcomes != table["r3_7"][column]:
            out.add(("RL302", where["r3_7"], COLUMN_LABEL[column], str(outcomes), str(table["r3_7"][column])))
    if row in K_ROWS:
        right = table["r1"][column] + table["r2"][column]
        left = table["r3_7"][column] + table["r4"][column]
        if right != left:
            out.add(("RL303", where["r3_7"], COLUMN_LABEL[column], str(right), str(left)))
    return out


@PROPERTY
@given(table_draws, review_draws, st.booleans(), st.data())
def test_one_changed_cell_fires_exactly_its_identities(draws, review_values, half, data):
    table = consistent_table(draws)
    row = data.draw(st.sampled_from(ROW_IDS), label="row")
    column = data.draw(st.sampled_from(COLUMNS), label="column")
    old = table[row][column]
    new = data.draw(st.integers(min_value=0, max_value=1000).filter(lambda v: v != old), label="new value")
    table[row][column] = new
    text, where = render(table, consistent_review(review_values), half=half)

    expected = expected_after_change(table, row, column, where)
    # a non-zero change always breaks R of its row, and C / K where the row takes part
    codes = {"RL301"} | ({"RL302"} if row in C_ROWS else set()) | ({"RL303"} if row in K_ROWS else set())
    assert {e[0] for e in expected} == codes
    assert len(expected) == len(codes)

    result = lint_text(text, options=RL3)
    assert rl3_findings(result, where) == expected
    assert len(result.diagnostics) == len(expected)


@pytest.mark.parametrize(
    ("row", "column", "fired"),
    [
        ("r3_7", "tot", {("RL301", "（七）总计"), ("RL302", "总计"), ("RL303", "总计")}),
        ("r1", "np", {("RL301", "一、本年新收政府信息公开申请数量"), ("RL303", "自然人")}),
        ("r2", "res", {("RL301", "二、上年结转政府信息公开申请数量"), ("RL303", "科研机构")}),
        ("r4", "tot", {("RL301", "四、结转下年度继续办理"), ("RL303", "总计")}),
        ("r3_3_5", "law", {("RL301", "5.属于三类内部事务信息"), ("RL302", "法律服务机构")}),
        ("r3_6_3", "oth", {("RL301", "3.其他"), ("RL302", "其他")}),
        ("r3_2", "tot", {("RL301", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), ("RL302", "总计")}),
        ("r3_7", "biz", {("RL301", "（七）总计"), ("RL302", "商业企业"), ("RL303", "商业企业")}),
    ],
)
def test_changed_cell_examples(row, column, fired):
    table = consistent_table([(i * 7) % 5 for i in range(6 * 23)])
    check_consistent(table)
    table[row][column] += 3
    text, where = render(table, consistent_review([1] * 12))
    result = lint_text(text, options=RL3)
    found = rl3_findings(result, where)
    assert {(code, key) for code, _, key, _, _ in found} == fired
    assert found == expected_after_change(table, row, column, where)
    rl301 = next(f for f in found if f[0] == "RL301")
    assert rl301[1] == where[row]
    assert int(rl301[4]) - int(rl301[3]) == (3 if column == "tot" else -3)


@PROPERTY
@given(table_draws, review_draws, st.integers(min_value=0, max_value=14), st.integers(min_value=1, max_value=99))
def test_one_changed_review_cell_fires_its_group_total(draws, review_values, index, delta):
    review = consistent_review(review_values)
    review[index] += delta
    text, _ = render(consistent_table(draws), review)
    result = lint_text(text, options=RL3)
    group = index // 5
    four = review[group * 5 : group * 5 + 4]
    total = review[group * 5 + 4]
    found = {(d.code, d.column_label.split("·")[-2], d.column_label.split("·")[-1], d.expected, d.actual) for d in result.diagnostics}
    assert found == {("RL304", REVIEW_GROUPS[group], "总计", str(sum(four)), str(total))}
    assert len(result.diagnostics) == 1
    assert result.diagnostics[0].line == 39  # the 表四 data row
    assert result.diagnostics[0].line == next(
        n for n, line in enumerate(text.split("\n"), 1) if line == " | ".join(map(str, review))
    )


# ------------------------------------------------------------------ arbitrary text never breaks the linter

FRAGMENTS = st.sampled_from(
    [
        "一、", "二、", "四、", "十一、", "（一）", "(二)", "( 三 )", "1.", "1、", "３．", "12.",
        "|", "||", " | ", "\t", "\r", "\r\n", "\n", "\n\n", " ", "\u3000", "---", "|---|", "| :---: |",
        "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
        "存在的主要问题及改进情况", "其他需要报告的事项", "四、结转下年度继续办理", "一、本年新收政府信息公开申请数量",
        "（七）总计", "（一）予以公开", "3.其他", "自然人", "总计", "行政复议", "结果维持",
        "0", "8", "０", "1,234", "-5", "/", "—", "件", "万元", "2023年", "政府信息公开工作年度报告",
        "\x00", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\ufeff", "\u200b", "。", "“", "xxxx",
    ]
)
fragment_text = st.lists(st.one_of(FRAGMENTS, st.text(max_size=5)), max_size=60).map("".join)


def _never_raises(text: str) -> None:
    doc = parse(text)
    assert isinstance(doc.blocks, tuple)
    result = lint_text(text)
    assert result.status in STATUSES
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1


@PROPERTY
@example("---\n")
@example("正文\n|---|---|\n")
@example("\r\r\n\r")
@given(st.text())
def test_arbitrary_text_never_raises(text):
    _never_raises(text)


@PROPERTY
@given(fragment_text)
def test_heading_and_table_like_text_never_raises(text):
    _never_raises(text)


NOISE = st.sampled_from(
    ["一、", "（一）", "1.", "|", " | ", "\t", "\r", "\n", " ", "\u3000", "总体情况", "四、结转下年度继续办理", "0", "8", "/", "\x00", "\x0b", "\u2028"]
)
ROW_CELLS = st.lists(
    st.one_of(st.sampled_from(["0", "7", "", "/", "-", "１２", "3件", "x", "1.5", "-3", "1,000"]), st.text(max_size=3)), max_size=16
)
WITHOUT_TOTAL_ROW = [
    ("一、本年新收政府信息公开申请数量", ["8", "0", "0", "0", "0", "0", "8"], " | "),
    ("二、上年结转政府信息公开申请数量", ["0", "0", "0", "0", "0", "0", "0"], " | "),
    ("四、结转下年度继续办理", ["1", "0", "0", "0", "0", "0", "1"], " | "),
]


def report_with_rows(rows, noise: str) -> str:
    lines = [TITLE, "一、总体情况", noise, "三、收到和处理政府信息公开申请情况", *HEADER]
    lines += [sep.join([label, *cells]) for label, cells, sep in rows]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", *REVIEW_HEADER, "0 | 0 | 0", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    return "\n".join(lines)


@PROPERTY
@example(rows=WITHOUT_TOTAL_ROW, noise="")
@given(
    st.lists(
        st.tuples(
            st.sampled_from([label for _, label, _ in ROWS] + ["三、本年度办理结果", "（三）不予公开", "", "行政复议"]),
            ROW_CELLS,
            st.sampled_from([" | ", "\t", "|"]),
        ),
        max_size=30,
    ),
    st.lists(NOISE, max_size=10).map("".join),
)
def test_report_shaped_text_never_crashes_a_rule(rows, noise):
    """Rules only run on texts recognised as reports: give them one, with a garbled table.
    No rule may crash (RL002) on it."""
    text = report_with_rows(rows, noise)
    _never_raises(text)
    result = lint_text(text)
    codes = {d.code for d in result.diagnostics}
    assert "RL004" not in codes
    assert "RL002" not in codes, [d.message for d in result.diagnostics if d.code == "RL002"]


def test_request_table_without_total_row_does_not_crash():
    """An excerpt may print 一, 二 and 四 but not （七）总计: K cannot be checked, nothing crashes."""
    result = lint_text(report_with_rows(WITHOUT_TOTAL_ROW, ""), options=RL3)
    assert [(d.code, d.message) for d in result.diagnostics if d.code == "RL002"] == []
    assert result.diagnostics == ()


# ------------------------------------------------------------------ figures

FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")


@PROPERTY
@given(
    st.integers(min_value=0, max_value=10**12),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["", "件", "个", "条"]),
    st.sampled_from(["", " "]),
)
def test_parse_value_round_trips_integers(number, thousands, full_width, unit, space):
    written = f"{number:,}" if thousands else str(number)
    if full_width:
        written = written.translate(FULL_WIDTH)
    written = written + (space + unit if unit else "")
    value = parse_value(written)
    assert value.kind is Kind.NUMBER, written
    assert value.number == Decimal(number), written
    assert value.amount == Decimal(number)
    assert value.raw == written
    assert not value.is_blank


def test_parse_value_examples():
    assert parse_value("１７２５６件").number == Decimal(17256)
    assert parse_value("1,234,567条").number == Decimal(1234567)
    assert parse_value("１，２３４个").number == Decimal(1234)
    assert parse_value("12,34").kind is Kind.TEXT  # not a thousands grouping
    assert parse_value("").kind is Kind.BLANK
    assert parse_value("/").kind is Kind.NOT_APPLICABLE
    assert parse_value("八件").kind is Kind.TEXT
