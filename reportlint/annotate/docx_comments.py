"""A copy of a .docx with a Word comment (批注) at each finding, anchored on the exact text.

Where a finding goes is what the reader's source map says: a paragraph (with the finding's
columns inside the extracted line) or a table cell. The runs of the paragraph are split at the
finding's character offsets so the comment covers exactly the flagged text (the placeholder, the
figure, the heading), then python-docx's `add_comment` places the range and the comment.

What cannot be anchored exactly, and what is done instead:

- a range starting inside a run that holds more than text (a field, a drawing, a footnote
  reference, a page break): the run is not split; the comment covers the whole run;
- a finding on Word's automatic numbering (the `一、` that Word draws) or a zero-width finding
  (a missing section or row, pointed at where it belongs): the whole paragraph there;
- a table finding: the whole cell (a vertically merged cell: the cell where the merge starts);
  an empty cell gets an empty run to hold the comment;
- a finding on a blank line of the extracted text, or outside the body: the next paragraph or
  cell that has a place (else the last one), and the comment says where it points;
- text python-docx does not expose as runs of a body paragraph (text boxes, content controls,
  inserted text of a tracked change) is not read by the reader either, so no finding points there.

Comments that reportlint wrote (its author name and the initials ``RL``) are removed before new
ones are added (with their entries in the parts Word adds when it saves: commentsExtended,
commentsIds, commentsExtensible), so annotating an annotated copy replaces them; every other comment, tracked
change, header, footer, style and numbering is left as it is.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field

from ..api import Rule
from ..engine import Diagnostic
from ..lint import FileResult
from ..parser import parse
from ..readers import Origin, ReadResult
from ..readers.docx import append_run_text
from .cells import ARITHMETIC, involved_cells

INITIALS = "RL"  # marks reportlint's own comments, whatever the author name
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_ONLY = {f"{_W}t", f"{_W}tab", f"{_W}rPr", f"{_W}lastRenderedPageBreak"}  # runs of these split anywhere


@dataclass(frozen=True)
class Placement:
    """Where one finding's comment went: 'exact' (the flagged text), 'paragraph', 'cell', 'nearby'."""

    code: str
    kind: str
    origin: dict
    comment_id: int
    text: str


@dataclass
class Annotated:
    data: bytes
    placements: list[Placement] = field(default_factory=list)
    removed: int = 0  # reportlint comments of an earlier run


def annotate_docx(data: bytes, read: ReadResult, result: FileResult, rules: tuple[Rule, ...] = (), *,
                  lang: str = "zh", author: str = "reportlint") -> Annotated:
    """The annotated copy of `data` (the .docx bytes `read` and `result` came from)."""
    import docx  # python-docx

    document = docx.Document(io.BytesIO(data))
    removed = _remove_own_comments(document, author)
    body = _Body(document, read)
    rules_by_code = {rule.code: rule for rule in rules}
    cells = _identity_cells(read, result, lang)
    out = Annotated(b"", removed=removed)
    for d in result.diagnostics:
        runs, kind, origin = body.anchor(d)
        text = comment_text(d, rules_by_code.get(d.code), cells.get((d.code, d.line, d.column, d.column_label or "")), lang,
                            origin if kind == "nearby" else None)
        comment = document.add_comment(runs, text=text[0], author=author, initials=INITIALS)
        for line in text[1:]:
            comment.add_paragraph(line)
        out.placements.append(Placement(d.code, kind, origin, comment.comment_id, "\n".join(text)))
    buffer = io.BytesIO()
    document.save(buffer)
    out.data = buffer.getvalue()
    return out


# --- the comment's words -----------------------------------------------------------------------------


def comment_text(d: Diagnostic, rule: Rule | None, cells: list[str] | None, lang: str, nearby: dict | None = None) -> list[str]:
    """[message line, expected/actual and the other cells, rule and why] for one finding."""
    zh = lang == "zh"
    lines = [f"{d.code} {d.message}"]
    if d.expected is not None and d.actual is not None:
        lines.append(f"应为 {d.expected}，实际为 {d.actual}" if zh else f"expected {d.expected}, found {d.actual}")
    if cells:
        lines.append(("涉及单元格：" if zh else "cells involved: ") + ("；" if zh else "; ").join(cells))
    if nearby is not None:
        where = Origin(**nearby).describe(lang) if nearby else ""
        lines.append(f"（问题位于文本第 {d.line} 行，批注放在最近的位置 {where}）" if zh
                     else f"(the finding is on line {d.line} of the text; the comment is at the nearest place, {where})")
    if rule is not None:
        lines.append(f"规则 {rule.code} {rule.name}：{_first_sentence(getattr(rule.explanation, lang), zh)}" if zh
                     else f"rule {rule.code} {rule.name}: {_first_sentence(rule.explanation.en, zh)}")
    return lines


