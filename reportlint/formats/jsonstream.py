"""JSON written piece by piece: a run's files are encoded one at a time, never all at once.

`chunks(value)` yields exactly what `json.dumps(value, ensure_ascii=False, indent=...)` returns,
except that a `Lazy` array's items are produced (and encoded) while writing.
"""

from __future__ import annotations

import json
from typing import Iterable, Iterator


class Lazy:
    """A JSON array whose items come from an iterable, read once, while the document is written."""

    def __init__(self, items: Iterable[object]) -> None:
        self.items = items


def chunks(value: object, indent: int | None = 2, level: int = 0) -> Iterator[str]:
    """The JSON text of `value` in pieces; indent None gives the compact form (separators ',' ':')."""
    if isinstance(value, Lazy):
        yield from _array(value.items, indent, level)
    elif isinstance(value, (dict, list, tuple)) and _holds_lazy(value):
        if isinstance(value, dict):
            yield from _object(value, indent, level)
        else:
            yield from _array(value, indent, level)
    else:
        yield _plain(value, indent, level)


def _plain(value: object, indent: int | None, level: int) -> str:
    if indent is None:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text.replace("\n", "\n" + " " * (indent * level)) if level else text


def _array(items: Iterable[object], indent: int | None, level: int) -> Iterator[str]:
    empty = True
    for item in items:
        yield ("[" if empty else ",") + _newline(indent, level + 1)
        yield from chunks(item, indent, level + 1)
        empty = False
    yield "[]" if empty else _newline(indent, level) + "]"


def _object(value: dict, indent: int | None, level: int) -> Iterator[str]:
    if not value:
        yield "{}"
        return
    colon = ":" if indent is None else ": "
    for position, (key, item) in enumerate(value.items()):
        yield ("{" if position == 0 else ",") + _newline(indent, level + 1) + json.dumps(str(key), ensure_ascii=False) + colon
        yield from chunks(item, indent, level + 1)
    yield _newline(indent, level) + "}"


def _newline(indent: int | None, level: int) -> str:
    return "" if indent is None else "\n" + " " * (indent * level)


def _holds_lazy(value: object) -> bool:
    if isinstance(value, Lazy):
        return True
    if isinstance(value, dict):
        return any(_holds_lazy(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(_holds_lazy(item) for item in value)
    return False
