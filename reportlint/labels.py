"""Label normalisation: the forms real reports print a template label in, reduced to one key."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_DROP = re.compile(r"[\s\"'“”‘’「」『』:：,，;；。]")
_ITEM_NUMBER = re.compile(r"^(\d{1,2})[、.．]")


def normalise(label: str) -> str:
    """NFKC, no whitespace or quotes, `1、`/`1．` -> `1.`, 〔〕 -> []."""
    text = unicodedata.normalize("NFKC", label)
    text = text.replace("〔", "[").replace("〕", "]")
    text = _DROP.sub("", text)
    return _ITEM_NUMBER.sub(r"\1.", text)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
