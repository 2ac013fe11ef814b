"""RL004 not-a-report: no report title in the first lines and fewer than three template sections."""

from __future__ import annotations

import pytest

from pathlib import Path

from reportlint import LintOptions, lint_path, lint_text
from reportlint.api import Severity

NOT_A_REPORT_MESSAGE = (
    "未识别为政府信息公开工作年度报告：开头没有“政府信息公开工作年度报告”之类的标题，也找不到模板规定的各部分标题"
)


def _only_rl004(result):
    assert result.status == "error"
    assert result.template is None
    assert [d.code for d in result.diagnostics] == ["RL004"], result.diagnostics
    diagnostic = result.diagnostics[0]
    assert diagnostic.name == "not-a-report"
    assert diagnostic.severity is Severity.ERROR
    assert diagnostic.message == NOT_A_REPORT_MESSAGE
    return diagnostic


# ---------------------------------------------------------------- bad


def test_work_plan_sample(bad_sample):
    diagnostic = _only_rl004(lint_path(bad_sample("RL004")))
    # the first line, 「青山县交通运输局2024年政务公开工作实施方案」 (23 characters)
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (1, 1, 1, 24)


def test_seed_work_plan_gives_rl004_and_no_other_error(seeds_dir):
    path = seeds_dir / "003_f0cf953f6364731d.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    result = lint_path(path)
    # the file is full of 20XX placeholders: RL401 must not run on a file that is not a report
    diagnostic = _only_rl004(result)
    assert (diagnostic.line, diagnostic.column, diagnostic.end_column) == (1, 1, 3)  # 「范文」


def test_two_template_sections_without_title_are_not_enough():
    text = "一、总体情况\n我局做好公开工作。\n二、主动公开政府信息情况\n无。\n"
    diagnostic = _only_rl004(lint_text(text))
    assert (diagnostic.line, diagnostic.column, diagnostic.end_column) == (1, 1, 7)


def test_position_is_the_first_non_blank_line():
    text = "\n\n   局政务公开实施方案\n一、指导思想\n……\n"
    diagnostic = _only_rl004(lint_text(text))
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (3, 4, 3, 13)


def test_other_rules_do_not_run_on_a_non_report():
    text = "关于做好20XX年政务公开工作的通知\n各科室：\n请于xxxx年x月x日前报送（文字描述）。\n"
    _only_rl004(lint_text(text))


def test_status_is_error_even_with_rules_selected(bad_sample):
    result = lint_path(bad_sample("RL004"), LintOptions(select=("RL004",)))
    _only_rl004(result)


def test_message_in_english(bad_sample):
    result = lint_path(bad_sample("RL004"), LintOptions(lang="en"))
    assert [d.message for d in result.diagnostics] == [
        "not recognised as an annual information-disclosure report: no report title in the first lines "
        "and fewer than three of the template's section headings"
    ]


# ---------------------------------------------------------------- good


def test_good_sample_is_a_report(good_path, codes):
    result = lint_path(good_path)
    assert "RL004" not in codes(result)
    assert result.status == "pass"
    assert result.template == "2021"


def test_three_template_sections_without_a_title_are_a_report(codes):
    text = "一、总体情况\n我局做好公开工作。\n二、主动公开政府信息情况\n无。\n三、收到和处理政府信息公开申请情况\n无。\n"
    result = lint_text(text)
    assert "RL004" not in codes(result)
    assert result.template == "2021"


def test_title_alone_makes_a_report(codes):
    result = lint_text("青山县交通运输局2023年政府信息公开工作年度报告\n本年度工作情况如下。\n")
    assert "RL004" not in codes(result)


def test_title_in_traditional_characters(codes):
    result = lint_text("交通運輸局2021年度信息公開工作報告\n一、概述\n我局認真開展政府信息公開工作。\n")
    assert "RL004" not in codes(result)
    assert result.year == 2021


