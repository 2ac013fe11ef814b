"""The JSON API and the error cases, in-process (FastAPI's TestClient): every endpoint, every refusal."""

from __future__ import annotations

import json
import os

import jsonschema
import pytest

from serve_files import leftovers, GOOD, PLACEHOLDER, SAMPLES, batch_zip, declared_bomb, defective_docx, lying_zip, zeros_zip, zip_of


def _leftovers(services) -> list[str]:
    return leftovers(services.tmp)


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["workers"]["slots"] == 2


def test_check_one_file_returns_the_json_contract(make_app):
    client, services = make_app()
    response = client.post("/api/check", files={"file": (PLACEHOLDER.name, PLACEHOLDER.read_bytes(), "text/plain")})
    assert response.status_code == 200, response.text
    body = response.json()
    jsonschema.validate(body, _contract_schema())
    (only,) = body["files"]
    assert only["path"] == PLACEHOLDER.name and only["status"] == "fail"
    assert [d["code"] for d in only["diagnostics"]].count("RL401") == 2
    assert body["summary"]["files"] == 1
    assert _leftovers(services) == []


def test_check_english_messages(client):
    response = client.post("/api/check?lang=en", files={"file": (PLACEHOLDER.name, PLACEHOLDER.read_bytes())})
    messages = [d["message"] for d in response.json()["files"][0]["diagnostics"]]
    assert any(m.startswith("placeholder") for m in messages), messages


def test_check_a_zip_of_reports(make_app):
    client, services = make_app()
    response = client.post("/api/check", files={"file": ("batch.zip", batch_zip(20), "application/zip")})
    assert response.status_code == 200, response.text
    body = response.json()
    jsonschema.validate(body, _contract_schema())
    assert body["summary"]["files"] == 20
    assert all(f["path"].startswith("batch.zip/报告/") for f in body["files"])
    assert _leftovers(services) == []


def test_check_a_docx(tmp_path, client):
    path = defective_docx(tmp_path)
    response = client.post("/api/check", files={"file": (path.name, path.read_bytes())})
    diagnostics = response.json()["files"][0]["diagnostics"]
    placeholder = [d for d in diagnostics if d["code"] == "RL401"]
    assert placeholder and all("paragraph" in d["origin"] for d in placeholder)


def test_gbk_member_names_are_decoded(client):
    import io
    import zipfile

    gbk = "青山县.txt".encode("gbk")  # what a Chinese Windows zip tool writes, without the UTF-8 flag
    placeholder = b"A" * (len(gbk) - 4) + b".txt"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(placeholder.decode(), GOOD.read_bytes())
    data = buffer.getvalue().replace(placeholder, gbk)
    response = client.post("/api/check", files={"file": ("old.zip", data)})
    assert response.json()["files"][0]["path"] == "old.zip/青山县.txt"


@pytest.mark.parametrize("files, status, code", [
    ({}, 400, "empty-upload"),
    ({"file": ("empty.txt", b"")}, 400, "empty-upload"),
    ({"file": ("virus.exe", b"MZ\x90\x00")}, 415, "wrong-type"),
    ({"file": ("old.doc", b"\xd0\xcf\x11\xe0")}, 415, "wrong-type"),
    ({"file": ("x.zip", b"PK\x03\x04 not really")}, 400, "bad-zip"),
    ({"file": ("none.zip", zip_of({"picture.png": b"\x89PNG"}))}, 400, "empty-upload"),
    ({"file": ("climb.zip", zip_of({"../../etc/report.txt": b"x"}))}, 400, "zip-traversal"),
    ({"file": ("abs.zip", zip_of({"/etc/report.txt": b"x"}))}, 400, "zip-traversal"),
    ({"file": ("win.zip", zip_of({"C:\\Windows\\report.txt": b"x"}))}, 400, "zip-traversal"),
    ({"file": ("back.zip", zip_of({"a\\..\\..\\report.txt": b"x"}))}, 400, "zip-traversal"),
    ({"file": ("bomb.zip", declared_bomb())}, 413, "zip-bomb"),
    ({"file": ("lying.zip", lying_zip())}, 400, "bad-zip"),
])
def test_refusals_are_json_errors_with_a_message(make_app, files, status, code):
    client, services = make_app()
    response = client.post("/api/check", files=files) if files else client.post("/api/check")
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["status"] == status and error["message"]
    assert _leftovers(services) == []


def test_a_real_zip_bomb_is_refused_before_inflating(make_app):
    client, services = make_app()
    response = client.post("/api/check", files={"file": ("zeros.zip", zeros_zip(50 * 1024 * 1024))})
    assert response.status_code == 413 and response.json()["error"]["code"] == "zip-bomb"
    assert "倍" in response.json()["error"]["message"]
    assert _leftovers(services) == []


def test_a_member_larger_than_it_declares_is_refused(client):
    message = client.post("/api/check", files={"file": ("lying.zip", lying_zip())}).json()["error"]["message"]
    assert "校验失败" in message and "压缩炸弹" in message


def test_traversal_message_names_the_member(client):
    response = client.post("/api/check?lang=en", files={"file": ("climb.zip", zip_of({"ok.txt": b"x", "../evil.txt": b"x"}))})
    assert "'../evil.txt'" in response.json()["error"]["message"] and "path traversal" in response.json()["error"]["message"]


def test_symlink_members_are_refused(client):
    import io
    import stat
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("link.txt")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    response = client.post("/api/check", files={"file": ("links.zip", buffer.getvalue())})
    assert response.status_code == 400 and response.json()["error"]["code"] == "zip-link"


def test_request_over_the_size_limit(make_app):
    client, services = make_app(max_request_bytes=100_000)
    response = client.post("/api/check", files={"file": ("big.txt", b"x" * 200_000)})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too-large"
    assert _leftovers(services) == []


