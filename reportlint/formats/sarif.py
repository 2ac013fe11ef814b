"""SARIF 2.1.0: what GitHub code scanning, Azure DevOps and the SARIF viewers read.

One run with every rule of the run in `tool.driver.rules` (so a viewer can explain a code that did
not fire) and one result per diagnostic. Positions are the extracted text's, as in the JSON output:
1-based lines and columns with the end column exclusive, which is SARIF's convention too; columns
count Unicode code points, as `run.columnKind` says (SARIF's default would be UTF-16 units). For
.docx/.html/.pdf the place in the original file (page, table, row, cell) is in the location's
message and in `properties.origin`. Files that could
not be assessed appear through their RL001/RL004 result; every checked file is listed in
`run.artifacts` with its status, so a passing file is visible too.

`partialFingerprints["reportlint/v1"]` hashes the code, the path, where the finding sits in the
report (section, row, column) and the flagged text — never a line number — so an alert survives
edits elsewhere in the file; identical findings in one file are told apart by their occurrence.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Collection, Iterable, Iterator
from urllib.parse import quote

from .. import __version__
from ..api import Rule, Severity
from ..baseline import fingerprint as baseline_fingerprint
from ..engine import Diagnostic
from ..lint import FileResult
from ..readers import TEXT_SUFFIXES
from .jsonstream import Lazy
from .jsonstream import chunks as json_chunks

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "reportlint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"

# The code's hundreds group the rules by what they look at; the group is a SARIF tag.
_FAMILIES = {
    "0": "input",
    "1": "structure",
    "2": "tables",
    "3": "arithmetic",
    "4": "leftovers",
    "5": "consistency",
    "6": "text-quality",
}
_EXAMPLE_HEADINGS = {"zh": ("错误示例：", "正确示例："), "en": ("Bad:", "Good:")}


def chunks(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str) -> Iterator[str]:
    return json_chunks(sarif_log(results, rules, lang, collect=Lazy))


def render(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str) -> str:
    return "".join(chunks(results, rules, lang))


def sarif_log(results: Collection[FileResult], rules: tuple[Rule, ...], lang: str, collect=list) -> dict:
    """The SARIF log; `collect=Lazy` leaves artifacts and results to be encoded while writing."""
    descriptors, index = _descriptors(results, rules, lang)
    run = {
        "tool": {
            "driver": {
                "name": "reportlint",
                "version": __version__,
                "semanticVersion": __version__,
                "language": "zh-CN" if lang == "zh" else "en-US",
                "rules": descriptors,
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": collect(_artifact(r) for r in results),
        "results": collect(
            _result(result, artifact_index, d, index[d.code], occurrence)
            for artifact_index, result in enumerate(results)
            for d, occurrence in with_occurrences(result)
        ),
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


# --- paths and fingerprints (also used by the GitLab format) -------------------------------------


def posix_path(path: str) -> str:
    """The path as given, with forward slashes (a Windows `a\\b.txt` becomes `a/b.txt`)."""
    return Path(path).as_posix()


def fingerprint(path: str, d: Diagnostic, occurrence: int = 1) -> str:
    """Stable across runs and edits elsewhere: the baseline's recipe, numbered per identical finding."""
    return baseline_fingerprint(d, posix_path(path), occurrence)


def with_occurrences(result: FileResult):
    """Each diagnostic with how many identical ones (same fingerprint inputs) came before it, plus one."""
    seen: Counter = Counter()
    for d in result.diagnostics:
        key = (d.code, d.section, d.row, d.column_label, d.fingerprint_text or d.message)
        seen[key] += 1
        yield d, seen[key]


def _artifact_location(path: str) -> dict:
    posix = posix_path(path)
    if PurePosixPath(posix).is_absolute():
        return {"uri": Path(path).absolute().as_uri()}
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


# --- rules ---------------------------------------------------------------------------------------


def _descriptors(results: Iterable[FileResult], rules: tuple[Rule, ...], lang: str) -> tuple[list[dict], dict[str, int]]:
    """Every rule of the run, then any code that fired without a known rule; code -> index."""
    descriptors: list[dict] = []
    index: dict[str, int] = {}
    for rule in rules:
        if rule.code not in index:
            index[rule.code] = len(descriptors)
            descriptors.append(_rule_descriptor(rule, lang))
    for result in results:
        for d in result.diagnostics:
            if d.code not in index:
                index[d.code] = len(descriptors)
                descriptors.append({"id": d.code, "name": d.name, "properties": {"tags": _tags(d.code, None)}})
    return descriptors, index


