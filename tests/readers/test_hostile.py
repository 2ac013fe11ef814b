"""Unsupported, broken and hostile files: one RL001 verdict saying what to do, in bounded time and
memory; no entity resolved, nothing fetched; the other files of a run are unaffected."""

from __future__ import annotations

import http.server
import io
import json
import resource
import shutil
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from readers_conftest import HONGZE_PDF, ROOT, TEMPLATE_DOCX, diagnostic_key, lint_file
from reportlint.readers import ReadError, ReadResult, read_path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
GIB = 1024 ** 3

# ---------------------------------------------------------------- helpers


def _rl001(result) -> str:
    assert [d.code for d in result.diagnostics] == ["RL001"], [(d.code, d.message) for d in result.diagnostics]
    assert result.status == "error"
    return result.diagnostics[0].message


# The child's peak is its own address space's (VmHWM, reset by exec): ru_maxrss of a child forked with
# preexec_fn starts at the parent's RSS, which in a full pytest run is a few hundred MB of the suite's.
_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from reportlint.lint import LintOptions, lint_path

def peak_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

start = time.monotonic()
result = lint_path(sys.argv[2], LintOptions(max_bytes=int(sys.argv[3])))
print(json.dumps({
    "codes": [d.code for d in result.diagnostics],
    "messages": [d.message for d in result.diagnostics],
    "status": result.status,
    "seconds": time.monotonic() - start,
    "maxrss_mb": peak_mb(),
}, ensure_ascii=False))
"""


def lint_isolated(path: Path, timeout: float, memory_cap: int = 4 * GIB, max_bytes: int = 128 * 1024 * 1024) -> dict:
    """Lint in a child process (address space capped, killed after `timeout`); its time and peak memory."""

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (memory_cap, memory_cap))

    start = time.monotonic()
    try:
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, str(ROOT), str(path), str(max_bytes)],
            capture_output=True, text=True, timeout=timeout, preexec_fn=cap, cwd=str(ROOT),
        )
    except subprocess.TimeoutExpired:
        child = None  # (the child is killed by subprocess.run)
    if child is None:
        pytest.fail(f"linting {path.name} ({path.stat().st_size} bytes) did not finish within {timeout} s (child killed)")
    assert child.returncode == 0, child.stderr[-3000:]
    report = json.loads(child.stdout)
    report["wall_seconds"] = time.monotonic() - start
    return report


def assert_bounded(report: dict, seconds: float, megabytes: float) -> None:
    summary = f"{report['seconds']:.1f} s, peak {report['maxrss_mb']:.0f} MB, codes {report['codes']}, {report['messages'][:1]}"
    assert report["seconds"] < seconds and report["maxrss_mb"] < megabytes, summary


def _zip_entry_headers(name: bytes, method: int, crc: int, csize: int, usize: int, offset: int) -> tuple[bytes, bytes]:
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, csize, usize, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, csize, usize, len(name), 0, 0, 0, 0, 0, offset) + name
    return local, central


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip from already-deflated payloads: (name, deflated bytes, crc32, declared uncompressed size)."""
    out, central = bytearray(), bytearray()
    for name, payload, crc, size in entries:
        local, entry = _zip_entry_headers(name.encode(), zipfile.ZIP_DEFLATED, crc, len(payload), size, len(out))
        out += local + payload
        central += entry
    start = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def deflated_zeros(size: int, chunk: int = 1 << 20) -> tuple[bytes, int]:
    """The raw deflate stream of `size` zero bytes and their CRC, built from one compressed 1 MiB
    block repeated (each ends in a full flush, so the copies are independent): ~1 KB per MiB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    zeros, crc = b"\0" * chunk, 0
    for _ in range(size // chunk):
        crc = zlib.crc32(zeros, crc)
    return block * (size // chunk) + b"\x03\x00", crc  # \x03\x00: an empty final block


def small_docx_parts(text: str = "一、总体情况") -> dict[str, bytes]:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    archive = zipfile.ZipFile(buffer)
    return {info.filename: archive.read(info.filename) for info in archive.infolist()}


def docx_with(parts: dict[str, bytes], replace: dict[str, tuple[bytes, int, int]] | None = None, extra=()) -> bytes:
    """A .docx from parts; `replace` gives raw (deflated, crc, declared size) for some parts."""
    entries = []
    for name, data in parts.items():
        if replace and name in replace:
            entries.append((name, *replace[name]))
        else:
            entries.append((name, _deflate(data), zlib.crc32(data), len(data)))
    entries.extend(extra)
    return raw_zip(entries)


@pytest.fixture(scope="session")
def zeros_2gib() -> tuple[bytes, int]:
    return deflated_zeros(2 * GIB)


def test_raw_zip_builder_makes_readable_docx(tmp_path):
    path = tmp_path / "ok.docx"
    path.write_bytes(docx_with(small_docx_parts("一、总体情况")))
    result = read_path(path)
    assert isinstance(result, ReadResult) and result.text == "一、总体情况\n"


def test_deflated_zeros_really_inflate():
    data, crc = deflated_zeros(8 << 20)
    inflated = zlib.decompress(data, -15)
    assert len(inflated) == 8 << 20 and not inflated.strip(b"\0") and zlib.crc32(inflated) == crc


# ---------------------------------------------------------------- formats we do not read


@pytest.mark.parametrize("name", ["年报.doc", "年报.wps", "REPORT.DOC", "年报.WPS"])
def test_doc_and_wps_advise_docx(name, tmp_path):
    path = tmp_path / name
    path.write_bytes(OLE_MAGIC + b"\0" * 4088)
    message = _rl001(lint_file(path))
    assert ".docx" in message and "另存为" in message
    assert ".docx" in _rl001(lint_file(path, lang="en"))


def test_old_doc_or_encrypted_word_file_named_docx(tmp_path):
    # Word saves password-protected .docx (and old .doc) as an OLE compound file, not a zip
    path = tmp_path / "年报.docx"
    path.write_bytes(OLE_MAGIC + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 3000)
    message = _rl001(lint_file(path))
    assert "加密" in message or ".doc" in message.replace(".docx", "")


# ---------------------------------------------------------------- broken .docx


@pytest.mark.parametrize(
    "make",
    [
        lambda good: b"PK\x03\x04" + bytes(range(256)) * 40,
        lambda good: good[: len(good) // 2],
        lambda good: good[:-30],  # end of central directory cut off
        lambda good: bytes(range(256)) * 40,
    ],
    ids=["zip-magic-then-noise", "first-half", "no-end-record", "noise"],
)
def test_corrupt_zip_named_docx(make, tmp_path, good_text, to_docx):
    good = to_docx(good_text, tmp_path / "good.docx").path.read_bytes()
    path = tmp_path / "broken.docx"
    path.write_bytes(make(good))
    message = _rl001(lint_file(path))
    assert ".docx" in message and ("请" in message or "重新保存" in message)


def test_zip_without_word_document(tmp_path):
    parts = small_docx_parts()
    del parts["word/document.xml"]
    path = tmp_path / "no_body.docx"
    path.write_bytes(docx_with(parts))
    assert "word/document.xml" in _rl001(lint_file(path))


def test_document_xml_that_is_not_xml(tmp_path):
    parts = small_docx_parts()
    parts["word/document.xml"] = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    path = tmp_path / "bad_xml.docx"
    path.write_bytes(docx_with(parts))
    assert "docx" in _rl001(lint_file(path))


# ---------------------------------------------------------------- zip bombs


def test_zip_bomb_part_of_2_gib(tmp_path, zeros_2gib):
    payload, crc = zeros_2gib
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx_with(small_docx_parts(), {"word/document.xml": (payload, crc, 2 * GIB)}))
    assert path.stat().st_size < 3_000_000
    report = lint_isolated(path, timeout=30)
    assert report["codes"] == ["RL001"]
    assert "压缩炸弹" in report["messages"][0] or "拒绝" in report["messages"][0]
    assert_bounded(report, 5, 300)


def test_zip_bomb_in_a_part_that_is_not_the_body(tmp_path, zeros_2gib):
    payload, crc = zeros_2gib
    path = tmp_path / "bomb_media.docx"
    path.write_bytes(docx_with(small_docx_parts(), extra=[("word/media/image1.png", payload, crc, 2 * GIB)]))
    report = lint_isolated(path, timeout=30)
    assert report["codes"] == ["RL001"]
    assert_bounded(report, 5, 300)


def test_zip_bomb_with_lying_sizes(tmp_path, zeros_2gib):
    """The zip headers declare 5 KB for word/document.xml; the data inflates to 2 GiB."""
    payload, _ = zeros_2gib
    path = tmp_path / "liar.docx"
    path.write_bytes(docx_with(small_docx_parts(), {"word/document.xml": (payload, 0, 5000)}))
    report = lint_isolated(path, timeout=60)
    assert report["codes"] == ["RL001"]
    assert_bounded(report, 5, 300)


def test_many_parts_over_the_unpacked_limit(tmp_path):
    # 60 parts of 9.5 MB zeros: each below the per-part ratio check, together over 512 MiB
    size = 9_500_000
    payload, crc = _deflate(b"\0" * size), zlib.crc32(b"\0" * size)
    extra = [(f"customXml/item{i}.xml", payload, crc, size) for i in range(60)]
    path = tmp_path / "many.docx"
    path.write_bytes(docx_with(small_docx_parts(), extra=extra))
    report = lint_isolated(path, timeout=30)
    assert report["codes"] == ["RL001"]
    assert_bounded(report, 5, 300)


# ---------------------------------------------------------------- XML entities


class _Server(http.server.ThreadingHTTPServer):
    hits: list[str]


@pytest.fixture
def listener():
    """A local HTTP server that records every request (nothing may ever be fetched)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            server.hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY leak "FETCHED-FROM-NETWORK">')

        def log_message(self, *args):
            pass

    server = _Server(("127.0.0.1", 0), Handler)
    server.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("SECRET-FILE-CONTENT-42", encoding="utf-8")
    return path


