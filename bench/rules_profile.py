"""Where lint time goes, rule by rule (in one process, parser already built).

Run:  python bench/rules_profile.py FILE_OR_FOLDER...    (prints a Markdown table)

Times reading, parsing, each rule's check (including whatever shared context it is the first to
compute: report year, issuer, tables), suppressions and the rest, summed over the files given.
Used by bench/run.py to explain a missed throughput target.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlint.context import LintContext
from reportlint.lint import LintOptions, _rules
from reportlint.parser import build_parser, parse
from reportlint.readers import read_path


def profile(paths: list[Path]) -> tuple[dict[str, float], int]:
    build_parser()
    options = LintOptions()
    rules = _rules(options)
    cost: dict[str, float] = defaultdict(float)
    total = 0
    for path in paths:
        start = time.perf_counter()
        read = read_path(path, options.max_bytes)
        cost["read (decode, checks)"] += time.perf_counter() - start
        total += len(read.text.encode("utf-8"))
        start = time.perf_counter()
        doc = parse(read.text, str(path))
        cost["parse (Lark + blocks)"] += time.perf_counter() - start
        ctx = LintContext(doc)
        start = time.perf_counter()
        is_report = ctx.is_report
        cost["is_report"] += time.perf_counter() - start
        for rule in rules:
            if rule.check is None or (rule.requires_report and not is_report):
                continue
            start = time.perf_counter()
            try:
                for _ in rule.check(doc, ctx, rule.options()):
                    pass
            except Exception:  # noqa: BLE001, S110 - a crash is the linter's business, not the profile's
                pass
            cost[f"{rule.code} {rule.name}"] += time.perf_counter() - start
    return dict(cost), total


def table(cost: dict[str, float], total_bytes: int, top: int = 12) -> str:
    whole = sum(cost.values())
    lines = ["| step | seconds | share | MB/s alone |", "|---|---|---|---|"]
    for name, seconds in sorted(cost.items(), key=lambda item: -item[1])[:top]:
        rate = total_bytes / 1e6 / seconds if seconds else float("inf")
        lines.append(f"| {name} | {seconds:.2f} | {seconds / whole:.0%} | {rate:.1f} |")
    lines.append(f"| **all** ({total_bytes / 1e6:.1f} MB) | {whole:.2f} | 100% | {total_bytes / 1e6 / whole:.2f} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    paths: list[Path] = []
    for raw in argv:
        path = Path(raw)
        paths.extend(sorted(path.rglob("*.txt")) if path.is_dir() else [path])
    if not paths:
        print(__doc__)
        return 2
    cost, total = profile(paths)
    print(table(cost, total, top=40))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
