"""What users of ruff, markdownlint-cli2 and yamllint expect: path:line:col everywhere, a concise
format, stdin, missing paths, a run that finds nothing, help and stderr in one language."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
DOCX = SHARED / "corpus" / "docx" / "template-2021-official.docx"
PDF = SHARED / "corpus" / "pdf" / "hongze-district-2023.pdf"
CONCISE = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d{3}) \[(?P<sev>error|warning|info)\] \S")


def cli(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "reportlint", *args], input=stdin or b"", capture_output=True,
                          cwd=cwd, env=environment, timeout=300)


def json_findings(*args: str) -> list[tuple[str, dict]]:
    document = json.loads(cli("check", "--format", "json", *args).stdout)
    return [(f["path"], d) for f in document["files"] for d in f["diagnostics"]]


def test_quiet_concise_prints_one_line_per_json_finding():
    """The acceptance: `check -q --output-format concise samples/bad/ | grep -c ': RL'` = JSON's count."""
    done = cli("check", "-q", "--output-format", "concise", "samples/bad/")
    lines = done.stdout.decode().splitlines()
    expected = json_findings("samples/bad/")
    assert len(expected) >= len(list((SAMPLES / "bad").iterdir())) - 1  # every bad sample has a finding
    assert sum(": RL" in line for line in lines) == len(expected) == len(lines)
    for line, (path, d) in zip(lines, expected):
        match = CONCISE.match(line)
        assert match, line
        assert (match["path"], int(match["line"]), int(match["col"]), match["code"], match["sev"]) == (
            path, d["line"], d["column"], d["code"], d["severity"])
        assert d["message"].split()[0] in line
    assert done.returncode == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_concise_severity_tokens_are_english_in_every_language(lang):
    done = cli("check", "--format", "concise", "--lang", lang, "samples/bad/RL103_variant_heading.txt",
               "samples/bad/RL602_traditional_characters.txt", "samples/bad/RL301_row_total.txt")
    *findings, last = done.stdout.decode().splitlines()
    assert {CONCISE.match(line)["sev"] for line in findings} == {"error", "warning", "info"}
    assert ("检查 3 个文件" if lang == "zh" else "Checked 3 file(s)") in last  # without -q: the summary line last
    assert "错误]" not in done.stdout.decode()


def test_concise_to_a_file_and_stdin_name(tmp_path):
    out = tmp_path / "findings.txt"
    done = cli("check", "--format", "concise", "-o", str(out), "samples/bad/RL301_row_total.txt")
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("samples/bad/RL301_row_total.txt:35:47: RL301 [error] ")
    assert done.stdout == b""


@pytest.mark.skipif(not DOCX.is_file() or not PDF.is_file(), reason="the shared corpus (../shared) is not beside the checkout")
@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_docx_and_pdf_locations_are_line_col_then_the_place_in_brackets(fmt):
    done = cli("check", "--format", fmt, "--lang", "en", "--no-info", str(DOCX), str(PDF))
    text = done.stdout.decode()
    heads = [line for line in text.splitlines() if ": RL" in line and not line.startswith(" ")]
    assert len(heads) >= 8
    for head in heads:
        match = CONCISE.match(head)
        assert match, head
        assert re.search(r" \[(paragraph \d+|page \d+|(page \d+ )?table \d+ row \d+( cell \d+)?)\]", head), head
    if fmt == "text":  # the snippet's gutter is the line of the location
        lines = text.splitlines()
        for index, line in enumerate(lines):
            if line in heads and index + 1 < len(lines) and "│" in lines[index + 1]:
                assert lines[index + 1].split("│")[0].strip() == CONCISE.match(line)["line"]


def test_html_locations_name_the_source_line(tmp_path):
    page = tmp_path / "r.html"
    text = (SAMPLES / "bad" / "RL401_placeholder.txt").read_text(encoding="utf-8")
    page.write_text("<html><body><div class='content'>" + "".join(f"<p>{line}</p>\n" for line in text.splitlines() if "|" not in line)
                    + "</div></body></html>", encoding="utf-8")
    heads = [line for line in cli("check", "--format", "concise", "--select", "RL401", str(page)).stdout.decode().splitlines() if ": RL" in line]
    assert heads and all(CONCISE.match(h) and re.search(r" \[源文件第\d+行\]$", h) for h in heads)


def test_stdin_with_a_name_finds_its_configuration_and_keeps_its_name():
    report = SAMPLES / "packs" / "chuyuan_transport_2023_HB101_HB201_HB301.txt"
    done = cli("check", "--format", "json", "-", "--stdin-filename", str(report.relative_to(ROOT)), stdin=report.read_bytes())
    document = json.loads(done.stdout)
    [file] = document["files"]
    assert file["path"] == "samples/packs/chuyuan_transport_2023_HB101_HB201_HB301.txt"
    assert {"HB101", "HB201", "HB301"} <= {d["code"] for d in file["diagnostics"]}  # the pack of samples/packs/reportlint.toml
    assert done.returncode == 1


