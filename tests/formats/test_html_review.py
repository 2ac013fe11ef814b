"""`--format html`: the reviewers' page for a batch of reports, one self-contained file.

The static tests parse the page with Python; the browser tests open it in headless Chromium (Debian's
`chromium` package), drive the filter through the URL hash and take a screenshot. Without Chromium
the browser tests are skipped on a developer's machine and fail in CI (where CI=true is set), so a
CI that forgets to install it cannot pass unnoticed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import time
from collections import Counter
from dataclasses import replace
from functools import lru_cache

import pytest
from format_helpers import GOOD, RL301, check_json, diagnostic, run, tricky_result
from review_html_helpers import (
    balanced,
    chromium,
    dump_dom,
    file_rows,
    hash_of,
    page_data,
    parse,
    png_size,
    row_path,
    screenshot,
    visible_rows,
)

from reportlint.api import Severity
from reportlint.formats import html as review
from reportlint.formats import render
from reportlint.lint import FileResult, LintOptions, lint_path
from reportlint.registry import all_rules
from reportlint.formats.json_format import summary

SAMPLES = ("samples/good", "samples/bad")
FIXED_TIME = "1780000000"  # SOURCE_DATE_EPOCH: the page's generation time, fixed so pages compare equal


@pytest.fixture(autouse=True)
def _fixed_generation_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_TIME)


RL302_FILE = "samples/bad/RL302_outcome_total.txt"


@lru_cache(maxsize=None)
def sample_results(lang: str = "zh") -> tuple[FileResult, ...]:
    """The samples, linted in the CLI's order (the JSON output's), messages in `lang`."""
    return tuple(lint_path(file["path"], LintOptions(lang=lang)) for file in check_json(*SAMPLES)["files"])


@lru_cache(maxsize=None)
def sample_page(lang: str = "zh") -> str:
    return render("html", list(sample_results(lang)), all_rules(), lang)


def codes_of(result: FileResult) -> set[str]:
    return {d.code for d in result.diagnostics}


def without_noscript(text: str) -> str:
    """The page as a browser with scripting parses it: <noscript> content is not built."""
    return re.sub(r"<noscript>.*?</noscript>", "", text, flags=re.S)


def static_part(text: str) -> str:
    """The page without the embedded findings (report text may hold anything, URLs included)."""
    return re.sub(r'<script type="application/json" id="reportlint-data">.*?</script>', "", text, flags=re.S)


# --- the page as written ----------------------------------------------------------------------------


def test_cli_writes_the_page_to_the_output_file(tmp_path):
    target = tmp_path / "review.html"
    code, output = run("check", "--format", "html", "--output-file", str(target), *SAMPLES)
    assert code == 1 and output == ""
    written = target.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>\n") and written.endswith("</html>\n")
    views = sorted((tmp_path / "review.views").iterdir())
    files = written.count("<tr data-i=")
    assert files > 30 and len(views) == files and all(v.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for v in views)
    links = re.findall(r'<a class="view" href="([^"]+)">', written)
    rows = [int(i) for i in re.findall(r'<tr data-i="(\d+)"', written)]  # files with errors first
    assert sorted(rows) == list(range(files))
    assert links == [f"review.views/{i:05d}.html" for i in rows], "each file's row links its report view"
    assert re.sub(r'<a class="view" href="[^"]+">[^<]+</a>', "", written) == sample_page(), "else what standard output gets"


def test_self_contained_no_network_no_external_assets():
    text = sample_page()
    tree = parse(text)
    assert balanced(text) == []
    static = static_part(text)
    loading = [name for element in tree.iter() if isinstance(element.tag, str) for name in element.attrib
               if name.split("}")[-1] in {"src", "srcset", "action", "formaction", "poster", "data", "background"}]
    assert loading == [], "no element loads anything"
    links = [element.get("href") for element in tree.iter() if isinstance(element.tag, str) and element.get("href") is not None]
    assert links and all(link.startswith("#") for link in links), "links only change the view (the hash)"
    forbidden_text = ("<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", "@font-face", "http://", "https://")
    for forbidden in forbidden_text:
        assert forbidden not in static.lower(), forbidden
    scripts = tree.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert all(s.get("src") is None for s in scripts)
    (policy,) = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert "default-src 'none'" in policy and "connect-src" not in policy
    digest = base64.b64encode(hashlib.sha256(scripts[1].text.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy, "the one inline script is allowed by its hash, nothing else"
    assert tree.xpath("//html/@lang") == ["zh-CN"] and tree.xpath("//meta/@charset") == ["utf-8"]


def test_overview_figures_are_the_summary():
    tree = parse(sample_page())
    cards = tree.xpath("//*[@data-figure]")
    figures = {card.get("data-figure"): int(card.xpath('./span[@class="value"]')[0].text) for card in cards}
    expected = summary(list(sample_results()))
    assert figures == {key: expected[key] for key in ("files", "passed", "failed", "unassessed", "errors", "warnings", "infos")}
    labels = [card.xpath('./span[@class="label"]')[0].text for card in cards]
    assert labels == ["检查文件", "通过", "有错误", "无法评估", "错误", "警告", "提示"]
    assert tree.xpath('//a[@data-figure="failed"]/@href') == ["#status=fail"]


def test_chart_shows_the_most_frequent_codes_by_severity_then_count():
    results = sample_results()
    tree = parse(sample_page())
    bars = tree.xpath('//svg[contains(@class, "bars")]//a[@class="bar"]')
    counts = Counter(d.code for r in results for d in r.diagnostics)
    worst = {code: max(d.severity.rank for r in results for d in r.diagnostics if d.code == code) for code in counts}
    ranked = sorted(counts.items(), key=lambda item: (-worst[item[0]], -item[1], item[0]))[: review.TOP_RULES]
    assert worst[ranked[0][0]] == Severity.ERROR.rank  # an info never heads the chart
    assert len(bars) == len(ranked) == min(10, len(counts)) and len(ranked) >= 5
    assert [bar.get("data-code") for bar in bars] == [code for code, _ in ranked]
    rules = {rule.code: rule for rule in all_rules()}
    widths = []
    for bar, (code, count) in zip(bars, ranked):
        assert bar.get("href") == f"#q={code}"
        assert bar.xpath('./text[@class="code"]')[0].text == code
        label = bar.xpath('./text[@class="summary"]')[0].text
        assert label == review.shorten(rules[code].summary.zh) and rules[code].summary.zh.startswith(label.rstrip("…"))
        assert rules[code].summary.zh in bar.xpath("./title")[0].text, "the full summary is the tooltip"
        files = sum(1 for r in results if code in codes_of(r))
        assert bar.xpath('./text[@class="count"]')[0].text == f"{count} 条 · {files} 个文件"
        (fill,) = bar.xpath('./rect[starts-with(@class, "fill-")]')
        assert fill.get("class") == f"fill-{rules[code].severity.value}"
        widths.append(float(fill.get("width")))
    most = max(count for _, count in ranked)
    assert all(abs(width - max(2.0, 560 * count / most)) < 0.11 for width, (_, count) in zip(widths, ranked))


def test_table_has_one_row_per_file():
    results = sample_results()
    tree = parse(sample_page())
    headers = [th.text_content() for th in tree.xpath('//table[@id="files"]/thead//th')]
    assert headers == ["文件", "发布机关", "年度", "模板", "结论", "错误", "警告", "主要问题"]
    kinds = tree.xpath('//table[@id="files"]/thead//th/button/@data-type')
    assert kinds == ["text", "text", "num", "text", "num", "num", "num", "text"]
    rows = file_rows(tree)
    assert len(rows) == len(results) > 20
    status_zh = {"pass": "通过", "fail": "有错误", "error": "无法评估"}
    def rank(result):  # files with errors first, then with warnings, input order within each
        return 0 if result.count(Severity.ERROR) else 1 if result.count(Severity.WARNING) else 2

    order = sorted(range(len(results)), key=lambda i: (rank(results[i]), i))
    assert [rank(results[i]) for i in order][0] == 0 and rank(results[order[-1]]) == 2
    for index, row in zip(order, rows):
        result = results[index]
        cells = row.xpath("./td")
        assert row.get("data-i") == str(index) and row.get("hidden") is None
        assert row.get("data-status") == result.status
        assert row_path(row) == result.path and cells[0].text_content() == result.path
        assert cells[1].text_content() == (result.issuer or "—")
        assert cells[2].text_content() == (str(result.year) if result.year else "—")
        assert cells[3].text_content() == (result.template or "—")
        assert cells[4].text_content() == status_zh[result.status]
        assert [int(cells[i].get("data-v")) for i in (5, 6)] == [result.count(Severity.ERROR), result.count(Severity.WARNING)]
        assert [int(cells[i].text) for i in (5, 6)] == [result.count(Severity.ERROR), result.count(Severity.WARNING)]
        chips = [chip.text for chip in cells[7].xpath('./span[@class="chip"]')]
        assert chips == [code for code, _ in review.top_codes(result)]
        haystack = row.get("data-search")
        assert haystack == haystack.lower() and result.path.lower() in haystack
        assert all(code.lower() in haystack for code in codes_of(result))
        assert (result.issuer or "") in haystack
    by_path = {row_path(row): row for row in rows}
    assert by_path[RL302_FILE].xpath('./td[@class="codes"]')[0].text_content() == "RL302×2RL303×2"
    assert by_path["samples/bad/RL004_not_a_report.txt"].get("data-status") == "error"
    assert by_path[GOOD].xpath("./td")[1].text == "青山县交通运输局"


def test_embedded_findings_carry_everything_the_detail_shows():
    results = sample_results()
    data = page_data(parse(sample_page()))
    assert data["lang"] == "zh" and data["severity"] == {"error": "错误", "warning": "警告", "info": "提示"}
    assert [file["p"] for file in data["files"]] == [r.path for r in results]
    marked = 0
    for file, result in zip(data["files"], results):
        assert len(file["d"]) == len(result.diagnostics)
        for item, d in zip(file["d"], result.diagnostics):
            assert (item["c"], item["n"], item["s"], item["m"]) == (d.code, d.name, d.severity.value, d.message)
            assert item["l"] == f"{d.line}:{d.column}" + (f" [{d.origin_text}]" if d.origin_text else "")
            assert item.get("e") == d.expected and item.get("a") == d.actual
            context = [*d.section, *(p for p in (d.row, d.column_label) if p)]
            assert item.get("x") == (" › ".join(context) if context else None)
            if d.source_line.strip():
                line, before, flagged, after = item["src"]
                assert line == d.line and flagged == d.source_line[d.column - 1 : max(d.end_column - 1, d.column)]
                start, end, window = d.column - 1, d.column - 1 + len(flagged), review.WINDOW
                head, tail = d.source_line[:start], d.source_line[end:]
                assert before == (head if len(head) <= window else "…" + head[-window:])
                assert after == (tail if len(tail) <= window else tail[:window] + "…")
                marked += 1
    assert marked >= 25
    rl301 = data["files"][[r.path for r in results].index(RL301)]["d"][0]
    assert rl301["src"][2] == "6" and (rl301["e"], rl301["a"]) == ("5", "6")
    assert rl301["x"] == "三 › （一）予以公开 › 总计" and rl301["l"] == "35:47"


def test_english_page():
    text = sample_page("en")
    tree = parse(text)
    assert balanced(text) == []
    assert tree.xpath("//html/@lang") == ["en"]
    assert tree.xpath("//h1")[0].text == "Annual information-disclosure report review"
    headers = [th.text_content() for th in tree.xpath('//table[@id="files"]/thead//th')]
    assert headers == ["File", "Issuing body", "Year", "Template", "Status", "Errors", "Warnings", "Top codes"]
    labels = [card.xpath('./span[@class="label"]')[0].text for card in tree.xpath("//*[@data-figure]")]
    assert labels == ["Files checked", "Passed", "Failed", "Could not be assessed", "Errors", "Warnings", "Infos"]
    assert {row.xpath("./td")[4].text_content() for row in file_rows(tree)} == {"pass", "fail", "not assessed"}
    rules = {rule.code: rule for rule in all_rules()}
    first = tree.xpath('//a[@class="bar"]')[0]
    assert first.xpath('./text[@class="summary"]')[0].text == review.shorten(rules[first.get("data-code")].summary.en)
    code = first.get("data-code")
    count = sum(1 for r in sample_results("en") for d in r.diagnostics if d.code == code)
    files = sum(1 for r in sample_results("en") if code in codes_of(r))
    assert count > 1 and files > 1
    assert first.xpath('./text[@class="count"]')[0].text == f"{count} findings · {files} files"
    total = len(sample_results("en"))
    assert tree.xpath('//*[@id="count"]')[0].text_content() == f"Showing {total} of {total} files"
    assert page_data(tree)["ui"]["expected"] == "Expected"
    assert tree.xpath('//input[@id="q"]/@placeholder') == ["path, issuing body or rule code, e.g. RL301"]


def test_unknown_lang_falls_back_to_chinese():
    assert render("html", [], all_rules(), "fr") == render("html", [], all_rules(), "zh")


HOSTILE_PATH = 'r/<img src=x onerror="alert(1)">&amp;\'.txt'
HOSTILE_MESSAGE = "</script><script>alert(1)</script><!-- & \u2028 \x01 \ud800 end"
HOSTILE_LINE = '</script><b>bold</b> & "q" <!-- 6 -->'


def hostile_result() -> FileResult:
    six = HOSTILE_LINE.index("6") + 1
    d = diagnostic(message=HOSTILE_MESSAGE, source_line=HOSTILE_LINE, column=six, end_column=six + 1, name="<i>name</i>")
    result = tricky_result(d, diagnostic(), path=HOSTILE_PATH)
    return replace(result, issuer="<b>机关</b>", notes=("</script> note",))


def test_everything_from_a_report_is_escaped():
    text = render("html", [hostile_result()], all_rules(), "zh")
    text.encode("utf-8")  # a lone surrogate would make writing the file fail
    assert balanced(text) == []
    tree = parse(text)
    assert not tree.xpath("//img | //b[not(@id)] | //i"), "no markup from the report survives as elements"
    assert len(tree.xpath("//script")) == 2
    static = static_part(text)
    assert "<img" not in static and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;amp;&#x27;.txt" in static
    (row,) = file_rows(tree)
    assert row_path(row) == HOSTILE_PATH and row.xpath("./td")[0].text_content() == HOSTILE_PATH
    assert row.xpath("./td")[1].text_content() == "<b>机关</b>"
    blob = re.search(r'id="reportlint-data">(.*?)</script>', text, flags=re.S).group(1)
    assert "<" not in blob and ">" not in blob and "&" not in blob and "\u2028" not in blob
    data = page_data(tree)
    (file,) = data["files"]
    assert file["p"] == HOSTILE_PATH and file["notes"] == ["</script> note"]
    first = file["d"][0]
    assert first["m"] == "</script><script>alert(1)</script><!-- & \u2028 \\x01 \\ud800 end"
    assert first["n"] == "<i>name</i>"
    assert first["src"] == [3, '</script><b>bold</b> & "q" <!-- ', "6", " -->"]


def test_excerpt_of_long_lines_and_odd_spans():
    long_line = "甲" * 300 + "6" + "乙" * 300
    item = review.excerpt(diagnostic(source_line=long_line, column=301, end_column=302))
    assert item == [3, "…" + "甲" * review.WINDOW, "6", "乙" * review.WINDOW + "…"]
    past_end = review.excerpt(diagnostic(source_line="abc", column=9, end_column=12))
    assert past_end == [3, "abc", "", ""]
    to_line_end = review.excerpt(diagnostic(source_line="abcdef", column=3, end_line=5, end_column=1))
    assert to_line_end == [3, "ab", "cdef", ""]
    zero_width = review.excerpt(diagnostic(source_line="abc", column=2, end_column=2))
    assert zero_width == [3, "a", "b", "c"]
    assert review.excerpt(diagnostic(source_line="   ")) is None
    assert review.excerpt(diagnostic(source_line="a\tb", column=2, end_column=3)) == [3, "a", " ", "b"]


def test_empty_run_and_a_run_without_findings():
    empty = parse(render("html", [], all_rules(), "zh"))
    assert file_rows(empty) == []
    assert empty.xpath('//section[contains(@class, "chart")]//p[@class="empty"]')[0].text == "未发现问题"
    good = parse(render("html", [lint_path(GOOD)], all_rules(), "zh"))
    assert len(file_rows(good)) == 1 and not good.xpath('//svg[contains(@class, "bars")]')
    assert page_data(good)["files"][0]["d"] == []


def test_same_results_same_page():
    results = list(sample_results())
    assert render("html", results, all_rules(), "zh") == render("html", results, all_rules(), "zh")


def big_batch(count: int = 2500) -> list[FileResult]:
    """A provincial batch: `count` files, a third passing, the rest with a few findings each."""
    codes = ["RL301", "RL302", "RL303", "RL401", "RL501", "RL507", "RL601"]
    results = []
    for i in range(count):
        status = "pass" if i % 3 == 0 else "fail"
        findings = () if status == "pass" else tuple(
            diagnostic(
                code=codes[(i + k) % len(codes)], message=f"第{i}号文件第{k}处问题", line=10 + k, column=3, end_column=5,
                source_line=f"（一）予以公开 | {i} | {k} | 0", severity=Severity.ERROR if k == 0 else Severity.WARNING,
            )
            for k in range(1 + i % 5)
        )
        results.append(replace(tricky_result(*findings, path=f"reports/县{i // 100:02d}/部门{i:04d}_2023.txt", status=status),
                               diagnostics=findings, issuer=f"第{i % 40}县人民政府"))
    return results


def test_thousands_of_files_keep_the_page_light():
    results = big_batch()
    started = time.perf_counter()
    text = render("html", results, all_rules(), "zh")
    elapsed = time.perf_counter() - started
    assert elapsed < 10, f"rendering 2,500 files took {elapsed:.1f}s"
    tree = parse(text)
    assert len(file_rows(tree)) == 2500
    scripted = parse(without_noscript(text))  # what a browser running the script parses
    assert not scripted.xpath("//mark | //li") and 'class="finding' not in static_part(without_noscript(text)), "findings are built on demand"
    assert len(tree.xpath("//noscript//details")) == sum(1 for r in results if r.diagnostics or r.notes)
    findings = sum(len(r.diagnostics) for r in results)
    assert sum(len(f["d"]) for f in page_data(tree)["files"]) == findings
    size = len(text.encode("utf-8"))
    scripted_size = len(without_noscript(text).encode("utf-8"))
    assert scripted_size < 1_800 * len(results), f"{scripted_size / len(results):.0f} bytes per file ({findings} findings in all)"
    assert size < 2 * scripted_size, "the <noscript> copy repeats the findings once, without source excerpts"


# --- in the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    found = chromium()
    if found is None:
        message = "Chromium is not installed (Debian: apt-get install chromium): the review page cannot be tested in a browser"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review")
    written = {}
    for name, results, lang in (
        ("review.html", list(sample_results()), "zh"),
        ("review-en.html", list(sample_results("en")), "en"),
        ("hostile.html", [hostile_result(), *sample_results()[:2]], "zh"),
        ("big.html", big_batch(), "zh"),
    ):
        path = folder / name
        path.write_text(render("html", results, all_rules(), lang), encoding="utf-8")
        written[name] = path
    return written


@pytest.fixture
def profile(tmp_path):
    return tmp_path / "chromium-profile"


def browse(browser, profile, page, fragment="", budget_ms=3000):
    dom = parse(dump_dom(browser, profile, page, fragment, budget_ms))
    assert dom.xpath("//html/@data-ready") == ["true"], "the page's script ran to the end"
    return dom


def test_browser_filter_from_the_hash(browser, profile, pages):
    dom = browse(browser, profile, pages["review.html"], hash_of(q="RL301"))
    expected = [r.path for r in sample_results() if "RL301" in codes_of(r)]
    assert expected and [row_path(row) for row in visible_rows(dom)] == expected
    hidden = [row for row in file_rows(dom) if row.get("hidden") is not None]
    assert len(hidden) == len(sample_results()) - len(expected) and all(row_path(row) not in expected for row in hidden)
    assert dom.xpath('//*[@id="shown"]')[0].text == str(len(expected))
    assert dom.xpath('//table[@id="files"]/@data-shown') == [str(len(expected))]
    assert dom.xpath('//p[@id="nomatch"]/@hidden') == [""]


def test_browser_status_filter_and_numeric_sort(browser, profile, pages):
    dom = browse(browser, profile, pages["review.html"], hash_of(q="rl3", status="fail", sort="-errors"))
    results = [r for r in sample_results() if r.status == "fail" and any(c.startswith("RL3") for c in codes_of(r))]
    expected = [r.path for r in sorted(results, key=lambda r: -r.count(Severity.ERROR))]  # stable: ties keep their order
    assert [row_path(row) for row in visible_rows(dom)] == expected
    shown_errors = [int(row.xpath("./td")[5].text) for row in visible_rows(dom)]
    assert shown_errors == sorted(shown_errors, reverse=True) and len(set(shown_errors)) > 1
    sorted_header = dom.xpath('//th[@aria-sort="descending"]/button/@data-key')
    assert sorted_header == ["errors"]
    errors = [int(row.xpath("./td")[5].get("data-v")) for row in file_rows(dom)]
    assert errors == sorted(errors, reverse=True), "the hidden rows were sorted too"

    nothing = browse(browser, profile, pages["review.html"], hash_of(q="青山县 issuer-that-does-not-exist"))
    assert visible_rows(nothing) == [] and nothing.xpath('//p[@id="nomatch"]/@hidden') == []


def test_browser_opens_a_file_with_highlighted_source(browser, profile, pages):
    dom = browse(browser, profile, pages["review.html"], hash_of(q="RL302", open=RL301))
    (detail,) = dom.xpath('//tr[@class="detail"]')
    opened = detail.getprevious()
    assert row_path(opened) == RL301 and "open" in opened.get("class")
    assert opened.xpath('.//button[@class="toggle"]/@aria-expanded') == ["true"]
    findings = detail.xpath('.//li[contains(@class, "finding")]')
    assert [f.xpath('.//span[@class="f-code"]')[0].text for f in findings] == ["RL301", "RL302"]
    assert [f.xpath(".//mark")[0].text for f in findings] == ["6", "12"]
    first = findings[0]
    assert "sev-error" in first.get("class") and first.xpath('.//span[@class="sev"]')[0].text == "错误"
    assert first.xpath('.//span[@class="f-loc"]')[0].text == "35:47"
    message = first.xpath('.//p[@class="f-msg"]')[0].text
    assert message.startswith("「（一）予以公开」行「总计」列应为 5，实际为 6")
    meta = {box.xpath("./dt")[0].text: box.xpath("./dd")[0].text for box in first.xpath('.//dl[@class="f-meta"]/div')}
    assert meta == {"所在部分": "三 › （一）予以公开 › 总计", "应为": "5", "实际": "6"}
    source = first.xpath('.//pre[@class="src"]')[0].text_content()
    assert source.startswith("35三、本年度办理结果 | （一）予以公开 | 3 | 1")
    assert len(dom.xpath('//tr[@class="detail"]')) == 1, "only the opened file's findings are in the DOM"


def test_browser_shows_hostile_text_as_text(browser, profile, pages):
    dom = browse(browser, profile, pages["hostile.html"], hash_of(open=HOSTILE_PATH))
    assert not dom.xpath("//img | //b[not(@id)] | //i"), "nothing from the report became an element"
    (detail,) = dom.xpath('//tr[@class="detail"]')
    assert detail.xpath('.//p[@class="f-msg"]')[0].text.startswith("</script><script>alert(1)</script><!-- &")
    assert detail.xpath(".//mark")[0].text == "6"
    assert detail.xpath('.//p[@class="f-notes"]')[0].text == "说明：</script> note"


def test_browser_english_page(browser, profile, pages):
    dom = browse(browser, profile, pages["review-en.html"], hash_of(status="error", open="samples/bad/RL004_not_a_report.txt"))
    assert [row_path(row) for row in visible_rows(dom)] == ["samples/bad/RL001_unsupported_format.wps", "samples/bad/RL004_not_a_report.txt"]
    (detail,) = dom.xpath('//tr[@class="detail"]')
    assert detail.xpath('.//span[@class="sev"]')[0].text == "error"
    assert detail.xpath('.//p[@class="f-msg"]')[0].text.startswith("not recognised as")


def test_browser_handles_thousands_of_files(browser, profile, pages):
    started = time.perf_counter()
    dom = browse(browser, profile, pages["big.html"], hash_of(q="rl601 县07", status="fail", sort="-warnings"), budget_ms=10000)
    elapsed = time.perf_counter() - started
    expected = [r for r in big_batch() if r.status == "fail" and "/县07/" in r.path and "RL601" in codes_of(r)]
    visible = visible_rows(dom)
    assert expected and len(visible) == len(expected)
    warnings = sorted((r.count(Severity.WARNING) for r in expected), reverse=True)
    assert [int(row.xpath("./td")[6].text) for row in visible] == warnings
    assert len(file_rows(dom)) == 2500
    print(f"\n2,500-file page filtered and sorted in headless Chromium in {elapsed:.1f}s")


def test_browser_screenshot(browser, profile, pages, tmp_path):
    target = tmp_path / "review.png"
    screenshot(browser, profile, pages["review.html"], target, hash_of(open=RL302_FILE))
    assert target.stat().st_size > 20_000, "a real picture, not a blank page"
    assert png_size(target) == (1280, 1800)
    print(f"\nscreenshot of the review page: {target}")


DRIVER = """
(function () {
  function visible() {
    return Array.prototype.filter.call(document.querySelectorAll("#files tbody tr[data-i]"), function (r) { return !r.hidden; })
      .map(function (r) { return r.cells[0].getAttribute("data-v"); });
  }
  var log = {}, q = document.getElementById("q"), status = document.getElementById("status");
  q.value = "rl302";
  q.dispatchEvent(new Event("input", {bubbles: true}));
  setTimeout(function () {
    log.typed = visible(); log.typedHash = location.hash;
    document.querySelector('th button[data-key="errors"]').click();
    log.firstClick = [document.querySelector('th button[data-key="errors"]').parentNode.getAttribute("aria-sort"), visible()];
    document.querySelector('th button[data-key="errors"]').click();
    log.secondClick = [document.querySelector('th button[data-key="errors"]').parentNode.getAttribute("aria-sort"), visible()];
    log.sortHash = location.hash;
    var row = document.querySelector("#files tbody tr[data-i]:not([hidden])");
    row.cells[1].click();
    log.opened = [row.cells[0].getAttribute("data-v"), document.querySelectorAll("tr.detail:not([hidden]) mark").length];
    row.querySelector(".toggle").click();
    log.closed = document.querySelectorAll("tr.detail:not([hidden])").length;
    status.value = "pass";
    status.dispatchEvent(new Event("change", {bubbles: true}));
    log.pass = visible();
    document.querySelector('a.bar[data-code="RL401"]').dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}));
    setTimeout(function () {
      log.bar = [q.value, status.value, visible()];
      var out = document.createElement("pre");
      out.id = "probe";
      out.textContent = JSON.stringify(log);
      document.body.appendChild(out);
    }, 50);
  }, 50);
})();
"""


def with_driver(page: str, script: str) -> str:
    """The page plus a test script that clicks and types, allowed by adding its hash to the page's policy."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    page = page.replace("script-src 'sha256-", f"script-src 'sha256-{digest}' 'sha256-", 1)
    return page.replace("</body>", f"<script>{script}</script>\n</body>", 1)