def _first_sentence(text: str, zh: bool) -> str:
    end = text.find("。") if zh else text.find(". ")
    return text if end < 0 else text[: end + 1]


def _identity_cells(read: ReadResult, result: FileResult, lang: str = "zh") -> dict[tuple, list[str]]:
    """Arithmetic finding -> the other cells of its identity, as '表3 第5行 第4列（（一）予以公开 = 3）'."""
    if read.source_map is None or not any(d.code in ARITHMETIC for d in result.diagnostics):
        return {}
    found = {}
    for key, entry in involved_cells(parse(read.text, path=result.path), result.template).items():
        names = []
        for cell in entry.cells:
            origin = read.source_map.locate(cell.span.line, cell.span.column)
            where = origin.describe(lang) if origin is not None else f"{cell.span.line}:{cell.span.column}"
            names.append(f"{where}（{cell.row}＝{cell.text}）" if lang == "zh" else f"{where} ({cell.row} = {cell.text})")
        found[key] = names
    return found


# --- earlier comments ---------------------------------------------------------------------------------


def _remove_own_comments(document, author: str) -> int:
    """Drop the comments an earlier run wrote, and their ranges and reference runs in the body."""
    comments_element = document.part._comments_part.element  # python-docx adds an empty part if there is none
    own = [c for c in comments_element.findall(f"{_W}comment")
           if c.get(f"{_W}author") == author and c.get(f"{_W}initials") == INITIALS]
    ids = {c.get(f"{_W}id") for c in own}
    if not ids:
        return 0
    for comment in own:
        comments_element.remove(comment)
    root = document.element
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for marker in list(root.iter(f"{_W}{tag}")):
            if marker.get(f"{_W}id") in ids:
                marker.getparent().remove(marker)
    for reference in list(root.iter(f"{_W}commentReference")):
        if reference.get(f"{_W}id") in ids:
            run = reference.getparent()
            run.getparent().remove(run)
    _remove_word_extras(document, {p.get(f"{_W14}paraId") for c in own for p in c.iter(f"{_W}p")} - {None})
    return len(own)


_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
# The parts Word adds beside comments.xml when it saves (replies, resolved state, durable ids), and the
# element of each that names a comment by the paraId of its paragraph (or by its durable id).
_EXTRA_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml":
        ("{http://schemas.microsoft.com/office/word/2012/wordml}commentEx", "{http://schemas.microsoft.com/office/word/2012/wordml}paraId"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml":
        ("{http://schemas.microsoft.com/office/word/2016/wordml/cid}commentId", "{http://schemas.microsoft.com/office/word/2016/wordml/cid}paraId"),
}
_EXTENSIBLE = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml"
_CEX = "{http://schemas.microsoft.com/office/word/2018/wordml/cex}"
_CID = "{http://schemas.microsoft.com/office/word/2016/wordml/cid}"


def _remove_word_extras(document, para_ids: set[str]) -> None:
    """Entries for the removed comments in the parts Word keeps beside comments.xml, so a copy that
    was saved in Word and annotated again has no entry pointing at a comment that is gone."""
    if not para_ids:
        return
    from lxml import etree

    parts = {rel.target_part.content_type: rel.target_part for rel in document.part.rels.values() if not rel.is_external}
    durable: set[str] = set()
    for content_type, (tag, attribute) in _EXTRA_PARTS.items():
        part = parts.get(content_type)
        if part is None:
            continue
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        for entry in list(root.iter(tag)):
            if entry.get(attribute) in para_ids:
                if entry.get(f"{_CID}durableId"):
                    durable.add(entry.get(f"{_CID}durableId"))
                entry.getparent().remove(entry)
        _set_blob(part, root)
    part = parts.get(_EXTENSIBLE)
    if part is not None and durable:
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        for entry in list(root.iter(f"{_CEX}commentExtensible")):
            if entry.get(f"{_CEX}durableId") in durable:
                entry.getparent().remove(entry)
        _set_blob(part, root)


def _set_blob(part, root) -> None:
    from lxml import etree

    if hasattr(part, "_element"):  # an XmlPart: python-docx serialises its element on save
        part._element = root
    else:
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- anchoring ----------------------------------------------------------------------------------------


