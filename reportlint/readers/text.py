"""Bytes -> str for plain-text reports: BOMs, UTF-8, then GB18030 (GBK/GB2312), then a detector."""

from __future__ import annotations

import codecs
import unicodedata

from ..api import Message
from . import ReadError, ReadResult

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")


def _binary(text: str) -> bool:
    """Text with NULs or many control characters is a binary file that happened to decode."""
    sample = text[:65536]
    if "\x00" in sample:
        return True
    controls = sum(1 for c in sample if c < " " and c not in _ALLOWED_CONTROLS)
    return controls > max(2, len(sample) // 100)


def _garbled(text: str) -> bool:
    """Unassigned, private-use or special code points in bulk: the bytes were not in this encoding."""
    sample = text[:65536]
    odd = sum(1 for c in sample if ord(c) > 127 and (0xFFF0 <= ord(c) <= 0xFFFF or unicodedata.category(c) in ("Cn", "Co", "Cs")))
    return odd > max(2, len(sample) // 50)


def _cjk_share(text: str) -> float:
    """Share of CJK ideographs among the non-ASCII characters: low for a wrong guess (mojibake)."""
    sample = text[:65536]
    non_ascii = [c for c in sample if ord(c) > 127]
    if not non_ascii:
        return 1.0
    cjk = sum(1 for c in non_ascii if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return cjk / len(non_ascii)


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
