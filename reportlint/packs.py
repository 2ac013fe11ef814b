"""Rule packs without Python: TOML files that add a province's or department's requirements.

This module is the loader contract (`load_pack(path) -> tuple[Rule, ...]`, `PackError`); see the
README for the pack format.
"""

from __future__ import annotations

from pathlib import Path

from .api import Rule


class PackError(Exception):
    """The pack cannot be used: its message names the key or entry that is wrong."""


def load_pack(path: Path) -> tuple[Rule, ...]:
    if not path.is_file():
        raise PackError("file not found")
    raise PackError("rule packs are not supported yet")
