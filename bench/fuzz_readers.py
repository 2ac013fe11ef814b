"""Full-size fuzzing campaign for the readers (issue 12): N generated files per format through the
real CLI (`reportlint check --format json --jobs 1 FILE`), one forked process per file, with a
wall-clock timeout and the peak RSS of that process.

    python bench/fuzz_readers.py                        # 10,000 files per format, full size
    python bench/fuzz_readers.py --per-format 200 --scale 0.05 --formats docx,pdf

The files come from tests/fuzz/readers_gen.py (the generators the CI-sized hypothesis tests use),
seeded 0..N-1 per format, so any file can be rebuilt from its format and seed. Each file is run in
a child forked from this process after reportlint and its readers' libraries are imported, so the
interpreter's start-up is not paid 40,000 times; the child runs click's `main` exactly as the console
script does, with its stdout and stderr captured. Per file it records: exit code, whether stderr
holds a traceback, whether stdout is one JSON document with exactly one file record, seconds, and
the child's peak RSS (`wait4` rusage; it includes the pages shared with this parent, printed as the
baseline) and CPU seconds; wall time on a shared machine can be many times the CPU time. Failures
are copied to --keep with their seed. Prints a summary per format; --json writes it (every 100
files while running, marked partial) for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

import readers_gen  # noqa: E402

from reportlint import cli  # noqa: E402


def _preload() -> None:
    """Import what the readers import lazily, so each child starts warm."""
    import charset_normalizer  # noqa: F401
    import lxml.etree  # noqa: F401
    import pdfplumber  # noqa: F401
    from pdfminer import converter, pdfinterp  # noqa: F401

    import reportlint.readers.docx  # noqa: F401
    import reportlint.readers.html  # noqa: F401
    import reportlint.readers.pdf  # noqa: F401
    import reportlint.readers.text  # noqa: F401


def run_one(path: Path, timeout: float, work: Path) -> dict:
    out, err = work / "stdout", work / "stderr"
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: the CLI, as the console script runs it
        try:
            fd_out = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            fd_err = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(fd_out, 1)
            os.dup2(fd_err, 2)
            sys.stdout = os.fdopen(1, "w", encoding="utf-8", closefd=False)
            sys.stderr = os.fdopen(2, "w", encoding="utf-8", closefd=False)
            code = 0
            try:
                cli.main(["check", "--format", "json", "--jobs", "1", "--timeout", str(timeout), str(path)], prog_name="reportlint")
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        except BaseException:  # noqa: BLE001 - a crash of the CLI itself: print it where the parent looks
            import traceback

            traceback.print_exc()
            sys.stderr.flush()
            os._exit(70)
    status = rusage = None
    timed_out = False
    while True:
        waited, status, rusage = os.wait4(pid, os.WNOHANG)
        if waited:
            break
        if time.monotonic() - start > timeout + 30:  # the CLI's own --timeout should have stopped it
            timed_out = True
            os.kill(pid, signal.SIGKILL)
            _, status, rusage = os.wait4(pid, 0)
            break
        time.sleep(0.005)
    seconds = time.monotonic() - start
    cpu = rusage.ru_utime + rusage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    stdout = out.read_text(encoding="utf-8", errors="replace")
    stderr = err.read_text(encoding="utf-8", errors="replace")
    records = None
    try:
        records = len(json.loads(stdout)["files"])
    except (ValueError, KeyError, TypeError):
        pass
    return {
        "code": code, "seconds": seconds, "cpu_s": cpu, "rss_mb": rusage.ru_maxrss / 1024, "timed_out": timed_out,
        "traceback": "Traceback" in stderr, "records": records, "stderr": stderr[-2000:],
        "over_timeout": seconds > timeout,
    }


def campaign(fmt: str, count: int, scale: float, timeout: float, keep: Path, first_seed: int = 0, progress=None) -> dict:
    suffix, make = readers_gen.MAKERS[fmt]
    codes: Counter = Counter()
    failures: list[dict] = []
    peak, seconds, cpu, slowest = 0.0, [], [], (0.0, None)
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{fmt}-") as tmp:
        work = Path(tmp)
        path = work / f"input{suffix}"
        started = time.monotonic()
        for seed in range(first_seed, first_seed + count):
            path.write_bytes(make(random.Random(f"{fmt}:{seed}"), scale))
            result = run_one(path, timeout, work)
            codes[result["code"]] += 1
            peak = max(peak, result["rss_mb"])
            seconds.append(result["seconds"])
            cpu.append(result["cpu_s"])
            if result["seconds"] > slowest[0]:
                slowest = (result["seconds"], seed)
            bad = result["traceback"] or result["timed_out"] or result["over_timeout"] or result["code"] not in (0, 1, 2) or result["records"] != 1
            if bad:
                failures.append({"seed": seed, **{k: result[k] for k in ("code", "seconds", "cpu_s", "rss_mb", "traceback", "records", "timed_out")}, "stderr": result["stderr"][-600:]})
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, keep / f"{fmt}-{seed}{suffix}")
                print(f"  FAILURE {fmt} seed {seed}: code {result['code']}, {result['seconds']:.1f} s ({result['cpu_s']:.1f} s CPU), {result['rss_mb']:.0f} MB, "
                      f"records {result['records']}, traceback {result['traceback']}\n{result['stderr'][-400:]}", flush=True)
            done = seed - first_seed + 1
            if done % 500 == 0:
                print(f"  {fmt}: {done}/{count} in {time.monotonic() - started:.0f} s, failures {len(failures)}, peak {peak:.0f} MB, "
                      f"exit codes {dict(sorted(codes.items()))}, max CPU {max(cpu):.1f} s", flush=True)
            if progress and done % 100 == 0:
                progress(_summary(fmt, done, scale, timeout, codes, failures, peak, seconds, cpu, slowest, time.monotonic() - started, partial=True))
        elapsed = time.monotonic() - started
    return _summary(fmt, count, scale, timeout, codes, failures, peak, seconds, cpu, slowest, elapsed)


def _summary(fmt, count, scale, timeout, codes, failures, peak, seconds, cpu, slowest, elapsed, partial=False) -> dict:
    seconds, cpu = sorted(seconds), sorted(cpu)
    return {
        "format": fmt, "files": count, "partial": partial, "scale": scale, "exit_codes": dict(sorted(codes.items())),
        "tracebacks": sum(f["traceback"] for f in failures),
        "over_timeout": sum(f["timed_out"] or f["seconds"] > timeout for f in failures),
        "max_cpu_s": round(cpu[-1], 2), "p99_cpu_s": round(cpu[int(len(cpu) * 0.99) - 1], 2),
        "bad_records": sum(f["records"] != 1 for f in failures),
        "peak_rss_mb": round(peak, 1), "median_s": round(seconds[len(seconds) // 2], 3),
        "p99_s": round(seconds[int(len(seconds) * 0.99) - 1], 2), "max_s": round(slowest[0], 2), "slowest_seed": slowest[1],
        "elapsed_s": round(elapsed), "failures": failures[:50],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-format", type=int, default=10_000)
    parser.add_argument("--formats", default="docx,pdf,html,text")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the huge shapes (1.0: the sizes issue 12 reports)")
    parser.add_argument("--timeout", type=float, default=300.0, help="the CLI's --timeout per file (its default, 300), and the wall time counted as over-timeout")
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "reportlint-fuzz-failures")
    parser.add_argument("--json", type=Path, help="write the summary here")
    args = parser.parse_args()
    _preload()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"parent RSS after imports (shared with every child, included in its peak): {baseline:.0f} MB", flush=True)
    results = []

    def write(partial: dict | None = None) -> None:
        if args.json:
            shown = results + ([partial] if partial else [])
            args.json.write_text(json.dumps({"baseline_rss_mb": round(baseline, 1), "timeout_s": args.timeout, "results": shown}, indent=1, ensure_ascii=False))

    for fmt in args.formats.split(","):
        result = campaign(fmt, args.per_format, args.scale, args.timeout, args.keep, args.first_seed, progress=write)
        results.append(result)
        print(
            f"{fmt}: {result['files']} files, exit codes {result['exit_codes']}, tracebacks {result['tracebacks']}, "
            f"over timeout {result['over_timeout']}, bad JSON records {result['bad_records']}, peak RSS {result['peak_rss_mb']} MB, "
            f"median {result['median_s']} s, p99 {result['p99_s']} s, max {result['max_s']} s (seed {result['slowest_seed']}), max CPU {result['max_cpu_s']} s, "
            f"{result['elapsed_s']} s in all", flush=True,
        )
        for failure in result["failures"][:5]:
            print(f"    seed {failure['seed']}: code {failure['code']}, {failure['seconds']:.1f} s, {failure['rss_mb']:.0f} MB, records {failure['records']}\n{failure['stderr']}", flush=True)
        write()
    clean = all(r["tracebacks"] == 0 and r["over_timeout"] == 0 and r["bad_records"] == 0 and set(r["exit_codes"]) <= {0, 1, 2} and r["peak_rss_mb"] < 500 for r in results)
    print("campaign:", "clean" if clean else "FAILURES (see above)")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