def _run_text(run) -> str:
    """A run's text as the reader sees it: the reader's own rule, so offsets agree."""
    parts: list[str] = []
    append_run_text(run, parts)
    return "".join(parts)


def _runs_of(p) -> list:
    """The w:r elements whose text makes the paragraph's text, in order (hyperlinks' runs included)."""
    runs = []
    for child in p:
        if child.tag == f"{_W}r":
            runs.append(child)
        elif child.tag == f"{_W}hyperlink":
            runs.extend(child.iterchildren(f"{_W}r"))
    return runs


class _Body:
    """The document body indexed as the reader numbers it: paragraphs and tables of the body."""

    def __init__(self, document, read: ReadResult) -> None:
        self.document = document
        self.read = read
        # findings are placed on the reader's text before normalisation (readers/normalise.py): the runs' own characters
        self.lines = (read.original if getattr(read, "original", None) is not None else read.text).split("\n")
        self.map = read.source_map.lines if read.source_map is not None else ()
        self.paragraphs, self.tables = [], []
        for child in document.element.body.iterchildren():
            if child.tag == f"{_W}p":
                self.paragraphs.append(child)
            elif child.tag == f"{_W}tbl":
                self.tables.append(child)

    # where a finding goes

    def anchor(self, d: Diagnostic) -> tuple[list, str, dict]:
        origin = self._origin(d.line, d.column)
        if origin is not None:
            found = self._at(origin, d)
            if found is not None:
                return found[0], found[1], origin.as_json()
        for line in list(range(d.line + 1, len(self.map) + 1)) + list(range(min(d.line, len(self.map)), 0, -1)):
            origin = self._origin(line, 1)
            if origin is not None:
                found = self._whole(origin)
                if found is not None:
                    return found, "nearby", origin.as_json()
        return self._fallback(), "nearby", {}

    def _origin(self, line: int, column: int) -> Origin | None:
        if self.read.source_map is None:
            return None
        origin = self.read.source_map.locate(line, column)
        return origin if origin is not None and (origin.paragraph is not None or origin.table is not None) else None

    def _at(self, origin: Origin, d: Diagnostic):
        if origin.paragraph is not None:
            runs = self._exact(origin.paragraph, d)
            if runs is not None:
                return runs, "exact"
            whole = self._whole(origin)
            return (whole, "paragraph") if whole is not None else None
        whole = self._whole(origin)
        return (whole, "cell") if whole is not None else None

    def _whole(self, origin: Origin) -> list | None:
        from docx.text.run import Run

        elements = self._elements(origin)
        if elements is None:
            return None
        paragraphs = [e for e in elements if e.tag == f"{_W}p"]
        runs = [r for p in paragraphs for r in _runs_of(p)]
        if not runs:
            if not paragraphs:
                return None
            run = paragraphs[0].add_r()  # an empty paragraph or cell: an empty run holds the comment
            runs = [run]
        paragraph = self._paragraph_object(runs[0])
        return [Run(runs[0], paragraph), Run(runs[-1], self._paragraph_object(runs[-1]))]

    def _fallback(self) -> list:
        from docx.text.run import Run

        body = self.document.element.body
        p = self.paragraphs[-1] if self.paragraphs else body.add_p()
        runs = _runs_of(p) or [p.add_r()]
        return [Run(runs[0], self._paragraph_object(runs[0])), Run(runs[-1], self._paragraph_object(runs[-1]))]

    def _paragraph_object(self, r):
        from docx.text.paragraph import Paragraph

        p = r.getparent()
        while p is not None and p.tag != f"{_W}p":
            p = p.getparent()
        return Paragraph(p, self.document._body)

    def _elements(self, origin: Origin) -> list | None:
        """The body paragraph, or the paragraphs of the cell (or row, or table) the origin names."""
        if origin.paragraph is not None:
            if 0 < origin.paragraph <= len(self.paragraphs):
                return [self.paragraphs[origin.paragraph - 1]]
            return None
        if origin.table is None or not 0 < origin.table <= len(self.tables):
            return None
        tbl = self.tables[origin.table - 1]
        rows = list(tbl.iterchildren(f"{_W}tr"))
        if origin.row is None or not 0 < origin.row <= len(rows):
            return [p for tc in rows[0].iterchildren(f"{_W}tc") for p in tc.iterchildren(f"{_W}p")] if rows else None
        if origin.cell is None:
            return [p for tc in rows[origin.row - 1].iterchildren(f"{_W}tc") for p in tc.iterchildren(f"{_W}p")]
        tc = _cell_at(rows, origin.row - 1, origin.cell - 1)
        return list(tc.iterchildren(f"{_W}p")) if tc is not None else None

    def _exact(self, number: int, d: Diagnostic) -> list | None:
        """The runs covering exactly the finding's text in body paragraph `number`, split where needed."""
        from docx.text.run import Run

        if not 0 < number <= len(self.paragraphs):
            return None
        p = self.paragraphs[number - 1]
        start = self._offset(number, p, d.line, d.column)
        end = self._offset(number, p, d.end_line, d.end_column) if d.end_line >= d.line else None
        if start is None:
            return None
        text_length = sum(len(_run_text(r)) for r in _runs_of(p))
        if end is None or d.end_line > self._last_line(number):
            end = text_length
        start, end = max(start, 0), min(end, text_length)
        if end <= start:
            return None  # on Word's numbering, or a place rather than text: the whole paragraph
        _split_at(p, start)  # a run that cannot be split stays whole: the comment covers all of it
        _split_at(p, end)
        runs = _runs_of(p)
        offsets, position = [], 0
        for r in runs:
            offsets.append(position)
            position += len(_run_text(r))
        covered = [r for r, begin in zip(runs, offsets) if begin < end and begin + len(_run_text(r)) > start]
        if not covered:
            return None
        paragraph = self._paragraph_object(covered[0])
        return [Run(covered[0], paragraph), Run(covered[-1], paragraph)]

    def _lines_of(self, number: int) -> list[int]:
        return [i + 1 for i, entry in enumerate(self.map) if entry.origin.paragraph == number and not entry.cells]

    def _last_line(self, number: int) -> int:
        lines = self._lines_of(number)
        return lines[-1] if lines else 0

    def _offset(self, number: int, p, line: int, column: int) -> int | None:
        """Character offset in the paragraph's run text of (line, column) of the extracted text."""
        lines = self._lines_of(number)
        if line not in lines:
            return None
        joined = "\n".join(self.lines[i - 1] for i in lines)  # the reader's (label + runs' text).strip()
        own = "".join(_run_text(r) for r in _runs_of(p)).rstrip()
        if not own.strip() or not joined.endswith(own.lstrip()):
            return None  # the reader saw other text than the runs hold: do not guess
        at = sum(len(self.lines[i - 1]) + 1 for i in lines if i < line) + column - 1
        # len(joined) - len(own) = len(label) - leading spaces stripped: the runs' text starts there
        return at - (len(joined) - len(own))