def test_browser_runs_no_other_script(browser, profile, tmp_path):
    """The policy allows the page's own script by its hash: a script slipped into the page does not run."""
    page = tmp_path / "injected.html"
    page.write_text(sample_page().replace("</body>", f"<script>{DRIVER}</script>\n</body>", 1), encoding="utf-8")
    dom = browse(browser, profile, page)
    assert dom.xpath('//pre[@id="probe"]') == [] and len(visible_rows(dom)) == len(sample_results())


def test_browser_typing_clicking_and_sorting(browser, profile, tmp_path):
    page = tmp_path / "driven.html"
    page.write_text(with_driver(sample_page(), DRIVER), encoding="utf-8")
    dom = browse(browser, profile, page)
    log = json.loads(dom.xpath('//pre[@id="probe"]')[0].text)
    results = sample_results()
    with_rl302 = [r.path for r in results if "RL302" in codes_of(r)]
    assert log["typed"] == with_rl302 and log["typedHash"] == "#q=rl302"
    by_errors = [r.path for r in sorted((r for r in results if "RL302" in codes_of(r)), key=lambda r: -r.count(Severity.ERROR))]
    assert log["firstClick"] == ["descending", by_errors], "a count column sorts largest first"
    assert log["secondClick"] == ["ascending", by_errors[::-1]] and log["sortHash"] == "#q=rl302&sort=errors"
    assert log["opened"] == [by_errors[-1], 2] and log["closed"] == 0
    assert log["pass"] == [], "no passing file has an RL302 finding"
    assert log["bar"] == ["RL401", "", [r.path for r in results if "RL401" in codes_of(r)]], "a chart bar filters by its code"


