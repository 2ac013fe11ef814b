"""Generated paragraphs: wherever the runs are cut, whatever Word numbering or spaces come first, the
comment covers exactly the flagged characters and the text reads back unchanged."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx_helpers import W, W_NS, anchors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.annotate.docx_comments import annotate_docx
from reportlint.api import Severity
from reportlint.engine import Diagnostic
from reportlint.lint import FileResult
from reportlint.readers.docx import read_docx

CHARS = st.text(alphabet="全年共受理申请件同比增长。，、0123456789ab\t ", min_size=0, max_size=12)
FLAGGED = st.sampled_from(["xxxx", "XX", "（文字描述）", "2023", "某某"])


def _numbered(document) -> None:
    root = document.part.numbering_part.element
    root.append(parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="55"><w:multiLevelType w:val="multilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
    ))
    root.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="55"><w:abstractNumId w:val="55"/></w:num>'))


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(before=CHARS, flagged=FLAGGED, after=CHARS, cuts=st.lists(st.integers(min_value=1, max_value=30), max_size=5),
       numbered=st.booleans(), lead=st.sampled_from(["", "  ", "\u3000"]), bold=st.lists(st.booleans(), min_size=6, max_size=6))
def test_the_comment_covers_exactly_the_flagged_characters(tmp_path, before, flagged, after, cuts, numbered, lead, bold):
    text = lead + before + flagged + after
    document = docx.Document()
    _numbered(document)
    document.add_paragraph("报告标题")
    paragraph = document.add_paragraph()
    points = sorted({c for c in cuts if c < len(text)})
    for index, (start, end) in enumerate(zip([0, *points], [*points, len(text)])):
        run = paragraph.add_run(text[start:end])
        run.bold = bold[index % len(bold)]
    if numbered:
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="55"/></w:numPr>'))
    document.add_paragraph("下一段。")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    read = read_docx(data)
    lines = read.text.split("\n")
    number = next(i for i, line in enumerate(lines, 1) if flagged in line and line != "报告标题")
    line = lines[number - 1]
    # the reader prints Word's label, then the paragraph's text stripped: the flagged text starts after
    # the label and what precedes it in the paragraph (less the stripped spaces)
    own = text.strip()
    assert line.endswith(own)
    start = len(line) - len(own) + len((lead + before).lstrip())
    assert line[start:start + len(flagged)] == flagged
    finding = Diagnostic("RL401", "placeholder", Severity.ERROR, "占位符", number, start + 1, number, start + 1 + len(flagged), ())
    result = FileResult("<generated>", "fail", "2021", (finding,))
    annotated = annotate_docx(data, read, result, lang="zh")
    out = tmp_path / "out.docx"
    out.write_bytes(annotated.data)
    (placement,) = annotated.placements
    (anchor,) = [a for a in anchors(out).values()]
    assert placement.kind == "exact" and anchor.text == flagged and anchor.paragraph == 2
    assert read_docx(annotated.data).text == read.text
    assert len(docx.Document(str(out)).element.body.findall(f"{W}p")) == 3
