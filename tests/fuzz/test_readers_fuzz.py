"""Hostile .docx, .pdf, .html and text files through the real CLI (issue 12), CI-sized.

The generators (tests/fuzz/readers_gen.py) mutate a sample report at the zip, XML, PDF object and
stream, markup and charset levels; hypothesis draws their random choices (derandomised). The
property: every file gets a verdict — exit code 0, 1 or 2, one JSON record, no exception escaping
the command — and the text the readers hand on is valid Unicode. `bench/fuzz_readers.py` runs the
same generators at full size, 10,000 files per format, with a timeout and peak RSS per file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
import readers_gen  # noqa: E402

from reportlint.cli import main  # noqa: E402
from reportlint.readers import ReadResult, read_path  # noqa: E402

SCALE = 0.02  # the huge shapes at 2 %: deep, wide and long enough to cross a bound only when small limits do
FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=30,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])


def _verdict(path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), result.output[-2000:]
    document = json.loads(result.stdout)
    assert len(document["files"]) == 1
    read = read_path(path)
    if isinstance(read, ReadResult):
        read.text.encode("utf-8")  # no lone surrogate reaches a rule or an output


@pytest.mark.parametrize("fmt", sorted(readers_gen.MAKERS))
@FUZZ
@given(rng=st.randoms(use_true_random=False))
def test_every_generated_file_gets_a_verdict(fmt, rng, tmp_path):
    suffix, make = readers_gen.MAKERS[fmt]
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(make(rng, SCALE))
    _verdict(path)


@pytest.mark.parametrize("fmt", sorted(readers_gen.MAKERS))
def test_unmutated_generated_reports_are_read_as_reports(fmt, tmp_path):
    """The generators start from a real report: without mutations it is read and recognised, so the
    mutations above meet the readers' real paths, not an early refusal."""
    import random

    class NoMutation(random.Random):
        def randint(self, a, b):
            return 0 if a == 0 else super().randint(a, b)

        def random(self):
            return 0.99

        def choice(self, seq):
            return seq[0]

    suffix, make = readers_gen.MAKERS[fmt]
    path = tmp_path / f"clean{suffix}"
    path.write_bytes(make(NoMutation(1), SCALE) if fmt != "text" else readers_gen.REPORT.encode())
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", str(path)])
    record = json.loads(result.stdout)["files"][0]
    assert record["status"] in ("pass", "fail"), record
    assert not any(d["code"] in ("RL001", "RL004") for d in record["diagnostics"]), record