def _split_at(p, offset: int) -> bool:
    """Make `offset` a run boundary in paragraph `p`; False when the run there holds more than text."""
    position = 0
    for r in _runs_of(p):
        text = _run_text(r)
        if position < offset < position + len(text):
            if any(child.tag not in _TEXT_ONLY for child in r):
                return False
            cut = offset - position
            second = copy.deepcopy(r)
            r.addnext(second)
            _set_text(r, text[:cut])
            _set_text(second, text[cut:])
            return True
        position += len(text)
    return True


def _set_text(r, text: str) -> None:
    """Replace a text-only run's content, keeping its formatting (rPr)."""
    from docx.text.run import Run

    Run(r, None).text = text


def _cell_at(rows: list, row: int, column: int):
    """The w:tc covering grid column `column` of `rows[row]`; a vertical continuation resolves to
    the cell above where the merge starts (that is the text the reader printed)."""
    while row >= 0:
        tc = _tc_in_row(rows[row], column)
        if tc is None:
            return None
        merge = _vmerge(tc)
        if merge != "continue":
            return tc
        row -= 1
    return None


def _tc_in_row(tr, column: int):
    pr = tr.find(f"{_W}trPr")
    before = pr.find(f"{_W}gridBefore") if pr is not None else None
    offset = _int(before.get(f"{_W}val") if before is not None else None, 0)
    for tc in tr.iterchildren(f"{_W}tc"):
        span = max(_int(_property(tc, "gridSpan"), 1), 1)
        if offset <= column < offset + span:
            return tc
        offset += span
    return None


def _vmerge(tc) -> str | None:
    pr = tc.find(f"{_W}tcPr")
    element = pr.find(f"{_W}vMerge") if pr is not None else None
    return None if element is None else element.get(f"{_W}val", "continue")


def _property(tc, name: str) -> str | None:
    pr = tc.find(f"{_W}tcPr")
    element = pr.find(f"{_W}{name}") if pr is not None else None
    return element.get(f"{_W}val") if element is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
