"""End-to-end: the `reportlint` command on samples/, the seeds and the shared corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from reportlint.cli import main
from reportlint.files import is_documentation

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SCHEMA = json.loads((ROOT / "reportlint" / "schema" / "check-output.schema.json").read_text(encoding="utf-8"))
BAD_SAMPLES = sorted((SAMPLES / "bad").glob("RL*.txt"))
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the checkout")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def run_json(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
    code, document = result.exit_code, json.loads(result.stdout)  # notes (skipped files) go to stderr
    jsonschema.validate(document, SCHEMA)
    return code, document


def codes(document: dict) -> set[str]:
    return {d["code"] for f in document["files"] for d in f["diagnostics"]}


def test_good_sample_passes():
    code, document = run_json(str(SAMPLES / "good"))
    assert code == 0
    assert [f["status"] for f in document["files"]] == ["pass"]
    assert not [d for d in document["files"][0]["diagnostics"] if d["severity"] != "info"]


@pytest.mark.parametrize("sample", BAD_SAMPLES, ids=lambda p: p.name)
def test_each_bad_sample_triggers_the_code_it_is_named_after(sample: Path):
    expected = sample.name.split("_", 1)[0]
    code, document = run_json(str(sample))
    assert expected in codes(document)
    severities = {d["severity"] for d in document["files"][0]["diagnostics"] if d["code"] == expected}
    assert code == (1 if "error" in severities else 0)


def test_text_output_points_at_the_cell_and_states_expected_and_actual():
    code, output = run("check", str(SAMPLES / "bad" / "RL301_row_total.txt"))
    assert code == 1
    line = next(l for l in output.splitlines() if ": RL301 " in l)
    assert line.startswith(f"{SAMPLES / 'bad' / 'RL301_row_total.txt'}:35:")
    assert "应为 5，实际为 6" in line
    assert "（一）予以公开" in line and "总计" in line


def test_english_messages():
    code, output = run("check", "--lang", "en", str(SAMPLES / "bad" / "RL301_row_total.txt"))
    assert code == 1
    assert "expected 5, found 6" in output
    assert "error(s)" in output


def test_select_and_ignore_by_prefix_code_and_name():
    target = str(SAMPLES / "bad" / "RL302_outcome_total.txt")
    assert codes(run_json("--select", "RL3", target)[1]) == {"RL302", "RL303"}
    assert codes(run_json("--select", "outcome-total", target)[1]) == {"RL302"}
    assert codes(run_json("--select", "RL3", "--ignore", "RL303", target)[1]) == {"RL302"}
    code, document = run_json("--ignore", "RL3,RL005", target)
    assert code == 0 and codes(document) == set()


def test_unknown_selector_is_a_usage_error():
    code, output = run("check", "--select", "RL999", str(SAMPLES / "good"))
    assert code == 2
    assert "RL999" in output


def test_missing_path_is_one_rl001_and_the_run_goes_on(tmp_path):
    code, document = run_json(str(tmp_path / "nope.txt"), str(SAMPLES / "good"))
    assert code == 1
    missing, good = document["files"]
    assert (missing["path"], missing["status"], [d["code"] for d in missing["diagnostics"]]) == (str(tmp_path / "nope.txt"), "error", ["RL001"])
    assert "不存在" in missing["diagnostics"][0]["message"]
    assert good["status"] == "pass"


def test_folder_with_a_broken_file_still_checks_the_others(tmp_path):
    good = (SAMPLES / "good" / "qingshan_county_transport_2023.txt").read_bytes()
    (tmp_path / "a_good.txt").write_bytes(good)
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "c_gbk.txt").write_bytes(good.decode("utf-8").encode("gb18030"))
    (tmp_path / "d_bad.txt").write_bytes((SAMPLES / "bad" / "RL304_review_total.txt").read_bytes())
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, document = run_json(str(tmp_path))
    assert code == 1
    by_name = {Path(f["path"]).name: f for f in document["files"]}
    assert by_name["a_good.txt"]["status"] == "pass"
    assert by_name["b_binary.txt"]["status"] == "error"
    assert [d["code"] for d in by_name["b_binary.txt"]["diagnostics"]] == ["RL001"]
    assert by_name["c_gbk.txt"]["status"] == "pass"
    assert by_name["c_gbk.txt"]["encoding"] == "gb18030"
    assert by_name["d_bad.txt"]["status"] == "fail"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # inputs are never modified


def test_unsupported_format_named_explicitly_gets_rl001(tmp_path):
    target = tmp_path / "report.wps"
    target.write_bytes(b"whatever")
    code, document = run_json(str(target))
    assert code == 1
    diagnostic = document["files"][0]["diagnostics"][0]
    assert diagnostic["code"] == "RL001" and ".wps" in diagnostic["message"]


def test_rules_lists_every_catalogue_code_of_this_release():
    code, output = run("rules", "--lang", "en")
    assert code == 0
    for expected in ("RL001", "RL002", "RL004", "RL005", "RL101", "RL102", "RL103", "RL104", "RL105",
                     "RL301", "RL302", "RL303", "RL304", "RL401", "RL402", "RL403", "RL510", "RL603", "RL604"):
        assert expected in output


@pytest.mark.parametrize("lang,bad,good", [("zh", "错误示例", "正确示例"), ("en", "Bad:", "Good:")])
def test_explain_shows_explanation_and_examples(lang, bad, good):
    code, output = run("explain", "RL303", "--lang", lang)
    assert code == 0
    assert output.startswith("RL303 request-balance (error)")
    assert bad in output and good in output
    assert "结转下年度继续办理" in output


def test_explain_by_name_and_unknown():
    assert run("explain", "placeholder")[0] == 0
    assert run("explain", "RL999")[0] == 2


@needs_shared
def test_every_seed_and_corpus_file_is_linted_without_a_traceback():
    targets = [str(SHARED / "seeds"), str(SHARED / "corpus" / "real")]
    code, document = run_json(*targets)
    assert code in (0, 1)
    expected = [p for folder in targets for p in Path(folder).iterdir() if p.suffix in (".txt", ".md") and not is_documentation(p)]
    assert len(document["files"]) == len(expected) >= 5 + 18
    assert "RL002" not in codes(document)


@needs_shared
def test_seed_003_is_not_a_report_and_nothing_else_alarming():
    code, document = run_json(str(SHARED / "seeds" / "003_f0cf953f6364731d.txt"))
    assert code == 1
    assert [(d["code"], d["severity"]) for d in document["files"][0]["diagnostics"]] == [("RL004", "error")]
    assert document["files"][0]["status"] == "error"


@needs_shared
def test_seed_000_placeholder_on_line_3():
    _, document = run_json("--select", "RL401", str(SHARED / "seeds" / "000_f8697ee72087e2d5.txt"))
    lines = {d["line"] for d in document["files"][0]["diagnostics"]}
    assert 3 in lines
    on_line_3 = [d for d in document["files"][0]["diagnostics"] if d["line"] == 3]
    assert any(d["actual"] == "xxxx" for d in on_line_3)


def test_python_dash_m_and_exit_codes():
    env = {**os.environ, "NO_COLOR": "1"}
    good = subprocess.run([sys.executable, "-m", "reportlint", "check", str(SAMPLES / "good")], capture_output=True, text=True, env=env, cwd=ROOT)
    assert good.returncode == 0, good.stderr
    assert "\x1b[" not in good.stdout  # no colour when not a terminal
    bad = subprocess.run([sys.executable, "-m", "reportlint", "check", str(SAMPLES / "bad")], capture_output=True, text=True, env=env, cwd=ROOT)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("output_format", ["json", "csv", "sarif", "text"])
def test_a_console_that_cannot_encode_chinese_gets_output_not_a_traceback(output_format):
    """A GBK console meets a rare character, a pipe may be ASCII: machine formats are written as
    UTF-8 regardless, text output shows '?' for what the console cannot encode."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "NO_COLOR": "1"}
    sample = SAMPLES / "bad" / "RL401_placeholder.txt"
    done = subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", output_format, str(sample)], capture_output=True, env=env, cwd=ROOT)
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    if output_format == "json":
        document = json.loads(done.stdout.decode("utf-8"))
        assert "xxxx" in document["files"][0]["diagnostics"][0]["message"]
    elif output_format != "text":
        assert "占位" in done.stdout.decode("utf-8") or "RL401" in done.stdout.decode("utf-8")
    else:
        assert b"RL401" in done.stdout