# --- issue 13: readable without JavaScript, time and version, ranking, one suspect cell ---------------


def test_findings_are_readable_without_javascript():
    results = sample_results()
    tree = parse(sample_page())
    details = tree.xpath("//noscript//details")
    by_index = {int(d.get("data-i")): d for d in details}
    assert set(by_index) == {i for i, r in enumerate(results) if r.diagnostics or r.notes}
    rows = [int(row.get("data-i")) for row in file_rows(tree)]
    assert [int(d.get("data-i")) for d in details] == [i for i in rows if i in by_index], "same order as the table"
    for index, detail in by_index.items():
        result = results[index]
        assert detail.xpath("./summary")[0].text_content().startswith(result.path)
        items = detail.xpath('.//li[contains(@class, "finding")]')
        assert len(items) == len(result.diagnostics)
        messages = {d.message for d in result.diagnostics}
        assert {item.xpath('./span[@class="f-msg"]')[0].text_content() for item in items} == messages
        for item in items:
            assert re.match(r"\d+:\d+", item.xpath('./span[@class="f-loc"]')[0].text_content())


def test_generation_time_and_version_are_shown(monkeypatch):
    from reportlint import __version__

    page = parse(sample_page())
    (stamp,) = page.xpath('//p[@class="sub"]/time')
    assert stamp.get("datetime") == "2026-05-28T20:26:40+00:00" and "2026-05-28 20:26 UTC" in stamp.text_content()
    assert f"reportlint {__version__}" in page.xpath('//p[@class="sub"]')[0].text_content()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    (now,) = parse(render("html", [lint_path(GOOD)], all_rules(), "en")).xpath('//p[@class="sub"]/time')
    assert abs(time.time() - __import__("datetime").datetime.fromisoformat(now.get("datetime")).timestamp()) < 120


