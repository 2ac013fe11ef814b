"""Shared helpers for the layout tests: look-alike characters, the readers' converters, the corpus."""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES_DIR = ROOT / "samples"
SHARED_DIR = ROOT.parent / "shared"
CORPUS_REAL = SHARED_DIR / "corpus" / "real"
CORPUS_PDF = SHARED_DIR / "corpus" / "pdf"
FULL_TEXTS = ("01_", "02_", "03_", "04_")  # the corpus texts that are whole reports (the MANIFEST's "full")


def readers_conftest():
    """tests/readers/conftest.py (its .txt -> .docx/.html converters), loaded once under a name of its own."""
    if "readers_conftest" not in sys.modules:
        spec = importlib.util.spec_from_file_location("readers_conftest", ROOT / "tests" / "readers" / "conftest.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["readers_conftest"] = module
        spec.loader.exec_module(module)
    return sys.modules["readers_conftest"]


def _radicals() -> dict[str, str]:
    """Unified ideograph -> the Kangxi radical a CJK font draws the same (一 -> ⼀ U+2F00)."""
    found = {}
    for code in range(0x2F00, 0x2FD6):
        found.setdefault(unicodedata.normalize("NFKC", chr(code)), chr(code))
    return found


RADICALS = _radicals()


def with_radicals(text: str, every: int = 1) -> str:
    """`text` with (every `every`-th of) the characters that have a Kangxi radical set as that radical,
    as PDF text layers carry them."""
    out, seen = [], 0
    for char in text:
        radical = RADICALS.get(char)
        if radical is not None:
            seen += 1
            if seen % every == 0:
                out.append(radical)
                continue
        out.append(char)
    return "".join(out)


def full_corpus_texts() -> list[Path]:
    return sorted(p for p in CORPUS_REAL.glob("*.txt") if p.name.startswith(FULL_TEXTS))
