"""Every `--format`: the exit code is the text output's, and `--output-file` gets exactly what stdout would."""

from __future__ import annotations

import re

import pytest
from format_helpers import FORMATS, GOOD, RL301, run

CASES = {
    "good": [GOOD],
    "errors": [RL301],
    "warning only": ["samples/bad/RL507_publication_deadline.txt"],
    "warning only, fail on warning": ["--fail-on", "warning", "samples/bad/RL507_publication_deadline.txt"],
    "info only, fail on info": ["--fail-on", "info", "samples/bad/RL103_variant_heading.txt"],
    "not a report": ["samples/bad/RL004_not_a_report.txt"],
    "exit zero": ["--exit-zero", RL301],
    "a folder": ["samples/good"],
}
EXPECTED = {
    "good": 0,
    "errors": 1,
    "warning only": 0,
    "warning only, fail on warning": 1,
    "info only, fail on info": 1,
    "not a report": 1,
    "exit zero": 0,
    "a folder": 0,
}


@pytest.mark.parametrize("output_format", ["text", *FORMATS])
@pytest.mark.parametrize("case", list(CASES))
def test_exit_code_does_not_depend_on_the_format(output_format, case):
    code, _ = run("check", "--format", output_format, *CASES[case])
    assert code == EXPECTED[case]


@pytest.mark.parametrize("output_format", FORMATS)
def test_output_file_gets_what_stdout_would(output_format, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # the review page's generation time
    target = tmp_path / f"out.{output_format}"
    targets = [GOOD, RL301, "samples/bad/RL004_not_a_report.txt", "samples/bad/RL103_variant_heading.txt"]
    code, output = run("check", "--format", output_format, "--output-file", str(target), *targets)
    assert code == 1 and output == ""
    with target.open(encoding="utf-8", newline="") as handle:
        written = handle.read()
    if output_format == "html":  # the file's rows also link the report views written beside it
        written = re.sub(r'<a class="view" href="[^"]+">[^<]+</a>', "", written)
    assert written == run("check", "--format", output_format, *targets)[1]
    assert written.endswith("\n")
