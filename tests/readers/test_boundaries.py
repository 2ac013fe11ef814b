"""The reader boundary (issue 12): each crash and hang the fuzzing campaign found, as a file built
for it, gets RL001 naming what is wrong (and the bound, when one was crossed) or is read correctly.
Time and memory of the huge shapes are measured in a capped child process (test_hostile's helper);
how the costs grow is bench/'s business, these only bound them."""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
import readers_gen as gen  # noqa: E402
from readers_conftest import lint_file  # noqa: E402
from test_hostile import assert_bounded, lint_isolated  # noqa: E402

from reportlint.readers import Limits, ReadError, ReadResult, read_path, valid_unicode  # noqa: E402
from reportlint.readers import docx as docx_reader  # noqa: E402
from reportlint.readers.numbering import chinese_counting, parse_int  # noqa: E402

W = gen.W


def _rl001(result) -> str:
    assert [d.code for d in result.diagnostics] == ["RL001"], [(d.code, d.message) for d in result.diagnostics]
    return result.diagnostics[0].message


def _docx(tmp_path: Path, parts: gen.DocxParts | None = None, entries=None, name: str = "x.docx") -> Path:
    parts = parts or gen.DocxParts(_Plain())
    entries = entries if entries is not None else [gen.ZipEntry(n, d) for n, d in parts.files().items()]
    path = tmp_path / name
    path.write_bytes(gen.zip_bytes(entries))
    return path


class _Plain(gen.random.Random):
    """The generators' choices without mutations: the whole report, typed headings."""

    def __init__(self) -> None:
        super().__init__(0)

    def random(self):
        return 0.99


def _entries(parts=None):
    parts = parts or gen.DocxParts(_Plain())
    return [gen.ZipEntry(n, d) for n, d in parts.files().items()]


def _entry(entries, name: str):
    return next(e for e in entries if e.name == name.encode())


# ---------------------------------------------------------------- .docx: zip level


def test_the_generated_docx_is_a_report(tmp_path):
    result = lint_file(_docx(tmp_path))
    assert result.status == "pass", [(d.code, d.message) for d in result.diagnostics]


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels"])
def test_corrupt_deflate_data_is_rl001_not_zlib_error(part, tmp_path):
    entries = _entries()
    entry = _entry(entries, part)
    entry.payload = b"\xff" * 8 + entry.payload[8:]  # invalid block type: zlib.error on the first read
    message = _rl001(lint_file(_docx(tmp_path, entries=entries)))
    assert "zlib.error" in message and part in message


@pytest.mark.parametrize("version", [64, 255])
def test_zip_version_too_new_is_rl001_not_not_implemented_error(version, tmp_path):
    entries = _entries()
    _entry(entries, "word/document.xml").version = version
    assert "NotImplementedError" in _rl001(lint_file(_docx(tmp_path, entries=entries)))


@pytest.mark.parametrize("method", [1, 97, 99])
def test_unsupported_compression_method_is_rl001(method, tmp_path):
    entries = _entries()
    _entry(entries, "word/styles.xml").method = method
    assert "NotImplementedError" in _rl001(lint_file(_docx(tmp_path, entries=entries)))


def test_encrypted_zip_entry_is_rl001_saying_encrypted(tmp_path):
    entries = _entries()
    _entry(entries, "word/document.xml").flags |= 0x1  # zipfile: RuntimeError "password required"
    assert "加密" in _rl001(lint_file(_docx(tmp_path, entries=entries)))


def test_forty_parts_of_zeros_are_never_inflated(tmp_path):
    """40 × 9 MiB of zeros pass the ratio rule (each part is under 10 MB) and the declared total
    (360 MiB < 512 MiB); they are not parts the text needs, so they are never inflated."""
    entries = _entries()
    gen._z_zero_parts(entries, gen.random.Random(0), 1.0)
    path = _docx(tmp_path, entries=entries)
    report = lint_isolated(path, timeout=120)
    assert report["status"] == "pass", report
    assert_bounded(report, seconds=60, megabytes=200)


def _refused(result, name: str) -> str:
    assert isinstance(result, ReadError), result
    assert result.args.get("name") == name, result.args
    text = result.message.en.format(**result.args)
    assert f"limit {name} = " in text and f"上限 {name} = " in result.message.zh.format(**result.args)
    return text


