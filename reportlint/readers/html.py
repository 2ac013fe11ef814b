"""Saved government web pages (.html) -> text: the article body, tables with rowspan/colspan.

Built on the standard library's HTMLParser, which never fetches anything and resolves only the
HTML character references (no external entities). Scripts, styles, navigation, headers and
footers are dropped; when the page marks its article body (TRS_Editor, zoom, content, article…)
only that is read. The charset comes from a BOM, <meta charset> / http-equiv (a text encoding a
page may declare; `undefined`, `punycode`, `utf-7` are not), else detection.

Hostile pages are bounded: the tree is built with the open elements kept per tag, so unclosed or
stray tags cost O(1) each; it is walked with explicit stacks, never recursion, so nesting depth is
free; the number of elements and the area of all table grids (rowspan × colspan, clamped to the
rows that exist) are capped by `Limits`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from . import Limits, Origin, ReadError, ReadResult, TextBuilder, error, over_limit
from .text import decode

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "select", "option", "button", "iframe", "svg", "form", "textarea"}
_CHROME = re.compile(r"(^|[\s_-])(nav|navbar|menu|header|footer|breadcrumb|crumb|sidebar|share|toolbar|topbar|bottom)([\s_-]|$)", re.I)
_BODY = re.compile(r"TRS_Editor|TRS_UEDITOR|zoom|article|content|detail|main-?text|view|wenzhang|zw|xxgk_content|Custom_UnionStyle", re.I)
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "blockquote", "pre", "dd", "dt", "hr", "center", "ul", "ol", "dl"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source", "param", "embed", "track"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list = field(default_factory=list)  # Node or (text, line)
    length: int = 0  # characters of stripped text in the subtree (set by _measure)
    has_table: bool = False  # a <table> somewhere below


class _TooManyElements(Exception):
    pass


class _TreeBuilder(HTMLParser):
    """A forgiving DOM: unclosed <p>/<td>/<tr> are closed by their parents, as browsers do.

    `open` is the chain of open elements and `depths[tag]` the positions in it of the open elements
    with that tag, so finding the element an end tag or a new cell closes is O(1), and closing pops."""

    def __init__(self, max_elements: int) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, 1)
        self.open: list[Node] = [self.root]
        self.depths: dict[str, list[int]] = {}
        self.elements = 0
        self.max_elements = max_elements

    @property
    def current(self) -> Node:
        return self.open[-1]

    def _nearest(self, tags) -> int:
        return max((self.depths[t][-1] for t in tags if self.depths.get(t)), default=0)

    def _close_to(self, depth: int) -> None:
        """Close every open element from position `depth` on."""
        while len(self.open) > depth:
            node = self.open.pop()
            self.depths[node.tag].pop()

    def _new(self, tag, attrs) -> Node:
        self.elements += 1
        if self.elements > self.max_elements:
            raise _TooManyElements
        node = Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.current.children.append(node)
        return node

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            cell = self._nearest(("td", "th"))
            if cell and cell > self._nearest(("tr", "table")):
                self._close_to(cell)
        elif tag == "tr":
            row = self._nearest(("tr", "td", "th"))
            if row and row > self._nearest(("table", "tbody", "thead", "tfoot")):
                self._close_to(row)
        elif tag == "p" and self.current.tag == "p":
            self._close_to(len(self.open) - 1)
        node = self._new(tag, attrs)
        if tag not in _VOID:
            self.depths.setdefault(tag, []).append(len(self.open))
            self.open.append(node)

    def handle_startendtag(self, tag, attrs):
        self._new(tag, attrs)

    def handle_endtag(self, tag):
        if self.depths.get(tag):
            self._close_to(self.depths[tag][-1])

    def handle_data(self, data):
        if data:
            self.current.children.append((data, self.getpos()[0]))


_TEXT_ENCODINGS = ("utf-8", "utf-16", "utf-32", "gb", "big5", "iso8859", "cp", "koi8", "mac-", "shift_jis", "euc", "iso2022", "ascii", "hz", "latin", "tis", "johab", "kz")


def _charset(data: bytes) -> str | None:
    """The text encoding a <meta> declares; codecs that are not text encodings of web pages
    (`undefined`, `punycode`, `utf-7`, `unicode_escape`, `idna`, `base64`…) count as no declaration."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    name = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "utf8": "utf-8"}.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not info._is_text_encoding or not info.name.startswith(_TEXT_ENCODINGS) or info.name == "utf-7":
        return None
    return name


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
        except (LookupError, UnicodeError):
            pass  # a wrong declaration: fall back to detection
    result = decode(data)
    if isinstance(result, ReadError):
        return result
    return result.text, result.encoding, result.guessed


def read_html(data: bytes, limits: Limits = Limits()) -> ReadResult | ReadError:
    decoded = _decode(data)
    if isinstance(decoded, ReadError):
        return decoded
    text, encoding, guessed = decoded
    builder = _TreeBuilder(limits.max_html_elements)
    try:
        builder.feed(text)
        builder.close()
    except _TooManyElements:
        return over_limit("网页的元素超过上限", "the page has too many elements", "max_html_elements", limits.max_html_elements)
    except (AssertionError, ValueError, RecursionError) as problem:
        return error("无法解析 HTML 页面（{error}）", "cannot parse the HTML page ({error})", error=type(problem).__name__)
    _measure(builder.root)
    root = _article(builder.root)
    out = TextBuilder()
    try:
        _Walker(out, limits).walk(root)
    except _GridTooLarge:
        return over_limit("网页表格的单元格（含合并单元格展开）超过上限", "the page's tables expand to too many cells", "max_table_cells", limits.max_table_cells)
    if not any(line.strip() for line in out.lines):
        return error("网页中没有正文文字", "the page has no body text")
    return out.result(encoding, "html", guessed)


