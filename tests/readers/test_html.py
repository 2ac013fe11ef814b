"""Saved web pages (.html): entities, cells with <br>/<p>, rowspan/colspan, page chrome, charsets,
and origins that are lines of the HTML source."""

from __future__ import annotations

import codecs
from collections import Counter

import pytest

from readers_conftest import diagnostic_key, lint_file
from reportlint.readers import Origin, ReadResult, read_path
from reportlint.readers.html import read_html


def keys(result) -> Counter:
    return Counter(map(diagnostic_key, result.diagnostics))


def page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html>\n<html>\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"


def read(html: str | bytes) -> ReadResult:
    result = read_html(html.encode("utf-8") if isinstance(html, str) else html)
    assert isinstance(result, ReadResult), result
    return result


# ---------------------------------------------------------------- entities


def test_character_references_are_decoded_and_nothing_else(tmp_path, good_text, to_html):
    plain = to_html(good_text, tmp_path / "plain.html")
    source = plain.path.read_text(encoding="utf-8")
    escaped = (
        source.replace("全年", "&#20840;&#x5E74;")
        .replace("“", "&ldquo;")
        .replace("”", "&rdquo;")
        .replace("、", "&#x3001;")
        .replace("<p>", "<p>&nbsp;&emsp;")  # indentation as CMS editors write it
        .replace("<td>0</td>", "<td>&#48;</td>")
    )
    assert escaped.count("&#20840;") >= 4 and escaped.count("&#48;") > 100
    path = tmp_path / "escaped.html"
    path.write_text(escaped, encoding="utf-8")
    assert read_path(path).text == read_path(plain.path).text
    result = lint_file(path)
    assert result.status == "pass" and result.diagnostics == ()


def test_markup_characters_and_unknown_entities_stay_text():
    result = read(page("<p>联系邮箱：gk&amp;xx@qs.gov.cn &lt;办公室&gt; &unknown; &#x1F4A9;</p>"))
    assert result.text == "联系邮箱：gk&xx@qs.gov.cn <办公室> &unknown; \U0001F4A9\n"


def test_nbsp_cell_is_blank_and_found_by_rl203(tmp_path, bad_sample, to_html):
    source = bad_sample("RL203")
    conv = to_html(source.read_text(encoding="utf-8"), tmp_path / "a.html")
    html = conv.path.read_text(encoding="utf-8")
    assert html.count("<td></td>") == 1
    conv.path.write_text(html.replace("<td></td>", "<td>&nbsp;</td>"), encoding="utf-8")
    result = lint_file(conv.path)
    assert keys(result) == keys(lint_file(source))
    rl203 = next(d for d in result.diagnostics if d.code == "RL203")
    assert (rl203.origin["table"], rl203.origin["row"], rl203.origin["cell"]) == (5, 17, 4)


# ---------------------------------------------------------------- cells with <br> and <p>


def test_line_breaks_and_paragraphs_inside_cells(tmp_path, bad_sample, to_html):
    source = bad_sample("RL301")
    conv = to_html(source.read_text(encoding="utf-8"), tmp_path / "a.html")
    html = conv.path.read_text(encoding="utf-8")
    replacements = {
        "<td>三、本年度办理结果</td>": "<td>三、本年度<br>办理<br/>结果</td>",
        "<td>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>": "<td><p>（二）部分公开</p><p>（区分处理的，只计这一情形，</p>不计其他情形）</td>",
        "<td>6</td>": '<td><p align="center"><span style="font-size:12pt">6</span></p></td>',
        "<td>自然人</td>": "<td>自然<br>人</td>",
    }
    for old, new in replacements.items():
        assert html.count(old) == 1, old
        html = html.replace(old, new)
    conv.path.write_text(html, encoding="utf-8")
    text = read_path(conv.path).text
    assert "| 三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 6 |" in text
    assert "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 |" in text
    result = lint_file(conv.path)
    assert keys(result) == keys(lint_file(source))
    rl301 = next(d for d in result.diagnostics if d.code == "RL301")
    assert {k: v for k, v in rl301.origin.items() if k != "line"} == {"table": 5, "row": 6, "cell": 9}


def test_br_splits_a_paragraph_into_lines():
    result = read(page("<p>一、总体情况<br>（一）主动公开<br />2023年，我局……</p>"))
    assert result.text == "一、总体情况\n（一）主动公开\n2023年，我局……\n"


# ---------------------------------------------------------------- rowspan / colspan


