"""Label normalisation: the forms real reports print a template label in, reduced to one key."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from difflib import SequenceMatcher

_DROP = re.compile(r"[\s\"'“”‘’「」『』:：,，;；。]")
_ITEM_NUMBER = re.compile(r"^(\d{1,2})[、.．]")


@lru_cache(maxsize=65536)
def normalise(label: str) -> str:
    """NFKC, no whitespace or quotes, `1、`/`1．` -> `1.`, 〔〕 -> []."""
    text = unicodedata.normalize("NFKC", label)
    text = text.replace("〔", "[").replace("〕", "]")
    text = _DROP.sub("", text)
    return _ITEM_NUMBER.sub(r"\1.", text)


# Enough traditional forms to recognise a report typed in traditional characters, and the pinyin
# annotations some converters leave after characters (運(yùn)).
_TO_SIMPLIFIED = tuple(zip("開報務資況據條處複議訟關術統計範規錄會區縣辦", "开报务资况据条处复议讼关术统计范规录会区县办"))
RUBY = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")  # a pinyin annotation: (yùn)


def replace_chars(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """`text` with each `old` of `pairs` replaced by its `new`, as str.translate would (no `new` may
    be another pair's `old`): one str.replace per character present, far faster on Chinese text,
    where translate looks every character up in Python (4 µs against 233 µs for the good sample)."""
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def simplify_for_matching(text: str) -> str:
    """Text to match keywords against: pinyin annotations dropped, common traditional forms simplified."""
    return replace_chars(RUBY.sub("", text), _TO_SIMPLIFIED)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
