"""The pre-commit hook (.pre-commit-hooks.yaml), end to end with the real `pre-commit` tool.

pre-commit builds the hook's environment by `pip install`-ing this repository, so each test here
first copies the working tree (committed or not) into a fresh git repository of its own and points
pre-commit at that: the tests check what is on disk, in a fresh CI clone and in a dirty checkout
alike. Each environment build takes ~30 s (PyPI is reached through pip's cache); there are three.
Skipped only where `git` is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "samples" / "good" / "qingshan_county_transport_2023.txt"
BAD = ROOT / "samples" / "bad" / "RL401_placeholder.txt"
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
TIMEOUT = 600  # seconds for one command: a first environment build downloads from PyPI

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

_NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache",
                                     "build", "dist", "*.egg-info", "*.pyc")


def run(args: list[str], cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """Git and pre-commit cut off from the user's configuration; one pre-commit cache for the module."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    environment.update(
        GIT_CONFIG_GLOBAL=os.devnull,  # no global hooksPath, signing or templates
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
        PRE_COMMIT_COLOR="never",
        NO_COLOR="1",
        LANG=environment.get("LANG", "C.UTF-8"),
    )
    return environment


def git_init(path: Path, env: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    run(["git", "init", "-q"], path, env)
    run(["git", "config", "user.name", "reportlint tests"], path, env)
    run(["git", "config", "user.email", "tests@reportlint.invalid"], path, env)
    run(["git", "config", "commit.gpgsign", "false"], path, env)
    return path


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env) -> tuple[Path, str]:
    """This working tree, committed into a repository of its own: (path, commit)."""
    repo = tmp_path_factory.mktemp("hook-repo") / "reportlint"
    shutil.copytree(ROOT, repo, ignore=_NOT_COPIED)
    git_init(repo, env)
    run(["git", "add", "-A"], repo, env)
    run(["git", "commit", "-q", "-m", "reportlint as it is on disk"], repo, env)
    return repo, run(["git", "rev-parse", "HEAD"], repo, env).stdout.strip()


@pytest.fixture
def work(tmp_path, env) -> Path:
    """A documents repository with the good and the bad report waiting to be added."""
    repo = git_init(tmp_path / "documents", env)
    (repo / "reports").mkdir()
    shutil.copy(GOOD, repo / "reports" / "good.txt")
    shutil.copy(BAD, repo / "reports" / "bad.txt")
    return repo


