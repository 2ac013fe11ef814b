"""A hostile folder (issue 12), for tests/fuzz and bench/fuzz_runtime.py: reports beside a symlink
loop, a dangling link, a FIFO, a folder named like a report, names with a newline or bytes that
are not UTF-8, an empty file, a 2 GB sparse file and a binary one. `expected` are the files a run
must give one record each (what it may only mention on stderr is left out)."""

from __future__ import annotations

import os
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
BAD = sorted((ROOT / "samples" / "bad").glob("*.txt"))


def make_hostile_folder(folder: Path, reports: int = 20, seed: int = 0) -> list[bytes]:
    """Fill `folder`; returns the file-system names (bytes, relative) that must each get a record."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    expected: list[bytes] = []

    def write(name: bytes, data: bytes) -> None:
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(data)
        expected.append(name)

    sources = [GOOD, *BAD]
    for index in range(reports):
        write(f"r{index:04d}.txt".encode(), rng.choice(sources).read_bytes())
    write(b"new\nline.txt", GOOD.read_bytes())
    write(b"gbk-\xb1\xa8\xb8\xe6.txt", GOOD.read_bytes())  # 报告 in GBK: not UTF-8
    write(b"latin-\xe9.md", GOOD.read_bytes())
    write(b"empty.txt", b"")
    write(b"binary.pdf", bytes(rng.randrange(256) for _ in range(4096)))
    write(b"half.docx", b"PK\x03\x04" + bytes(100))
    sparse = os.path.join(os.fsencode(folder), b"sparse-2g.txt")
    with open(sparse, "wb") as handle:
        handle.truncate(2 * 1024 ** 3)  # 2 GB, no blocks: over --max-size, never read
    expected.append(b"sparse-2g.txt")
    base = os.fsencode(folder)
    os.symlink(b"loop-b.txt", os.path.join(base, b"loop-a.txt"))
    os.symlink(b"loop-a.txt", os.path.join(base, b"loop-b.txt"))
    os.symlink(b"/nonexistent/target.txt", os.path.join(base, b"dangling.txt"))
    os.symlink(b"r0000.txt", os.path.join(base, b"link-to-report.txt"))
    expected.append(b"link-to-report.txt")
    os.mkfifo(os.path.join(base, b"pipe.txt"))
    (folder / "folder.txt").mkdir()
    (folder / "folder.txt" / "inside.txt").write_bytes(GOOD.read_bytes())
    expected.append(b"folder.txt/inside.txt")
    os.symlink(b"..", os.path.join(base, b"folder.txt", b"up"))  # a directory loop (not followed)
    return sorted(expected)


def shown(name: bytes) -> str:
    """How outputs show a file-system name (reportlint.lint.display_path)."""
    text = os.fsdecode(name)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = name.decode("utf-8", "backslashreplace")
    return text
