"""RL001 unreadable-file: lint_path turns bytes it cannot read into one RL001 verdict, never an exception."""

from __future__ import annotations

import pytest

from reportlint import LintOptions, lint_path
from reportlint.api import Severity


def _key(result):
    """What a reader must not change: every finding with its position and message."""
    return [(d.code, d.line, d.column, d.end_line, d.end_column, d.message) for d in result.diagnostics]


def _only_rl001(result):
    assert result.status == "error"
    assert result.template is None
    assert len(result.diagnostics) == 1, result.diagnostics
    diagnostic = result.diagnostics[0]
    assert diagnostic.code == "RL001"
    assert diagnostic.name == "unreadable-file"
    assert diagnostic.severity is Severity.ERROR
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (1, 1, 1, 1)
    return diagnostic


# ---------------------------------------------------------------- bad: files that cannot be read


def test_nul_bytes_are_binary(tmp_path):
    path = tmp_path / "renamed_spreadsheet.txt"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00\x00binary\x00" * 200)
    diagnostic = _only_rl001(lint_path(path))
    assert diagnostic.message == "文件是二进制内容而不是文本（NUL bytes）：请确认文件类型，Word 文档请保存为 .docx"


def test_nul_bytes_inside_otherwise_valid_text_are_binary(tmp_path, good_text):
    path = tmp_path / "report.txt"
    path.write_bytes(good_text.encode("utf-8")[:300] + b"\x00" + good_text.encode("utf-8")[300:])
    # a NUL can only come from a binary container, even if the rest decodes
    assert "二进制" in _only_rl001(lint_path(path)).message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _only_rl001(lint_path(path)).message == "文件为空：没有可检查的内容"


def test_whitespace_only_file_is_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \r\n\n\t \n")
    assert _only_rl001(lint_path(path)).message == "文件为空：没有可检查的内容"


def test_doc_suffix_is_unsupported(tmp_path, good_text):
    path = tmp_path / "年报.doc"
    path.write_bytes(good_text.encode("utf-8"))  # even if the bytes are fine: the format is not
    diagnostic = _only_rl001(lint_path(path))
    assert diagnostic.message == "不支持的文件格式「.doc」：请在 Word 或 WPS 中另存为 .docx 后再检查"


def test_unsupported_suffix_message_in_english(tmp_path, good_text):
    path = tmp_path / "report.doc"
    path.write_bytes(good_text.encode("utf-8"))
    diagnostic = _only_rl001(lint_path(path, LintOptions(lang="en")))
    assert diagnostic.message == "unsupported file format '.doc': save it as .docx in Word or WPS and check again"


def test_file_without_suffix_is_unsupported(tmp_path, good_text):
    path = tmp_path / "report"
    path.write_bytes(good_text.encode("utf-8"))
    assert "(无扩展名)" in _only_rl001(lint_path(path)).message


def test_undecodable_bytes_without_bom(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"\xfa\xff\xfe" * 100)  # not UTF-8, not GB18030 (0xFF is never valid), no BOM
    diagnostic = _only_rl001(lint_path(path))
    assert diagnostic.message == (
        "无法识别文件编码（不是 UTF-8、GB18030/GBK，也无法可靠推断）：请另存为 UTF-8 编码的文本后再检查"
    )


def test_high_bytes_noise_is_undecodable(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 10)
    assert "无法识别文件编码" in _only_rl001(lint_path(path)).message


def test_garbage_after_a_utf16_bom_is_undecodable(tmp_path):
    # b"\xff\xfe\xfa" * 100: the first two bytes happen to be the UTF-16-LE BOM; what follows decodes
    # to U+FFFA / U+FAFE / U+FEFF noise, not text. That is an unreadable file (RL001), not a readable
    # text that merely fails to look like a report (RL004).
    path = tmp_path / "garbage_bom.txt"
    path.write_bytes(b"\xff\xfe\xfa" * 100)
    result = lint_path(path)
    assert [d.code for d in result.diagnostics] == ["RL001"]
    assert result.status == "error"


