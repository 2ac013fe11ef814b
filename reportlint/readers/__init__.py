"""Readers turn a file's bytes into the text the grammar parses.

Every reader returns either `ReadResult` (text plus how it was decoded) or `ReadError` (an
RL001 message saying what is wrong and what to do). Readers never raise on bad input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..api import Message

DEFAULT_MAX_BYTES = 128 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES


@dataclass(frozen=True)
class ReadResult:
    text: str
    encoding: str
    guessed: bool  # True when the encoding was inferred, not declared by a BOM or valid UTF-8


@dataclass(frozen=True)
class ReadError:
    message: Message
    args: dict


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult | ReadError:
    from .text import decode

    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return ReadError(
            Message(
                "不支持的文件格式「{suffix}」：请另存为 .txt（UTF-8）或 .md 后再检查",
                "unsupported file format '{suffix}': save it as .txt (UTF-8) or .md and check again",
            ),
            {"suffix": suffix or "(无扩展名)"},
        )
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return ReadError(
                Message(
                    "文件过大（{size} 字节，上限 {limit} 字节）：请确认是否为年报，或用 --max-size 调高上限",
                    "file too large ({size} bytes, limit {limit}): check it is a report, or raise the limit with --max-size",
                ),
                {"size": size, "limit": max_bytes},
            )
        data = path.read_bytes()
    except OSError as error:
        return ReadError(
            Message("无法读取文件：{error}", "cannot read the file: {error}"),
            {"error": error.strerror or str(error)},
        )
    return decode(data)
