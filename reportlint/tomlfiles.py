"""Reading the TOML files people write (configuration, rule packs), with messages they can act on."""

from __future__ import annotations

import os
import stat
import tomllib
from difflib import get_close_matches
from pathlib import Path
from typing import Any, Iterable


class TomlError(Exception):
    """The file cannot be read or is not TOML; the message says which."""


MAX_TOML_BYTES = 1024 * 1024  # a configuration or rule pack is a few KB; /dev/zero is not one


def read_toml(path: Path, max_bytes: int = MAX_TOML_BYTES) -> dict[str, Any]:
    """The TOML table in `path`. Refused, with a message: a FIFO or device (never opened, so
    /dev/zero cannot fill memory), a file over `max_bytes`, bytes that are not UTF-8, and nesting
    too deep for the parser."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise TomlError("not a regular file (a device, FIFO or socket): not read")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as problem:
        raise TomlError(f"cannot read: {problem.strerror or problem}") from problem
    if len(data) > max_bytes:
        raise TomlError(f"larger than {max_bytes} bytes (MAX_TOML_BYTES): not a configuration file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as problem:
        raise TomlError(f"not UTF-8 text (byte 0x{data[problem.start]:02x} at offset {problem.start}); TOML files are UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        raise TomlError(f"not valid TOML: {problem}") from problem
    except RecursionError:
        raise TomlError("not valid TOML here: arrays or inline tables nested too deeply") from None


def suggest(word: str, choices: Iterable[str]) -> str:
    """" (did you mean 'x'?)" for the closest choice, or ""."""
    close = get_close_matches(str(word), list(choices), n=1, cutoff=0.5)
    return f" (did you mean '{close[0]}'?)" if close else ""
