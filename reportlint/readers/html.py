"""Saved government web pages (.html) -> text: the article body, tables with rowspan/colspan.

Built on the standard library's HTMLParser, which never fetches anything and resolves only the
HTML character references (no external entities). Scripts, styles, navigation, headers and
footers are dropped; when the page marks its article body (TRS_Editor, zoom, content, article…)
only that is read. The charset comes from a BOM, <meta charset> / http-equiv, else detection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from . import Origin, ReadError, ReadResult, TextBuilder, error
from .text import decode

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "select", "option", "button", "iframe", "svg", "form", "textarea"}
_CHROME = re.compile(r"(^|[\s_-])(nav|navbar|menu|header|footer|breadcrumb|crumb|sidebar|share|toolbar|topbar|bottom)([\s_-]|$)", re.I)
_BODY = re.compile(r"TRS_Editor|TRS_UEDITOR|zoom|article|content|detail|main-?text|view|wenzhang|zw|xxgk_content|Custom_UnionStyle", re.I)
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "blockquote", "pre", "dd", "dt", "hr", "center", "ul", "ol", "dl"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source", "param", "embed", "track"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list = field(default_factory=list)  # Node or (text, line)
    parent: "Node | None" = None

    def text_length(self) -> int:
        return sum(len(c[0].strip()) if isinstance(c, tuple) else c.text_length() for c in self.children)


class _TreeBuilder(HTMLParser):
    """A forgiving DOM: unclosed <p>/<td>/<tr> are closed by their parents, as browsers do."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, 1)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._close_until({"tr", "table"}, {"td", "th"})
        elif tag == "tr":
            self._close_until({"table", "tbody", "thead", "tfoot"}, {"tr", "td", "th"})
        elif tag == "p":
            self._close_until(set(), {"p"}, shallow=True)
        node = Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0], parent=self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0], parent=self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        if data:
            self.current.children.append((data, self.getpos()[0]))

    def _close_until(self, stop: set[str], close: set[str], shallow: bool = False) -> None:
        node = self.current
        while node is not self.root and node.tag not in stop:
            if node.tag in close:
                self.current = node.parent
                return
            if shallow:
                return
            node = node.parent


def _charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    return {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "utf8": "utf-8"}.get(name, name)


def _decode(data: bytes) -> tuple[str, str, bool] | ReadError:
    declared = _charset(data)
    if declared and declared != "utf-8" and not data.isascii():
        try:  # bytes that are valid UTF-8 with Chinese in them are UTF-8, whatever the page declares
            return data.decode("utf-8-sig"), "utf-8", True
        except UnicodeDecodeError:
            pass
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared), declared, False
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall back to detection
    result = decode(data)
    if isinstance(result, ReadError):
        return result
    return result.text, result.encoding, result.guessed


def read_html(data: bytes) -> ReadResult | ReadError:
    decoded = _decode(data)
    if isinstance(decoded, ReadError):
        return decoded
    text, encoding, guessed = decoded
    builder = _TreeBuilder()
    try:
        builder.feed(text)
        builder.close()
    except (AssertionError, ValueError, RecursionError) as problem:
        return error("无法解析 HTML 页面（{error}）", "cannot parse the HTML page ({error})", error=type(problem).__name__)
    root = _article(builder.root)
    out = TextBuilder()
    _Walker(out).walk(root)
    if not any(line.strip() for line in out.lines):
        return error("网页中没有正文文字", "the page has no body text")
    return out.result(encoding, "html", guessed)


def _article(root: Node) -> Node:
    """The element that marks itself as the article body and holds most of the page's text."""
    best, best_length = root, 0
    stack = [root]
    total = root.text_length() or 1
    while stack:
        node = stack.pop()
        for child in node.children:
            if isinstance(child, tuple) or child.tag in _SKIP:
                continue
            marker = f"{child.attrs.get('id', '')} {child.attrs.get('class', '')}"
            if _BODY.search(marker) and not _CHROME.search(marker):
                length = child.text_length()
                if length > best_length and length >= 0.3 * total:
                    best, best_length = child, length
            stack.append(child)
    return best


