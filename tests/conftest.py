"""Shared fixtures for the reportlint test suite.

Paths are computed from this file, so the suite runs from any working directory:

- ``samples_dir``   -> <checkout>/samples
- ``good_text``     -> the clean sample report (samples/good/qingshan_county_transport_2023.txt)
- ``shared_dir``    -> /work/shared (``Path(__file__).parents[2] / "shared"``): real-report corpus
                       and seeds; tests that use it are skipped when the folder is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import pytest

TESTS_DIR = Path(__file__).resolve().parent
ROOT = TESTS_DIR.parent
if str(ROOT) not in sys.path:  # run from anywhere: test the checkout, not some installed copy
    sys.path.insert(0, str(ROOT))

SAMPLES_DIR = ROOT / "samples"
GOOD_SAMPLE = SAMPLES_DIR / "good" / "qingshan_county_transport_2023.txt"
SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"


def _codes(result) -> list[str]:
    """The diagnostic codes of a FileResult, in the order the engine sorted them."""
    return [d.code for d in result.diagnostics]


def _replace_once(text: str, old: str, new: str) -> str:
    """Replace `old` by `new`, insisting that `old` occurs exactly once (no silent no-op edits)."""
    count = text.count(old)
    assert count == 1, f"expected exactly one occurrence of {old!r}, found {count}"
    return text.replace(old, new)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES_DIR


@pytest.fixture(scope="session")
def good_path() -> Path:
    return GOOD_SAMPLE


@pytest.fixture(scope="session")
def good_text() -> str:
    return GOOD_SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def good_lines(good_text) -> list[str]:
    """The good sample's lines; ``good_lines[n - 1]`` is line n."""
    return good_text.split("\n")


@pytest.fixture(scope="session")
def bad_sample() -> Callable[[str], Path]:
    """``bad_sample("RL301")`` -> the path of samples/bad/RL301_*.txt (exactly one must exist)."""

    def find(code: str) -> Path:
        matches = sorted((SAMPLES_DIR / "bad").glob(f"{code}_*.txt"))
        assert len(matches) == 1, f"expected one bad sample for {code}, found {matches}"
        return matches[0]

    return find


@pytest.fixture(scope="session")
def codes() -> Callable:
    return _codes


@pytest.fixture(scope="session")
def replace_once() -> Callable[[str, str, str], str]:
    return _replace_once


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared corpus folder {SHARED_DIR} is absent")
    return SHARED_DIR


@pytest.fixture(scope="session")
def corpus_dir(shared_dir) -> Path:
    path = shared_dir / "corpus" / "real"
    if not path.is_dir():
        pytest.skip(f"real-report corpus {path} is absent")
    return path


@pytest.fixture(scope="session")
def seeds_dir(shared_dir) -> Path:
    path = shared_dir / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed folder {path} is absent")
    return path