def test_infos_never_head_the_chart():
    info = tricky = lint_path("samples/bad/RL603_half_width_punctuation.txt")  # an info on its own
    many_infos = [replace(info, path=f"i{n}.txt") for n in range(30)]
    one_error = lint_path("samples/bad/RL401_placeholder.txt")
    tree = parse(render("html", [*many_infos, one_error], all_rules(), "zh"))
    codes = [bar.get("data-code") for bar in tree.xpath('//svg[contains(@class, "bars")]//a[@class="bar"]')]
    assert codes[0] == "RL401" and codes[-1] == "RL603"
    assert tricky is info


def test_one_suspect_cell_groups_its_findings():
    result = lint_path("samples/bad/RL301_row_total.txt")
    assert sum(1 for d in result.diagnostics if d.suspect) == 2
    data = page_data(parse(render("html", [result], all_rules(), "zh")))
    grouped = [d for d in data["files"][0]["d"] if "g" in d]
    assert len(grouped) == 1 and "「（一）予以公开·总计」" in grouped[0]["g"] and "改为 5" in grouped[0]["g"]
    static = parse(render("html", [result], all_rules(), "zh")).xpath('//noscript//li[@class="f-group"]')
    assert len(static) == 1 and "以下 2 条问题" in static[0].text_content()
