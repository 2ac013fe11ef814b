"""Bytes -> str for plain-text reports: BOMs, UTF-8, then GB18030 (GBK/GB2312), then a detector."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from ..api import Message
from . import ReadError, ReadResult

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The checks below look at up to 64K characters per file; regexes count in C what a Python loop
# over characters would (the loop was 8% of lint time).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f]+")  # below " " except \t \n \v \f \r and \x1a (^Z)
# Blocks that are wholly assigned (since Unicode 14, the oldest Python 3.11 has; assigned code points
# stay assigned) and hold no private-use or U+FFF0..FFFF code point: never `_odd`.
_PLAIN = re.compile(
    r"[\x00-\u017f\u2010-\u2027\u2030-\u205e\u2100-\u214f\u2190-\u23ff\u2460-\u27bf"
    r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]+"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]+")


def _binary(text: str) -> bool:
    """Text with NULs or many control characters is a binary file that happened to decode."""
    sample = text[:65536]
    if "\x00" in sample:
        return True
    controls = _chars(_CONTROL, sample)
    return controls > max(2, len(sample) // 100)


def _odd(c: str) -> bool:
    return ord(c) > 127 and (0xFFF0 <= ord(c) <= 0xFFFF or unicodedata.category(c) in ("Cn", "Co", "Cs"))


def _garbled(text: str) -> bool:
    """Unassigned, private-use or special code points in bulk: the bytes were not in this encoding."""
    sample = text[:65536]
    rest = Counter(_PLAIN.sub("", sample))  # only the rest needs unicodedata: once per distinct character
    odd = sum(count for c, count in rest.items() if _odd(c))
    return odd > max(2, len(sample) // 50)


def _chars(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(len, pattern.findall(text)))


def _cjk_share(text: str) -> float:
    """Share of CJK ideographs among the non-ASCII characters: low for a wrong guess (mojibake)."""
    sample = text[:65536]
    non_ascii = _chars(_NON_ASCII, sample)
    if not non_ascii:
        return 1.0
    return _chars(_CJK, sample) / non_ascii


_UNDECODABLE = Message(
    "无法识别文件编码（不是 UTF-8、GB18030/GBK，也无法可靠推断）：请另存为 UTF-8 编码的文本后再检查",
    "cannot decode the file (not UTF-8 or GB18030/GBK, and no reliable guess): save it as UTF-8 text and check again",
)
_BINARY = Message(
    "文件是二进制内容而不是文本（{encoding}）：请确认文件类型，Word 文档请保存为 .docx",
    "the file holds binary data, not text ({encoding}): check the file type; save Word documents as .docx",
)


def decode(data: bytes) -> ReadResult | ReadError:
    if not data.strip():
        return ReadError(Message("文件为空：没有可检查的内容", "the file is empty: nothing to check"), {})
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return ReadError(_UNDECODABLE, {})
            return _checked(text.lstrip("\ufeff"), encoding.replace("-sig", " (BOM)"), False)
    if b"\x00" in data[:65536]:
        return ReadError(_BINARY, {"encoding": "NUL bytes"})
    try:
        return _checked(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _cjk_share(text) >= 0.6:
            return _checked(text, "gb18030", True)
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> ReadResult | ReadError:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        return ReadError(_UNDECODABLE, {})
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return ReadError(_UNDECODABLE, {})
    if _cjk_share(text) < 0.6:
        return ReadError(_UNDECODABLE, {})
    return _checked(text, best.encoding, True)


def _checked(text: str, encoding: str, guessed: bool) -> ReadResult | ReadError:
    if _binary(text):
        return ReadError(_BINARY, {"encoding": encoding})
    if _garbled(text):
        return ReadError(_UNDECODABLE, {})
    return ReadResult(text, encoding, guessed)