def _with_doctype(xml: bytes, doctype: str, text: str = "", placeholder: str = "一、总体情况") -> bytes:
    declaration, rest = xml.split(b"?>", 1)
    body = rest.decode("utf-8").replace(placeholder, placeholder + text, 1) if text else rest.decode("utf-8")
    return declaration + b"?>\n" + doctype.encode("utf-8") + body.encode("utf-8")


def _entity_cases(port: int, secret: Path) -> dict[str, tuple[str, str]]:
    lol = '<!ENTITY a "' + "哈" * 10 + '">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)
    )
    return {
        "file-passwd": ('<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"),
        "file-secret": (f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>', "&xxe;"),
        "http-entity": (f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/entity">]>', "&xxe;"),
        "parameter-entity": (f'<!DOCTYPE w:document [<!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/remote.dtd"> %remote;]>', "&leak;"),
        "external-dtd": (f'<!DOCTYPE w:document SYSTEM "http://127.0.0.1:{port}/external.dtd">', ""),
        "billion-laughs": (f"<!DOCTYPE w:document [{lol}]>", "&j;"),
        "quadratic-blowup": ('<!DOCTYPE w:document [<!ENTITY q "' + "哈" * 50_000 + '">]>', "&q;" * 20_000),
    }


def _assert_nothing_leaked(result, server, secret: Path, started: float) -> None:
    assert time.monotonic() - started < 5
    assert server.hits == []
    if isinstance(result, ReadResult):
        assert "root:" not in result.text and "SECRET-FILE-CONTENT" not in result.text
        assert "FETCHED-FROM-NETWORK" not in result.text and "哈哈哈哈哈哈哈哈哈哈哈" not in result.text
    else:
        assert isinstance(result, ReadError)


@pytest.mark.parametrize("part", ["word/document.xml", "word/numbering.xml", "word/styles.xml"])
@pytest.mark.parametrize("case", list(_entity_cases(0, Path("/x"))))
def test_docx_xml_entities_are_never_resolved(case, part, tmp_path, listener, secret_file):
    doctype, reference = _entity_cases(listener.server_address[1], secret_file)[case]
    parts = small_docx_parts()
    if part == "word/document.xml":
        parts[part] = _with_doctype(parts[part], doctype, reference)
    else:
        parts[part] = _with_doctype(parts[part], doctype.replace("w:document", part.split("/")[1][:-4]))
    path = tmp_path / "entities.docx"
    path.write_bytes(docx_with(parts))
    started = time.monotonic()
    result = read_path(path)
    _assert_nothing_leaked(result, listener, secret_file, started)
    linted = lint_file(path)
    assert linted.diagnostics, "a verdict (RL001, or findings on the text without the entity)"


@pytest.mark.parametrize("case", list(_entity_cases(0, Path("/x"))))
def test_html_entities_and_doctype_are_never_resolved(case, tmp_path, listener, secret_file):
    doctype, reference = _entity_cases(listener.server_address[1], secret_file)[case]
    html = (
        '<?xml version="1.0" encoding="utf-8"?>\n' + doctype.replace("w:document", "html")
        + '\n<html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8"/>'
        + f'<link rel="stylesheet" href="http://127.0.0.1:{listener.server_address[1]}/style.css"/>'
        + f'<script src="http://127.0.0.1:{listener.server_address[1]}/app.js"></script></head>'
        + f'<body><p>一、总体情况{reference}</p><img src="http://127.0.0.1:{listener.server_address[1]}/a.png"/>'
        + f'<iframe src="{secret_file.as_uri()}"></iframe></body></html>'
    )
    path = tmp_path / "entities.html"
    path.write_text(html, encoding="utf-8")
    started = time.monotonic()
    result = read_path(path)
    _assert_nothing_leaked(result, listener, secret_file, started)
    if isinstance(result, ReadResult):  # (HTMLParser leaves a stray "]>" of an internal subset as text)
        assert "一、总体情况" in result.text


# ---------------------------------------------------------------- empty files


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.docx", "empty.html", "empty.htm", "empty.pdf"])
def test_empty_file_of_each_format(name, tmp_path):
    path = tmp_path / name
    path.write_bytes(b"")
    message = _rl001(lint_file(path))
    assert message


@pytest.mark.parametrize(
    "name, data",
    [("blank.html", b"<html><head><title>t</title></head><body>  \n</body></html>"), ("blank.docx", None)],
)
def test_files_with_no_text_at_all(name, data, tmp_path):
    path = tmp_path / name
    if data is None:
        docx.Document().save(str(path))
    else:
        path.write_bytes(data)
    result = lint_file(path)
    assert result.status == "error" and [d.code for d in result.diagnostics] in (["RL001"], ["RL004"])


# ---------------------------------------------------------------- a 100 MB single-line text


def _one_line_report(path: Path, size: int, with_tables: bool = True) -> None:
    """The good report with its line breaks turned into spaces, repeated to `size` bytes: one line.

    Without its table rows (`with_tables=False`) the line holds no `|` at all, like a narrative
    pasted without line breaks."""
    lines = (ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt").read_text(encoding="utf-8").split("\n")
    chunk = " ".join(line for line in lines if with_tables or "|" not in line).encode("utf-8") + b" "
    with path.open("wb") as out:
        written = 0
        while written + len(chunk) <= size:
            out.write(chunk)
            written += len(chunk)
        out.write(b" " * (size - written))


@pytest.mark.slow
@pytest.mark.parametrize("with_tables", [True, False], ids=["with-table-rows", "narrative-only"])
def test_100_mb_single_line_text_finishes_in_bounded_time_and_memory(with_tables, tmp_path):
    path = tmp_path / "one_line.txt"
    _one_line_report(path, 100 * 1024 * 1024, with_tables)
    assert path.stat().st_size == 100 * 1024 * 1024
    report = lint_isolated(path, timeout=90)
    assert_bounded(report, 60, 2048)  # the file is 100 MiB; 20x that at most
    assert "RL002" not in report["codes"]  # no rule crashed
    assert report["status"] in ("pass", "fail", "error")


def test_one_line_of_256_kb_is_not_quadratic(tmp_path):
    # the same narrative-only line, small: a linear pass over 256 KB takes well under a second
    path = tmp_path / "one_line.txt"
    _one_line_report(path, 256 * 1024, with_tables=False)
    report = lint_isolated(path, timeout=60)
    assert_bounded(report, 10, 500)


def test_100_mb_text_over_max_size_is_refused_quickly(tmp_path):
    path = tmp_path / "one_line.txt"
    _one_line_report(path, 100 * 1024 * 1024)
    started = time.monotonic()
    child = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "--format", "json", "--max-size", str(10 * 1024 * 1024), str(path)],
        capture_output=True, text=True, timeout=60, cwd=str(ROOT),
    )
    assert time.monotonic() - started < 20
    assert child.returncode == 1
    document = json.loads(child.stdout)
    assert [d["code"] for d in document["files"][0]["diagnostics"]] == ["RL001"]
    assert "--max-size" in document["files"][0]["diagnostics"][0]["message"]


# ---------------------------------------------------------------- a folder of everything, via the CLI


def _check_folder(folder: Path) -> tuple[int, dict]:
    child = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "--format", "json", str(folder)],
        capture_output=True, text=True, timeout=300, cwd=str(ROOT),
    )
    assert child.stdout, child.stderr[-3000:]
    return child.returncode, json.loads(child.stdout)