def _rule_descriptor(rule: Rule, lang: str) -> dict:
    summary = getattr(rule.summary, lang)
    explanation = getattr(rule.explanation, lang)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": explanation},
        "help": _help(rule, explanation, lang),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": _tags(rule.code, rule.source), "source": rule.source},
    }


def _help(rule: Rule, explanation: str, lang: str) -> dict:
    bad_heading, good_heading = _EXAMPLE_HEADINGS.get(lang, _EXAMPLE_HEADINGS["en"])
    text = "\n".join([explanation, "", bad_heading, _indent(rule.bad), "", good_heading, _indent(rule.good)])
    markdown = "\n\n".join([explanation, f"**{bad_heading}**", _fenced(rule.bad), f"**{good_heading}**", _fenced(rule.good)])
    return {"text": text, "markdown": markdown}


def _indent(example: str) -> str:
    return "\n".join("    " + line for line in example.splitlines())


def _fenced(example: str) -> str:
    ticks = "`" * max(3, _longest_backtick_run(example) + 1)
    return f"{ticks}text\n{example}\n{ticks}"


def _longest_backtick_run(text: str) -> int:
    best = current = 0
    for char in text:
        current = current + 1 if char == "`" else 0
        best = max(best, current)
    return best


def _tags(code: str, source: str | None) -> list[str]:
    tags = ["reportlint"]
    if code.startswith("RL") and len(code) >= 3 and code[2] in _FAMILIES:
        tags.append(_FAMILIES[code[2]])
    if source and source != "reportlint":
        tags.append(source)
    return tags


# --- files and results ---------------------------------------------------------------------------


def _artifact(result: FileResult) -> dict:
    properties = {"status": result.status, "template": result.template, "year": result.year, "encoding": result.encoding}
    return {
        "location": _artifact_location(result.path),
        "roles": ["analysisTarget"],
        "properties": {key: value for key, value in properties.items() if value is not None},
    }


def _result(result: FileResult, artifact_index: int, d: Diagnostic, rule_index: int, occurrence: int) -> dict:
    location: dict = {
        "physicalLocation": {
            "artifactLocation": {**_artifact_location(result.path), "index": artifact_index},
            "region": _region(d),
        }
    }
    context = _context_region(result.path, d)
    if context:
        location["physicalLocation"]["contextRegion"] = context
    logical = _logical_location(d)
    if logical:
        location["logicalLocations"] = [logical]
    if d.origin_text:
        location["message"] = {"text": d.origin_text}
    sarif_result = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(result.path, d, occurrence)},
    }
    properties = _properties(d)
    if properties:
        sarif_result["properties"] = properties
    return sarif_result


def _region(d: Diagnostic) -> dict:
    """SARIF regions are 1-based with an exclusive end column, like ours; drop an end that is not after the start."""
    line, column = max(d.line, 1), max(d.column, 1)
    region = {"startLine": line, "startColumn": column}
    if d.end_line > line:
        region.update(endLine=d.end_line, endColumn=max(d.end_column, 1))
    elif d.end_line == line and d.end_column >= column:
        region.update(endLine=line, endColumn=d.end_column)
    return region


def _context_region(path: str, d: Diagnostic) -> dict | None:
    """The whole source line, for viewers that show no file: only for plain-text files (a .docx/.pdf/.html
    region is in the extracted text, not in the file's own bytes) and single-line regions."""
    if Path(path).suffix.lower() not in TEXT_SUFFIXES or not d.source_line.strip() or d.end_line != d.line:
        return None
    return {"startLine": max(d.line, 1), "snippet": {"text": d.source_line}}


def _logical_location(d: Diagnostic) -> dict | None:
    """Where in the report's structure: section path, then table row and column."""
    parts = [*d.section, *(part for part in (d.row, d.column_label) if part)]
    if not parts:
        return None
    return {"name": parts[-1], "fullyQualifiedName": " › ".join(parts)}


def _properties(d: Diagnostic) -> dict:
    properties = {
        "section": list(d.section) or None,
        "row": d.row,
        "columnLabel": d.column_label,
        "expected": d.expected,
        "actual": d.actual,
        "origin": d.origin or None,
    }
    return {key: value for key, value in properties.items() if value is not None}