class _Walker:
    def __init__(self, out: TextBuilder) -> None:
        self.out = out
        self.buffer: list[str] = []
        self.buffer_line = 1
        self.tables = 0

    def flush(self) -> None:
        text = "".join(self.buffer).strip()
        if text:
            self.out.add_line(text, Origin(line=self.buffer_line))
        self.buffer = []

    def walk(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, tuple):
                data, line = child
                if not "".join(self.buffer).strip() and data.strip():  # the line the text starts on
                    self.buffer_line = line + data[: len(data) - len(data.lstrip())].count("\n")
                self.buffer.append(re.sub(r"[ \t\r\n\f]+", " ", data))
                continue
            if child.tag in _SKIP or child.tag in ("header", "footer", "aside"):
                continue
            marker = f"{child.attrs.get('id', '')} {child.attrs.get('class', '')}"
            if _CHROME.search(marker):
                continue
            if child.tag == "table":
                self.flush()
                if _is_layout(child):
                    self.walk_layout(child)
                else:
                    self.table(child)
                continue
            if child.tag in _BLOCK:
                self.flush()
            self.walk(child)
            if child.tag in _BLOCK:
                self.flush()
        self.flush()

    def walk_layout(self, table: Node) -> None:
        """A table used for page layout (old sites): its cells are read as ordinary content."""
        for row in (node for node in _descendants(table, "tr") if _owner_table(node) is table):
            for cell in (n for n in row.children if isinstance(n, Node) and n.tag in ("td", "th")):
                self.flush()
                self.walk(cell)
                self.flush()

    def table(self, table: Node) -> None:
        """Rows of a <table> with rowspan/colspan expanded: a spanned cell repeats in each row it covers."""
        self.tables += 1
        number = self.tables
        grid: dict[tuple[int, int], tuple[str, int]] = {}
        rows = [node for node in _descendants(table, "tr") if _owner_table(node) is table]
        for r, row in enumerate(rows):
            c = 0
            for cell in (n for n in row.children if isinstance(n, Node) and n.tag in ("td", "th")):
                while (r, c) in grid:
                    c += 1
                text = _cell_text(cell)
                rowspan = _span(cell.attrs.get("rowspan"))
                colspan = _span(cell.attrs.get("colspan"))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        grid.setdefault((r + dr, c + dc), (text if dc == 0 else "\0", c + 1))
                c += colspan
        self.out.blank()
        for r, row in enumerate(rows):
            columns = sorted(c for rr, c in grid if rr == r)
            cells = [(grid[(r, c)][0], Origin(table=number, row=r + 1, cell=c + 1, line=row.line)) for c in columns if grid[(r, c)][0] != "\0"]
            if cells:
                self.out.add_row(cells, Origin(table=number, row=r + 1, line=row.line))
        self.out.blank()


def _is_layout(table: Node) -> bool:
    """Layout, not data: a cell holding another table or a long stretch of prose."""
    for row in (node for node in _descendants(table, "tr") if _owner_table(node) is table):
        for cell in (n for n in row.children if isinstance(n, Node) and n.tag in ("td", "th")):
            if any(True for _ in _descendants(cell, "table")) or cell.text_length() > 400:
                return True
    return False


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def _descendants(node: Node, tag: str):
    for child in node.children:
        if isinstance(child, Node):
            if child.tag == tag:
                yield child
            yield from _descendants(child, tag)


def _owner_table(node: Node) -> Node | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _cell_text(cell: Node) -> str:
    parts: list[str] = []

    def collect(node: Node) -> None:
        for child in node.children:
            if isinstance(child, tuple):
                parts.append(child[0])
            elif child.tag not in _SKIP:
                collect(child)

    collect(cell)
    return re.sub(r"\s+", " ", "".join(parts)).strip()