def test_rowspan_repeats_the_label_and_colspan_is_written_once():
    body = """<table>
<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>8</td><td>2</td><td>0</td><td>1</td><td>1</td><td>0</td><td>12</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>3</td><td>1</td><td>0</td><td>1</td><td>0</td><td>0</td><td>5</td></tr>
<tr><td rowspan="1">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>"""
    result = read(page(body))
    rows = [line for line in result.text.split("\n") if line.startswith("|")]
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert rows == [
        f"| {note} | 申请人情况 |",
        f"| {note} | 自然人 | 法人或其他组织 | 总计 |",
        f"| {note} | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
        "| 一、本年新收政府信息公开申请数量 | 8 | 2 | 0 | 1 | 1 | 0 | 12 |",
        "| 三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 5 |",
        "| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    ]
    lines = result.text.split("\n")
    source = page(body).split("\n")
    assert source[10].startswith("<tr><td colspan=\"3\">一、本年新收") and source[12].startswith("<tr><td rowspan=\"1\">（三）")
    # cell numbers are grid columns (after spans); line is the <tr>'s line in the source
    row4 = lines.index(rows[3]) + 1
    assert result.source_map.locate(row4, rows[3].index("12") + 1) == Origin(table=1, row=4, cell=10, line=11)
    row6 = lines.index(rows[5]) + 1
    assert result.source_map.locate(row6, rows[5].index("1.属于") + 1) == Origin(table=1, row=6, cell=3, line=13)
    assert result.source_map.locate(row6, rows[5].index("三、") + 1) == Origin(table=1, row=6, cell=1, line=13)


def test_absurd_spans_are_bounded():
    body = '<table><tr><td rowspan="999999999" colspan="999999999">x</td><td>1</td></tr><tr><td>2</td></tr></table>'
    result = read(page(body))
    assert "| x |" in result.text and len(result.text) < 100_000


# ---------------------------------------------------------------- page chrome


_NOISE = ("首页", "无障碍", "互动交流", "XX县", "xxxx", "文字描述", "console", "document.write", "text-indent", "分享到", "当前位置", "版权所有")


@pytest.mark.parametrize("wrapper", [None, ""], ids=["TRS_Editor", "no-article-marker"])
def test_script_style_nav_header_footer_are_ignored(wrapper, tmp_path, good_text, to_html):
    conv = to_html(good_text, tmp_path / "page.html", noise=True, body_class=wrapper)
    html = conv.path.read_text(encoding="utf-8")
    assert all(noise in html for noise in _NOISE)  # the noise really is on the page
    text = read_path(conv.path).text
    assert [noise for noise in _NOISE if noise in text] == []
    assert text == read_path(to_html(good_text, tmp_path / "clean.html").path).text
    result = lint_file(conv.path)
    assert result.status == "pass" and result.diagnostics == ()


def test_layout_table_around_the_article(tmp_path, good_text, to_html):
    """Older government sites lay the whole page out in a <table>; the report (with its own tables)
    sits in one cell of it. The report must read as it does without the layout table."""
    clean = to_html(good_text, tmp_path / "clean.html")
    html = clean.path.read_text(encoding="utf-8")
    start, end = html.index("<body>") + len("<body>"), html.index("</body>")
    wrapped = (
        html[:start]
        + '\n<table width="980" align="center"><tr><td class="nav">首页 &gt; 信息公开</td></tr>\n<tr><td>'
        + html[start:end]
        + "</td></tr>\n<tr><td>主办单位：青山县人民政府办公室</td></tr></table>\n"
        + html[end:]
    )
    path = tmp_path / "layout.html"
    path.write_text(wrapped, encoding="utf-8")
    result = lint_file(path)
    assert keys(result) == keys(lint_file(clean.path))
    assert result.status == "pass"
    assert "| 三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 5 |" in read_path(path).text


# ---------------------------------------------------------------- charsets


def _gb2312_safe(text: str) -> str:
    return text.replace("—", "－")  # U+2014 is not in GB2312


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="gb2312">',
        "<meta charset=GB2312>",
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html;charset=GBK">',
    ],
)
def test_declared_chinese_charset(head, tmp_path, good_text, to_html):
    text = _gb2312_safe(good_text)
    reference = read_path(to_html(text, tmp_path / "utf8.html").path)
    conv = to_html(text, tmp_path / "gb.html", encoding="gb2312", meta=head)
    raw = conv.path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # really not UTF-8
    result = read_path(conv.path)
    assert result.text == reference.text
    assert result.encoding == "gb18030" and result.guessed is False
    linted = lint_file(conv.path)
    assert linted.status == "pass" and linted.diagnostics == () and linted.encoding == "gb18030"


