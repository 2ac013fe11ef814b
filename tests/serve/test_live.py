"""A real server process: shutdown on SIGTERM, a kill mid-batch, limits over a socket, logs, --data only.

Bounded: every server is on a free port of 127.0.0.1, each request has a timeout, and the
fixture terminates (then kills) the server whatever happens.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import httpx

from serve_files import GOOD, PLACEHOLDER, batch_zip, leftovers, zip_of

HANG = "HANGS-FOR-THE-TEST"


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def _in_background(function):
    outcome = {}

    def run():
        try:
            outcome["response"] = function()
        except Exception as problem:  # noqa: BLE001 - the test inspects it
            outcome["error"] = problem

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def test_sigterm_finishes_the_request_in_flight(live_server, tmp_path):
    server = live_server("--timeout", "3", env={"REPORTLINT_TEST_HANG_MARKER": HANG})
    files = [("file", (f"{HANG}.txt", GOOD.read_bytes())), ("file", (GOOD.name, GOOD.read_bytes()))]
    thread, outcome = _in_background(lambda: httpx.post(server.url + "/api/check", files=files, timeout=30))
    time.sleep(1.0)  # the request is being checked: one file hangs until the 3 s limit
    server.process.send_signal(signal.SIGTERM)
    thread.join(30)
    response = outcome["response"]
    assert response.status_code == 200
    statuses = [f["status"] for f in response.json()["files"]]
    assert statuses == ["error", "pass"]  # the hanging file stopped by the per-file limit, the other checked
    assert server.process.wait(30) == 0
    assert leftovers(tmp_path / "data" / "tmp") == []
    assert _processes_mentioning(str(tmp_path / "data")) == []  # no worker left behind
    assert "Shutting down" in server.read_log()


def test_killed_mid_batch_loses_no_decision(live_server, tmp_path):
    data = tmp_path / "data"
    server = live_server("--timeout", "20", data=data, env={"REPORTLINT_TEST_HANG_MARKER": HANG})
    page = httpx.post(server.url + "/check", files={"files": (PLACEHOLDER.name, PLACEHOLDER.read_bytes())},
                      headers={"Accept": "application/json"}, timeout=30).json()
    findings = httpx.get(server.url + page["url"] + "/report.json", timeout=10).json()["files"][0]["diagnostics"]
    for index in range(len(findings)):
        answer = httpx.post(f"{server.url}/b/{page['id']}/f/0/decisions", json={"finding": index, "kind": "verified", "note": f"第{index}条"}, timeout=10)
        assert answer.status_code == 200
    hanging = zip_of({**{f"r{i}.txt": GOOD.read_bytes() for i in range(10)}, f"{HANG}.txt": GOOD.read_bytes()})
    thread, _ = _in_background(lambda: httpx.post(server.url + "/check", files={"files": ("batch.zip", hanging)}, timeout=60))
    time.sleep(1.5)
    assert leftovers(data / "tmp"), "the batch should be in flight"
    workers = [pid for pid in _processes_mentioning(str(data)) if pid != server.process.pid]
    assert workers
    os.kill(workers[0], signal.SIGTERM)  # a worker obeys SIGTERM (it does not inherit the server's handler)
    deadline = time.monotonic() + 10
    while workers[0] in _processes_mentioning(str(data)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers[0] not in _processes_mentioning(str(data))
    server.kill()
    thread.join(60)
    assert not thread.is_alive(), "the client should see the connection close at once"
    deadline = time.monotonic() + 10
    while _processes_mentioning(str(data)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_mentioning(str(data)) == []  # the workers died with the server
    with sqlite3.connect(data / "decisions.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT COUNT(*) FROM decision").fetchone()[0] == len(findings)
    again = live_server(data=data)
    assert leftovers(data / "tmp") == []  # what the killed server left is gone
    result = httpx.post(again.url + "/api/check", files={"file": (PLACEHOLDER.name, PLACEHOLDER.read_bytes())}, timeout=30).json()
    assert result["files"][0]["diagnostics"] == [] and result["files"][0]["status"] == "pass"


def test_limits_over_a_real_socket_and_token(live_server):
    server = live_server("--max-upload", "1", "--token", "t0ken")
    auth = {"Authorization": "Bearer t0ken"}
    big = httpx.post(server.url + "/api/check", files={"file": ("big.txt", b"x" * (2 << 20))}, headers=auth, timeout=30)
    assert big.status_code == 413 and big.json()["error"]["code"] == "too-large"
    assert httpx.post(server.url + "/api/check", files={"file": (GOOD.name, GOOD.read_bytes())}, timeout=30).status_code == 401
    ok = httpx.post(server.url + "/api/check", files={"file": (GOOD.name, GOOD.read_bytes())}, headers=auth, timeout=30)
    assert ok.status_code == 200 and ok.json()["summary"]["passed"] == 1
    assert httpx.get(server.url + "/healthz", timeout=10).status_code == 200


def test_nothing_written_outside_data_and_logs_without_content(live_server, tmp_path):
    outside, cwd = tmp_path / "outside", tmp_path / "cwd"
    outside.mkdir()
    cwd.mkdir()
    server = live_server(cwd=cwd, env={"TMPDIR": str(outside), "HOME": str(outside)})
    secret = "绝密句子一二三四五六"
    text = PLACEHOLDER.read_text(encoding="utf-8").replace("XX科", f"XX科{secret}")
    big = os.urandom(3 << 20).hex()[: 2 << 20]  # large enough for the multipart parser to spool it to disk
    response = httpx.post(server.url + "/check", files=[("files", ("机密草稿.txt", text.encode("utf-8"))), ("files", ("noise.txt", big.encode()))],
                          headers={"Accept": "application/json"}, timeout=60)
    assert response.status_code == 200
    httpx.post(server.url + "/api/check", files={"file": ("batch.zip", batch_zip(5))}, timeout=60)
    server.stop()
    assert list(outside.iterdir()) == [] and list(cwd.iterdir()) == []
    assert leftovers(tmp_path / "data" / "tmp") == []
    log = server.read_log()
    assert "机密草稿.txt" in log and "status=fail" in log and "duration=" in log
    assert secret not in log and "xxxx" not in log


def test_upload_progress_while_checking(live_server):
    server = live_server("--timeout", "3", env={"REPORTLINT_TEST_HANG_MARKER": HANG})
    token = "0123456789abcdef" * 2
    files = [("files", (GOOD.name, GOOD.read_bytes())), ("files", (f"{HANG}.txt", GOOD.read_bytes()))]
    thread, outcome = _in_background(lambda: httpx.post(server.url + "/check", files=files, data={"progress": token},
                                                        headers={"Accept": "application/json"}, timeout=30))
    seen = set()
    deadline = time.monotonic() + 20
    while thread.is_alive() and time.monotonic() < deadline:
        answer = httpx.get(f"{server.url}/progress/{token}", timeout=5)
        assert answer.status_code == 200
        seen.add((answer.json()["done"], answer.json()["total"]))
        time.sleep(0.1)
    thread.join(30)
    assert outcome["response"].status_code == 200
    assert (1, 2) in seen  # one file checked, the other still running
    assert httpx.get(f"{server.url}/progress/{token}", timeout=5).json() == {"done": 0, "total": 0}  # forgotten once answered
    assert httpx.get(f"{server.url}/progress/not-a-token", timeout=5).json() == {"done": 0, "total": 0}