def test_report_announced_in_the_first_sentence(codes):
    # no title line (web copies often drop it), but the opening sentence announces the report
    text = (
        "根据《中华人民共和国政府信息公开条例》要求，现将我局2022年度政务信息公开工作情况报告如下：\n"
        "一、总体情况\n我局做好公开工作。\n"
    )
    assert "RL004" not in codes(lint_text(text))


def test_pre_2019_report_is_a_report(seeds_dir, codes):
    path = seeds_dir / "002_bf0308bc7f56019c.txt"  # 「市交通运输局2014年政府信息公开工作报告」
    if not path.exists():
        pytest.skip(f"{path} is absent")
    result = lint_path(path)
    assert "RL004" not in codes(result)
    assert result.template == "2007"


REAL_REPORTS = [
    "02_huaian_hongze_district_2023.txt",
    "04_shanghai_municipal_gov_office_2019.txt",
    "05_shenzhen_longgang_dept_2024_excerpt.txt",
    "07_chongqing_jiulongpo_erlang_street_2022_excerpt.txt",
    "09_nanjing_gaochun_district_2022_excerpt.txt",
    "11_yueyang_xinfang_2021_excerpt.txt",
    "13_yangling_stats_2023_excerpt.txt",
    "15_shijiazhuang_qiaoxi_zhongshan_street_2021_excerpt.txt",
    "17_shenyang_yingbinlu_street_2021_excerpt.txt",
    "19_gaoping_gov_office_2023_excerpt.txt",
    "21_xiongxian_township_2019_excerpt.txt",
    "23_xiaogan_gov_office_2020_excerpt.txt",
    "25_civil_affairs_bureau_2023_old_format_excerpt.txt",
    "27_taizhou_city_2017_excerpt.txt",
    "29_fuzhou_jinan_district_2016_excerpt.txt",
    "33_daixian_health_2024_excerpt.txt",
    "35_jilin_longtan_district_2017_excerpt.txt",
]  # 31 is left out: a single flip-book page from mid-table, with neither title nor headings


@pytest.mark.parametrize("name", REAL_REPORTS)
def test_real_reports_are_reports(corpus_dir, codes, name):
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    result = lint_path(path)
    assert "RL004" not in codes(result)
    assert result.status != "error"


# ---------------------------------------------------------------- a report without a title line (corpus 32)

from variants import BODIES, YEARS, report  # noqa: E402

PREAMBLES = (
    "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定编制本报告。报告数据统计期限为{y}年1月1日至{y}年12月31日。",
    "依据《中华人民共和国政府信息公开条例》要求编制此报告。",
    "按照有关要求，编制本年度报告，全文包括总体情况等六部分。",
    "本报告中所列数据统计期限自{y}年1月1日起至{y}年12月31日止，涉及政府信息公开工作。",
)


def _untitled_excerpt(body, year, preamble, layout="text"):
    """A report whose title line was not copied, cut after section 二's first table."""
    text = report(body, year, layout)
    lines = text.split("\n")[2:]  # no title, no intro
    cut = next(n for n, line in enumerate(lines) if "第二十条第（五）项" in line)
    return preamble.format(y=year) + "\n" + "\n".join(lines[:cut])


def test_corpus_32_untitled_report_is_checked(corpus_dir):
    result = lint_path(corpus_dir / "32_kazuo_county_bureau_2025_excerpt.txt")
    codes = [d.code for d in result.diagnostics]
    assert "RL004" not in codes and result.year == 2025
    assert "RL105" in codes  # an excerpt: the sections after the cut are not missing
    assert "RL101" not in codes


@pytest.mark.parametrize("preamble", PREAMBLES)
@pytest.mark.parametrize("body", BODIES, ids=[b[1] for b in BODIES])
@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("layout", ("text", "markdown"))
def test_untitled_variants_are_reports(preamble, body, year, layout):
    result = lint_text(_untitled_excerpt(body, year, preamble, layout), "r.md" if layout == "markdown" else "r.txt")
    assert "RL004" not in [d.code for d in result.diagnostics]
    assert "RL101" not in [d.code for d in result.diagnostics]


