"""`--format gitlab`: a GitLab Code Quality report, one issue per finding with a stable fingerprint."""

from __future__ import annotations

import json
import re
from pathlib import Path

from format_helpers import GOOD, RL301, TRICKY_MESSAGE, TRICKY_PATH, check_json, diagnostic, run, tricky_result

from reportlint.api import Severity
from reportlint.formats import gitlab
from reportlint.registry import all_rules


def issues(*args: str) -> tuple[int, list[dict]]:
    code, output = run("check", "--format", "gitlab", *args)
    return code, json.loads(output)


def test_rl301_sample_exact():
    code, report = issues(RL301)
    assert code == 1
    fingerprints = [issue.pop("fingerprint") for issue in report]
    assert report == [
        {
            "description": "RL301: 「（一）予以公开」行「总计」列应为 5，实际为 6；依据：总计应等于各类申请人之和；「（一）予以公开·总计」很可能有误：改为 5 则 2 处勾稽关系都成立",
            "check_name": "RL301",
            "severity": "major",
            "location": {"path": RL301, "lines": {"begin": 35}},
        },
        {
            "description": "RL302: 「（七）总计」行「总计」列应为 13，实际为 12；依据：（七）总计应等于（一）至（六）各项办理结果之和；「（一）予以公开·总计」很可能有误：改为 5 则 2 处勾稽关系都成立",
            "check_name": "RL302",
            "severity": "major",
            "location": {"path": RL301, "lines": {"begin": 56}},
        },
    ]
    assert all(re.fullmatch(r"[0-9a-f]{32}", f) for f in fingerprints)


def test_bad_samples_one_issue_per_finding():
    code, report = issues("samples/bad")
    document = check_json("samples/bad")
    expected = [(f["path"], d) for f in document["files"] for d in f["diagnostics"]]
    assert code == 1 and len(report) == len(expected)
    severities = {"error": "major", "warning": "minor", "info": "info"}
    for issue, (path, d) in zip(report, expected):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == d["code"]
        assert issue["severity"] == severities[d["severity"]]
        assert issue["location"] == {"path": path, "lines": {"begin": d["line"]}}
        assert issue["description"] == f"{d['code']}: {d['message']}"
    assert {i["severity"] for i in report} == {"major", "minor", "info"}
    assert len({i["fingerprint"] for i in report}) == len(report)  # GitLab merges equal fingerprints


def test_good_sample_is_an_empty_report():
    code, report = issues(GOOD)
    assert code == 0 and report == []


def test_fingerprints_survive_inserted_lines(tmp_path):
    text = Path(RL301).read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    report_file = tmp_path / "report.txt"
    report_file.write_text(text, encoding="utf-8")
    _, before = issues(str(report_file))
    report_file.write_text(title + "\n\n" + rest, encoding="utf-8")
    _, after = issues(str(report_file))
    assert [i["location"]["lines"]["begin"] for i in after] == [i["location"]["lines"]["begin"] + 1 for i in before]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_escaping_round_trips():
    text = gitlab.render([tricky_result()], all_rules(), "en")
    (issue,) = json.loads(text)
    assert issue["description"] == f"RL301: {TRICKY_MESSAGE}"
    assert issue["location"]["path"] == TRICKY_PATH


def test_severity_mapping_and_origin():
    mapped = [gitlab.issue("x.txt", diagnostic(severity=s))["severity"] for s in Severity]
    assert mapped == ["major", "minor", "info"]
    located = gitlab.issue("r.pdf", diagnostic(message="m", origin={"page": 2}, origin_text="第2页"), lang="zh")
    assert located["description"] == "RL301: m [第2页]"
