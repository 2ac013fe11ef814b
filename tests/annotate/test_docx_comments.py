"""`reportlint annotate REPORT.docx`: a Word comment at each finding, on the text or cell it names."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import docx
import pytest
from docx_helpers import AUTHOR_COMMENT, DELETED, INSERTED, ROOT, W, annotate, anchors, build_draft, comments

from reportlint.lint import lint_path
from reportlint.readers import read_path

SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
TEMPLATE = SHARED / "corpus" / "docx" / "template-2021-official.docx"
SHANGHAI_2019 = SHARED / "corpus" / "real" / "04_shanghai_municipal_gov_office_2019.txt"
DRAFTS = [
    *(SAMPLES / "bad" / f"{name}.txt" for name in (
        "RL101_missing_section", "RL104_empty_section", "RL202_table_rows", "RL203_cell_value", "RL301_row_total",
        "RL302_outcome_total", "RL303_carry_over", "RL304_review_total", "RL401_placeholder", "RL402_template_text",
        "RL501_narrative_figure", "RL502_narrative_sum", "RL503_report_year", "RL601_garbled_text",
    )),
    SHANGHAI_2019,
]


def _own(path: Path) -> list:
    return sorted((c for c in comments(path) if c.initials == "RL"), key=lambda c: c.comment_id)


def _expected_cell(path: Path, table: int, row: int, column: int) -> tuple[int, int, int]:
    """Where the reader's text of a cell lives: a vertical continuation is the cell above's text."""
    body = docx.Document(str(path)).element.body
    rows = list(list(body.iterchildren(f"{W}tbl"))[table - 1].iterchildren(f"{W}tr"))
    while row > 1:
        offset = 0
        for tc in rows[row - 1].iterchildren(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            width = int(span.get(f"{W}val")) if span is not None else 1
            if offset < column <= offset + width:
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is None or merge.get(f"{W}val") == "restart":
                    return (table, row, offset + 1)
                break
            offset += width
        row -= 1
    return (table, row, column)


def _check_anchors(path: Path, annotated: Path) -> list:
    """Every finding of `path` has one comment, in order, on the place its origin names."""
    result = lint_path(path)
    own = _own(annotated)
    assert len(own) == len(result.diagnostics)
    placed = anchors(annotated)
    for d, comment in zip(result.diagnostics, own):
        assert comment.text.startswith(f"{d.code} {d.message}"), (d.code, comment.text[:60])
        assert comment.author == "reportlint"
        anchor = placed[str(comment.comment_id)]
        origin = d.origin or {}
        if "paragraph" in origin:
            assert anchor.paragraph == origin["paragraph"], (d.code, d.origin, anchor)
            flagged = d.source_line[d.column - 1:d.end_column - 1] if d.end_line == d.line else ""
            paragraph_text = docx.Document(str(path)).element.body.findall(f"{W}p")[origin["paragraph"] - 1]
            runs_text = "".join(t.text or "" for r in paragraph_text.iterchildren(f"{W}r") for t in r.iter(f"{W}t"))
            if flagged and flagged in runs_text:
                assert anchor.text == flagged, (d.code, flagged, anchor.text)  # exactly the flagged text
            else:  # on Word's numbering or a place: the paragraph
                assert anchor.text.strip() in runs_text, (d.code, anchor.text)
        elif "cell" in origin:
            assert anchor.cell == _expected_cell(path, origin["table"], origin["row"], origin["cell"]), (d.code, d.origin, anchor)
        elif "table" in origin:
            assert anchor.cell is not None and anchor.cell[:2] == (origin["table"], origin.get("row", anchor.cell[1]))
    return result.diagnostics


@pytest.mark.parametrize("source", DRAFTS, ids=lambda p: p.stem)
def test_every_finding_is_a_comment_on_its_place(source, tmp_path):
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    draft = tmp_path / "draft.docx"
    build_draft(source.read_text(encoding="utf-8"), draft)
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    code, _, err = annotate(str(draft), "-q")
    out = tmp_path / "draft.批注.docx"
    assert out.is_file() and str(out) in err
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before, "the input is never modified"
    diagnostics = _check_anchors(draft, out)
    assert diagnostics, "the draft has findings"
    assert code == (1 if any(d.severity.value == "error" for d in diagnostics) else 0)
    assert sorted(os.listdir(tmp_path)) == ["draft.docx", "draft.批注.docx"], "no temporary file left behind"


def test_arithmetic_comment_names_expected_actual_and_the_other_cells(tmp_path):
    draft = tmp_path / "draft.docx"
    converted = build_draft((SAMPLES / "bad" / "RL302_outcome_total.txt").read_text(encoding="utf-8"), draft)
    annotate(str(draft), "-q")
    first = next(c for c in _own(tmp_path / "draft.批注.docx") if c.text.startswith("RL302"))
    assert "应为 8，实际为 9" in first.text
    named = re.findall(r"表(\d+) 第(\d+)行 第(\d+)列（([^＝]+)＝(\d+)）", first.text)
    assert len(named) == 22, "（七）总计 and the 21 outcome rows"
    document = docx.Document(str(draft))
    for table, row, column, label, value in named:
        cell = document.tables[int(table) - 1].cell(int(row) - 1, int(column) - 1)
        assert cell.text == value, (label, value)
    # a row is named by its printed labels, the group cell's included (三、本年度办理结果（一）予以公开)
    assert any(label.endswith("（一）予以公开") and value == "3" for *_, label, value in named)
    assert converted.cell_of, "the converter placed the table"


def test_everything_else_is_preserved(tmp_path):
    draft = tmp_path / "draft.docx"
    build_draft((SAMPLES / "bad" / "RL401_placeholder.txt").read_text(encoding="utf-8"), draft)
    annotate(str(draft), "-q")
    out = tmp_path / "draft.批注.docx"
    assert read_path(out).text == read_path(draft).text, "the text (and Word numbering) reads back the same"
    original, annotated = docx.Document(str(draft)), docx.Document(str(out))
    assert annotated.sections[0].header.paragraphs[0].text == "青山县交通运输局（页眉）"
    assert annotated.sections[0].footer.paragraphs[0].text == "第 1 页（页脚）"
    theirs = [(c.author, c.initials, c.text) for c in annotated.comments if c.initials != "RL"]
    assert theirs == [("张科长", "ZK", AUTHOR_COMMENT)]
    body = annotated.element.body
    assert [e.findtext(f"{W}r/{W}t") for e in body.iter(f"{W}ins")] == [INSERTED]
    assert [e.findtext(f"{W}r/{W}delText") for e in body.iter(f"{W}del")] == [DELETED]
    assert [t._tbl.xml.count("<w:vMerge") for t in original.tables] == [t._tbl.xml.count("<w:vMerge") for t in annotated.tables]
    assert [p.style.name for p in original.paragraphs] == [p.style.name for p in annotated.paragraphs]
    ids = {c.comment_id for c in annotated.comments}
    markers = {int(m.get(f"{W}id")) for m in body.iter(f"{W}commentRangeStart")}
    assert markers == ids, "every comment has its range and every range its comment"


def test_reportlint_comments_are_not_findings_and_a_second_run_replaces_them(tmp_path):
    draft = tmp_path / "draft.docx"
    build_draft((SAMPLES / "bad" / "RL303_carry_over.txt").read_text(encoding="utf-8"), draft)
    annotate(str(draft), "-q")
    once = tmp_path / "draft.批注.docx"
    first = [(d.code, d.line, d.column, d.message) for d in lint_path(draft).diagnostics]
    assert [(d.code, d.line, d.column, d.message) for d in lint_path(once).diagnostics] == first
    code, _, err = annotate(str(once), "-o", str(tmp_path / "twice.docx"), "-q")
    twice = tmp_path / "twice.docx"
    assert f"替换了上次的 {len(first)} 条" in err
    assert len(_own(twice)) == len(first)
    assert [c.text for c in comments(twice) if c.initials != "RL"] == [AUTHOR_COMMENT]
    _check_anchors(once, twice)
    body = docx.Document(str(twice)).element.body
    assert len(list(body.iter(f"{W}commentReference"))) == len(first) + 1


def _replace_anchored(document, comment_id: int, text: str) -> None:
    """What an author does after reading the comment: retype the commented text."""
    body = document.element.body
    start = next(m for m in body.iter(f"{W}commentRangeStart") if m.get(f"{W}id") == str(comment_id))
    inside, first = False, True
    for element in body.iter():
        if element is start:
            inside = True
        elif element.tag == f"{W}commentRangeEnd" and element.get(f"{W}id") == str(comment_id):
            break
        elif inside and element.tag == f"{W}t":
            element.text, first = (text if first else ""), False
    assert not first, "the comment covers text"


def test_fixing_what_the_comments_say_leaves_nothing_to_find(tmp_path):
    good = (SAMPLES / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8")
    row = next(line for line in good.splitlines() if line.startswith("（七）总计"))
    cells = row.split(" | ")
    wrong = " | ".join([cells[0], str(int(cells[1]) + 2), *cells[2:]])
    draft_text = good.replace(row, wrong, 1).replace("2023年6月", "xxxx年6月", 1)
    assert draft_text.count("xxxx") == 1 and wrong in draft_text
    draft = tmp_path / "draft.docx"
    build_draft(draft_text, draft)
    assert {d.code for d in lint_path(draft).diagnostics} >= {"RL401", "RL302"}
    annotate(str(draft), "-q")
    copy = docx.Document(str(tmp_path / "draft.批注.docx"))
    own = [c for c in copy.comments if c.initials == "RL"]
    fixed_cells = set()
    for comment in own:
        head = comment.text.split("\n")
        if head[0].startswith("RL401"):
            _replace_anchored(copy, comment.comment_id, "2023")
        expected = re.search(r"^应为 (\d+)，实际为", comment.text, re.M)
        if expected and head[0].startswith("RL302"):
            _replace_anchored(copy, comment.comment_id, expected.group(1))
            fixed_cells.add(comment.comment_id)
    assert fixed_cells
    fixed = tmp_path / "fixed.docx"
    copy.save(str(fixed))
    after = lint_path(fixed)
    assert [d.code for d in after.diagnostics if d.severity.value == "error"] == [], [d.message for d in after.diagnostics]
    assert after.status == "pass"
    assert len([c for c in docx.Document(str(fixed)).comments if c.initials == "RL"]) == len(own), "the comments are still there"


@pytest.mark.skipif(not TEMPLATE.is_file(), reason="the official template is absent")
def test_official_template_gets_a_comment_at_each_instruction_and_each_blank_table(tmp_path):
    source = tmp_path / "template.docx"
    source.write_bytes(TEMPLATE.read_bytes())
    code, _, _ = annotate(str(source), "-q")
    out = tmp_path / "template.批注.docx"
    assert code == 1
    diagnostics = _check_anchors(source, out)
    placed = anchors(out)
    own = _own(out)
    instructions = [placed[str(c.comment_id)].text for c in own if c.text.startswith("RL402")]
    assert instructions == ["（文字描述）", "（文字描述）", "（文字描述，收取信息处理费情况在此处报告。）"]
    blank = [placed[str(c.comment_id)].cell for c in own if c.text.startswith("RL203")]
    assert len(blank) == 6 and {cell[0] for cell in blank} == {1, 2, 3}, "the four blocks of table 1, tables 2 and 3"
    assert sum(d.code == "RL203" for d in diagnostics) == 6


def test_command_line_options_and_exit_codes(tmp_path):
    draft = tmp_path / "draft.docx"
    build_draft((SAMPLES / "bad" / "RL401_placeholder.txt").read_text(encoding="utf-8"), draft)
    code, out, err = annotate(str(draft), "--lang", "en", "--select", "RL401", "--author", "审核组", "-o", str(tmp_path / "a.docx"))
    assert code == 1 and "RL401" in out and "wrote" in err
    written = [c for c in comments(tmp_path / "a.docx") if c.initials == "RL"]
    assert written and all(c.author == "审核组" and c.text.startswith("RL401 placeholder") for c in written)
    assert annotate(str(draft), "--exit-zero", "-q", "-o", str(tmp_path / "b.docx"))[0] == 0
    assert annotate(str(draft), "--ignore", "RL4", "-q", "-o", str(tmp_path / "c.docx"))[0] == 0
    assert annotate(str(draft), "-o", str(draft))[0] == 2, "never over the input"
    assert annotate(str(draft), "--select", "RL999x")[0] == 2
    assert annotate(str(draft), "-o", str(tmp_path / "missing" / "x.docx"))[0] == 2
    baseline = tmp_path / "baseline.json"
    from reportlint.cli import main
    from click.testing import CliRunner

    CliRunner().invoke(main, ["check", "--write-baseline", str(baseline), str(draft)])
    assert json.loads(baseline.read_text(encoding="utf-8"))
    code, _, _ = annotate(str(draft), "--baseline", str(baseline), "-q", "-o", str(tmp_path / "d.docx"))
    assert code == 0 and [c for c in comments(tmp_path / "d.docx") if c.initials == "RL"] == []


def test_unreadable_docx_writes_nothing(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    code, out, err = annotate(str(broken))
    assert code == 1 and "RL001" in out and not (tmp_path / "broken.批注.docx").exists()


def _small_report(tmp_path: Path, edit) -> Path:
    """The good sample as a .docx, with `edit(document)` applied (runs that need care)."""
    path = tmp_path / "small.docx"
    build_draft((SAMPLES / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8"), path)
    document = docx.Document(str(path))
    edit(document)
    document.save(str(path))
    return path


def _paragraph_with(document, text: str):
    return next(p for p in document.paragraphs if text in p.text)


def test_a_run_holding_more_than_text_is_covered_whole_and_a_hyperlink_run_is_split(tmp_path):
    from docx.oxml import parse_xml

    from docx_helpers import W_NS

    def edit(document):
        first = _paragraph_with(document, "全年未发生泄密")
        first._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:t>xxxx年底</w:t><w:br w:type="page"/><w:t>续页</w:t></w:r>'))
        second = _paragraph_with(document, "专栏中机构职能")
        second._p.append(parse_xml(
            f'<w:hyperlink xmlns:w="{W_NS}" w:anchor="x"><w:r><w:t>详见XX网站专栏</w:t></w:r></w:hyperlink>'))

    path = _small_report(tmp_path, edit)
    annotate(str(path), "--select", "RL401", "-q")
    placed = anchors(tmp_path / "small.批注.docx")
    texts = sorted(a.text for c in _own(tmp_path / "small.批注.docx") for a in [placed[str(c.comment_id)]])
    assert texts == ["XX", "xxxx年底续页"], "the hyperlink's run split at the placeholder; the run with a page break whole"
    assert read_path(tmp_path / "small.批注.docx").text == read_path(path).text


def test_a_finding_on_a_blank_line_goes_to_the_next_paragraph_and_says_so(tmp_path):
    import dataclasses

    from reportlint.annotate.docx_comments import annotate_docx
    from reportlint.api import Severity
    from reportlint.engine import Diagnostic

    path = _small_report(tmp_path, lambda document: None)
    read = read_path(path)
    lines = read.text.split("\n")
    blank = next(i for i, line in enumerate(lines, 1) if not line and i > 3)
    result = lint_path(path)
    probe = Diagnostic("RL999", "probe", Severity.WARNING, "探针", blank, 1, blank, 1, ())
    annotated = annotate_docx(path.read_bytes(), read, dataclasses.replace(result, diagnostics=(probe,)), lang="zh")
    (placement,) = annotated.placements
    assert placement.kind == "nearby" and "最近的位置" in placement.text
    next_origin = next(read.source_map.lines[i].origin for i in range(blank, len(lines)) if read.source_map.lines[i].origin.as_json())
    assert placement.origin == next_origin.as_json()


def test_english_comments(tmp_path):
    draft = tmp_path / "draft.docx"
    build_draft((SAMPLES / "bad" / "RL302_outcome_total.txt").read_text(encoding="utf-8"), draft)
    annotate(str(draft), "--lang", "en", "--select", "RL302", "-q")
    first = _own(tmp_path / "draft.批注.docx")[0]
    lines = first.text.split("\n")
    assert lines[0].startswith("RL302 row '（七）总计', column '自然人': expected 8, found 9")
    assert lines[1] == "expected 8, found 9"
    assert lines[2].startswith("cells involved: table 5 row 27 cell 4 (")
    assert lines[2].split("; ")[0].endswith("（七）总计 = 9)")
    assert lines[-1].startswith("rule RL302 outcome-total: ") and "规则" not in lines[-1]


def test_a_copy_saved_by_word_and_annotated_again_keeps_no_entry_for_a_removed_comment(tmp_path):
    """Word adds commentsExtended / commentsIds / commentsExtensible parts naming each comment by the
    paraId of its paragraph; the entries of reportlint's replaced comments go with them."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    draft = tmp_path / "draft.docx"
    build_draft((SAMPLES / "bad" / "RL401_placeholder.txt").read_text(encoding="utf-8"), draft)
    annotate(str(draft), "-q")
    saved_by_word = tmp_path / "saved.docx"
    document = docx.Document(str(tmp_path / "draft.批注.docx"))
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    entries = []
    for number, comment in enumerate(document.comments, start=1):
        paragraph = comment._comment_elm.findall(f"{W}p")[-1]
        paragraph.set(f"{{{w14}}}paraId", f"{number:08X}")
        entries.append((f"{number:08X}", f"{0x100 + number:08X}", comment.initials))
    ns = {"w15": "http://schemas.microsoft.com/office/word/2012/wordml", "w16cid": "http://schemas.microsoft.com/office/word/2016/wordml/cid",
          "w16cex": "http://schemas.microsoft.com/office/word/2018/wordml/cex"}
    parts = {
        "commentsExtended": ("w15", "".join(f'<w15:commentEx w15:paraId="{p}" w15:done="0"/>' for p, _, _ in entries), "2011/relationships/commentsExtended"),
        "commentsIds": ("w16cid", "".join(f'<w16cid:commentId w16cid:paraId="{p}" w16cid:durableId="{d}"/>' for p, d, _ in entries), "2016/09/relationships/commentsIds"),
        "commentsExtensible": ("w16cex", "".join(f'<w16cex:commentExtensible w16cex:durableId="{d}" w16cex:dateUtc="2024-01-05T10:00:00Z"/>' for _, d, _ in entries), "2018/08/relationships/commentsExtensible"),
    }
    for name, (prefix, body, rel) in parts.items():
        root = {"w15": "commentsEx", "w16cid": "commentsIds", "w16cex": "commentsExtensible"}[prefix]
        blob = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><{prefix}:{root} xmlns:{prefix}="{ns[prefix]}">{body}</{prefix}:{root}>'
        part = Part(PackURI(f"/word/{name}.xml"), f"application/vnd.openxmlformats-officedocument.wordprocessingml.{name}+xml",
                    blob.encode(), document.part.package)
        document.part.relate_to(part, f"http://schemas.microsoft.com/office/{rel}")
    document.save(str(saved_by_word))
    annotate(str(saved_by_word), "-q", "-o", str(tmp_path / "again.docx"))
    theirs = [p for p, _, initials in entries if initials != "RL"]
    kept_durable = [d for _, d, initials in entries if initials != "RL"]
    assert len(theirs) == 1 and len(entries) > 2
    import zipfile

    with zipfile.ZipFile(tmp_path / "again.docx") as archive:
        extended = archive.read("word/commentsExtended.xml").decode()
        ids = archive.read("word/commentsIds.xml").decode()
        extensible = archive.read("word/commentsExtensible.xml").decode()
    assert re.findall(r'w15:paraId="([0-9A-F]+)"', extended) == theirs
    assert re.findall(r'w16cid:paraId="([0-9A-F]+)"', ids) == theirs
    assert re.findall(r'w16cex:durableId="([0-9A-F]+)"', extensible) == kept_durable
    assert [c.text for c in comments(tmp_path / "again.docx") if c.initials != "RL"] == [AUTHOR_COMMENT]