def test_file_over_the_per_file_limit(make_app):
    client, _ = make_app(max_file_bytes=10_000)
    response = client.post("/api/check", files={"file": ("big.txt", b"x" * 20_000)})
    assert response.status_code == 413 and "10000" in response.json()["error"]["message"]
    member = client.post("/api/check", files={"file": ("big.zip", zip_of({"big.txt": os.urandom(20_000)}))})
    assert member.status_code == 413 and member.json()["error"]["code"] == "too-large"


def test_too_many_files(make_app):
    client, _ = make_app(max_files=3)
    response = client.post("/api/check", files={"file": ("many.zip", batch_zip(5))})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too-many-files"


def test_token_guards_the_api_but_not_healthz(make_app):
    client, _ = make_app(token="s3cret")
    upload = {"file": (GOOD.name, GOOD.read_bytes())}
    assert client.get("/healthz").status_code == 200
    for request in (lambda h: client.post("/api/check", files=upload, headers=h), lambda h: client.get("/api/rules", headers=h),
                    lambda h: client.get("/api/decisions", headers=h)):
        assert request({}).status_code == 401
        assert request({"Authorization": "Bearer wrong"}).status_code == 401
        assert request({"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/api/rules").json()["error"]["code"] == "unauthorized"


def test_rules_include_every_rule_and_configured_packs(make_app, tmp_path):
    config = tmp_path / "reportlint.toml"
    config.write_text(f'packs = ["{(SAMPLES / "packs" / "hubei-2021.toml").as_posix()}"]\n', encoding="utf-8")
    client, _ = make_app(config=config)
    rules = client.get("/api/rules").json()
    codes = {r["code"] for r in rules}
    assert {"RL001", "RL301", "RL604", "HB101", "HB201", "HB301"} <= codes
    assert all(r["explanation"] and r["summary"] for r in rules)
    assert client.get("/api/rules?lang=en").json()[0]["summary"] != rules[0]["summary"]
    page = client.get("/rules")
    assert page.status_code == 200 and 'id="HB101"' in page.text and 'id="RL303"' in page.text


def test_openapi_is_served_and_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/check", "/api/rules", "/healthz", "/api/decisions"):
        assert path in spec["paths"]
    assert "multipart/form-data" in spec["paths"]["/api/check"]["post"]["requestBody"]["content"]
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/check" in page.text and "<script src=\"http" not in page.text


def test_unknown_pages_and_batches_are_json_404(client):
    for url in ("/nothing", "/b/AAAAAAAAAAAAAAAAAAAAAA", "/b/../../etc", "/b/AAAAAAAAAAAAAAAAAAAAAA/f/0/report.json"):
        response = client.get(url)
        assert response.status_code == 404 and response.json()["error"]["message"], url


def test_security_headers(client):
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "http://" not in response.text.replace("http://www.w3.org", "") and "https://" not in response.text


def test_an_internal_error_is_a_json_500(make_app, monkeypatch):
    client, services = make_app()

    def broken(*args, **kwargs):
        raise RuntimeError("boom with report text 自然人")

    monkeypatch.setattr(services.engine, "check", broken)
    response = client.post("/api/check", files={"file": (GOOD.name, GOOD.read_bytes())})
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal" and "boom" not in response.text
    assert _leftovers(services) == []


def test_per_file_timeout(make_app, monkeypatch):
    monkeypatch.setattr("reportlint.parallel.HANG_MARKER", "HANGS")
    client, _ = make_app(timeout=1.0)
    response = client.post("/api/check", files=[("file", ("HANGS.txt", GOOD.read_bytes())), ("file", (GOOD.name, GOOD.read_bytes()))])
    files = response.json()["files"]
    assert files[0]["status"] == "error" and files[0]["diagnostics"][0]["code"] == "RL001"
    assert "1" in files[0]["diagnostics"][0]["message"] and files[1]["status"] == "pass"


def _contract_schema():
    from pathlib import Path

    return json.loads((Path(__file__).resolve().parents[2] / "reportlint/schema/check-output.schema.json").read_text(encoding="utf-8"))


def test_encrypted_members_are_refused(client):
    data = bytearray(zip_of({"report.txt": GOOD.read_bytes()}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # the general-purpose flags: bit 0, encrypted
        at = data.find(signature)
        data[at + offset] |= 0x1
    response = client.post("/api/check", files={"file": ("secret.zip", bytes(data))})
    assert response.status_code == 400 and "已加密" in response.json()["error"]["message"]


def test_unreadable_files_inside_a_zip_get_their_verdict(client):
    archive = zip_of({"a.doc": b"\xd0\xcf\x11\xe0" + b"\0" * 100, "b.txt": GOOD.read_bytes(), "c.docx": b"not a zip", "README.md": b"# notes"})
    body = client.post("/api/check", files={"file": ("mixed.zip", archive)}).json()
    by_name = {f["path"]: f for f in body["files"]}
    assert set(by_name) == {"mixed.zip/a.doc", "mixed.zip/b.txt", "mixed.zip/c.docx"}  # README skipped as in a folder
    assert by_name["mixed.zip/a.doc"]["diagnostics"][0]["code"] == "RL001" and ".docx" in by_name["mixed.zip/a.doc"]["diagnostics"][0]["message"]
    assert by_name["mixed.zip/c.docx"]["status"] == "error" and by_name["mixed.zip/b.txt"]["status"] == "pass"


def test_errors_in_english(client):
    response = client.post("/api/check?lang=en", files={"file": ("x.exe", b"MZ")})
    assert response.json()["error"]["message"].startswith("unsupported file type 'x.exe'")
    assert client.get("/nothing?lang=en").json()["error"]["message"].startswith("no such page")
