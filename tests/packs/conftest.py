"""Fixtures for the rule-pack tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import EXAMPLE_PACK, FAILS


@pytest.fixture
def project(tmp_path) -> Path:
    """A folder with the example pack, a reportlint.toml naming it, and the failing sample as report.txt."""
    (tmp_path / "hubei-2021.toml").write_bytes(EXAMPLE_PACK.read_bytes())
    (tmp_path / "reportlint.toml").write_text('packs = ["hubei-2021.toml"]\n', encoding="utf-8")
    (tmp_path / "report.txt").write_bytes(FAILS.read_bytes())
    return tmp_path