def test_a_docx_can_have_its_report_view_and_a_text_no_word_copy(tmp_path):
    draft = tmp_path / "draft.docx"
    build_draft((SAMPLES / "bad" / "RL401_placeholder.txt").read_text(encoding="utf-8"), draft)
    code, _, _ = annotate(str(draft), "-q", "-o", str(tmp_path / "view.html"))
    page = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert code == 1 and page.startswith("<!DOCTYPE html>") and "RL401" in page
    text = SAMPLES / "bad" / "RL401_placeholder.txt"
    assert annotate(str(text), "-o", str(tmp_path / "x.docx"))[0] == 2 and not (tmp_path / "x.docx").exists()


def test_a_docx_the_reader_accepts_but_python_docx_cannot_open_is_a_clear_message(tmp_path):
    import zipfile

    from docx_helpers import W_NS

    good = (SAMPLES / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8").replace("2023年6月", "xxxx年6月")
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in good.splitlines() if "|" not in line)
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(bare, "w") as archive:  # no [Content_Types].xml, no relationships: only the body
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    code, out, err = annotate(str(bare))
    assert code in (1, 2) and "Traceback" not in out + err
    if code == 2:
        assert "无法在" in err and "写入批注" in err and not (tmp_path / "bare.批注.docx").exists()
    else:
        assert "RL001" in out
    assert sorted(p.name for p in tmp_path.iterdir()) in (["bare.docx"], ["bare.docx", "bare.批注.docx"])


def test_characters_the_reader_normalises_do_not_move_the_anchor(tmp_path):
    def edit(document):
        paragraph = _paragraph_with(document, "全年未发生泄密")
        paragraph.add_run("另有\u200b\ue000说明：ＸＸ科负责")

    path = _small_report(tmp_path, edit)
    annotate(str(path), "--select", "RL401", "-q")
    placed = anchors(tmp_path / "small.批注.docx")
    texts = [placed[str(c.comment_id)].text for c in _own(tmp_path / "small.批注.docx")]
    assert texts == ["ＸＸ"], "the comment covers the file's own ＸＸ, after the removed characters"
