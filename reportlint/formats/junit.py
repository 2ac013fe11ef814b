"""JUnit XML: CI servers (GitLab, Jenkins, Azure Pipelines) show each report as a passed or failed test.

One `<testsuite name="reportlint">` (inside `<testsuites>`, as ruff and eslint write it) with one
`<testcase>` per file: `classname`, `name` and `file` are the path. A file with errors gets a
`<failure>` listing all its findings, one per line; a file that could not be assessed (status
'error': RL001 unreadable, RL004 not a report) gets an `<error>` instead; a passing file's warnings
and infos go to `<system-out>`. The counts say how many files, not findings. Escaping is
ElementTree's; characters XML 1.0 forbids (control characters from garbled files) are written as
`\\xNN` so the document always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Collection, Iterable, Iterator

from ..api import Rule, Severity
from ..engine import Diagnostic
from ..lint import FileResult
from .location import context, origin_note, where

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'
_SLOT = "reportlint-testcases"  # where the test cases go in the skeleton


def chunks(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str) -> Iterator[str]:
    """The counts first (one walk), then one <testcase> at a time into the indented skeleton."""
    counts = _counts(results, name="reportlint")
    root = ET.Element("testsuites", counts)
    suite = ET.SubElement(root, "testsuite", counts)
    if counts["tests"] != "0":
        ET.SubElement(suite, _SLOT)
    ET.indent(root)
    before, slot, after = ET.tostring(root, encoding="unicode").partition(f"<{_SLOT} />")
    yield _HEADER + before
    if slot:
        for position, result in enumerate(results):
            case = _testcase(result, lang)
            ET.indent(case, level=2)
            yield ("\n    " if position else "") + ET.tostring(case, encoding="unicode")
    yield after + "\n"


def render(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    return "".join(chunks(results, rules, lang))


def _counts(results: Iterable[FileResult], **extra: str) -> dict[str, str]:
    statuses = Counter(r.status for r in results)
    return {
        **extra,
        "tests": str(sum(statuses.values())),
        "failures": str(statuses["fail"]),
        "errors": str(statuses["error"]),
        "skipped": "0",
    }


def _testcase(result: FileResult, lang: str) -> ET.Element:
    path = xml_safe(result.path)
    case = ET.Element("testcase", {"classname": path, "name": path, "file": path})
    listing = "\n".join(finding_line(result.path, d) for d in result.diagnostics)
    if result.status == "error":
        cause = next((d for d in result.diagnostics if d.severity is Severity.ERROR), result.diagnostics[0])
        ET.SubElement(case, "error", {"message": xml_safe(cause.message), "type": cause.code}).text = xml_safe(listing)
    elif result.status == "fail":
        attributes = {"message": _tally(result, lang), "type": _error_codes(result)}
        ET.SubElement(case, "failure", attributes).text = xml_safe(listing)
    elif listing:
        ET.SubElement(case, "system-out").text = xml_safe(listing)
    return case


def finding_line(path: str, d: Diagnostic) -> str:
    """`path:line:col: CODE [severity] message [origin]  [section › row › column]`, as the text output reads."""
    place = context(d)
    return f"{where(path, d)}: {d.code} [{d.severity.value}] {d.message}{origin_note(d)}" + (f"  [{place}]" if place else "")


def _tally(result: FileResult, lang: str) -> str:
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    if lang == "zh":
        return f"{errors} 个错误，{warnings} 个警告，{infos} 个提示"
    return f"{errors} error(s), {warnings} warning(s), {infos} info"


def _error_codes(result: FileResult) -> str:
    return " ".join(dict.fromkeys(d.code for d in result.diagnostics if d.severity is Severity.ERROR))


def xml_safe(text: str) -> str:
    """Replace what XML 1.0 cannot carry (even escaped) by a visible `\\xNN` / `\\uNNNN`."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)
