"""A hostile folder in every output format (issue 12): no traceback, valid JSON/SARIF/GitLab, one
record per file (none dropped in github/csv/junit/html), skipped FIFOs and links said on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from folders import make_hostile_folder, shown  # noqa: E402
from outputs import parse_output, record_count  # noqa: E402

from reportlint.formats.github import escape_property  # noqa: E402
from reportlint.lint import LintOptions, lint_file  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "inbox"
    return folder, make_hostile_folder(folder)


def _run(folder: Path, fmt: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", fmt, "--jobs", "2", "--timeout", "60", *args, str(folder)],
                          cwd=ROOT, capture_output=True, timeout=300, env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def as_json(hostile):
    folder, expected = hostile
    run = _run(folder, "json")
    return run, json.loads(run.stdout.decode("utf-8"))


def test_json_has_one_record_per_file_and_says_what_it_skipped(hostile, as_json):
    folder, expected = hostile
    run, document = as_json
    assert run.returncode == 1 and b"Traceback" not in run.stderr
    paths = sorted(Path(f["path"]).relative_to(folder).as_posix() for f in document["files"])
    assert paths == sorted(shown(name) for name in expected)
    stderr = run.stderr.decode("utf-8", "replace")
    for name in ("pipe.txt", "dangling.txt", "loop-a.txt", "loop-b.txt"):
        assert name in stderr
    by_name = {Path(f["path"]).name: f for f in document["files"]}
    assert by_name["sparse-2g.txt"]["status"] == "error" and by_name["empty.txt"]["status"] == "error"


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "github", "csv", "junit", "html", "text"])
def test_every_format_is_whole_and_drops_no_file(hostile, as_json, fmt):
    folder, expected = hostile
    _, document = as_json
    run = _run(folder, fmt)
    assert run.returncode == 1 and b"Traceback" not in run.stderr
    text = run.stdout.decode("utf-8")
    parsed = parse_output(fmt, text)
    assert record_count(fmt, parsed) in (None, len(expected))
    if fmt == "github":  # one command per finding: every file with findings is there
        for file in document["files"]:
            if file["diagnostics"]:
                assert f"file={escape_property(file['path'])}," in text
    if fmt == "sarif":
        located = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in parsed["runs"][0]["results"]}
        assert len(located) == sum(1 for f in document["files"] if f["diagnostics"])


def test_a_file_deleted_after_listing_and_a_fifo_named_directly_get_rl001(tmp_path):
    gone = tmp_path / "gone.txt"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (gone, fifo):  # the FIFO is refused from its metadata: opening it would block
        result = lint_file(path, LintOptions(lang="en"))
        assert [d.code for d in result.diagnostics] == ["RL001"]
