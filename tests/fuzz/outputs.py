"""What a well-formed output is, per format, for the fuzz tests and bench/fuzz_runtime.py: it
parses, and every checked file that must appear in it does (github lists only files with findings)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ("json", "sarif", "gitlab", "github", "csv", "junit", "html", "text")


def parse_output(fmt: str, text: str) -> object:
    """Raise if `text` is not a complete document of format `fmt`."""
    if fmt in ("json", "sarif", "gitlab"):
        return json.loads(text)
    if fmt == "junit":
        return ET.fromstring(text.encode("utf-8"))
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert rows and all(len(row) == len(rows[0]) for row in rows), "ragged CSV"
        return rows
    if fmt == "html":
        assert text.lstrip().startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>"), "truncated HTML"
        return text
    if fmt == "github":
        assert all(line.startswith("::") for line in text.splitlines() if line), "not workflow commands"
        return text
    assert "检查" in text.splitlines()[-1] or "checked" in text.splitlines()[-1], "no summary line"
    return text


def record_count(fmt: str, document: object) -> int | None:
    """Records of one file each, where the format has them."""
    if fmt == "json":
        return len(document["files"])
    if fmt == "csv":
        return len(document) - 1
    if fmt == "junit":
        return len(document.findall(".//testcase"))
    return None


def process_group_alive(pgid: int) -> list[int]:
    """Processes still in the process group `pgid` (workers that outlived the run)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive


def interrupted_run(args: list[str], delay: float, signum: int, env: dict | None = None, limit: float = 300) -> tuple[int, list[int]]:
    """Start `reportlint check ARGS` in its own session, send `signum` after `delay` seconds; its
    exit code and the processes of its group left a second later."""
    process = subprocess.Popen([sys.executable, "-m", "reportlint", "check", *args], cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1", **(env or {})})
    time.sleep(delay)
    if process.poll() is None:
        process.send_signal(signum)
    try:
        process.wait(timeout=limit)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    time.sleep(1.0)
    assert "Traceback" not in stderr, stderr
    return process.returncode, process_group_alive(process.pid)