def test_folder_mixing_formats_and_broken_files(tmp_path, good_text, bad_sample, to_docx, to_html, zeros_2gib):
    folder = tmp_path / "reports"
    folder.mkdir()
    good = {
        "good.txt": lambda p: p.write_text(good_text, encoding="utf-8"),
        "good_gbk.txt": lambda p: p.write_bytes(good_text.encode("gbk")),
        "good.docx": lambda p: to_docx(good_text, p),
        "good.html": lambda p: to_html(good_text, p, noise=True),
        "rl301.txt": lambda p: shutil.copy(bad_sample("RL301"), p),
        "rl301.docx": lambda p: to_docx(bad_sample("RL301").read_text(encoding="utf-8"), p, merged=True),
        "rl402.htm": lambda p: to_html(bad_sample("RL402").read_text(encoding="utf-8"), p),
    }
    if HONGZE_PDF.is_file():
        good["hongze.pdf"] = lambda p: shutil.copy(HONGZE_PDF, p)
    if TEMPLATE_DOCX.is_file():
        good["template.docx"] = lambda p: shutil.copy(TEMPLATE_DOCX, p)
    payload, crc = zeros_2gib
    broken = {
        "empty.txt": b"",
        "empty.docx": b"",
        "empty.html": b"",
        "empty.pdf": b"",
        "corrupt.docx": b"PK\x03\x04" + bytes(range(256)) * 20,
        "no_body.docx": docx_with({k: v for k, v in small_docx_parts().items() if k != "word/document.xml"}),
        "bomb.docx": docx_with(small_docx_parts(), {"word/document.xml": (payload, crc, 2 * GIB)}),
        "scan.pdf": b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
        "truncated.pdf": HONGZE_PDF.read_bytes()[:100_000] if HONGZE_PDF.is_file() else b"%PDF-1.7\n1 0 obj\n<<",
        "binary.txt": b"\x00\x01\x02binary" * 100,
        "undecodable.txt": b"\xfa\xff\xfe" * 100,
    }
    for name, make in good.items():
        make(folder / name)
    for name, data in broken.items():
        (folder / name).write_bytes(data)
    code, document = _check_folder(folder)
    assert code == 1
    verdicts = {Path(f["path"]).name: f for f in document["files"]}
    assert sorted(verdicts) == sorted(list(good) + list(broken)), "every file gets exactly one verdict"
    assert len(document["files"]) == len(good) + len(broken)
    for name in broken:
        assert verdicts[name]["status"] == "error", name
        assert [d["code"] for d in verdicts[name]["diagnostics"]] == ["RL001"], name
    for name in good:  # the same verdict as when checked alone
        alone = lint_file(folder / name)
        assert verdicts[name]["status"] == alone.status, name
        assert sorted((d["code"], d["row"], d["column_label"], d["expected"], d["actual"]) for d in verdicts[name]["diagnostics"]) == sorted(
            map(diagnostic_key, alone.diagnostics)
        ), name
    assert [verdicts[n]["status"] for n in ("good.txt", "good_gbk.txt", "good.docx", "good.html")] == ["pass"] * 4
    assert verdicts["rl301.docx"]["status"] == "fail"
    assert document["summary"]["unassessed"] == len(broken)


def test_folder_with_doc_and_wps_gives_them_a_verdict(tmp_path, good_text):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text(good_text, encoding="utf-8")
    for name in ("2023年报.doc", "2023年报.wps", "OLD.DOC"):
        (folder / name).write_bytes(OLE_MAGIC + b"\0" * 4088)
    code, document = _check_folder(folder)
    verdicts = {Path(f["path"]).name: f for f in document["files"]}
    assert sorted(verdicts) == sorted(["good.txt", "2023年报.doc", "2023年报.wps", "OLD.DOC"])
    for name in ("2023年报.doc", "2023年报.wps", "OLD.DOC"):
        assert [d["code"] for d in verdicts[name]["diagnostics"]] == ["RL001"]
        assert ".docx" in verdicts[name]["diagnostics"][0]["message"]
    assert code == 1
