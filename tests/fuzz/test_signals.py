"""SIGINT and SIGTERM during a 2,000-file bulk run, for every -o format (issue 12): every worker
stops, the exit code is 130 / 143 (or the run's own, when it finished first), and the output file
is absent, the previous one, or complete. bench/fuzz_runtime.py runs the same at many more moments."""

from __future__ import annotations

import shutil
import signal
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from outputs import FORMATS, ROOT, interrupted_run, parse_output, record_count  # noqa: E402

GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
FILES = 2000
PREVIOUS = "previous output\n"


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    for index in range(FILES):
        shutil.copyfile(GOOD, folder / f"r{index:04d}.txt")
    return folder


# moments spread over start-up, listing and checking; the writing phase is bench/fuzz_runtime.py's
CASES = [(fmt, signum, delay) for (fmt, delay) in zip(FORMATS, (0.6, 1.2, 1.8, 2.4, 3.0, 3.6, 4.2, 4.8))
         for signum in (signal.SIGINT, signal.SIGTERM)]


@pytest.mark.parametrize("fmt,signum,delay", CASES, ids=[f"{f}-{s.name}-{d}" for f, s, d in CASES])
def test_a_signal_stops_every_worker_and_keeps_the_output_whole(inbox, tmp_path, fmt, signum, delay):
    target = tmp_path / f"out.{fmt}"
    target.write_text(PREVIOUS, encoding="utf-8")
    code, alive = interrupted_run(["--jobs", "2", "--format", fmt, "-o", str(target), str(inbox)], delay, signum)
    assert alive == []
    # -signum: the signal came while the interpreter itself was starting, before reportlint set any
    # handler; it ended by the signal (a shell shows 128 + signum) and nothing had been written
    assert code in (128 + signum, -signum, 0), code
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [target.name]  # no temporary file left behind
    text = target.read_text(encoding="utf-8")
    if code == 0 or text != PREVIOUS:
        document = parse_output(fmt, text)
        assert record_count(fmt, document) in (None, FILES)