def readme_snippet() -> dict:
    """The .pre-commit-config.yaml the README shows, under its "pre-commit" heading."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## pre-commit\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "README: no ```yaml block in the pre-commit section"
    return yaml.safe_load(block.group(1))


def shows_findings(output: str) -> None:
    assert "- hook id: reportlint" in output
    assert "reports/bad.txt:9:62: RL401" in output, output
    assert "reports/bad.txt:13:45: RL401" in output, output


# ---------------------------------------------------------------- the manifest and the README


def test_manifest_is_valid_and_selects_the_report_formats():
    from pre_commit.clientlib import load_manifest

    [hook] = load_manifest(str(MANIFEST))
    assert (hook["id"], hook["entry"], hook["language"]) == ("reportlint", "reportlint check --skip-non-reports", "python")
    assert hook["types"] == ["file"] and hook["require_serial"] is False and hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for name in ("a.txt", "a.md", "a.markdown", "b/c.docx", "a.html", "a.htm", "a.pdf", "A.PDF", "报告.TXT", "a.DocX"):
        assert files.search(name), name
    for name in ("a.doc", "a.png", "a.txt.bak", "txt", "a.pdfx", "a.json", "pyproject.toml"):
        assert not files.search(name), name


def test_readme_shows_the_config_snippet():
    config = readme_snippet()
    [repo] = config["repos"]
    assert {"repo", "rev", "hooks"} <= set(repo)
    assert [hook["id"] for hook in repo["hooks"]] == ["reportlint"]


# ---------------------------------------------------------------- the real tool


def test_try_repo_passes_the_good_report_and_refuses_the_bad_one(work, hook_repo, env):
    source, _ = hook_repo
    run(["git", "add", "reports/good.txt"], work, env)
    good = run([*PRE_COMMIT, "try-repo", str(source), "reportlint", "--color", "never"], work, env, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"reportlint.*\.\.\.Passed", good.stdout), good.stdout
    run(["git", "commit", "-q", "-m", "good report"], work, env)

    run(["git", "add", "reports/bad.txt"], work, env)
    bad = run([*PRE_COMMIT, "try-repo", str(source), "reportlint", "--color", "never"], work, env, check=False)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"reportlint.*\.\.\.Failed", bad.stdout), bad.stdout
    assert "- exit code: 1" in bad.stdout
    shows_findings(bad.stdout)


def test_installed_hook_refuses_the_bad_commit(work, hook_repo, env):
    """The README's snippet, pointed at this repository, installed as a git hook."""
    source, commit = hook_repo
    config = readme_snippet()
    config["repos"][0].update(repo=str(source), rev=commit)
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    run([*PRE_COMMIT, "install"], work, env)

    run(["git", "add", ".pre-commit-config.yaml", "reports/good.txt"], work, env)
    good = run(["git", "commit", "-m", "good report"], work, env, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"reportlint.*\.\.\.Passed", good.stdout + good.stderr)

    run(["git", "add", "reports/bad.txt"], work, env)
    bad = run(["git", "commit", "-m", "bad report"], work, env, check=False)
    assert bad.returncode != 0, bad.stdout + bad.stderr
    output = bad.stdout + bad.stderr
    assert re.search(r"reportlint.*\.\.\.Failed", output), output
    shows_findings(output)
    log = run(["git", "log", "--format=%s"], work, env).stdout.splitlines()
    assert log == ["good report"]  # the bad commit was not made
    assert run(["git", "diff", "--cached", "--name-only"], work, env).stdout.split() == ["reports/bad.txt"]


ROOT_README = """# 年报仓库

本仓库存放本局历年政府信息公开工作年度报告的草稿（reports/）。提交前由 pre-commit 运行 reportlint 检查。
"""


def test_a_repository_with_a_root_readme_commits_a_clean_report_and_refuses_a_defective_one(work, hook_repo, env):
    """The README's own configuration in a repository with a root README.md (and a MANIFEST.md that quotes
    defects): the notes are skipped, not failed; the reports are checked as ever."""
    source, commit = hook_repo
    config = readme_snippet()
    config["repos"][0].update(repo=str(source), rev=commit)
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (work / "README.md").write_text(ROOT_README, encoding="utf-8")
    (work / "MANIFEST.md").write_text("| file | defect |\n|---|---|\n| bad.txt | 占位符 xxxx年、XX科，日期 2017210日 |\n", encoding="utf-8")
    (work / "NOTES.md").write_text("Build notes: run make.\n", encoding="utf-8")
    run([*PRE_COMMIT, "install"], work, env)

    run(["git", "add", ".pre-commit-config.yaml", "README.md", "MANIFEST.md", "NOTES.md"], work, env)
    notes = run(["git", "commit", "-m", "notes only"], work, env, check=False)
    assert notes.returncode == 0, notes.stdout + notes.stderr

    run(["git", "add", "reports/good.txt"], work, env)
    (work / "README.md").write_text(ROOT_README + "\n新增 2023 年报告。\n", encoding="utf-8")
    run(["git", "add", "README.md"], work, env)
    good = run(["git", "commit", "-m", "good report"], work, env, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"reportlint.*\.\.\.Passed", good.stdout + good.stderr)

    run(["git", "add", "reports/bad.txt"], work, env)
    bad = run(["git", "commit", "-m", "bad report"], work, env, check=False)
    output = bad.stdout + bad.stderr
    assert bad.returncode != 0, output
    shows_findings(output)
    assert run(["git", "log", "--format=%s"], work, env).stdout.splitlines() == ["good report", "notes only"]