@pytest.mark.parametrize("name, limits", [
    ("max_docx_xml_bytes", Limits(max_docx_xml_bytes=4096)),
    ("max_docx_xml_elements", Limits(max_docx_xml_elements=100)),
    ("max_docx_paragraphs", Limits(max_docx_paragraphs=10)),
    ("max_table_cells", Limits(max_table_cells=20)),
])
def test_docx_bounds_are_named_in_rl001(name, limits, tmp_path):
    assert isinstance(read_path(_docx(tmp_path)), ReadResult)
    _refused(read_path(_docx(tmp_path), limits), name)


# ---------------------------------------------------------------- .docx: values python-docx could not parse


def _with_body(tmp_path, *xml: str) -> Path:
    parts = gen.DocxParts(_Plain())
    parts.body.extend(xml)
    return _docx(tmp_path, parts)


def _text(path: Path) -> str:
    result = read_path(path)
    assert isinstance(result, ReadResult), result
    return result.text


@pytest.mark.parametrize("value", ["abc", "", "0", "-1", "99999999999999999999", "1e3"])
def test_grid_span_word_would_not_write_counts_as_one_column(value, tmp_path):
    text = _text(_with_body(tmp_path, "<w:tbl><w:tr>" + gen._docx_cell("甲", span=value) + gen._docx_cell("乙") + "</w:tr></w:tbl>"))
    assert "| 甲 | 乙 |" in text


def test_grid_span_of_two_to_the_31_is_refused_by_the_column_bound(tmp_path):
    path = _with_body(tmp_path, "<w:tbl><w:tr>" + gen._docx_cell("甲", span="2147483647") + "</w:tr></w:tbl>")
    assert "max_table_columns" in _rl001(lint_file(path))


def test_vmerge_in_the_first_row_or_without_a_cell_above_is_its_own_cell(tmp_path):
    text = _text(_with_body(
        tmp_path,
        "<w:tbl><w:tr>" + gen._docx_cell("甲", vmerge="continue") + gen._docx_cell("乙") + "</w:tr>"
        "<w:tr>" + gen._docx_cell("丙") + gen._docx_cell("丁") + gen._docx_cell("戊", vmerge="continue") + "</w:tr></w:tbl>",
    ))
    assert "| 甲 | 乙 |" in text and "| 丙 | 丁 | 戊 |" in text


def test_vertical_merge_repeats_the_top_cell_in_each_row_it_covers(tmp_path):
    rows = 5000  # python-docx walked each chain from its top: quadratic, 800 rows took 18 s
    xml = ("<w:tbl><w:tr>" + gen._docx_cell("合并", vmerge="restart") + gen._docx_cell("0") + "</w:tr>"
           + "".join("<w:tr>" + gen._docx_cell("", vmerge="continue") + gen._docx_cell(str(i)) + "</w:tr>" for i in range(1, rows + 1)) + "</w:tbl>")
    text = _text(_with_body(tmp_path, xml))
    assert text.count("| 合并 |") == rows + 1 and f"| 合并 | {rows} |" in text


@pytest.mark.parametrize("document", [
    f'<w:document xmlns:w="{W}"/>',
    "<html><body>not word</body></html>",
])
def test_document_xml_without_a_body_is_rl001(document, tmp_path):
    parts = gen.DocxParts(_Plain())
    parts.document_xml = document.encode()
    assert "w:body" in _rl001(lint_file(_docx(tmp_path, parts)))


def test_hundred_thousand_paragraphs_are_read_in_bounded_time(tmp_path):
    parts = gen.DocxParts(_Plain())
    parts.body.extend(["<w:p><w:r><w:t>段</w:t></w:r></w:p>"] * 100_000)
    report = lint_isolated(_docx(tmp_path, parts), timeout=240)
    assert report["status"] in ("pass", "fail"), report
    assert_bounded(report, seconds=120, megabytes=500)


# ---------------------------------------------------------------- .docx: Word numbering and styles