def test_stdin_without_a_name_is_dash_and_plain_text():
    done = cli("check", "--format", "concise", "-q", "-", stdin=(SAMPLES / "bad" / "RL401_placeholder.txt").read_bytes())
    lines = done.stdout.decode().splitlines()
    assert lines and all(line.startswith("-:") for line in lines)
    assert {CONCISE.match(line)["code"] for line in lines} == {"RL401"}


@pytest.mark.skipif(not DOCX.is_file(), reason="the shared corpus (../shared) is not beside the checkout")
def test_stdin_suffix_chooses_the_reader():
    done = cli("check", "--format", "concise", "-q", "--stdin-filename", "upload.docx", stdin=DOCX.read_bytes())
    lines = done.stdout.decode().splitlines()
    assert lines and all(line.startswith("upload.docx:") for line in lines)
    assert any("[段落" in line for line in lines)


def test_stdin_keeps_its_place_after_a_folder():
    good = SAMPLES / "good" / "qingshan_county_transport_2023.txt"
    done = cli("check", "--format", "json", "samples/previous/", "-", "samples/good/", stdin=good.read_bytes())
    paths = [f["path"] for f in json.loads(done.stdout)["files"]]
    assert paths[-2:] == ["-", str(good.relative_to(ROOT))] and len(paths) == 4


def test_stdin_next_to_files_keeps_input_order():
    good = SAMPLES / "good" / "qingshan_county_transport_2023.txt"
    done = cli("check", "--format", "json", "samples/bad/RL401_placeholder.txt", "-", stdin=good.read_bytes())
    assert [(f["path"], f["status"]) for f in json.loads(done.stdout)["files"]] == [("samples/bad/RL401_placeholder.txt", "fail"), ("-", "pass")]


def test_output_file_run_ends_with_the_summary_and_the_path(tmp_path):
    out = tmp_path / "review.html"
    done = cli("check", "--format", "html", "-o", str(out), "samples/bad/", "--lang", "en")
    *_, summary, written = done.stderr.decode().splitlines()
    assert summary.startswith("Checked ") and " file(s): " in summary
    assert written == f"reportlint: written to {out}"
    assert out.is_file() and done.stdout == b""
    zh = cli("check", "--format", "json", "-o", str(tmp_path / "r.json"), "samples/good/").stderr.decode().splitlines()
    assert zh[-2].startswith("检查 1 个文件") and zh[-1] == f"reportlint: 已写入 {tmp_path / 'r.json'}"


def test_a_missing_path_is_rl001_and_the_others_are_checked(tmp_path):
    done = cli("check", "--format", "concise", "-q", str(tmp_path / "nope.docx"), "samples/bad/RL401_placeholder.txt")
    first, *rest = done.stdout.decode().splitlines()
    assert first.startswith(f"{tmp_path / 'nope.docx'}:1:1: RL001 [error] 文件或文件夹不存在")
    assert rest and all("RL401" in line for line in rest)
    assert done.returncode == 1


@pytest.mark.parametrize("lang, words", [("zh", "没有找到年报文件"), ("en", "no report file")])
def test_a_run_that_finds_no_report_says_so_and_exits_2(tmp_path, lang, words):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    done = cli("check", "--lang", lang, str(tmp_path))
    assert done.returncode == 2
    assert words in done.stderr.decode()
    assert done.stdout == b""


@pytest.mark.parametrize("args, env, chinese", [
    (["check", "--help"], {"LANG": "C.UTF-8", "LC_ALL": ""}, False),
    (["check", "--help", "--lang", "zh"], {"LANG": "C.UTF-8", "LC_ALL": ""}, True),
    (["check", "--help"], {"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, True),
    (["check", "--lang=en", "--help"], {"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, False),
    (["--help"], {"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, True),
    (["--help"], {"LANG": "en_GB.UTF-8", "LC_ALL": ""}, False),
    (["explain", "--help"], {"LC_ALL": "zh_TW.UTF-8"}, True),
])
def test_help_follows_lang_then_locale(args, env, chinese):
    done = cli(*args, env=env)
    text = done.stdout.decode()
    assert done.returncode == 0
    has_chinese = "用法：" in text and "选项" in text and "显示此帮助并退出" in text
    assert has_chinese is chinese, text
    assert ("Usage:" in text) is not chinese
    if chinese and args[0] == "check":
        assert "输出格式" in text and "Output format" not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_stderr_speaks_the_run_language(tmp_path, lang):
    baseline = tmp_path / "b.json"
    recorded = cli("check", "--lang", lang, "--write-baseline", str(baseline), "samples/bad/RL401_placeholder.txt").stderr.decode()
    unknown = cli("check", "--lang", lang, "--select", "RL999", "samples/good/").stderr.decode()
    for message in (recorded, unknown):
        has_han = bool(re.search(r"[\u4e00-\u9fff]", message))
        assert has_han is (lang == "zh"), message