def test_file_too_large(tmp_path, good_text):
    path = tmp_path / "report.txt"
    data = good_text.encode("utf-8")
    path.write_bytes(data)
    diagnostic = _only_rl001(lint_path(path, LintOptions(max_bytes=100)))
    assert diagnostic.message == f"文件过大（{len(data)} 字节，上限 100 字节）：请确认是否为年报，或用 --max-size 调高上限"


def test_missing_file(tmp_path):
    diagnostic = _only_rl001(lint_path(tmp_path / "does_not_exist.txt"))
    assert diagnostic.message.startswith("文件或文件夹不存在")
    assert _only_rl001(lint_path(tmp_path / "no_suffix", LintOptions(lang="en"))).message.startswith("no such file or folder")


# ---------------------------------------------------------------- good: encodings that must be read


def test_utf8_report_is_read(good_path, codes):
    result = lint_path(good_path)
    assert "RL001" not in codes(result)
    assert result.status == "pass"
    assert result.encoding == "utf-8"
    assert result.notes == ()


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_gbk_encoded_report_gives_the_same_findings(tmp_path, bad_sample, codec):
    # RL401 sample: findings at known columns, so a mis-decoded character would move or lose them
    text = bad_sample("RL401").read_text(encoding="utf-8")
    utf8 = tmp_path / "utf8.txt"
    utf8.write_bytes(text.encode("utf-8"))
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(text.encode(codec))
    expected, result = lint_path(utf8), lint_path(gbk)
    assert "RL001" not in [d.code for d in result.diagnostics]
    assert _key(result) == _key(expected)
    assert [d.code for d in result.diagnostics] == ["RL401", "RL401"]
    assert result.status == "fail"
    assert result.encoding == "gb18030"
    assert result.notes == ("encoding guessed: gb18030",)


def test_gbk_encoded_good_report_passes(tmp_path, good_text):
    path = tmp_path / "good_gbk.txt"
    path.write_bytes(good_text.encode("gb18030"))
    result = lint_path(path)
    assert result.status == "pass"
    assert result.diagnostics == ()
    assert result.year == 2023
    assert result.template == "2021"


def test_utf8_with_bom(tmp_path, bad_sample, replace_once):
    text = bad_sample("RL401").read_text(encoding="utf-8")
    # a placeholder in line 1 too, so that a BOM counted as a character would show as a column shift
    text = replace_once(text, "青山县交通运输局2023年政府信息公开工作年度报告", "青山县XX局2023年政府信息公开工作年度报告")
    plain = tmp_path / "plain.txt"
    plain.write_bytes(text.encode("utf-8"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = lint_path(bom)
    assert _key(result) == _key(lint_path(plain))  # the BOM does not shift line-1 columns
    assert result.encoding == "utf-8 (BOM)"
    first = result.diagnostics[0]
    assert (first.code, first.line, first.column, first.end_column, first.actual) == ("RL401", 1, 4, 6, "XX")


def test_utf16_with_bom(tmp_path, good_text):
    path = tmp_path / "utf16.txt"
    path.write_bytes(good_text.encode("utf-16"))
    result = lint_path(path)
    assert result.status == "pass"
    assert result.diagnostics == ()
    assert result.encoding == "utf-16"


def test_crlf_line_ends_keep_line_numbers(tmp_path, bad_sample):
    text = bad_sample("RL401").read_text(encoding="utf-8")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = lint_path(path)
    found = [(d.code, d.line, d.column, d.actual) for d in result.diagnostics if d.code == "RL401"]
    assert found == [("RL401", 9, 62, "xxxx"), ("RL401", 13, 45, "XX")]


@pytest.mark.parametrize("name", ["report.md", "REPORT.TXT", "report.markdown", "report.text"])
def test_supported_suffixes(tmp_path, good_text, name):
    path = tmp_path / name
    path.write_bytes(good_text.encode("utf-8"))
    result = lint_path(path)
    assert result.status == "pass"
    assert result.diagnostics == ()
    assert (result.template, result.year) == ("2021", 2023)