def test_gbk_only_characters_under_a_gb2312_declaration(tmp_path, bad_sample, to_html):
    # 欄 夠 時 are in GBK but not in GB2312; pages declared gb2312 are in practice GBK
    source = bad_sample("RL602")
    conv = to_html(source.read_text(encoding="utf-8"), tmp_path / "a.html", encoding="gbk", meta='<meta charset="gb2312">')
    result = lint_file(conv.path)
    assert keys(result) == keys(lint_file(source))
    assert "欄" in read_path(conv.path).text


def test_utf8_page_with_a_wrong_gb2312_declaration(tmp_path, bad_sample, to_html):
    source = bad_sample("RL301")
    conv = to_html(source.read_text(encoding="utf-8"), tmp_path / "a.html", encoding="utf-8", meta='<meta charset="gb2312">')
    result = read_path(conv.path)
    assert "青山县交通运输局2023年政府信息公开工作年度报告" in result.text
    assert keys(lint_file(conv.path)) == keys(lint_file(source))


def test_utf8_page_with_a_wrong_declaration_that_happens_to_decode():
    """Valid UTF-8 whose bytes also happen to decode as GB18030 (every run of Chinese characters has
    an even length): the declaration is wrong, the UTF-8 reading is the right one."""
    body = "\n".join(
        f"<p>{line}</p>"
        for line in ("政府信息公开工作年度报告", "总体情况", "主动公开", "信息内容", "存在的主要问题及改进情况")
    )
    data = page(body, '<meta charset="gb2312">').encode("utf-8")
    data.decode("gb18030")  # precondition: the declared charset does not fail
    result = read(data)
    assert result.text.split("\n")[0] == "政府信息公开工作年度报告"
    assert result.encoding == "utf-8"


def test_gbk_page_with_a_wrong_utf8_declaration_is_detected(tmp_path, good_text, to_html):
    conv = to_html(good_text, tmp_path / "a.html", encoding="gbk", meta='<meta charset="utf-8">')
    result = read_path(conv.path)
    assert result.encoding == "gb18030" and result.guessed is True
    assert "青山县交通运输局" in result.text
    assert lint_file(conv.path).status == "pass"


def test_unknown_charset_name_falls_back(tmp_path, good_text, to_html):
    conv = to_html(good_text, tmp_path / "a.html", meta='<meta charset="x-no-such-charset">')
    assert read_path(conv.path).encoding == "utf-8"
    assert lint_file(conv.path).status == "pass"


@pytest.mark.parametrize(
    "bom, codec",
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_a_bom_wins_over_the_meta_declaration(bom, codec, tmp_path, good_text, to_html):
    conv = to_html(good_text, tmp_path / "a.html", meta='<meta charset="gb2312">')
    html = conv.path.read_text(encoding="utf-8")
    conv.path.write_bytes(bom + html.encode(codec))
    assert read_path(conv.path).text == read_html(html.encode("utf-8")).text
    result = lint_file(conv.path)
    assert result.status == "pass" and result.diagnostics == ()


# ---------------------------------------------------------------- origin.line


def test_origin_line_is_the_html_source_line(tmp_path, bad_sample, to_html):
    conv = to_html(bad_sample("RL402").read_text(encoding="utf-8"), tmp_path / "a.html", noise=True)
    html_lines = conv.path.read_text(encoding="utf-8").split("\n")
    found = [d for d in lint_file(conv.path).diagnostics if d.code == "RL402"]
    assert len(found) == 2
    for d in found:
        assert html_lines[d.origin["line"] - 1].startswith("<p>（文字描述")
        assert d.origin_text == f"源文件第{d.origin['line']}行"


def test_origin_line_of_pretty_printed_markup_is_the_line_of_the_text():
    html = page('<div class="TRS_Editor">\n<p style="text-indent:2em">\n    一、总体情况\n</p>\n<p style="text-indent:2em">\n    （文字描述）\n</p>\n</div>')
    lines = html.split("\n")
    result = read(html)
    text_lines = result.text.split("\n")
    where = result.source_map.locate(text_lines.index("（文字描述）") + 1, 1)
    assert lines[where.line - 1].strip() == "（文字描述）"
