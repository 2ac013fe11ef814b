"""Reading the TOML files people write (configuration, rule packs), with messages they can act on."""

from __future__ import annotations

import tomllib
from difflib import get_close_matches
from pathlib import Path
from typing import Any, Iterable


class TomlError(Exception):
    """The file cannot be read or is not TOML; the message says which."""


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as problem:
        raise TomlError(f"not valid TOML: {problem}") from problem
    except OSError as problem:
        raise TomlError(f"cannot read: {problem.strerror or problem}") from problem


def suggest(word: str, choices: Iterable[str]) -> str:
    """" (did you mean 'x'?)" for the closest choice, or ""."""
    close = get_close_matches(str(word), list(choices), n=1, cutoff=0.5)
    return f" (did you mean '{close[0]}'?)" if close else ""
