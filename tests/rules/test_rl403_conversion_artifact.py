"""RL403 conversion-artifact: what converting Word files or web pages to text leaves in a report.

Seed 002 (a 2014 report pasted from Word) starts a paragraph with `[bookmark: _GoBack]`; the bad
sample adds that and Word's "错误！未定义书签。" to the good report.
"""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

SELECT = LintOptions(select=("RL403",))
TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"


def _rl403(line: str, path: str = "<text>"):
    """RL403 findings for `line` placed as line 2 of a report: (column, end_column, actual)."""
    result = lint_text(TITLE + "\n" + line + "\n", path=path, options=SELECT)
    assert all(d.code == "RL403" and d.line == 2 for d in result.diagnostics)
    return [(d.column, d.end_column, d.actual) for d in result.diagnostics]


# ---------------------------------------------------------------- bad


def test_conversion_artifact_sample(bad_sample):
    result = lint_path(bad_sample("RL403"))
    assert [d.code for d in result.diagnostics] == ["RL403", "RL403"]  # the sample's only defect
    bookmark, field_error = result.diagnostics
    assert all(d.name == "conversion-artifact" and d.severity is Severity.WARNING for d in result.diagnostics)
    assert (bookmark.line, bookmark.column, bookmark.end_column, bookmark.actual) == (9, 1, 20, "[bookmark: _GoBack]")
    assert (field_error.line, field_error.column, field_error.actual) == (65, 23, "错误！未定义书签。")
    assert bookmark.section == ("一", "（三）") and field_error.section == ("五",)
    assert bookmark.message == "文档转换残留的书签标记「[bookmark: _GoBack]」"
    assert result.status == "pass"  # a warning: the figures are not affected


def test_seed_002_bookmark(seeds_dir):
    result = lint_path(seeds_dir / "002_bf0308bc7f56019c.txt", SELECT)
    assert [(d.line, d.column, d.actual) for d in result.diagnostics] == [(7, 1, "[bookmark: _GoBack]")]


@pytest.mark.parametrize(
    ("line", "actual"),
    [
        ("[bookmark: _GoBack]一、总体情况", "[bookmark: _GoBack]"),
        ("本年度主动公开信息126条。_GoBack", "_GoBack"),
        ("见附件OLE_LINK1。", "OLE_LINK1"),
        ("详见第三部分错误！未定义书签。", "错误！未定义书签。"),
        ("详见表二（错误!未找到引用源。）", "错误!未找到引用源。"),
        ("see Error! Bookmark not defined.", "Error! Bookmark not defined."),
        ('网址：HYPERLINK "http://www.example.gov.cn" 县政府门户网站', 'HYPERLINK "http://www.example.gov.cn"'),
        ("第 PAGE \\* MERGEFORMAT 3 页", "\\* MERGEFORMAT"),
        ("目录 PAGEREF _Toc123456 \\h 2", "PAGEREF _Toc123456 \\h"),
        ("<p>2023年，我局主动公开政府信息126条。</p>", "<p>"),
        ('<span style="font-family:仿宋">主动公开</span>', '<span style="font-family:仿宋">'),
        ("主动公开&nbsp;126条", "&nbsp;"),
        ("公开指南&amp;目录", "&amp;"),
        ("主动公开[]{#_Toc1234 .anchor}情况", "[]{#_Toc1234 .anchor}"),
        ("主动公开[情况]{.underline}", "{.underline}"),
        ("图：\ufffc", "\ufffc"),
    ],
)
def test_each_kind_of_artifact(line, actual):
    found = _rl403(line)
    assert [a for _, _, a in found][:1] == [actual]
    column, end_column, _ = found[0]
    assert line[column - 1:end_column - 1] == actual  # exact position in the source line


def test_english_message():
    result = lint_text(TITLE + "\n详见错误！未定义书签。\n", options=LintOptions(select=("RL403",), lang="en"))
    assert result.diagnostics[0].message == "Word field error '错误！未定义书签。' (a broken table of contents or cross-reference)"


# ---------------------------------------------------------------- good


@pytest.mark.parametrize(
    "line",
    [
        "2023年，我局主动公开政府信息126条，通过政府网站、政务新媒体发布。",
        "收费金额<1万元，A&B公司申请公开的信息已答复。",  # < and & in ordinary text
        "联系电话：0571-12345678；电子邮箱：gk@example.gov.cn",
        "本报告电子版可在县政府门户网站（http://www.example.gov.cn）查阅。",
        "《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条",
        "行政复议结果维持2件（{已审结}）",
        "Bookmark this page: 政府信息公开指南",  # the word alone, no [bookmark: …]
    ],
)
def test_ordinary_text_is_not_an_artifact(line):
    assert _rl403(line) == []


def test_markup_is_legitimate_in_a_markdown_draft():
    line = "主动公开 | 126<br>条 | [情况]{.underline}"
    assert _rl403(line, path="draft.md") == []
    assert [a for _, _, a in _rl403(line, path="draft.txt")] == ["<br>", "{.underline}"]
    assert [a for _, _, a in _rl403("[bookmark: _GoBack]正文", path="draft.md")] == ["[bookmark: _GoBack]"]


def test_good_sample_and_corpus_have_none(good_path, corpus_dir):
    assert lint_path(good_path, SELECT).diagnostics == ()
    for path in sorted(corpus_dir.glob("*.txt")):
        assert lint_path(path, SELECT).diagnostics == (), path.name


# ---------------------------------------------------------------- Word conditional comments

from variants import report  # noqa: E402


@pytest.mark.parametrize("pasted, marks", (
    ("<!--[if !supportLists]-->1.<!--[endif]-->规范信息发布", ["<!--[if !supportLists]-->", "<!--[endif]-->"]),
    ("<![if !supportLists]>（一）<![endif]>加强政策解读", ["<![if !supportLists]>", "<![endif]>"]),
    ("<!--[if gte mso 9]><![endif]-->做好公开", ["<!--[if gte mso 9]>", "<![endif]-->"]),
))
@pytest.mark.parametrize("path", ("r.txt", "r.md"))
def test_word_conditional_comments(pasted, marks, path):
    text = report().replace("（三）政府信息管理\n", "（三）政府信息管理\n" + pasted + "。\n")
    found = [d for d in lint_text(text, path, LintOptions(select=("RL403",))).diagnostics]
    assert [d.actual for d in found] == marks or [d.message.split("「")[1].split("」")[0] for d in found] == marks
    assert all(d.line == 9 for d in found)


def test_a_reportlint_comment_is_no_conditional_comment():
    text = report().replace("（三）政府信息管理\n", "（三）政府信息管理\n<!-- reportlint-disable-next-line RL401 -->\n")
    assert [d.code for d in lint_text(text, options=LintOptions(select=("RL403",))).diagnostics] == []
