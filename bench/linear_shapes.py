"""The inputs whose cost once grew with the square of their size (issue 12), at 1x, 10x and 100x.

Each shape (tests/fuzz/shapes.py) is linted with `lint_text` in this process, after a warm-up;
the line-length bound is raised so the long lines are really checked (the CLI would give RL001
for a line over 1,000,000 characters). k is the exponent in time ∝ size^k between consecutive
sizes (1 linear, 2 quadratic); the target is k ≤ 1.2. Prints a Markdown section; `--json` prints
the figures instead. Exit code 1 when a shape misses the target.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

from shapes import SHAPES  # noqa: E402

from reportlint import LintOptions, lint_text  # noqa: E402

BASE = 2_000  # repetitions of the hostile part at 1x
FACTORS = (1, 10, 100)
OPTIONS = LintOptions(max_line_chars=10 ** 9)


def measure(name: str, factors=FACTORS, base: int = BASE) -> dict:
    timings = {}
    for factor in factors:
        text = SHAPES[name](base * factor)
        best = math.inf
        for _ in range(2 if factor < 100 else 1):
            started = time.process_time()
            result = lint_text(text, path="shape.txt", options=OPTIONS)
            best = min(best, time.process_time() - started)
        timings[factor] = {"chars": len(text), "seconds": best, "findings": len(result.diagnostics)}
    ks = [math.log(max(timings[b]["seconds"], 1e-4) / max(timings[a]["seconds"], 1e-4)) / math.log(b / a)
          for a, b in zip(factors, factors[1:])]
    return {"shape": name, "timings": timings, "k": ks}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="1x, 3x, 10x of a smaller base")
    args = parser.parse_args(argv)
    lint_text(SHAPES["spaces"](10), path="warm.txt")  # parser built, modules loaded
    factors, base = ((1, 3, 10), 500) if args.quick else (FACTORS, BASE)
    figures = [measure(name, factors, base) for name in SHAPES]
    worst = max(k for f in figures for k in f["k"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        print(json.dumps({"figures": figures, "worst_k": worst, "peak_rss_mb": peak}))
    else:
        head = " | ".join(f"{f}× (chars, CPU s)" for f in factors)
        lines = [f"| shape | {head} | k | findings at {factors[-1]}× |", "|---|" + "---|" * (len(factors) + 2)]
        for f in figures:
            cells = " | ".join(f"{t['chars']:,}, {t['seconds']:.3f}" for t in f["timings"].values())
            lines.append(f"| {f['shape']} | {cells} | {', '.join(f'{k:.2f}' for k in f['k'])} | {f['timings'][factors[-1]]['findings']:,} |")
        lines += ["", f"Worst k {worst:.2f} (target ≤ 1.2); peak RSS of the process {peak:.0f} MB."]
        print("\n".join(lines))
    return 0 if worst <= 1.2 else 1


if __name__ == "__main__":
    sys.exit(main())
