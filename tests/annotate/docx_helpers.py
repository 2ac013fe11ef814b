"""Helpers for the annotated-copy tests: build drafts with python-docx, read the comments back.

- ``build_draft(text, path)`` -> the report as a .docx: Word-numbered headings (一、 （一） 1. are
  list numbers, not typed), the request table merged as in the official template (the readers'
  converter), an author's own comment and a tracked change (an insertion and a deletion), a header
  and a footer. Returns the converter's map (text line -> paragraph, text cell -> table cell).
- ``anchors(path)`` -> comment id -> Anchor: the commented text and where the range starts.
- ``annotate(*args)`` -> (exit code, stdout, stderr) of `reportlint annotate` in-process.
"""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from click.testing import CliRunner
from docx.oxml import parse_xml

ROOT = Path(__file__).resolve().parents[2]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def _readers_conftest():
    """The readers' converters (tests/readers/conftest.py), loaded under the name they register."""
    if "readers_conftest" in sys.modules:
        return sys.modules["readers_conftest"]
    spec = importlib.util.spec_from_file_location("readers_conftest", ROOT / "tests" / "readers" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["readers_conftest"] = module
    spec.loader.exec_module(module)
    return module


_HEADING = re.compile(r"^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）)")
AUTHOR_COMMENT = "请办公室核对数字"
INSERTED = "（经核实）"
DELETED = "原稿删去的字"


def _lvl(ilvl: int, fmt: str, text: str) -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'


def _prepare(document) -> None:
    root = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="77"><w:multiLevelType w:val="multilevel"/>'
        f'{_lvl(0, "chineseCounting", "%1、")}{_lvl(1, "chineseCounting", "（%2）")}</w:abstractNum>'
    )
    first_num = root.find(f"{W}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))


def _numbered(state: dict):
    def add_paragraph(document, line: str):
        match = _HEADING.match(line)
        state["body"] = state["body"] or (match is not None and match.group(1) == "一")
        if not (match and state["body"]):
            return document.add_paragraph(line)
        paragraph = document.add_paragraph(line[match.end():])
        level = 0 if match.group(1) else 1
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))
        return paragraph

    return add_paragraph


def build_draft(text: str, path: Path, merged: bool = True):
    """The draft as .docx (see the module docstring); the author's comment sits on the title."""
    converted = _readers_conftest().write_docx(
        text, path, merged=merged, header="青山县交通运输局（页眉）", footer="第 1 页（页脚）",
        prepare=_prepare, add_paragraph=_numbered({"body": False}),
    )
    document = docx.Document(str(path))
    title = document.paragraphs[0]
    document.add_comment(title.runs, text=AUTHOR_COMMENT, author="张科长", initials="ZK")
    # a tracked change at the end of the title: an insertion and a deletion (Word's w:ins / w:del)
    title._p.append(parse_xml(
        f'<w:ins xmlns:w="{W_NS}" w:id="901" w:author="李四" w:date="2024-01-05T10:00:00Z"><w:r><w:t>{INSERTED}</w:t></w:r></w:ins>'
    ))
    title._p.append(parse_xml(
        f'<w:del xmlns:w="{W_NS}" w:id="902" w:author="李四" w:date="2024-01-05T10:00:00Z"><w:r><w:delText>{DELETED}</w:delText></w:r></w:del>'
    ))
    document.save(str(path))
    return converted


@dataclass(frozen=True)
class Anchor:
    comment_id: str
    text: str  # the body text between the range start and end
    paragraph: int | None  # body paragraph number (1-based, as the reader counts) of the range start
    cell: tuple[int, int, int] | None  # (table, row, grid column) of the range start


def _grid_column(tc) -> int:
    tr = tc.getparent()
    pr = tr.find(f"{W}trPr")
    before = pr.find(f"{W}gridBefore") if pr is not None else None
    column = int(before.get(f"{W}val")) if before is not None else 0
    for other in tr.iterchildren(f"{W}tc"):
        if other is tc:
            return column + 1
        span = other.find(f"{W}tcPr/{W}gridSpan")
        column += int(span.get(f"{W}val")) if span is not None else 1
    raise AssertionError("cell not in its row")


def anchors(path: Path) -> dict[str, Anchor]:
    document = docx.Document(str(path))
    body = document.element.body
    paragraphs = [c for c in body.iterchildren(f"{W}p")]
    tables = [c for c in body.iterchildren(f"{W}tbl")]
    starts, texts, active = {}, {}, set()
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            cid = element.get(f"{W}id")
            active.add(cid)
            texts[cid] = []
            starts[cid] = element
        elif element.tag == f"{W}commentRangeEnd":
            active.discard(element.get(f"{W}id"))
        elif element.tag == f"{W}t":
            for cid in active:
                texts[cid].append(element.text or "")
    found = {}
    for cid, start in starts.items():
        paragraph = cell = None
        node = start
        while node is not None and node.getparent() is not body:
            node = node.getparent()
        if node is not None and node.tag == f"{W}p":
            paragraph = paragraphs.index(node) + 1
        elif node is not None and node.tag == f"{W}tbl":
            tc = start
            while tc.tag != f"{W}tc":
                tc = tc.getparent()
            tr = tc.getparent()
            cell = (tables.index(node) + 1, list(node.iterchildren(f"{W}tr")).index(tr) + 1, _grid_column(tc))
        found[cid] = Anchor(cid, "".join(texts[cid]), paragraph, cell)
    return found


def comments(path: Path) -> list:
    return list(docx.Document(str(path)).comments)


def part_bytes(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def annotate(*args: str) -> tuple[int, str, str]:
    from reportlint.cli import main

    result = CliRunner().invoke(main, ["annotate", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