@pytest.mark.parametrize("text", (
    "编制本报告的说明\n一、指导思想\n做好工作。\n",  # the preamble's words, but nothing about information disclosure
    "局安全生产工作总结\n报告数据统计期限为2023年1月1日至2023年12月31日。\n一、总体情况\n无事故。\n",
))
def test_preamble_words_alone_do_not_make_a_report(text):
    _only_rl004(lint_text(text))


# ---------------------------------------------------------------- non-reports in a folder or a commit

import json  # noqa: E402
import shutil  # noqa: E402

from click.testing import CliRunner  # noqa: E402

from reportlint.cli import main  # noqa: E402
from reportlint.files import collect, is_documentation  # noqa: E402


def _check_json(*args):
    result = CliRunner().invoke(main, ["check", "--format", "json", *map(str, args)], catch_exceptions=False)
    files = {f["path"].replace("\\", "/").rsplit("/", 1)[-1]: [d["code"] for d in f["diagnostics"] if d["severity"] != "info"]
             for f in json.loads(result.stdout)["files"]} if result.stdout.strip() else {}
    return result.exit_code, files, result.stderr


@pytest.fixture
def folder(tmp_path, corpus_dir, good_path, bad_sample):
    """Reports beside a repository's notes: the corpus MANIFEST (it quotes defects), a README, English notes."""
    (tmp_path / "reports").mkdir()
    shutil.copy(good_path, tmp_path / "reports" / "good.txt")
    shutil.copy(bad_sample("RL004"), tmp_path / "reports" / "plan.txt")  # a 政务公开 work plan: a wrong draft
    shutil.copy(corpus_dir / "README.md", tmp_path / "MANIFEST.md")
    (tmp_path / "README.md").write_text("# 年报\n本仓库存放政府信息公开工作年度报告。\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\nBuild with make; nothing here is a report.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", ("README.md", "readme.txt", "MANIFEST.md", "CHANGELOG.md", "docs/LICENSE.txt", "Contributing.md", "README.zh.md"))
def test_documentation_names(name):
    assert is_documentation(Path(name))


@pytest.mark.parametrize("name", ("report.md", "2023年报.txt", "readme_2023年报告.docx", "manifesto.txt"))
def test_report_names_are_no_documentation(name):
    assert not is_documentation(Path(name))


def test_folder_search_notes_and_skips_documentation_and_notes(folder):
    code, files, stderr = _check_json(folder)
    assert files == {"good.txt": [], "plan.txt": ["RL004"]}  # the wrong draft keeps its RL004
    assert code == 1
    assert "跳过 3 个不是年报的文件" in stderr
    for name in ("MANIFEST.md", "README.md", "notes.md"):
        assert name in stderr


def test_a_file_named_explicitly_keeps_rl004(folder):
    code, files, _ = _check_json(folder / "notes.md", folder / "reports" / "good.txt")
    assert files == {"notes.md": ["RL004"], "good.txt": []} and code == 1


def test_files_a_hook_names_are_skipped_with_skip_non_reports(folder):
    code, files, stderr = _check_json("--skip-non-reports", folder / "README.md", folder / "notes.md", folder / "reports" / "good.txt")
    assert files == {"good.txt": []} and code == 0
    assert "README.md" in stderr and "notes.md" in stderr


def test_a_commit_of_notes_only_passes(folder):
    result = CliRunner().invoke(main, ["check", "--skip-non-reports", str(folder / "README.md"), str(folder / "MANIFEST.md")])
    assert result.exit_code == 0, result.output


def test_a_wrong_draft_named_by_a_hook_still_fails(folder):
    code, files, _ = _check_json("--skip-non-reports", folder / "reports" / "plan.txt")
    assert files == {"plan.txt": ["RL004"]} and code == 1


def test_collect_reports_what_it_searched(folder):
    found = collect((str(folder),))
    assert {p.name for p in found.skipped} == {"MANIFEST.md", "README.md"}
    assert found.searched == set(found.files)
