"""Hostile configuration files, rule packs and baselines (issue 12): each gets a message naming the
file (and the key, where there is one) and exit code 2 — never a traceback, a hang or a MemoryError."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.baseline import BaselineError, load_baseline
from reportlint.config import ConfigError, load_file
from reportlint.packs import PackError, load_pack

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=150,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

PACK_HEAD = '[pack]\nname = "p"\nprefix = "TP"\n\n'


def _pattern_pack(regex: str, example: str = "等等") -> str:
    return PACK_HEAD + f'[[pattern]]\ncode = "TP301"\nname = "dd"\nregex = {json.dumps(regex)}\nexample = {json.dumps(example)}\nzh = "x"\nen = "x"\n'


def _check(*args: str, cwd: Path = ROOT, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "json", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, env={**os.environ, "NO_COLOR": "1"})


HOSTILE_CONFIGS = {
    "binary": b"\x00\xff\xfe\x01" * 100,
    "gbk": "ignore = [\"RL401\"]  # 注释\n".encode("gbk"),
    "nested arrays": b"select = " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "nested inline tables": b"x = " + b"{a = " * 3000 + b"1" + b"}" * 3000 + b"\n",
    "wrong type": b"select = 3\n",
    "unknown key": b"selekt = [\"RL1\"]\n",
    "nul in extends": b'extends = "a\\u0000b.toml"\n',
}


@pytest.mark.parametrize("name", sorted(HOSTILE_CONFIGS))
def test_a_hostile_configuration_is_a_config_error_naming_the_file(tmp_path, name):
    path = tmp_path / "reportlint.toml"
    path.write_bytes(HOSTILE_CONFIGS[name])
    with pytest.raises(ConfigError, match="reportlint.toml"):
        load_file(path)


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_extends_to_a_device_is_refused_without_reading_it(tmp_path, target):
    path = tmp_path / "reportlint.toml"
    path.write_text(f'extends = "{target}"\n', encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ConfigError, match="not a regular file"):
        load_file(path)
    assert time.monotonic() - started < 5  # generous: refusing reads nothing, reading /dev/zero took 10-20 s


def test_a_2000_long_extends_chain_is_refused(tmp_path):
    for index in range(2000):
        (tmp_path / f"c{index}.toml").write_text(f'extends = "c{index + 1}.toml"\n', encoding="utf-8")
    (tmp_path / "c2000.toml").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="MAX_EXTENDS"):
        load_file(tmp_path / "c0.toml")


def test_tool_reportlint_that_is_not_a_table(tmp_path):
    for text in ('[tool]\nreportlint = 3\n', 'tool = "x"\n'):
        path = tmp_path / "pyproject.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError, match="must be a table"):
            load_file(path)


HOSTILE_PACKS = {
    "huge repeat": _pattern_pack("等{1000000000}"),
    "overflowing repeat": _pattern_pack("等{99999999999999999999}"),
    "5000 nested groups": _pattern_pack("(" * 5000 + "等" + ")" * 5000),
    "too long": _pattern_pack("等" * 5000),
    "catastrophic on its example": _pattern_pack("(等+)+$", example="等" * 40 + "x"),
    "catastrophic alternation": _pattern_pack("(等|等)+$", example="等" * 40 + "x"),
    "a billion columns": PACK_HEAD + '[[extra_row]]\ncode = "TP201"\nname = "r"\ntable = "active_1"\nlabel = "其他文件"\ncolumns = 1000000000\nzh = "x"\nen = "x"\n',
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PACKS))
def test_a_hostile_pack_is_a_pack_error_naming_the_entry(tmp_path, name):
    path = tmp_path / "pack.toml"
    path.write_text(HOSTILE_PACKS[name], encoding="utf-8")
    started = time.monotonic()
    try:
        load_pack(path)
    except PackError as problem:
        assert "[[" in str(problem) or "regex" in str(problem)
    else:  # the `regex` module may finish a pattern Python's re would not: then it must be quick
        assert name.startswith("catastrophic")
    assert time.monotonic() - started < 30


def test_a_catastrophic_pack_does_not_hang_rules_or_check(tmp_path):
    (tmp_path / "pack.toml").write_text(_pattern_pack("(等+)+$", example="等" * 40 + "x"), encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('packs = ["pack.toml"]\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(GOOD.read_text(encoding="utf-8") + "等" * 5000 + "x\n", encoding="utf-8")
    listing = subprocess.run([sys.executable, "-m", "reportlint", "rules"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert listing.returncode in (0, 2) and "Traceback" not in listing.stderr
    run = _check("--timeout", "30", str(report), timeout=90)
    assert run.returncode in (0, 1, 2) and "Traceback" not in run.stderr


BASELINES = {
    "not json": b"{",
    "binary": b"\xff\xfe\x00",
    "no findings": b'{"version": 1}',
    "findings not a list": b'{"version": 1, "findings": 3}',
    "entry without fingerprint": b'{"version": 1, "findings": [{"file": "a.txt", "code": "RL401", "message": "m"}]}',
    "entry without file": b'{"version": 1, "findings": [{"fingerprint": "x", "code": "RL401", "message": "m"}]}',
    "fingerprint a number": b'{"version": 1, "findings": [{"fingerprint": 3, "file": "a.txt"}]}',
    "wrong version": b'{"version": 7, "findings": []}',
    "deep": b"[" * 100000 + b"]" * 100000,
}


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_a_hostile_baseline_names_the_file_and_the_key(tmp_path, name):
    path = tmp_path / "baseline.json"
    path.write_bytes(BASELINES[name])
    with pytest.raises(BaselineError, match="baseline.json"):
        load_baseline(path)


def test_a_hostile_baseline_is_exit_2_on_the_command_line(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_bytes(BASELINES["entry without fingerprint"])
    run = _check("--baseline", str(path), str(GOOD))
    assert run.returncode == 2 and "findings.0.fingerprint" in run.stderr and "Traceback" not in run.stderr


TOML_PIECES = st.sampled_from(['select = ["RL1"]', "ignore = 3", "[severity]", 'RL401 = "error"', "[options.RL508]",
                                "township_licensing_max = -1", 'extends = "x.toml"', "packs = [1]", "[[a]]", "x = [[1]]",
                                'fail-on = "nope"', '"\\u0000" = 1', "= =", "[", "\x00", "\ud7ff", "lang = 'en'"])


@FUZZ
@given(st.lists(TOML_PIECES, max_size=8), st.binary(max_size=20))
def test_mutated_configurations_raise_only_config_errors(tmp_path, pieces, noise):
    path = tmp_path / "reportlint.toml"
    path.write_bytes("\n".join(pieces).encode("utf-8", "surrogatepass") + noise)
    try:
        load_file(path)
    except ConfigError:
        pass


@FUZZ
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["version", "findings", "fingerprint", "file", "code"]), inner, max_size=4),
                    max_leaves=12))
def test_mutated_baselines_raise_only_baseline_errors(tmp_path, data):
    path = tmp_path / "b.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        load_baseline(path)
    except BaselineError:
        pass
