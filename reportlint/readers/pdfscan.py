"""A cheap pass over a PDF's raw bytes before pdfminer parses it, for what pdfminer does not bound.

pdfminer inflates a Flate stream in one `zlib.decompress` call (a 1 MB bomb becomes 2 GB) and
expands every code range of an embedded CMap entry by entry (`<00000000> <FFFFFFFF>` is four
billion entries). Here each `stream … endstream` is inflated in chunks under `max_pdf_stream_bytes`
(images excepted: pdfminer never decodes them) and all of them under `max_pdf_inflated_bytes`, and
the ranges of every inflated CMap are summed against `max_pdf_cmap_entries`.

What this pass cannot see: streams of an encrypted PDF (they inflate only after decryption),
streams whose first filter is not Flate (LZW, ASCII85 then Flate), and the CMaps inside them. Those are bounded only by the per-worker timeout and memory cap.
"""

from __future__ import annotations

import re
import zlib

from . import Limits, ReadError, over_limit

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_RANGES = re.compile(rb"begin(?:bf|cid)range(.*?)end(?:bf|cid)range", re.S)
_TOKEN = re.compile(rb"\[[^\]]*\]|<[0-9A-Fa-f\s]*>|-?\d+")
_CHUNK = 1 << 20
_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj")
_CMAP_REF = re.compile(rb"/(?:ToUnicode|Encoding)\s*(\d+)\s+\d+\s+R")


def scan(data: bytes, limits: Limits) -> ReadError | None:
    sizes: dict[int, int] = {}  # object number -> inflated size of its stream
    cmaps: set[int] = set(map(int, _CMAP_REF.findall(data)))  # streams pdfminer parses as CMaps
    problem = _streams(data, limits, sizes, cmaps)
    if problem:
        return problem
    for number in cmaps:
        if sizes.get(number, 0) > limits.max_pdf_cmap_bytes:
            return over_limit("PDF 字体的编码映射（CMap）有 {size} 字节", "a font's CMap of the PDF has {size} bytes", "max_pdf_cmap_bytes", limits.max_pdf_cmap_bytes, size=sizes[number])
    return None


def _streams(data: bytes, limits: Limits, sizes: dict[int, int], cmaps: set[int]) -> ReadError | None:
    total = 0
    position = 0
    while match := _STREAM.search(data, position):
        start = match.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        position = end + 9
        header = data[max(0, match.start() - 1024) : match.start()]
        numbers = _OBJ.findall(header)
        header = header[header.rfind(b"obj") + 1 :]
        if b"/Image" in header:
            continue
        inflated = _inflate(data, start, end, limits.max_pdf_stream_bytes)
        if inflated is None:
            return over_limit("PDF 中有一个数据流解压后过大", "a stream of the PDF inflates too far", "max_pdf_stream_bytes", limits.max_pdf_stream_bytes)
        total += len(inflated)
        if total > limits.max_pdf_inflated_bytes:
            return over_limit("PDF 的数据流解压后共超过上限", "the PDF's streams inflate past the limit", "max_pdf_inflated_bytes", limits.max_pdf_inflated_bytes)
        text = inflated or data[start:end]  # an uncompressed stream is its own text
        if numbers:
            sizes[int(numbers[-1])] = len(text)
        if inflated and b" R" in inflated:  # an object stream holding font dictionaries
            cmaps.update(map(int, _CMAP_REF.findall(inflated)))
        if b"range" in text:
            entries = cmap_entries(text)
            if entries > limits.max_pdf_cmap_entries:
                return over_limit("PDF 字体的编码映射（CMap）有 {entries} 项", "a font's CMap of the PDF has {entries} entries", "max_pdf_cmap_entries", limits.max_pdf_cmap_entries, entries=entries)
    return None


def _inflate(data: bytes, start: int, end: int, budget: int) -> bytes | None:
    """The inflated stream (b"" when it is not zlib data), or None when it passes `budget`."""
    inflater = zlib.decompressobj()
    pieces: list[bytes] = []
    size = 0
    try:
        for offset in range(start, end, _CHUNK):
            piece = inflater.decompress(data[offset : min(offset + _CHUNK, end)], budget + 1 - size)
            while True:
                size += len(piece)
                if size > budget:
                    return None
                pieces.append(piece)
                if not inflater.unconsumed_tail:
                    break
                piece = inflater.decompress(inflater.unconsumed_tail, budget + 1 - size)
            if inflater.eof:
                break
    except zlib.error:
        return b"".join(pieces)  # not Flate, or damaged: pdfminer judges it (and _DamageLog hears)
    return b"".join(pieces)


def cmap_entries(cmap: bytes) -> int:
    """How many entries pdfminer would create for the bfrange/cidrange sections of a CMap."""
    entries = 0
    for section in _RANGES.finditer(cmap):
        tokens = _TOKEN.findall(section.group(1))
        for first, last in zip(tokens[0::3], tokens[1::3]):
            if first.startswith(b"<") and last.startswith(b"<"):
                low, high = _hex(first), _hex(last)
                if high >= low:
                    entries += high - low + 1
    return entries


def _hex(token: bytes) -> int:
    digits = re.sub(rb"\s", b"", token[1:-1])[:16]
    return int(digits, 16) if digits else 0
