"""The HTML pages in-process: upload, a batch's review page, one file's page, languages, escaping."""

from __future__ import annotations

import re

from serve_files import PLACEHOLDER, batch_zip, zip_of


def _upload(client, files, lang="zh", accept_json=True):
    headers = {"Accept": "application/json"} if accept_json else {}
    return client.post("/check", files=files, data={"lang": lang}, headers=headers, follow_redirects=False)


def test_upload_page_chinese_and_english(client):
    zh = client.get("/").text
    assert 'lang="zh-CN"' in zh and "上传政府信息公开工作年度报告" in zh and 'type="file"' in zh and "multiple" in zh
    en = client.get("/?lang=en").text
    assert 'lang="en"' in en and "Check annual information-disclosure reports" in en
    assert re.search(r'<script src="/static/app\.js\?v=\w+"></script>', zh)
    assert "<script>" not in zh and " style=" not in zh and "onclick" not in zh  # nothing inline: the CSP forbids it


def test_form_post_without_script_redirects(client):
    response = _upload(client, {"files": (PLACEHOLDER.name, PLACEHOLDER.read_bytes())}, accept_json=False)
    assert response.status_code == 303 and re.fullmatch(r"/b/[\w-]{22}/f/0", response.headers["location"])


def test_batch_page_is_the_review_page_with_links(client):
    body = _upload(client, {"files": ("batch.zip", batch_zip(20))}).json()
    assert body["files"] == 20 and body["url"] == f"/b/{body['id']}"
    page = client.get(body["url"])
    assert page.status_code == 200
    assert 'id="reportlint-data"' in page.text and "政府信息公开工作年度报告检查结果" in page.text
    links = re.findall(rf'href="(/b/{body["id"]}/f/\d+)"', page.text)
    assert len(links) == 20 and all(client.get(link).status_code == 200 for link in links[:3])
    assert "script-src 'sha256-" in page.headers["content-security-policy"]
    for kind, marker in (("csv", "batch.zip/报告/00-"), ("json", '"summary"'), ("sarif", '"runs"')):
        download = client.get(f"{body['url']}/report.{kind}")
        assert download.status_code == 200 and marker in download.text and "attachment" in download.headers["content-disposition"]
    assert client.get(f"{body['url']}/report.exe").status_code == 404


def test_file_page_shows_the_finding_highlighted(client):
    url = _upload(client, {"files": (PLACEHOLDER.name, PLACEHOLDER.read_bytes())}).json()["url"]
    page = client.get(url).text
    assert "<mark>xxxx</mark>" in page and "<mark>XX</mark>" in page
    assert "占位符「xxxx」" in page and 'href="/rules#RL401"' in page
    assert client.get(url + "/report.sarif").json()["runs"][0]["results"]
    english = client.get(url + "?lang=en").text
    assert "Findings" in english and 'href="/rules?lang=en#RL401"' in english


def test_english_upload_gives_english_results(client):
    url = _upload(client, {"files": (PLACEHOLDER.name, PLACEHOLDER.read_bytes())}, lang="en").json()["url"]
    assert url.endswith("?lang=en")
    assert "placeholder" in client.get(url).text


def test_hostile_names_and_text_are_escaped(client):
    evil = "<img src=x onerror=alert(1)>.txt"
    text = PLACEHOLDER.read_text(encoding="utf-8").replace("XX科", "XX<script>alert(1)</script>科")
    body = _upload(client, {"files": ("a.zip", zip_of({evil: text.encode("utf-8"), "b.txt": text.encode("utf-8")}))}).json()
    for url in (body["url"], body["url"] + "/f/0", body["url"] + "/f/1"):
        page = client.get(url).text
        assert "<img src=x" not in page and "<script>alert" not in page


def test_upload_error_is_json_for_the_page(client):
    response = _upload(client, {"files": ("x.exe", b"MZ")})
    assert response.status_code == 415 and "不支持的文件类型" in response.json()["error"]["message"]


def test_static_assets(client):
    css = client.get("/static/app.css")
    js = client.get("/static/app.js")
    assert css.status_code == js.status_code == 200
    assert js.headers["content-type"].startswith("text/javascript") and "textContent" in js.text and "innerHTML" not in js.text


def test_report_view_and_annotated_copy(client, tmp_path):
    import io

    import docx

    from serve_files import defective_docx

    path = defective_docx(tmp_path)
    url = _upload(client, {"files": (path.name, path.read_bytes())}).json()["url"]
    page = client.get(url)
    assert f'src="{url}/view"' in page.text and "frame-src 'self'" in page.headers["content-security-policy"]
    view = client.get(url + "/view")
    assert view.status_code == 200 and "frame-ancestors 'self'" in view.headers["content-security-policy"]
    assert "xxxx" in view.text and "RL401" in view.text
    copy = client.get(url + "/annotated.docx")
    assert copy.status_code == 200 and "attachment" in copy.headers["content-disposition"]
    comments = [c.text for c in docx.Document(io.BytesIO(copy.content)).comments]
    assert any("RL401" in text and "XX" in text for text in comments), comments


def test_no_annotated_copy_for_text(client):
    url = _upload(client, {"files": (PLACEHOLDER.name, PLACEHOLDER.read_bytes())}).json()["url"]
    assert "annotated.docx" not in client.get(url).text
    response = client.get(url + "/annotated.docx")
    assert response.status_code == 404 and response.json()["error"]["code"] == "no-annotated-copy"
    assert client.get(url + "/view").status_code == 200