@pytest.mark.parametrize("number, words", [(1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百"), (2345, "二千三百四十五"), (9999, "九千九百九十九"), (10000, "10000"), (12, "十二"), (110, "一百一十")])
def test_chinese_counting_past_a_thousand(number, words):
    assert chinese_counting(number) == words


@pytest.mark.parametrize("value, expected", [("7", 7), ("x", 1), ("", 1), (None, 1), ("9" * 5000, 1), ("1.5", 1), (" 3 ", 3)])
def test_integer_attributes_word_would_not_write_are_the_default(value, expected):
    assert parse_int(value, 1) == expected


def _numbered(tmp_path, level: str, ilvl: str = "0", paragraphs: int = 2) -> str:
    parts = gen.DocxParts(_Plain())
    parts.levels.append(level)
    parts.body.extend([gen._docx_paragraph(f"条目{i}", num=("1", ilvl)) for i in range(paragraphs)])
    return _text(_docx(tmp_path, parts))


@pytest.mark.parametrize("ilvl", ["9", "-1", "100"])
def test_list_level_outside_0_to_8_has_no_number(ilvl, tmp_path):
    text = _numbered(tmp_path, f'<w:lvl w:ilvl="{ilvl}"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>', ilvl)
    assert "\n条目0\n" in text


@pytest.mark.parametrize("start, label", [
    ("1000000000000", "i."),  # a value Word cannot write (its largest start is 32767) counts as absent
    ("4000", "4000."),  # past 3999 no Roman numeral exists: the decimal number
    ("99999", "32767."),
    ("-3", "0."),
])
def test_roman_start_of_ten_to_the_twelve_builds_no_huge_string(start, label, tmp_path):
    parts = gen.DocxParts(_Plain())
    parts.levels[0] = f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    parts.body.append(gen._docx_paragraph("条目", num=("1", "0")))
    text = _text(_docx(tmp_path, parts))
    assert f"\n{label}条目\n" in text


def test_chinese_counting_list_past_a_thousand(tmp_path):
    parts = gen.DocxParts(_Plain())
    parts.levels[0] = '<w:lvl w:ilvl="0"><w:start w:val="999"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    parts.body.extend(gen._docx_paragraph(f"条目{i}", num=("1", "0")) for i in range(2))
    text = _text(_docx(tmp_path, parts))
    assert "九百九十九、条目0" in text and "一千、条目1" in text


@pytest.mark.parametrize("styles", [
    ['<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>', '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>'],
    ['<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="A"/></w:style>'],
])
def test_based_on_cycle_terminates(styles, tmp_path):
    parts = gen.DocxParts(_Plain())
    parts.styles.extend(styles)
    parts.body.extend([gen._docx_paragraph("样式", style="A")] * 3)
    assert "\n样式\n" in _text(_docx(tmp_path, parts))


def test_twenty_thousand_long_style_chain_is_walked_once(tmp_path):
    parts = gen.DocxParts(_Plain())
    length = 20_000
    parts.styles.extend(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:basedOn w:val="S{i + 1}"/></w:style>' for i in range(length))
    parts.styles.append(f'<w:style w:type="paragraph" w:styleId="S{length}"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    parts.body.extend([gen._docx_paragraph("链", style="S0")] * 200)
    text = _text(_docx(tmp_path, parts))
    assert "一、链" in text and "二百、链" in text  # the numbering at the chain's end applies to all 200


# ---------------------------------------------------------------- .pdf


def _pdf(tmp_path: Path, pdf: gen.PdfBuilder, name: str = "x.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf.build())
    return path


def _report_pdf(lines_per_page: int = 20) -> gen.PdfBuilder:
    return gen.PdfBuilder(list(gen.LINES), lines_per_page=lines_per_page)


def test_the_generated_pdf_is_a_report(tmp_path):
    result = lint_file(_pdf(tmp_path, _report_pdf()))
    assert result.status in ("pass", "fail") and not any(d.code in ("RL001", "RL004") for d in result.diagnostics)


@pytest.mark.parametrize("kind", ["flip", "garbage", "truncate"])
def test_a_page_that_cannot_be_read_is_rl001_not_an_excerpt(kind, tmp_path):
    pdf = _report_pdf()
    pdf.build()
    extra, data = pdf.streams[13]  # page 2's content
    packed = zlib.compress(data)
    packed = {"flip": packed[:2] + b"\xff" * 6 + packed[8:], "garbage": b"\x78\x9c" + b"\x13" * 300, "truncate": packed[:2]}[kind]
    pdf.streams[13] = (b" /Filter /FlateDecode", packed)
    result = lint_file(_pdf(tmp_path, pdf))
    assert result.status == "error", [(d.code, d.message) for d in result.diagnostics]
    assert "第2页" in _rl001(result)


def test_page_tree_listing_more_pages_than_can_be_read_is_rl001(tmp_path):
    pdf = _report_pdf()
    pdf.count_override = "99"
    assert "99" in _rl001(lint_file(_pdf(tmp_path, pdf)))


def test_page_count_comes_from_the_page_tree_before_any_page_is_parsed(tmp_path):
    pdf = _report_pdf()
    pdf.count_override = "20000"
    text = _refused(read_path(_pdf(tmp_path, pdf)), "max_pdf_pages")
    assert "20000" in text


def test_more_pages_than_the_limit_are_never_listed(tmp_path):
    pdf = gen.PdfBuilder(["一"] * 30, lines_per_page=1)  # 30 pages, /Count says 1
    pdf.count_override = "1"
    _refused(read_path(_pdf(tmp_path, pdf), Limits(max_pdf_pages=10)), "max_pdf_pages")


def test_flate_bomb_of_2_gib_is_refused_before_pdfminer_inflates_it(tmp_path):
    pdf = _report_pdf()
    pdf.build()
    pdf.streams[11] = (b" /Filter /FlateDecode", gen.zlib_zeros(2 << 30))
    path = _pdf(tmp_path, pdf)
    report = lint_isolated(path, timeout=120)
    assert "max_pdf_stream_bytes" in report["messages"][0], report
    assert_bounded(report, seconds=60, megabytes=300)


def test_all_streams_together_are_bounded(tmp_path):
    pdf = _report_pdf()
    pdf.build()
    for number in (11, 13, 15):
        pdf.streams[number] = (b" /Filter /FlateDecode", gen.zlib_zeros(8 << 20))
    _refused(read_path(_pdf(tmp_path, pdf), Limits(max_pdf_inflated_bytes=20 << 20)), "max_pdf_inflated_bytes")


@pytest.mark.parametrize("ranges", [b"<00000000> <FFFFFFFF> <0000>", b"<0000> <FFFF> <4E00>\n" * 20])
@pytest.mark.parametrize("section", [b"bfrange", b"cidrange"])
def test_cmap_with_huge_code_ranges_is_refused_before_pdfminer_expands_it(ranges, section, tmp_path):
    pdf = _report_pdf()
    pdf.build()
    cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n1 begin" + section + b"\n" + ranges + b"\nend" + section + b"\n"
    pdf.streams[5] = (b"", cmap + pdf.cmap)
    path = _pdf(tmp_path, pdf)
    _refused(read_path(path), "max_pdf_cmap_entries")
    report = lint_isolated(path, timeout=120)
    assert_bounded(report, seconds=60, megabytes=300)


def test_cmap_stream_too_large_to_parse_is_refused(tmp_path):
    pdf = _report_pdf()
    pdf.build()
    pdf.streams[5] = (b"", pdf.cmap + b" " * (3 << 20))
    _refused(read_path(_pdf(tmp_path, pdf)), "max_pdf_cmap_bytes")


def test_page_of_a_million_glyphs_is_refused_by_its_content_size(tmp_path):
    pdf = _report_pdf()
    pdf.build()
    pdf.streams[11] = (b"", b"BT /F1 1 Tf 0 0 Td <" + b"0001" * 1_000_000 + b"> Tj ET")
    path = _pdf(tmp_path, pdf)
    _refused(read_path(path), "max_pdf_page_content_bytes")
    report = lint_isolated(path, timeout=120)
    assert_bounded(report, seconds=60, megabytes=300)


def test_glyphs_are_counted_while_the_page_is_interpreted(tmp_path):
    pdf = _report_pdf()
    pdf.build()
    pdf.streams[11] = (b"", b"BT /F1 1 Tf 0 0 Td <" + b"0001" * 60_000 + b"> Tj ET")  # 240 KB: under the content bound
    _refused(read_path(_pdf(tmp_path, pdf)), "max_pdf_glyphs_per_page")


def test_pdf_whose_reading_fails_is_closed_inside_the_boundary(tmp_path):
    """pdfplumber's close() lists the pages again when the reading stopped before them; that
    re-parse raised outside the `try` (this generated file: PdfminerException "Invalid dictionary
    construct" from the reader of build 2ec0539)."""
    path = tmp_path / "x.pdf"
    path.write_bytes(gen.make_pdf(gen.random.Random("pdf:0"), 0.02))
    result = lint_file(path)
    assert result.status == "error" and _rl001(result)


# ---------------------------------------------------------------- .html


def _html(tmp_path: Path, body: str, meta: str = '<meta charset="utf-8">', name: str = "x.html", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    page = f"<html><head>{meta}</head><body><div class=\"TRS_Editor\">{body}</div></body></html>"
    path.write_bytes(page.encode(encoding) if encoding != "raw" else page.encode("latin-1"))
    return path


@pytest.mark.parametrize("tag, closed", [("div", True), ("div", False), ("font", False), ("span", True), ("td", False), ("table", True)])
def test_deep_nesting_is_walked_without_recursion(tag, closed, tmp_path):
    depth = 100_000
    body = f"<{tag}>" * depth + gen._html_page(gen.LINES) + (f"</{tag}>" * depth if closed else "")
    result = lint_file(_html(tmp_path, body))
    assert result.status in ("pass", "fail", "error")
    if tag != "table":  # text directly inside <table> (outside cells) is not read, as before
        assert result.status == "pass", [(d.code, d.message) for d in result.diagnostics]


def test_clamped_spans_over_many_rows_are_bounded(tmp_path):
    cells = '<td rowspan="100" colspan="100">x</td>' * 100
    path = _html(tmp_path, gen._html_page(gen.LINES) + "<table>" + f"<tr>{cells}</tr>" * 200 + "</table>")
    assert "max_table_cells" in _rl001(lint_file(path))
    report = lint_isolated(path, timeout=120)
    assert_bounded(report, seconds=60, megabytes=300)


def test_spans_past_the_last_row_cost_nothing(tmp_path):
    body = gen._html_page(gen.LINES) + '<table><tr><td rowspan="100" colspan="100">x</td></tr></table>'
    result = read_path(_html(tmp_path, body), Limits(max_table_cells=2000))
    assert isinstance(result, ReadResult)  # 1 row × 100 columns, not 100 × 100


def test_long_table_is_read_row_by_row(tmp_path):
    rows = 8000
    body = gen._html_page(gen.LINES) + "<table>" + "".join(f"<tr><td>行{i}</td><td>{i}</td></tr>" for i in range(rows)) + "</table>"
    text = _text(_html(tmp_path, body))
    assert f"| 行{rows - 1} | {rows - 1} |" in text


def test_html_element_bound_is_named(tmp_path):
    _refused(read_path(_html(tmp_path, gen._html_page(gen.LINES)), Limits(max_html_elements=50)), "max_html_elements")


@pytest.mark.parametrize("charset", ["undefined", "punycode", "utf-7", "unicode_escape", "raw_unicode_escape", "idna", "base64", "rot13", "uu", "nonsense"])
def test_meta_charset_that_is_not_a_text_encoding_is_ignored(charset, tmp_path):
    path = _html(tmp_path, gen._html_page(gen.LINES), meta=f'<meta charset="{charset}">')
    result = lint_file(path)
    assert result.status in ("pass", "fail"), [(d.code, d.message) for d in result.diagnostics]


@pytest.mark.parametrize("data", [
    b"<html><head><meta charset=\"utf-7\"></head><body>" + "年报".encode("utf-7") + b"+2AA-</body></html>",
    b"<html><body>\\ud800 " + "年报".encode("unicode_escape") + b"</body></html>",
])
def test_lone_surrogates_never_reach_rules_or_outputs(data, tmp_path):
    path = tmp_path / "s.html"
    path.write_bytes(data)
    result = read_path(path)
    if isinstance(result, ReadResult):
        result.text.encode("utf-8")


def test_valid_unicode_replaces_lone_surrogates():
    fixed = valid_unicode(ReadResult("年\ud800报\udfff", "utf-7", False))
    assert fixed.text == "年\ufffd报\ufffd"


# ---------------------------------------------------------------- every library's exceptions at the boundary


@pytest.mark.parametrize("problem", [zlib.error("bad"), MemoryError(), RecursionError(), KeyError("x"), TypeError("x"), UnicodeError("x"), LookupError("x"), NotImplementedError("x"), RuntimeError("x")])
def test_whatever_a_reader_raises_is_rl001(problem, tmp_path, monkeypatch):
    def explode(*args, **kwargs):
        raise problem

    monkeypatch.setattr(docx_reader, "read_docx", explode)
    path = _docx(tmp_path)
    result = lint_file(path)
    assert result.status == "error" and _rl001(result)
