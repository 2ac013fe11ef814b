"""Reviewers' decisions: accepted findings stay accepted on re-upload, and CLI baselines agree."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys

from serve_files import GOOD, PLACEHOLDER, ROOT


def _upload(client, name: str, data: bytes, lang: str = "zh") -> str:
    response = client.post("/check", files={"files": (name, data)}, data={"lang": lang}, headers={"Accept": "application/json"})
    assert response.status_code == 200, response.text
    return response.json()["id"]


def _api_codes(client, name: str, data: bytes) -> list[str]:
    response = client.post("/api/check", files={"file": (name, data)})
    return [d["code"] for d in response.json()["files"][0]["diagnostics"]]


def _findings(client, batch: str) -> list[dict]:
    return json.loads(client.get(f"/b/{batch}/f/0/report.json").text)["files"][0]["diagnostics"]


def test_accept_then_reupload_keeps_it_accepted(client):
    data = PLACEHOLDER.read_bytes()
    batch = _upload(client, PLACEHOLDER.name, data)
    before = _findings(client, batch)
    first = next(i for i, d in enumerate(before) if d["code"] == "RL401")
    response = client.post(f"/b/{batch}/f/0/decisions", json={"finding": first, "kind": "verified", "note": "已与科室核实：此处为活动名称"})
    assert response.status_code == 200, response.text
    page = client.get(f"/b/{batch}/f/0").text
    assert "已与科室核实：此处为活动名称" in page and 'class="finding accepted"' in page
    again = _upload(client, PLACEHOLDER.name, data)
    page = client.get(f"/b/{again}/f/0").text
    assert page.count('class="finding accepted"') == 1 and "已与科室核实" in page
    after = _findings(client, again)
    assert len(after) == len(before) - 1  # only the new ones count
    assert _api_codes(client, PLACEHOLDER.name, data).count("RL401") == 1


def test_the_same_body_under_another_name_keeps_its_decisions(client):
    data = PLACEHOLDER.read_bytes()
    batch = _upload(client, "初稿.txt", data)
    findings = _findings(client, batch)
    index = next(i for i, d in enumerate(findings) if d["code"] == "RL401")
    client.post(f"/b/{batch}/f/0/decisions", json={"finding": index, "kind": "not-a-problem", "note": ""})
    renamed = _upload(client, "第二稿.txt", data)
    assert len(_findings(client, renamed)) == len(findings) - 1
    assert "不是问题" in client.get(f"/b/{renamed}/f/0").text


def test_withdraw(client):
    batch = _upload(client, PLACEHOLDER.name, PLACEHOLDER.read_bytes())
    count = len(_findings(client, batch))
    client.post(f"/b/{batch}/f/0/decisions", json={"finding": 0, "kind": "verified", "note": ""})
    assert len(_findings(client, batch)) == count - 1
    assert client.delete(f"/b/{batch}/f/0/decisions/0").json() == {"withdrawn": True}
    assert len(_findings(client, batch)) == count


def test_bad_decisions_are_refused(client, tmp_path):
    batch = _upload(client, PLACEHOLDER.name, PLACEHOLDER.read_bytes())
    assert client.post(f"/b/{batch}/f/0/decisions", json={"finding": 999, "kind": "verified"}).status_code == 404
    assert client.post(f"/b/{batch}/f/0/decisions", json={"finding": 0, "kind": "maybe"}).status_code == 422
    assert client.post(f"/b/{batch}/f/0/decisions", content=b"not json", headers={"Content-Type": "application/json"}).status_code == 422
    assert client.post(f"/b/{batch}/f/9/decisions", json={"finding": 0, "kind": "verified"}).status_code == 404
    unreadable = _upload(client, "empty-ish.pdf", b"%PDF-1.4 broken")
    response = client.post(f"/b/{unreadable}/f/0/decisions", json={"finding": 0, "kind": "verified"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "not-acceptable"


def _cli(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportlint", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_export_is_a_baseline_the_cli_applies(client, tmp_path):
    batch = _upload(client, PLACEHOLDER.name, PLACEHOLDER.read_bytes())
    findings = _findings(client, batch)
    index = next(i for i, d in enumerate(findings) if d["code"] == "RL401")
    client.post(f"/b/{batch}/f/0/decisions", json={"finding": index, "kind": "verified", "note": ""})
    exported = client.get("/api/decisions")
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(PLACEHOLDER, folder / PLACEHOLDER.name)
    (folder / "baseline.json").write_bytes(exported.content)
    run = _cli("check", "--format", "json", "--baseline", "baseline.json", PLACEHOLDER.name, cwd=folder)
    codes = [d["code"] for d in json.loads(run.stdout)["files"][0]["diagnostics"]]
    assert len(codes) == len(findings) - 1 and "已隐藏 1 条" in run.stderr


def test_import_a_cli_baseline(client, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(PLACEHOLDER, folder / PLACEHOLDER.name)
    run = _cli("check", "--write-baseline", "baseline.json", PLACEHOLDER.name, cwd=folder)
    assert run.returncode == 0, run.stderr
    response = client.post("/api/decisions", files={"file": ("baseline.json", (folder / "baseline.json").read_bytes())})
    assert response.status_code == 200 and response.json()["added"] >= 2
    assert _api_codes(client, PLACEHOLDER.name, PLACEHOLDER.read_bytes()) == []
    batch = _upload(client, PLACEHOLDER.name, PLACEHOLDER.read_bytes())
    assert "基线已接受" in client.get(f"/b/{batch}/f/0").text
    # the export gives the same entries back: CLI -> server -> CLI round trip
    exported = client.get("/api/decisions").json()
    recorded = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))
    assert sorted(e["fingerprint"] for e in exported["findings"]) == sorted(e["fingerprint"] for e in recorded["findings"])


def test_bad_baseline_imports_are_refused_whole(make_app):
    client, services = make_app()
    for data in (b"not json", b'{"version": 9, "findings": []}', b'{"version": 1, "findings": [{"fingerprint": "zz"}]}',
                 json.dumps({"version": 1, "findings": [{"fingerprint": "a" * 32, "code": "RL401", "file": "x.txt"}, {"code": "RL1"}]}).encode()):
        response = client.post("/api/decisions", files={"file": ("b.json", data)})
        assert response.status_code == 400 and response.json()["error"]["code"] == "bad-baseline", data
    assert services.decisions.count() == 0
    assert client.post("/api/decisions").status_code == 400


def test_database_is_wal_and_sound(make_app, tmp_path):
    client, services = make_app()
    batch = _upload(client, PLACEHOLDER.name, PLACEHOLDER.read_bytes())
    client.post(f"/b/{batch}/f/0/decisions", json={"finding": 0, "kind": "verified", "note": "x"})
    with sqlite3.connect(services.decisions.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT COUNT(*) FROM decision").fetchone()[0] == 1
    assert services.decisions.path.parent == (tmp_path / "data").resolve()


def test_good_report_has_nothing_to_accept(client):
    batch = _upload(client, GOOD.name, GOOD.read_bytes())
    page = client.get(f"/b/{batch}/f/0").text
    assert "未发现问题" in page or 'class="decide"' in page
    assert ROOT.exists()
