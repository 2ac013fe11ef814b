"""Regenerate the README's generated blocks from the current build, or check them (`--check`).

    python scripts/readme_examples.py          # rewrite README.md in place
    python scripts/readme_examples.py --check  # exit 1 and show a diff when README.md is out of date

A generated block sits between `<!-- generated: NAME -->` and `<!-- /generated -->`; everything
else in README.md is left alone. The blocks are

- `setup-tests`: the system packages and the test command, taken from `.ci/run` (what CI installs
  and runs), with the same commands for Windows;
- the example outputs: each runs `reportlint` on the samples in a fresh process, from the checkout,
  with a fixed terminal width and no colour, so the README shows what the current build prints.

tests/test_readme.py runs the check in CI.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"
BLOCK = re.compile(r"(<!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /generated -->)", re.S)


def ci_packages(script: str) -> list[str]:
    """The Debian packages `.ci/run` installs (every `apt-get install` in it), in order."""
    packages: list[str] = []
    for command in re.findall(r"apt-get install ([^)\n]*)", script):
        for word in shlex.split(command):
            if not word.startswith("-") and word not in packages:
                packages.append(word)
    return packages


def ci_test_command(script: str) -> str:
    """The line of `.ci/run` that makes the virtual environment and runs the tests."""
    lines = [line.strip() for line in script.splitlines() if line.strip().startswith("python3 -m venv")]
    if len(lines) != 1:
        raise SystemExit(f"{CI}: expected one 'python3 -m venv …' line, found {len(lines)}")
    return lines[0]


def windows(command: str) -> str:
    """The POSIX one-liner for PowerShell on Windows: `py`, `.venv\\Scripts\\…`, `;` between steps."""
    steps = [step.strip() for step in command.split("&&")]
    out = []
    for step in steps:
        step = re.sub(r"^python3 ", "py ", step)
        step = re.sub(r"\.venv/bin/(\S+)", lambda m: ".venv\\Scripts\\" + m.group(1), step)
        step = re.sub(r"(?<=\s)([\w.-]+/[\w./-]*)", lambda m: m.group(1).replace("/", "\\"), step)  # relative paths
        out.append(step.replace("'", '"'))
    return "; ".join(out)


def setup_tests() -> str:
    script = CI.read_text(encoding="utf-8")
    packages = " ".join(ci_packages(script))
    command = ci_test_command(script)
    return (
        "```sh\n"
        f"sudo apt-get install {packages}   # Debian/Ubuntu: what the full test run needs\n"
        f"{command}\n"
        "```\n\n"
        "On Windows (PowerShell; a test that needs one of those packages is skipped, and says which):\n\n"
        "```powershell\n"
        f"{windows(command)}\n"
        "```\n"
    )


def _run(args: list[str]) -> str:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
           "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    env.pop("FORCE_COLOR", None)
    done = subprocess.run([sys.executable, "-m", "reportlint", *args], cwd=ROOT, capture_output=True, env=env, timeout=300)
    if done.returncode not in (0, 1):
        raise SystemExit(f"reportlint {' '.join(args)} exited {done.returncode}: {done.stderr.decode(errors='replace')}")
    return done.stdout.decode("utf-8")


def _output(args: list[str], lang: str = "") -> str:
    fence = "```\n"
    return f"Output of `reportlint {' '.join(args)}`:\n\n{fence}{_run(args).rstrip()}\n{fence}"


def json_example() -> str:
    """The JSON document of one sample, abridged to its first finding (the summary is the real one)."""
    args = ["check", "--format", "json", "samples/bad/RL302_outcome_total.txt"]
    document = json.loads(_run(args))
    for file in document["files"]:
        file["diagnostics"] = file["diagnostics"][:1]
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return (f"Output of `reportlint {' '.join(args)}`, abridged to the first finding:\n\n"
            f"```json\n{text}\n```\n")


EXAMPLES = {
    "setup-tests": setup_tests,
    "text-example": lambda: _output(["check", "--no-info", "samples/bad/RL303_carry_over.txt", "samples/bad/RL401_placeholder.txt"]),
    "english-example": lambda: _output(["check", "--lang", "en", "-q", "samples/bad/RL301_row_total.txt"]),
    "concise-example": lambda: _output(["check", "-q", "--output-format", "concise", "samples/bad/RL302_outcome_total.txt", "samples/bad/RL401_placeholder.txt"]),
    "json-example": json_example,
}


def regenerate(text: str) -> str:
    """README text with every generated block rewritten; an unknown block name is an error."""
    def block(match: re.Match) -> str:
        name = match["name"]
        if name not in EXAMPLES:
            raise SystemExit(f"README.md: unknown generated block '{name}' (known: {', '.join(EXAMPLES)})")
        return match.group(1) + EXAMPLES[name]() + match.group(4)

    return BLOCK.sub(block, text)


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    fresh = regenerate(current)
    if "--check" in argv:
        if fresh == current:
            return 0
        diff = difflib.unified_diff(current.splitlines(), fresh.splitlines(), "README.md", "regenerated", lineterm="")
        print("\n".join(diff))
        print("README.md is out of date: run `python scripts/readme_examples.py`", file=sys.stderr)
        return 1
    if fresh != current:  # written beside it and moved over it: never a half-written README
        partial = README.with_name(README.name + ".tmp")
        partial.write_text(fresh, encoding="utf-8")
        os.replace(partial, README)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
