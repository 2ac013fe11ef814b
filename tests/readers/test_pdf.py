"""PDF: the Hongze district report (tables from ruling lines), scans, encrypted and broken files."""

from __future__ import annotations

import zlib
from collections import Counter
from pathlib import Path

import pytest

from readers_conftest import diagnostic_key, lint_file
from reportlint.context import LintContext
from reportlint.parser import parse
from reportlint.readers import Limits, ReadError, ReadResult, read_path
from reportlint.readers.pdf import read_pdf

# ---------------------------------------------------------------- hand-made PDFs


def make_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A well-formed PDF (correct xref offsets) from the bodies of objects 1..n; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d " % len(data) + extra + b">>\nstream\n" + data + b"\nendstream"


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
HELLO = b"BT /F1 24 Tf 72 720 Td (Annual report 2023) Tj ET"


def text_pdf(trailer: bytes = b"", extra_objects: list[bytes] = ()) -> bytes:
    return make_pdf(
        [
            CATALOG,
            PAGES,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(HELLO),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            *extra_objects,
        ],
        trailer,
    )


def test_hand_made_pdf_is_valid():
    # the generator itself: a page with text reads, so the failures below are about what they test
    result = read_pdf(text_pdf())
    assert isinstance(result, ReadResult)
    assert result.text == "Annual report 2023\n"


# ---------------------------------------------------------------- the Hongze district report


def test_hongze_review_totals_are_wrong_rl304(hongze_pdf):
    result = lint_file(hongze_pdf)
    rl304 = [d for d in result.diagnostics if d.code == "RL304"]
    assert [(d.column_label, d.expected, d.actual) for d in rl304] == [
        ("行政复议·总计", "11", "0"),
        ("行政诉讼·复议后起诉·总计", "5", "0"),
    ]
    for d, cell in zip(rl304, (5, 15)):
        assert d.origin["page"] == 4
        assert d.origin["cell"] == cell  # 总计 of 行政复议 is column 5, of 复议后起诉 column 15
        assert {"table", "row"} <= set(d.origin)
        assert d.origin_text.startswith("第4页 表")
    assert result.status == "fail" and result.year == 2023 and result.template == "2021"


_PRINTED_REQUEST_ROWS = {
    "r1", "r2", "r3_1", "r3_2",
    *(f"r3_3_{i}" for i in range(1, 9)),
    *(f"r3_4_{i}" for i in range(1, 4)),
    *(f"r3_5_{i}" for i in range(1, 6)),
    "r3_6",  # （六）其他处理 is printed as one row in this report (no sub-rows 1–3)
    "r3_7", "r4",
}


def test_hongze_request_table_is_read_in_full(hongze_pdf, hongze_txt):
    pdf = LintContext(parse(read_path(hongze_pdf).text)).table("request")
    txt = LintContext(parse(hongze_txt.read_text(encoding="utf-8"))).table("request")
    assert pdf is not None
    assert set(pdf.by_id) == _PRINTED_REQUEST_ROWS
    assert len(pdf.rows) == len(_PRINTED_REQUEST_ROWS) == 23
    # the rows continued on pages 3 and 4 are one table, with the figures of the text version
    for row_id in _PRINTED_REQUEST_ROWS:
        assert [v.number for v in pdf.by_id[row_id].values] == [v.number for v in txt.by_id[row_id].values], row_id
    assert [v.number for v in pdf.by_id["r1"].values] == [21, 0, 0, 0, 0, 0, 21]
    assert [v.number for v in pdf.by_id["r3_4_1"].values] == [10, 0, 0, 0, 0, 0, 10]
    review = LintContext(parse(read_path(hongze_pdf).text)).table("review")
    assert review is not None
    assert [v.number for v in review.rows[0].values] == [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]


def test_hongze_pdf_and_its_text_version_give_the_same_findings(hongze_pdf, hongze_txt):
    pdf, txt = lint_file(hongze_pdf), lint_file(hongze_txt)
    errors = lambda r: sorted(d.code for d in r.diagnostics if d.severity.value == "error")  # noqa: E731
    assert errors(pdf) == errors(txt) == ["RL106", "RL304", "RL304"]
    assert Counter(map(diagnostic_key, pdf.diagnostics)) == Counter(map(diagnostic_key, txt.diagnostics))
    table_findings = [d for d in pdf.diagnostics if d.row is not None]
    assert table_findings and all("table" in d.origin and "page" in d.origin for d in table_findings)


def test_hongze_page_limit(hongze_pdf):
    result = read_path(hongze_pdf, Limits(max_pdf_pages=2))
    assert isinstance(result, ReadError)
    assert result.args == {"pages": 5, "limit": 2, "name": "max_pdf_pages"}
    assert result.message.zh.format(**result.args) == "PDF 共 5 页（页面树所记）（上限 max_pdf_pages = 2），已拒绝读取"
    assert result.message.en.format(**result.args) == "the PDF has 5 pages (by its page tree) (limit max_pdf_pages = 2); refused"


# ---------------------------------------------------------------- scans, encryption, damage


def _rl001(path: Path) -> str:
    result = lint_file(path)
    assert [d.code for d in result.diagnostics] == ["RL001"], [(d.code, d.message) for d in result.diagnostics]
    assert result.status == "error"
    return result.diagnostics[0].message


def test_blank_page_needs_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([CATALOG, PAGES, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]))
    message = _rl001(path)
    assert "OCR" in message and "扫描件" in message


def test_image_only_page_needs_ocr(tmp_path):
    # a scanned page: one grey image painted over the page, no text operators at all
    pixels = zlib.compress(bytes([200]) * (64 * 64))
    image = _stream(pixels, b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ")
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    path = tmp_path / "scan.pdf"
    path.write_bytes(
        make_pdf([
            CATALOG,
            PAGES,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(content),
            image,
        ])
    )
    assert "OCR" in _rl001(path)
    assert "OCR" in lint_file(path, lang="en").diagnostics[0].message


def _encrypted() -> bytes:
    # Standard security handler, RC4 40-bit, with a user password we do not know (/U does not match "")
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"4f" * 32 + b"> /U <" + b"75" * 32 + b"> /P -3904 >>"
    return text_pdf(
        trailer=b"/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
        extra_objects=[encrypt],
    )


def test_encrypted_pdf_says_so(tmp_path):
    path = tmp_path / "secret.pdf"
    path.write_bytes(_encrypted())
    message = _rl001(path)
    assert "加密" in message and "密码" in message
    assert "encrypted" in lint_file(path, lang="en").diagnostics[0].message


@pytest.mark.parametrize("fraction", [0.97, 0.5, 0.1])
def test_truncated_pdf(fraction, tmp_path, hongze_pdf):
    data = hongze_pdf.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * fraction)])
    message = _rl001(path)
    assert "PDF" in message and "损坏" in message


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n", b"%PDF-1.4\n" + bytes(range(256)) * 64, b"<html>not a pdf</html>", b"\x00" * 4096],
    ids=["header-only", "binary-noise", "html-named-pdf", "nul-bytes"],
)
def test_corrupt_pdf_says_what_to_do(data, tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    message = _rl001(path)
    assert "PDF" in message
    assert "重新导出" in message or "请" in message  # what to do about it, not only what is wrong