def _preorder(root: Node) -> list[Node]:
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(child for child in reversed(node.children) if isinstance(child, Node))
    return order


def _measure(root: Node) -> None:
    """Text length and `has_table` of every subtree, children before parents, in one pass."""
    for node in reversed(_preorder(root)):
        length, has_table = 0, False
        for child in node.children:
            if isinstance(child, tuple):
                length += len(child[0].strip())
            else:
                length += child.length
                has_table = has_table or child.has_table or child.tag == "table"
        node.length, node.has_table = length, has_table


def _article(root: Node) -> Node:
    """The element that marks itself as the article body and holds most of the page's text."""
    best, best_length = root, 0
    stack = [root]
    total = root.length or 1
    while stack:
        node = stack.pop()
        for child in node.children:
            if isinstance(child, tuple) or child.tag in _SKIP:
                continue
            marker = f"{child.attrs.get('id', '')} {child.attrs.get('class', '')}"
            if _BODY.search(marker) and not _CHROME.search(marker):
                length = child.length
                if length > best_length and length >= 0.3 * total:
                    best, best_length = child, length
            stack.append(child)
    return best


class _GridTooLarge(Exception):
    pass


_FLUSH = object()


class _Walker:
    def __init__(self, out: TextBuilder, limits: Limits = Limits()) -> None:
        self.out = out
        self.buffer: list[str] = []
        self.buffer_line = 1
        self.tables = 0
        self.cells_left = limits.max_table_cells

    def flush(self) -> None:
        text = "".join(self.buffer).strip()
        if text:
            self.out.add_line(text, Origin(line=self.buffer_line))
        self.buffer = []

    def walk(self, node: Node) -> None:
        """Text in document order; a block element flushes the line before and after it."""
        stack: list = [node]
        while stack:
            item = stack.pop()
            if item is _FLUSH:
                self.flush()
            elif isinstance(item, tuple):
                data, line = item
                if not "".join(self.buffer).strip() and data.strip():  # the line the text starts on
                    self.buffer_line = line + data[: len(data) - len(data.lstrip())].count("\n")
                self.buffer.append(re.sub(r"[ \t\r\n\f]+", " ", data))
            elif item.tag == "table" and item is not node:
                self.flush()
                if _is_layout(item):
                    stack.extend(self._layout_cells(item))
                else:
                    self.table(item)
            else:
                stack.append(_FLUSH)
                for child in reversed(item.children):
                    if isinstance(child, tuple):
                        stack.append(child)
                        continue
                    if child.tag in _SKIP or child.tag in ("header", "footer", "aside"):
                        continue
                    if _CHROME.search(f"{child.attrs.get('id', '')} {child.attrs.get('class', '')}"):
                        continue
                    if child.tag in _BLOCK:
                        stack.extend((_FLUSH, child, _FLUSH))
                    else:
                        stack.append(child)

    def _layout_cells(self, table: Node) -> list:
        """A table used for page layout (old sites): its cells are read as ordinary content
        (returned as stack items, last cell first)."""
        items: list = []
        for row in _rows(table):
            for cell in (n for n in row.children if isinstance(n, Node) and n.tag in ("td", "th")):
                items.extend((_FLUSH, cell, _FLUSH))
        items.reverse()
        return items

    def table(self, table: Node) -> None:
        """Rows of a <table> with rowspan/colspan expanded: a spanned cell repeats in each row it covers."""
        self.tables += 1
        number = self.tables
        rows = _rows(table)
        grid: list[dict[int, tuple[str, int]]] = [{} for _ in rows]
        for r, row in enumerate(rows):
            c = 0
            for cell in (n for n in row.children if isinstance(n, Node) and n.tag in ("td", "th")):
                while c in grid[r]:
                    c += 1
                text = _cell_text(cell)
                rowspan = min(_span(cell.attrs.get("rowspan")), len(rows) - r)
                colspan = _span(cell.attrs.get("colspan"))
                self.cells_left -= rowspan * colspan
                if self.cells_left < 0:
                    raise _GridTooLarge
                for dr in range(rowspan):
                    for dc in range(colspan):
                        grid[r + dr].setdefault(c + dc, (text if dc == 0 else "\0", c + 1))
                c += colspan
        self.out.blank()
        for r, row in enumerate(rows):
            cells = [(grid[r][c][0], Origin(table=number, row=r + 1, cell=c + 1, line=row.line)) for c in sorted(grid[r]) if grid[r][c][0] != "\0"]
            if cells:
                self.out.add_row(cells, Origin(table=number, row=r + 1, line=row.line))
        self.out.blank()


def _rows(table: Node) -> list[Node]:
    """The <tr> of this table, not of tables nested in it, in document order."""
    rows, stack = [], [child for child in reversed(table.children) if isinstance(child, Node)]
    while stack:
        node = stack.pop()
        if node.tag == "tr":
            rows.append(node)
        if node.tag != "table":
            stack.extend(child for child in reversed(node.children) if isinstance(child, Node))
    return rows


def _is_layout(table: Node) -> bool:
    """Layout, not data: a cell holding another table or a long stretch of prose."""
    for row in _rows(table):
        for cell in (n for n in row.children if isinstance(n, Node) and n.tag in ("td", "th")):
            if cell.has_table or cell.length > 400:
                return True
    return False


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def _cell_text(cell: Node) -> str:
    parts: list[str] = []
    stack: list = list(reversed(cell.children))
    while stack:
        child = stack.pop()
        if isinstance(child, tuple):
            parts.append(child[0])
        elif child.tag not in _SKIP:
            stack.extend(reversed(child.children))
    return re.sub(r"\s+", " ", "".join(parts)).strip()
