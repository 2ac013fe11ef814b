"""Output targets that cannot be written (issue 12): exit 2 before any file is checked, or exit 2
with a message when the disk fills during the run; never a traceback, never a partial file.

"Before any file is checked" is shown with the hang test hook: the run holds a file that would
never finish, so a run that got as far as checking could not end before the subprocess timeout.
The full-disk cases mount a small tmpfs, so they need root (skipped otherwise, saying so)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
HANG = {"REPORTLINT_TEST_HANG_MARKER": "never-ends"}


def _check(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportlint", "check", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1", **(env or {})}, timeout=timeout)


@pytest.fixture
def stuck(tmp_path) -> Path:
    path = tmp_path / "never-ends.txt"
    shutil.copyfile(GOOD, path)
    return path


@pytest.mark.parametrize("target", ["/nonexistent/dir/out.json", "/dev/full", "/"])
@pytest.mark.parametrize("fmt", ["json", "text", "csv"])
def test_an_unwritable_target_is_exit_2_before_checking(stuck, target, fmt):
    run = _check("--format", fmt, "--timeout", "600", "-o", target, str(stuck), env=HANG, timeout=60)
    assert run.returncode == 2 and ("cannot write" in run.stderr or "is a directory" in run.stderr)
    assert "Traceback" not in run.stderr and run.stdout == ""


def test_an_unwritable_baseline_target_is_exit_2_before_checking(stuck):
    run = _check("--timeout", "600", "--write-baseline", "/nonexistent/dir/b.json", str(stuck), env=HANG, timeout=60)
    assert run.returncode == 2 and "cannot write" in run.stderr


@pytest.fixture
def tiny(tmp_path):
    """A 192 KiB tmpfs (root only)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root and mount(8) to make a small full file system")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=192k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _fill(mount: Path, leave: int) -> None:
    free = shutil.disk_usage(mount).free
    (mount / "filler").write_bytes(bytes(max(0, free - leave)))


def test_a_full_output_disk_is_exit_2_before_checking(tiny, stuck):
    _fill(tiny, 16 * 1024)
    run = _check("--format", "json", "--timeout", "600", "-o", str(tiny / "out.json"), str(stuck), env=HANG)
    assert run.returncode == 2 and "No space left" in run.stderr
    assert sorted(p.name for p in tiny.iterdir()) == ["filler"]


def test_a_full_tmpdir_is_exit_2_before_checking(tiny, stuck):
    _fill(tiny, 16 * 1024)
    run = _check("--format", "json", "--timeout", "600", str(stuck), env={**HANG, "TMPDIR": str(tiny)})
    assert run.returncode == 2 and "No space left" in run.stderr and run.stdout == ""


def test_a_disk_that_fills_during_the_run_is_exit_2_and_keeps_the_previous_output(tiny, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(300):
        shutil.copyfile(GOOD, folder / f"r{index:03d}.txt")
    target = tiny / "review.html"
    target.write_text("previous\n", encoding="utf-8")
    _fill(tiny, 100 * 1024)  # room for the probe, not for 300 files' review page
    run = _check("--format", "html", "--jobs", "2", "-o", str(target), str(folder))
    assert run.returncode == 2 and "No space left" in run.stderr and "Traceback" not in run.stderr
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tiny.iterdir() if p.suffix != ".views") == ["filler", "review.html"]  # the views folder is the HTML format's own
