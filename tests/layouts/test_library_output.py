"""Library warnings (pdfminer's `Could not get FontBBox…`, Python warnings from zipfile/python-docx)
raised while a file is read go to debug logging, never to the user's terminal."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pytest

import reportlint.readers as readers
from reportlint.readers import ReadResult, read_path


def _noisy_reader(path, limits):
    logging.getLogger("pdfminer.pdffont").warning("Could not get FontBBox from font descriptor because None cannot be parsed as 4 floats")
    logging.getLogger("pdfplumber.utils.text").warning("a pdfplumber warning")
    warnings.warn("Duplicate name: 'word/document.xml'", UserWarning)
    return ReadResult("一、总体情况\n", "pdf", False)


def test_library_warnings_become_debug_records(tmp_path: Path, monkeypatch, capfd, caplog) -> None:
    monkeypatch.setattr(readers, "_read_file", _noisy_reader)
    with caplog.at_level(logging.DEBUG, logger="reportlint.readers"):
        read = read_path(tmp_path / "x.pdf")
    assert isinstance(read, ReadResult)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
    messages = [r.getMessage() for r in caplog.records if r.name == "reportlint.readers"]
    assert all(r.levelno == logging.DEBUG for r in caplog.records if r.name == "reportlint.readers")
    assert any("FontBBox" in m and m.startswith("pdfminer.pdffont") for m in messages)
    assert any("pdfplumber warning" in m for m in messages)
    assert any("Duplicate name" in m for m in messages)


def test_warnings_after_a_read_still_warn(tmp_path: Path, monkeypatch) -> None:
    """Only what happens while a file is read is redirected: the caller's own warnings still warn."""
    monkeypatch.setattr(readers, "_read_file", _noisy_reader)
    read_path(tmp_path / "x.pdf")
    with pytest.warns(UserWarning, match="the caller's own"):
        warnings.warn("the caller's own", UserWarning)
