"""Files the server tests upload: defective reports in each format, and hostile archives."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
PLACEHOLDER = SAMPLES / "bad" / "RL401_placeholder.txt"
GOOD = SAMPLES / "good" / "qingshan_county_transport_2023.txt"


def _readers_conftest():
    if "readers_conftest" not in sys.modules:
        spec = importlib.util.spec_from_file_location("readers_conftest", ROOT / "tests" / "readers" / "conftest.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["readers_conftest"] = module
        spec.loader.exec_module(module)
    return sys.modules["readers_conftest"]


def defective_docx(folder: Path, name: str = "draft.docx", text: str | None = None) -> Path:
    """A Word report with the placeholder defects of samples/bad/RL401_placeholder.txt (XX科, xxxx年)."""
    path = folder / name
    _readers_conftest().write_docx(text or PLACEHOLDER.read_text(encoding="utf-8"), path)
    return path


def zip_of(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def batch_zip(count: int = 20) -> bytes:
    """`count` reports: every bad sample's text (cycled) and the good one, with distinct names."""
    texts = sorted((SAMPLES / "bad").glob("RL*.txt")) + [GOOD]
    members = {}
    for i in range(count):
        source = texts[i % len(texts)]
        members[f"报告/{i:02d}-{source.name}"] = source.read_bytes()
    return zip_of(members)


def zeros_zip(size: int) -> bytes:
    """One member of `size` zero bytes, really compressed (about 1000x)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("bomb.txt")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return buffer.getvalue()


def declared_bomb(declared: int = 0xF000_0000) -> bytes:
    """A small member whose central directory claims `declared` bytes (4 GB): refused before inflating."""
    data = bytearray(zip_of({"report.txt": b"x" * 1000}))
    central = data.find(b"PK\x01\x02")
    data[central + 24:central + 28] = declared.to_bytes(4, "little")
    return bytes(data)


def lying_zip(real: bytes = b"x" * 3_000_000, declared: int = 1000) -> bytes:
    """A member whose header claims `declared` bytes but inflates to more (fools a size check)."""
    data = bytearray(zip_of({"report.txt": real}))
    # patch the uncompressed size in the local header (offset 22) and the central directory entry
    local = data.find(b"PK\x03\x04")
    data[local + 22:local + 26] = declared.to_bytes(4, "little")
    central = data.find(b"PK\x01\x02")
    data[central + 24:central + 28] = declared.to_bytes(4, "little")
    return bytes(data)


def leftovers(folder: Path) -> list[str]:
    """What is left in a temporary folder, the parser's cache (lark writes it to the temporary
    directory, which the server points into --data) aside."""
    return sorted(str(p) for p in folder.rglob("*") if not p.name.startswith(".lark_cache"))
