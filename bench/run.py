"""reportlint benchmark: one command, every figure as a ratio taken in the same run, written to BENCHMARKS.md.

Run:  python bench/run.py            full run (about 15-25 minutes on the 2-core machine; waits for a quiet machine first)
      python bench/run.py --quick    smoke run on small sizes (a minute or two; prints, does not write BENCHMARKS.md)

Figures (targets from the performance issue):
  1. cold `reportlint check one-report.txt` vs `python -c "import lark, click, rich, pydantic"`     ≤ 1.5×
  2. lint throughput (MB/s of report text, --jobs 1) vs bare `Lark.parse` of the same texts           ≥ 0.5×
  3. --jobs 2 vs --jobs 1 on the same corpus                                                          ≥ 1.7×
  4. peak RSS checking 10,000 files (parent and workers, polled from /proc)                          ≤ 300 MB
  5. 1, 10 and 100 MB single inputs: linear (no quadratic step); a 5 MB draft end to end              < 2 s
  6. textlint (npm, one `x{3,}` rule) vs `reportlint --select RL401` on the same corpus               ratio reported
  plus the size guard (an oversized file is RL001, at once), bench/readers.py (reading budgets) and
  bench/serve_load.py (`reportlint serve` under 20 concurrent clients; needs the serve extra).

The corpus is generated (bench/corpus.py) from samples/good and samples/bad with other bodies, years,
figures, random defects and longer narratives. Every `reportlint` run is a fresh process
(`python -m reportlint check …`), so start-up, reading, parsing, all rules and output are included.
Where a target is missed the report adds a profile: `-X importtime` for start-up, per-rule times and
py-spy (when installed; cProfile otherwise) hot functions for lint time.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import math
import os
import platform
import pstats
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path[:0] = [str(BENCH), str(ROOT)]

import itertools

import corpus
import rules_profile

PY = sys.executable
CHECK = [PY, "-m", "reportlint", "check"]
ONE_REPORT = corpus.GOOD
IMPORTS = "import lark, click, rich, pydantic"
TEXTLINT_RULES = BENCH / "textlint"
MB = 1_000_000
NOTES_MARKER = "<!-- notes: everything from this line on is written by hand and kept when bench/run.py rewrites the file -->"


@dataclass
class Mode:
    cold_runs: int = 20
    corpus_files: int = 400
    corpus_bytes: int = 10 * MB
    repeats: int = 3
    rss_files: int = 10_000
    sizes: tuple[float, ...] = (1, 10, 100)  # MB, single inputs for the linearity check
    # MB, drafts whose parts are each one long paragraph. From 1 MB: at 0.5 MB start-up is most of the
    # wall time and k is noise (0.5 -> 1 MB gave 0.85 and 1.32 in two runs of the same tree).
    flat_sizes: tuple[float, ...] = (1, 2, 4, 8)
    draft: float = 5  # MB, the draft that must lint in under 2 s
    textlint_repeats: int = 3


FULL = Mode()
QUICK = Mode(cold_runs=5, corpus_files=30, corpus_bytes=int(0.8 * MB), repeats=1, rss_files=300, sizes=(0.5, 1, 2), flat_sizes=(0.5, 1, 2), draft=1,
             textlint_repeats=1)


@dataclass
class Row:
    figure: str
    measured: str
    target: str
    ok: bool | None  # None: informational, no target

    @property
    def mark(self) -> str:
        return {True: "✓", False: "✗", None: "–"}[self.ok]


@dataclass
class Deferred:
    """A section computed after every measurement (profiles: slow, and not to be timed)."""

    make: object

    def __str__(self) -> str:
        if not hasattr(self, "text"):
            self.text = self.make()
        return self.text


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    loads: list[tuple[str, int, float]] = field(default_factory=list)  # part, attempts, others' CPU during the kept one

    def add(self, figure: str, measured: str, target: str, ok: bool | None) -> None:
        row = Row(figure, measured, target, ok)
        self.rows.append(row)
        if ok is False:
            self.misses.append(figure)
        log(f"  {figure}: {measured}  (target {target}) {row.mark}")

    def part(self, name: str, measure, quiet: float = 0.35, attempts: int = 3, max_load: float = 1.5):
        """Run one part of the benchmark and estimate how busy the rest of the machine was meanwhile (in
        cores, from /proc/stat less this process tree's CPU). A part during which others used more than
        `quiet` cores is measured again after waiting for a quiet machine; the quietest attempt is kept."""
        tried = []
        for attempt in range(attempts):
            rows, sections, misses = len(self.rows), len(self.sections), len(self.misses)
            busy, ours, start = busy_seconds(), own_cpu(), time.monotonic()
            value = measure()
            wall = max(time.monotonic() - start, 1e-9)
            others = max(busy_seconds() - busy - (own_cpu() - ours), 0.0) / wall
            tried.append((others, value, self.rows[rows:], self.sections[sections:], self.misses[misses:]))
            del self.rows[rows:], self.sections[sections:], self.misses[misses:]
            if others <= quiet:
                break
            if attempt + 1 < attempts:
                log(f"{name}: other processes used {others:.2f} cores meanwhile; measuring again when the machine is quiet")
                wait_for_quiet(max_load, 600)
        others, value, rows_added, sections_added, misses_added = min(tried, key=lambda t: t[0])
        if others > quiet:
            for row in rows_added:
                row.measured += f" (noisy: other processes used {others:.1f} cores)"
        self.rows += rows_added
        self.sections += sections_added
        self.misses += misses_added
        self.loads.append((name, len(tried), others))
        return value


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load() -> float:
    return os.getloadavg()[0]


def busy_seconds() -> float:
    """CPU seconds all cores have spent busy since boot (/proc/stat)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    """CPU seconds of this process and every child it has reaped (hyperfine's and the launcher's included)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


# ---------------------------------------------------------------------------------------------- running


@dataclass
class Run:
    wall: float
    code: int
    maxrss_mb: float  # wait4: the largest single process of the tree (the child or a worker it reaped)
    tree: dict | None = None


class TreeSampler(threading.Thread):
    """Polls /proc for the launcher's descendants: each one's VmHWM, and the tree's summed RSS and PSS."""

    def __init__(self, root: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.hwm: dict[int, float] = {}
        self.peak_rss = self.peak_pss = 0.0
        self.max_processes = 0
        self.stopped = threading.Event()

    @staticmethod
    def _children() -> dict[int, list[int]]:
        tree: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    stat = handle.read()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
            tree.setdefault(ppid, []).append(int(entry.name))
        return tree

    @staticmethod
    def _kb(path: str, *keys: str) -> dict[str, float]:
        found = {}
        try:
            with open(path) as handle:
                for line in handle:
                    name = line.split(":", 1)[0]
                    if name in keys:
                        found[name] = int(line.split()[1]) / 1024
        except OSError:
            pass
        return found

    def sample(self) -> None:
        children = self._children()
        pids, queue = [], [self.root]
        while queue:
            pid = queue.pop()
            pids.append(pid)
            queue.extend(children.get(pid, ()))
        rss = pss = 0.0
        for pid in pids:
            if pid == self.root:
                continue  # the launcher (bench/_spawn.py), not part of the measured run
            status = self._kb(f"/proc/{pid}/status", "VmHWM", "VmRSS")
            if "VmHWM" in status:
                self.hwm[pid] = max(self.hwm.get(pid, 0.0), status["VmHWM"])
                rss += status.get("VmRSS", 0.0)
                pss += self._kb(f"/proc/{pid}/smaps_rollup", "Pss").get("Pss", 0.0)
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
        self.max_processes = max(self.max_processes, len(pids))

    def run(self) -> None:
        while not self.stopped.is_set():
            self.sample()
            self.stopped.wait(self.interval)

    def result(self, parent: int | None) -> dict:
        workers = [mb for pid, mb in self.hwm.items() if pid != parent]
        return {
            "parent_mb": self.hwm.get(parent, 0.0),
            "worker_mb": max(workers, default=0.0),
            "workers": len(workers),
            "tree_rss_mb": self.peak_rss,
            "tree_pss_mb": self.peak_pss,
        }


def run(cmd: list[str], stdout=None, sample: bool = False, timeout: float | None = None) -> Run:
    """Run one command to completion via bench/_spawn.py: wall time, exit code, and (wait4) the peak RSS
    of the largest process of its tree; with `sample`, /proc is polled for the parent and each worker."""
    handle, result_path = tempfile.mkstemp(prefix="reportlint-bench-", suffix=".json")
    os.close(handle)
    start = time.perf_counter()
    proc = subprocess.Popen([PY, "-S", str(BENCH / "_spawn.py"), result_path, *cmd], cwd=ROOT,
                            stdout=stdout or subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    sampler = TreeSampler(proc.pid) if sample else None
    if sampler:
        sampler.start()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    outside = time.perf_counter() - start
    tree = None
    try:
        data = json.loads(Path(result_path).read_text() or "{}")
    finally:
        os.unlink(result_path)
    if sampler:
        sampler.stopped.set()
        sampler.join()
        tree = sampler.result(data.get("pid"))
    return Run(data.get("wall", outside), data.get("code", proc.returncode), data.get("maxrss_kb", 0) / 1024, tree)


def median(values: list[float]) -> float:
    return statistics.median(values)


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


# ---------------------------------------------------------------------------------------------- machine


def sh(cmd: list[str], timeout: float = 30) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def tree_state() -> str:
    """The commit, plus a digest of uncommitted or untracked product files (reportlint/, grammar/, rules/)."""
    commit = sh(["git", "rev-parse", "--short", "HEAD"])
    changed = sorted(line.split(None, 1)[1] for line in sh(["git", "status", "--porcelain", "--untracked-files=all", "--", "reportlint", "grammar", "rules"]).splitlines())
    import hashlib

    digest = hashlib.sha256()
    for name in changed:
        path = ROOT / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\0")
    dirty = (f" + {len(changed)} uncommitted or untracked files under reportlint/, grammar/, rules/ "
             f"(content sha256 {digest.hexdigest()[:12]}: {', '.join(changed)})") if changed else ""
    return f"{commit}{dirty}"


def machine() -> list[tuple[str, str]]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0")
    import lark

    return [
        ("cores (`nproc`)", sh(["nproc"]) or str(os.cpu_count())),
        ("CPU", cpu),
        ("memory", f"{int(memory) / 1024 / 1024:.1f} GiB"),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", f"{platform.python_version()} ({PY})"),
        ("lark", lark.__version__),
        ("node / npm", f"{sh(['node', '--version']) or 'absent'} / {sh(['npm', '--version']) or 'absent'}"),
        ("hyperfine", sh(["hyperfine", "--version"]) or "absent (medians of repeated runs)"),
        ("reportlint tree", tree_state()),
    ]


def wait_for_quiet(limit: float, longest: float) -> str:
    """Wait until the 1-minute load average is under `limit` (at most `longest` seconds)."""
    start = time.monotonic()
    first = load()
    while load() >= limit and time.monotonic() - start < longest:
        log(f"load average {load():.2f} ≥ {limit}: waiting ({time.monotonic() - start:.0f} s of at most {longest:.0f} s)")
        time.sleep(30)
    waited = time.monotonic() - start
    now = load()
    if now >= limit:
        return f"The load average never fell below {limit} ({first:.2f} at first, {now:.2f} after waiting {waited / 60:.0f} min): measured anyway, figures are noisy."
    if waited > 1:
        return f"Waited {waited / 60:.1f} min for the 1-minute load average to fall below {limit} (it was {first:.2f}); {now:.2f} when measuring began."
    return f"1-minute load average {now:.2f} when measuring began."


# ---------------------------------------------------------------------------------------------- corpus


def normalised_texts(paths: list[Path]) -> list[str]:
    """What the parser is given: the reader's text, newlines normalised, ending in a newline."""
    from reportlint.lint import read_text
    from reportlint.parser import normalise_newlines

    texts = []
    for path in paths:
        text = normalise_newlines(read_text(path) or "")
        texts.append(text if text.endswith("\n") else text + "\n")
    return texts


def mb_of(texts: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / MB


# ---------------------------------------------------------------------------------------------- figures


def compile_bytecode() -> None:
    """Write reportlint's .pyc files first, as `pip install` does: otherwise, with
    PYTHONDONTWRITEBYTECODE set or a read-only tree, every cold run would compile the sources
    while the baseline's libraries load compiled bytecode."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "reportlint")], env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL, check=True)


def cold_start(report: Report, mode: Mode, work: Path) -> float:
    """Figure 1. Returns the median cold-start wall time of one check (used to discount start-up later)."""
    log("cold start …")
    imports = [PY, "-c", IMPORTS]
    check = CHECK + ["--format", "json", str(ONE_REPORT)]
    if shutil.which("hyperfine"):
        out = work / "hyperfine.json"
        quoted = [" ".join(_quote(part) for part in cmd) for cmd in (imports, check)]
        subprocess.run(["hyperfine", "-N", "-i", "--warmup", "3", "--runs", str(mode.cold_runs), "--export-json", str(out), *quoted],
                       cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        results = json.loads(out.read_text())["results"]
        base, lint = results[0]["median"], results[1]["median"]
        how = f"hyperfine, median of {mode.cold_runs} runs each after 3 warm-ups"
    else:
        for _ in range(3):
            run(imports), run(check)
        times: dict[str, list[float]] = {"base": [], "lint": []}
        for _ in range(mode.cold_runs):  # alternate, so drift hits both alike
            times["base"].append(run(imports).wall)
            times["lint"].append(run(check).wall)
        base, lint = median(times["base"]), median(times["lint"])
        how = f"median of {mode.cold_runs} alternating runs after 3 warm-ups"
    ratio = lint / base
    report.add("cold `check one-report.txt` vs `python -c \"import lark, click, rich, pydantic\"`",
               f"{ratio:.2f}× ({fmt_s(lint)} vs {fmt_s(base)})", "≤ 1.5×", ratio <= 1.5)
    report.sections.append(
        "### 1. Cold start\n\n"
        f"`{' '.join(_short(check))}` ({ONE_REPORT.relative_to(ROOT)}, {ONE_REPORT.stat().st_size / 1000:.1f} KB) "
        f"against `python -c \"{IMPORTS}\"`; {how}. reportlint's bytecode is compiled beforehand, as an install does.\n\n"
        f"| command | median |\n|---|---|\n| imports only | {fmt_s(base)} |\n| reportlint check | {fmt_s(lint)} |\n"
        f"| **ratio** | **{ratio:.2f}×** (target ≤ 1.5×) |\n"
    )
    if ratio > 1.5:
        report.sections.append(importtime_profile(check, base, mode.cold_runs))
    return lint


def _quote(part: str) -> str:
    if " " not in part and "'" not in part and '"' not in part:
        return part
    return "'" + part.replace("'", "'\\''") + "'" if "'" in part else f"'{part}'"


def _short(cmd: list[str]) -> list[str]:
    return ["python" if part == PY else (Path(part).name if part.startswith("/") else part) for part in cmd]


def _importtime(cmd: list[str]) -> list[tuple[float, float, int, str]]:
    """(self s, cumulative s, depth, module) for every import of `cmd` (python -X importtime)."""
    proc = subprocess.run([PY, "-X", "importtime", *cmd[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    modules = []
    for line in proc.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            modules.append((int(match[1]) / 1e6, int(match[2]) / 1e6, len(match[3]) // 2, match[4]))
    return modules


def importtime_profile(check: list[str], base: float, runs: int) -> str:
    """Where a cold start goes: phases timed as separate processes, imports beyond the baseline, the parser."""
    modules = _importtime(check)
    baseline = {name for *_, name in _importtime([PY, "-c", IMPORTS])}
    top = [name for _, _, depth, name in modules if depth == 0 and "__main__" not in name]
    imports = "import " + ", ".join(dict.fromkeys(["lark", "click", "rich", "pydantic", *top]))
    phases = [
        ("`import lark, click, rich, pydantic` (the baseline)", IMPORTS),
        ("+ every other module a check imports (reportlint's own and the stdlib modules they use)", imports),
        ("+ `build_parser()` as the product calls it", imports + "; from reportlint.parser import build_parser; build_parser()"),
    ]
    times = [timed([PY, "-c", code], runs) for _, code in phases] + [timed(check, runs)]
    labels = [label for label, _ in phases] + ["+ the rest: rule registry and entry points, configuration, reading, linting, JSON output (whole `check`)"]
    rows = ["| phase (each a separate process) | median | added |", "|---|---|---|"]
    for index, (label, seconds) in enumerate(zip(labels, times)):
        added = seconds - times[index - 1] if index else seconds
        rows.append(f"| {label} | {fmt_s(seconds)} | {'+' if index else ''}{fmt_s(added)} |")
    extra: Counter[str] = Counter()
    for own, _, _, name in modules:
        if name not in baseline:
            extra[name.split(".")[0]] += own
    by_module = sorted((m for m in modules if m[3].startswith("reportlint")), key=lambda m: -m[0])[:10]
    build = subprocess.run([PY, "-c", _BUILD_PROBE], cwd=ROOT, capture_output=True, text=True, check=False)
    lines = [
        f"**Profile (start-up).** The cold check split into phases, each timed as its own process (median of {runs}):\n",
        *rows, "",
        (build.stdout.strip() or f"(parser probe failed: {build.stderr.strip()[-300:]})"), "",
        (f"`-X importtime`: imports take {sum(m[0] for m in modules) * 1000:.0f} ms in a check against "
        f"{sum(m[0] for m in _importtime([PY, '-c', IMPORTS])) * 1000:.0f} ms for the baseline. The difference, by package "
        "(own time of the modules the baseline does not import):\n"),
        "| package | import time beyond the baseline |", "|---|---|",
    ]
    lines += [f"| {name} | {seconds * 1000:.0f} ms |" for name, seconds in extra.most_common(8)]
    lines += ["", "reportlint's slowest module bodies (regex compilation, dataclass creation, rule registration):\n",
              "| module | self | cumulative |", "|---|---|---|"]
    lines += [f"| {name} | {own * 1000:.0f} ms | {cum * 1000:.0f} ms |" for own, cum, _, name in by_module]
    return "\n".join(lines) + "\n"


# How long the parser takes to build with lark's terminal-collision check (run whenever interegular is
# importable; it comes with reportlint's test extras) and without it, and loaded from lark's cache.
_BUILD_PROBE = """
import time, tempfile, os
start = time.perf_counter()
from reportlint.parser import build_parser
imported = time.perf_counter()
build_parser()
built = time.perf_counter()
import lark, lark.lexer
from reportlint.resources import data_dir
grammar = (data_dir("grammar") / "report.lark").read_text(encoding="utf-8")
options = dict(parser="lalr", lexer="contextual", propagate_positions=False, maybe_placeholders=False)
def build(**extra):
    start = time.perf_counter(); lark.Lark(grammar, **options, **extra); return time.perf_counter() - start
present = lark.lexer.has_interegular
with_check = build()
lark.lexer.has_interegular = False
without = build()
print(f"`build_parser()` in a fresh process: {(built - imported) * 1000:.1f} ms as the product calls it. For comparison, "
      f"an uncached `Lark(grammar)` build takes {with_check * 1000:.0f} ms here "
      f"(interegular {'installed, so lark checks every pair of terminals for collisions' if present else 'not installed'}) "
      f"and {without * 1000:.0f} ms without that check.")
"""


def timed(cmd: list[str], runs: int) -> float:
    """Median wall time of `cmd` (hyperfine when installed)."""
    if shutil.which("hyperfine"):
        handle, out = tempfile.mkstemp(suffix=".json")
        os.close(handle)
        try:
            subprocess.run(["hyperfine", "-N", "-i", "--warmup", "2", "--runs", str(runs), "--export-json", out,
                            " ".join(_quote(part) for part in cmd)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            return json.loads(Path(out).read_text())["results"][0]["median"]
        finally:
            os.unlink(out)
    run(cmd)
    return median([run(cmd).wall for _ in range(runs)])


def throughput(report: Report, mode: Mode, folder: Path, paths: list[Path], startup: float) -> None:
    """Figures 2 and 3: --jobs 1 throughput vs bare Lark.parse, and --jobs 2 vs --jobs 1."""
    from reportlint.parser import build_parser

    log("throughput: bare Lark.parse …")
    texts = normalised_texts(paths)
    size = mb_of(texts)
    parser = build_parser()
    parse_times = []
    for _ in range(mode.repeats):
        start = time.perf_counter()
        for text in texts:
            parser.parse(text)
        parse_times.append(time.perf_counter() - start)
    parse_s = median(parse_times)
    log("throughput: reportlint check --jobs 1 / --jobs 2 …")
    one, two = [], []
    for _ in range(mode.repeats):  # interleaved, so drift in the machine's load hits both alike
        one.append(run(CHECK + ["--jobs", "1", "--format", "json", str(folder)]).wall)
        two.append(run(CHECK + ["--jobs", "2", "--format", "json", str(folder)]).wall)
    one_s, two_s = median(one), median(two)
    lint_rate, parse_rate = size / one_s, size / parse_s
    ratio = lint_rate / parse_rate
    speedup = one_s / two_s
    report.add("lint throughput (--jobs 1) vs bare `Lark.parse`", f"{ratio:.2f}× ({lint_rate:.2f} vs {parse_rate:.2f} MB/s)", "≥ 0.5×", ratio >= 0.5)
    report.add("`--jobs 2` vs `--jobs 1`", f"{speedup:.2f}× ({fmt_s(two_s)} vs {fmt_s(one_s)})", "≥ 1.7×", speedup >= 1.7)
    sizes = sorted(len(t.encode("utf-8")) for t in texts)
    report.sections.append(
        "### 2. Throughput, and 3. --jobs 2\n\n"
        f"Corpus: {len(paths)} generated reports, {size:.1f} MB of normalised text (median {sizes[len(sizes) // 2] / 1000:.0f} KB, "
        f"largest {sizes[-1] / 1000:.0f} KB). `python -m reportlint check --jobs N --format json CORPUS` "
        f"(whole process, start-up included) against `build_parser().parse(text)` over the same texts in one process "
        f"(parser built beforehand). Medians of {mode.repeats} interleaved runs.\n\n"
        "| run | wall | MB/s |\n|---|---|---|\n"
        f"| bare `Lark.parse` | {fmt_s(parse_s)} | {parse_rate:.2f} |\n"
        f"| `check --jobs 1` | {fmt_s(one_s)} | {lint_rate:.2f} |\n"
        f"| `check --jobs 2` | {fmt_s(two_s)} | {size / two_s:.2f} |\n\n"
        f"Throughput ratio **{ratio:.2f}×** (target ≥ 0.5×); `--jobs 2` speed-up **{speedup:.2f}×** (target ≥ 1.7×). "
        f"Taking the {fmt_s(startup)} cold start of one check as the serial part, two perfect workers would give "
        f"{one_s / (startup + (one_s - startup) / 2):.2f}×.\n"
    )
    if ratio < 0.5:  # profiled after all measurements, outside the timed parts
        report.sections.append(Deferred(lambda: lint_profile(paths, f"the {len(paths)}-file corpus")))


def lint_profile(paths: list[Path], what: str) -> str:
    """Per-rule time and the hottest functions (cProfile, tottime) linting `paths` in one process."""
    cost, total = rules_profile.profile(paths)
    profiler = cProfile.Profile()
    from reportlint.lint import lint_path

    profiler.enable()
    for path in paths:
        lint_path(path)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    entries = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:14]  # by own time
    whole = sum(value[3] for key, value in stats.stats.items() if key[2] == "lint_path") or 1
    hot = ["| function | own time | share |", "|---|---|---|"]
    def short(key) -> str:
        filename, line, name = key
        where = filename.split("/reportlint/")[-1] if "/reportlint/" in filename else Path(filename).name
        return name if filename == "~" else f"{where}:{line} {name}"

    for key, (_, calls, own, cum, callers) in entries:
        label = f"`{short(key)}` ({calls} calls)"
        if key[0] == "~" and callers:  # a builtin: say who calls it most
            caller = max(callers.items(), key=lambda item: item[1][2])[0]
            label += f", mostly from `{short(caller)}`"
        hot.append(f"| {label} | {own:.2f} s | {own / whole:.0%} |")
    return (
        f"**Profile (lint time, {what}).** In one process, parser built: time per step and rule (a rule's time includes "
        "the shared facts it is first to compute):\n\n" + rules_profile.table(cost, total) + "\n\n"
        "Hottest functions by own time (cProfile, which inflates many small calls):\n\n" + "\n".join(hot) + "\n"
    )


def memory(report: Report, mode: Mode, folder: Path, count: int) -> None:
    """Figure 4: peak memory checking `count` files with the default --jobs (all cores); and a tenth as many,
    to show how the parent grows with the number of files."""
    files = sorted(folder.iterdir())
    tenth = files[: max(count // 10, 1)]
    log(f"memory: {len(tenth)} files …")
    small = run(CHECK + ["--format", "json", *map(str, tenth)], sample=True)
    log(f"memory: {count} files …")
    result = run(CHECK + ["--format", "json", str(folder)], sample=True)
    tree, small_tree = result.tree or {}, small.tree or {}
    peak = max(tree.get("tree_rss_mb", 0.0), result.maxrss_mb)
    per_file = (tree.get("parent_mb", 0) - small_tree.get("parent_mb", 0)) / max(count - len(tenth), 1) * 1024
    budget = int(count + (300 - peak) * 1024 / per_file) if per_file > 0 else None
    report.add(f"peak RSS, {count:,} files (parent + workers)", f"{peak:.0f} MB", "≤ 300 MB", peak <= 300)
    report.sections.append(
        f"### 4. Memory for {count:,} files\n\n"
        f"`python -m reportlint check --format json CORPUS` over {count:,} generated reports (8-16 KB each, "
        f"{sum(p.stat().st_size for p in files) / MB:.0f} MB), default `--jobs` ({os.cpu_count()} workers forked from the parent); "
        f"{fmt_s(result.wall)} wall, {count / result.wall:.0f} files/s, exit {result.code}. /proc polled every 0.1 s for the process tree; "
        f"the same for the first {len(tenth):,} files alongside.\n\n"
        f"| measure (MB) | {len(tenth):,} files | {count:,} files |\n|---|---|---|\n"
        f"| parent peak (VmHWM) | {small_tree.get('parent_mb', 0):.0f} | {tree.get('parent_mb', 0):.0f} |\n"
        f"| largest worker peak (VmHWM) | {small_tree.get('worker_mb', 0):.0f} | {tree.get('worker_mb', 0):.0f} |\n"
        f"| `wait4` ru_maxrss (largest single process) | {small.maxrss_mb:.0f} | {result.maxrss_mb:.0f} |\n"
        f"| tree, summed RSS at one instant (pages shared parent↔workers counted twice) | {small_tree.get('tree_rss_mb', 0):.0f} | {tree.get('tree_rss_mb', 0):.0f} |\n"
        f"| tree, summed PSS (shared pages split) | {small_tree.get('tree_pss_mb', 0):.0f} | {tree.get('tree_pss_mb', 0):.0f} |\n"
        f"| **peak** (the larger of the tree sum and the largest process) | {max(small_tree.get('tree_rss_mb', 0), small.maxrss_mb):.0f} | **{peak:.0f}** |\n\n"
        f"Workers stay flat; the parent grows by about {per_file:.1f} KB per file (results go to a temporary file as they "
        "arrive and the output is written one file at a time; what grows is the list of files and their settings)"
        + (f", so about {budget:,} such files would reach 300 MB." if budget else ".") + "\n"
    )


def _series(work: Path, name: str, sizes, repeats: int, structured: bool) -> tuple[dict[float, Path], dict[float, Run]]:
    """Write one draft per size and time `check` on each (median of `repeats` up to 10 MB, one run above)."""
    paths, timings = {}, {}
    for size in sizes:
        path = work / f"{name}-{size:g}MB.txt"
        corpus.write_single(path, int(size * MB), structured=structured)
        paths[size] = path
    for size in sizes:
        log(f"{name} input {size:g} MB …")
        runs = [run(CHECK + ["--format", "json", "--timeout", "7200", str(paths[size])]) for _ in range(repeats if size <= 10 else 1)]
        timings[size] = sorted(runs, key=lambda r: r.wall)[len(runs) // 2]
    return paths, timings


def _exponents(timings: dict[float, Run], startup: float) -> list[tuple[float, float, float]]:
    """Scaling exponent between consecutive sizes of the time beyond start-up: 1 linear, 2 quadratic."""
    sizes = sorted(timings)
    out = []
    for a, b in itertools.pairwise(sizes):
        ta, tb = max(timings[a].wall - startup, 1e-3), max(timings[b].wall - startup, 1e-3)
        out.append((a, b, math.log(tb / ta) / math.log(b / a)))
    return out


def _table(timings: dict[float, Run], startup: float) -> str:
    rows = ["| input | wall | s/MB beyond start-up | peak RSS (largest process) | exit |", "|---|---|---|---|---|"]
    for size in sorted(timings):
        slope = max(timings[size].wall - startup, 0.0) / size
        rows.append(f"| {size:g} MB | {fmt_s(timings[size].wall)} | {slope:.2f} | {timings[size].maxrss_mb:.0f} MB | {timings[size].code} |")
    return "\n".join(rows)


def single_inputs(report: Report, mode: Mode, work: Path, startup: float) -> None:
    """Figure 5: 1/10/100 MB single inputs (linear?), the 5 MB draft under 2 s, long paragraphs, the size guard."""
    paths, timings = _series(work, "single", sorted(set(mode.sizes) | {mode.draft}), mode.repeats, structured=True)
    flat_paths, flat = _series(work, "flat", mode.flat_sizes, mode.repeats, structured=False)
    draft = timings[mode.draft]
    report.add(f"{mode.draft:g} MB draft, end to end", fmt_s(draft.wall), "< 2 s", draft.wall < 2)
    steps = [step for step in _exponents(timings, startup) if step[0] in mode.sizes and step[1] in mode.sizes]
    flat_steps = _exponents(flat, startup)
    worst = max((k for *_, k in steps), default=1.0)
    flat_worst = max((k for *_, k in flat_steps), default=1.0)
    report.add(f"{' / '.join(f'{s:g}' for s in mode.sizes)} MB single inputs: linear",
               ", ".join(fmt_s(timings[s].wall) for s in mode.sizes) + f"; time ∝ size^{worst:.2f} at worst",
               "linear: time ∝ size^k, k ≤ 1.2", worst <= 1.2)
    report.add(f"drafts without sub-headings ({' / '.join(f'{s:g}' for s in mode.flat_sizes)} MB, one paragraph per part): linear",
               ", ".join(fmt_s(flat[s].wall) for s in mode.flat_sizes) + f"; time ∝ size^{flat_worst:.2f} at worst",
               "linear: k ≤ 1.2", flat_worst <= 1.2)
    biggest = max(mode.sizes)
    notes = []
    if timings[biggest].wall > 300:
        notes.append(f"With the default `--timeout 300` the {biggest:g} MB file would be stopped and reported as RL001.")
    if flat_worst > 1.2:
        k, largest = flat_worst, max(mode.flat_sizes)
        projected = (flat[largest].wall - startup) * (100 / largest) ** k + startup
        notes.append(f"Extrapolated at k = {k:.2f}, a 100 MB draft of this shape would take about {fmt_s(projected)}: "
                     "the default `--timeout 300` stops it and reports RL001, so nothing hangs, but it is not linted.")
    guard = guard_check(paths[mode.draft], int(mode.draft * MB) // 5)
    report.sections.append(
        "### 5. Single large inputs\n\n"
        "One long draft per size: the good sample with a placeholder, grown with narrative paragraphs under part 一's "
        "subsections and parts 五 and 六; `python -m reportlint check --format json --timeout 7200 FILE`; median of "
        f"{mode.repeats} runs up to 10 MB, one run above. Start-up ({fmt_s(startup)}, the cold check of one report) is taken off "
        "before comparing sizes; k is the exponent in time ∝ size^k between consecutive sizes (1 linear, 2 quadratic).\n\n"
        "**Structured** (numbered sub-items `1.…` every few paragraphs, the odd blank line, as long reports have):\n\n"
        + _table(timings, startup) + "\n\n"
        + "k: " + ", ".join(f"{a:g}→{b:g} MB {k:.2f}" for a, b, k in _exponents(timings, startup)) + "\n\n"
        "**Without sub-headings** (the same narrative, no sub-items or blank lines: each part's narrative is one run of "
        "lines, which the parser joins into one paragraph of up to a seventh of the file):\n\n"
        + _table(flat, startup) + "\n\n"
        + "k: " + ", ".join(f"{a:g}→{b:g} MB {k:.2f}" for a, b, k in flat_steps) + "\n\n"
        + (" ".join(notes) + "\n\n" if notes else "") + guard + "\n"
    )
    if draft.wall >= 2 or worst > 1.2:
        report.sections.append(Deferred(lambda: draft_profile(paths[mode.draft], mode.draft)))
    if flat_worst > 1.2:
        largest = max(mode.flat_sizes)
        report.sections.append(Deferred(lambda: lint_profile([flat_paths[largest]], f"the {largest:g} MB draft without sub-headings")))


def guard_check(path: Path, limit: int) -> str:
    out = path.with_suffix(".guard.json")
    with out.open("w") as handle:
        result = run(CHECK + ["--format", "json", "--max-size", str(limit), str(path)], stdout=handle)
    data = json.loads(out.read_text() or "{}")
    codes = [d["code"] for f in data.get("files", []) for d in f.get("diagnostics", [])]
    ok = codes == ["RL001"]
    return (f"Size guard: the same {path.stat().st_size / MB:.1f} MB draft with `--max-size {limit}` gives "
            f"{', '.join(codes) or 'nothing'} in {fmt_s(result.wall)} ({'✓ reported as RL001 without reading it' if ok else '✗ expected RL001 alone'}); "
            "the default limit is 128 MiB (`--max-size`).")


def draft_profile(path: Path, size: float) -> str:
    """py-spy over the whole CLI run when available (workers included), else cProfile in-process."""
    pyspy = shutil.which("py-spy")
    text = lint_profile([path], f"the {size:g} MB draft")
    if not pyspy:
        return text + "\n(py-spy not installed: `pip install py-spy` adds a sampled profile of the whole CLI run.)\n"
    out = path.with_suffix(".pyspy.txt")
    subprocess.run([pyspy, "record", "--rate", "250", "--subprocesses", "--function", "--full-filenames", "--format", "raw",
                    "-o", str(out), "--", *CHECK, "--format", "json", str(path)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    own, inclusive, total = pyspy_stacks(out)
    if not total:
        return text
    rows = ["| function (own time: where the samples were) | own | inclusive |", "|---|---|---|"]
    rows += [f"| `{frame}` | {count / total:.0%} | {inclusive.get(frame, count) / total:.0%} |" for frame, count in own.most_common(12)]
    rows += ["", "| reportlint function (time spent in it and below) | inclusive |", "|---|---|"]
    rows += [f"| `{frame}` | {count / total:.0%} |" for frame, count in inclusive.most_common(40)
             if frame.split(" (")[-1].startswith("reportlint/")][:16]
    return text + (f"\nSampled with py-spy ({total} samples at 250 Hz, the whole CLI run including the forked worker: "
                   f"`py-spy record --subprocesses --function -- python -m reportlint check --format json {path.name}`):\n\n" + "\n".join(rows) + "\n")


def pyspy_stacks(out: Path) -> tuple[Counter, Counter, int]:
    """Own and inclusive sample counts per function from py-spy's raw (collapsed) output."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    if not out.exists():
        return own, inclusive, 0
    for line in out.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = [_frame(f) for f in stack.split(";") if not f.startswith("process ")]
        if not frames:
            continue
        total += int(count)
        own[frames[-1]] += int(count)
        for frame in set(frames):
            inclusive[frame] += int(count)
    return own, inclusive, total


def _frame(frame: str) -> str:
    """`name (/long/path/reportlint/checks/x.py:12)` -> `name (reportlint/checks/x.py:12)`."""
    match = re.match(r"(.*) \((.*)\)$", frame)
    if not match:
        return frame
    name, where = match.groups()
    for marker in ("/reportlint/", "/site-packages/", "/lib/python3"):
        if marker in where:
            where = ("reportlint/" if marker == "/reportlint/" else "") + where.split(marker, 1)[1].lstrip("0123456789./")
            break
    return f"{name} ({where})"


def textlint(report: Report, mode: Mode, folder: Path, work: Path, draft: Path | None) -> None:
    """Figure 6: textlint with one `x{3,}` rule vs reportlint --select RL401, same corpus."""
    log("textlint …")
    binary = ensure_textlint()
    if isinstance(binary, str):
        report.add("textlint (`x{3,}` rule) vs `reportlint --select RL401`", f"not measured: {binary}", "ratio reported", None)
        report.sections.append(f"### 6. textlint\n\nNot measured: {binary}\n")
        return
    version = sh([str(binary), "--version"])
    pattern = str(folder / "*.txt")
    tl_cmd = [str(binary), "--rulesdir", str(TEXTLINT_RULES), "--format", "json", pattern]
    rl_cmd = CHECK + ["--select", "RL401", "--jobs", "1", "--format", "json", str(folder)]
    rl2_cmd = CHECK + ["--select", "RL401", "--format", "json", str(folder)]
    tl_out, rl_out = work / "textlint.json", work / "rl401.json"
    tl_runs, rl_runs, rl2_runs = [], [], []
    for _ in range(mode.textlint_repeats):
        with tl_out.open("w") as handle:
            tl_runs.append(run(tl_cmd, stdout=handle))
        with rl_out.open("w") as handle:
            rl_runs.append(run(rl_cmd, stdout=handle))
        rl2_runs.append(run(rl2_cmd))
    tl = sorted(tl_runs, key=lambda r: r.wall)[len(tl_runs) // 2]
    rl = sorted(rl_runs, key=lambda r: r.wall)[len(rl_runs) // 2]
    rl2 = median([r.wall for r in rl2_runs])
    tl_found = sum(len(f["messages"]) for f in json.loads(tl_out.read_text() or "[]"))
    rl_found = sum(1 for f in json.loads(rl_out.read_text() or "{}").get("files", []) for d in f["diagnostics"] if d["code"] == "RL401")
    ratio = tl.wall / rl.wall
    report.add("textlint (`x{3,}` rule) vs `reportlint --select RL401 --jobs 1`",
               f"reportlint {ratio:.2f}× faster ({fmt_s(rl.wall)} vs {fmt_s(tl.wall)})" if ratio >= 1 else
               f"reportlint {1 / ratio:.2f}× slower ({fmt_s(rl.wall)} vs {fmt_s(tl.wall)})", "ratio reported", None)
    n = len(list(folder.glob("*.txt")))
    lines = [
        "### 6. textlint side by side\n",
        (f"textlint {version} (npm, offline after install) with one local rule, bench/textlint/placeholder-x3.js "
        "(reports every `x{3,}` match in each Str node; .txt via the built-in text plugin), against reportlint with only RL401 "
        f"(six placeholder patterns: xxxx/XX, 20XX年, ××, **年, ○○, 某某) on the same {n} files; median of {mode.textlint_repeats}.\n"),
        "| command | wall | peak RSS | findings |", "|---|---|---|---|",
        f"| `textlint --rulesdir bench/textlint --format json 'CORPUS/*.txt'` | {fmt_s(tl.wall)} | {tl.maxrss_mb:.0f} MB | {tl_found} |",
        f"| `reportlint check --select RL401 --jobs 1 --format json CORPUS` | {fmt_s(rl.wall)} | {rl.maxrss_mb:.0f} MB | {rl_found} |",
        f"| `reportlint check --select RL401 --format json CORPUS` (all cores) | {fmt_s(rl2)} | | |",
        "",
        f"Ratio textlint / reportlint (--jobs 1): **{ratio:.2f}**.",
    ]
    if draft is not None:
        with (work / "textlint-draft.json").open("w") as handle:
            tl_draft = run([str(binary), "--rulesdir", str(TEXTLINT_RULES), "--format", "json", str(draft)], stdout=handle, timeout=600)
        rl_draft = run(CHECK + ["--select", "RL401", "--format", "json", str(draft)])
        rl_all = run(CHECK + ["--format", "json", str(draft)])
        lines += ["", (f"The {draft.stat().st_size / MB:.1f} MB draft alone: textlint (one rule) {fmt_s(tl_draft.wall)} / {tl_draft.maxrss_mb:.0f} MB"
                  f"{' (stopped at 600 s)' if tl_draft.wall >= 600 else ''}; reportlint RL401 only {fmt_s(rl_draft.wall)} / {rl_draft.maxrss_mb:.0f} MB; "
                  f"reportlint, all rules {fmt_s(rl_all.wall)} / {rl_all.maxrss_mb:.0f} MB.")]
    report.sections.append("\n".join(lines) + "\n")


def ensure_textlint() -> Path | str:
    """textlint from npm in a temp dir (kept between runs); a string says why it is unavailable."""
    home = Path(os.environ.get("REPORTLINT_BENCH_TEXTLINT", Path(tempfile.gettempdir()) / "reportlint-bench-textlint"))
    binary = home / "node_modules" / ".bin" / "textlint"
    if binary.exists():
        return binary
    npm = shutil.which("npm")
    if not npm:
        return "npm is not installed"
    home.mkdir(parents=True, exist_ok=True)
    log(f"installing textlint into {home} …")
    proc = subprocess.run([npm, "install", "--prefix", str(home), "--no-audit", "--no-fund", "textlint@latest"],
                          capture_output=True, text=True, timeout=900, check=False)
    if proc.returncode != 0 or not binary.exists():
        return f"`npm install textlint` failed: {(proc.stderr or proc.stdout).strip().splitlines()[-1:] or ['?']}"
    return binary


def readers(report: Report) -> None:
    """bench/readers.py: the reading budgets (PDF, .docx, HTML), included as is."""
    log("readers (bench/readers.py) …")
    proc = subprocess.run([PY, str(BENCH / "readers.py")], cwd=ROOT, capture_output=True, text=True, check=False)
    table = proc.stdout.strip() or proc.stderr.strip()[-2000:]
    report.add("reading budgets (bench/readers.py)", "all met" if proc.returncode == 0 else "a budget missed", "README budgets", proc.returncode == 0)
    report.sections.append("### 7. Reading budgets (bench/readers.py)\n\n" + table + "\n")


def shapes(report: Report, quick: bool) -> None:
    """bench/linear_shapes.py: the inputs of issue 12 that once cost time in the square of their size."""
    log("quadratic shapes (bench/linear_shapes.py) …")
    proc = subprocess.run([PY, str(BENCH / "linear_shapes.py"), *(["--quick"] if quick else [])], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=3600)
    table = proc.stdout.strip() or proc.stderr.strip()[-2000:]
    worst = re.search(r"Worst k ([0-9.]+)", table)
    report.add("long-line and many-match shapes (blanks, figures, placeholders, entities, headings, suppression names) at 1/10/100×: linear",
               f"time ∝ size^{worst.group(1) if worst else '?'} at worst", "linear: k ≤ 1.2", proc.returncode == 0)
    report.sections.append(
        "### Long-line and many-match shapes (bench/linear_shapes.py)\n\n"
        "Each shape of issue 12 linted with `lint_text` in one process (CPU time, best of 2 below 100×), the line-length "
        "bound raised so the long lines are really checked; k between consecutive sizes.\n\n" + table + "\n")


def serve_load(report: Report) -> None:
    """bench/serve_load.py: 400 uploads from 20 clients on loopback, included as is."""
    log("server load (bench/serve_load.py) …")
    try:
        proc = subprocess.run([PY, str(BENCH / "serve_load.py")], cwd=ROOT, capture_output=True, text=True, check=False, timeout=1200)
    except subprocess.TimeoutExpired:
        report.add("server load (bench/serve_load.py)", "did not finish in 20 minutes", "every request answered correctly", False)
        return
    section = proc.stdout.strip() or proc.stderr.strip()[-2000:]
    answered = re.search(r"requests answered correctly \| (\d+ of \d+)", section)
    latency = re.search(r"latency p50 / p95 / max, all requests \| ([^|]+)\|", section)
    report.add("server load: 400 uploads, 20 clients (bench/serve_load.py)",
               f"{answered.group(1) if answered else '?'} correct; p50/p95/max {latency.group(1).strip() if latency else '?'}",
               "all correct, RSS bound, no temp files", proc.returncode == 0)
    report.sections.append(section + "\n")


# ---------------------------------------------------------------------------------------------- main


def render(report: Report, args, command: str, started: str, quiet_note: str, load_end: float, elapsed: float, tree_at_start: str = "") -> str:
    lines = [
        "# reportlint benchmarks",
        "",
        "Generated by `bench/run.py`; do not edit by hand, run it again.",
        "",
        f"- command: `{command}`",
        f"- date: {started}, {elapsed / 60:.1f} min",
        f"- load: {quiet_note} Other processes' CPU use during each part (cores busy outside this benchmark, from /proc/stat; "
        "a part is measured again, up to 3 times, when others used more than 0.35 cores): "
        + ", ".join(f"{name} {others:.2f}" + (f" ({tries} attempts)" if tries > 1 else "") for name, tries, others in report.loads)
        + f". 1-minute load average {load_end:.2f} at the end.",
        "",
        "| machine | |",
        "|---|---|",
    ]
    facts = machine()
    lines += [f"| {name} | {value} |" for name, value in facts]
    if tree_at_start and tree_at_start != dict(facts)["reportlint tree"]:
        lines += ["", f"**The product tree changed during the run**: {tree_at_start} when measuring began. Run it again for figures of one tree."]
    lines += ["", "## Summary", "", "| figure (each a ratio within this run) | measured | target | met |", "|---|---|---|---|"]
    lines += [f"| {r.figure} | {r.measured} | {r.target} | {r.mark} |" for r in report.rows]
    met = sum(r.ok is True for r in report.rows)
    judged = sum(r.ok is not None for r in report.rows)
    lines += ["", f"{met} of {judged} targets met." + (f" Missed: {'; '.join(report.misses)}." if report.misses else ""), "", "## Details", ""]
    lines += [str(section) for section in report.sections]
    lines += [
        "", "## How to run", "",
        ("`python bench/run.py` (the project's venv Python) regenerates this file; `--quick` is a one-minute smoke run that "
        "prints the same report for small sizes and writes nothing. The corpus is generated into a temp folder each time "
        "(bench/corpus.py, fixed seeds: the same files every run) and removed afterwards (`--keep DIR` keeps it). Optional tools, "
        "used when found: hyperfine (`apt-get install hyperfine`; else medians of repeated runs), py-spy (`pip install py-spy`, "
        "on PATH; else cProfile only), textlint (installed by the script with `npm install --prefix "
        "$TMPDIR/reportlint-bench-textlint textlint@latest` on first use, or set REPORTLINT_BENCH_TEXTLINT to a folder that has it). "
        "The script waits up to 40 minutes for a 1-minute load average below 1.5, and measures a part again (up to 3 times) "
        "when other processes used more than 0.35 cores during it; figures still disturbed say so. "
        "bench/rules_profile.py FILES prints the per-rule table on its own."),
    ]
    if args.quick:
        lines += ["", "_A --quick smoke run: small sizes, one repetition; not the figures of record._"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition; prints, does not write BENCHMARKS.md")
    parser.add_argument("--output", type=Path, default=None, help="Markdown file to write (default BENCHMARKS.md; --quick writes none)")
    parser.add_argument("--max-load", type=float, default=1.5, help="wait until the 1-minute load average is below this (default 1.5)")
    parser.add_argument("--max-wait", type=float, default=None, help="seconds to wait for that at most (default 2400; --quick 0)")
    parser.add_argument("--keep", type=Path, default=None, help="generate the corpus here and keep it (default: a temp dir, removed)")
    parser.add_argument("--skip", action="append", default=[], choices=["cold", "throughput", "memory", "single", "textlint", "readers", "serve", "shapes"])
    args = parser.parse_args(argv)
    mode = QUICK if args.quick else FULL
    output = args.output or (None if args.quick else ROOT / "BENCHMARKS.md")
    max_wait = args.max_wait if args.max_wait is not None else (0 if args.quick else 2400)
    command = "python bench/run.py" + (" " + " ".join(sys.argv[1:]) if argv is None and sys.argv[1:] else "")
    work = args.keep or Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report = Report()
    began = time.monotonic()
    try:
        log(f"generating the corpus in {work} …")
        folder = work / "corpus"
        if not folder.exists():
            corpus.write_corpus(folder, mode.corpus_files, total_bytes=mode.corpus_bytes)
        paths = sorted(folder.glob("*.txt"))
        many = work / f"many-{mode.rss_files}"
        if "memory" not in args.skip and not many.exists():
            corpus.write_many_small(many, mode.rss_files)
        if "textlint" not in args.skip:
            ensure_textlint()
        compile_bytecode()
        quiet_note = wait_for_quiet(args.max_load, max_wait)
        started = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        tree_at_start = tree_state()
        startup = None
        if "cold" not in args.skip:
            startup = report.part("cold", lambda: cold_start(report, mode, work), max_load=args.max_load)
        if startup is None:
            startup = run(CHECK + ["--format", "json", str(ONE_REPORT)]).wall
        if "throughput" not in args.skip:
            report.part("throughput", lambda: throughput(report, mode, folder, paths, startup), max_load=args.max_load)
        if "memory" not in args.skip:
            report.part("memory", lambda: memory(report, mode, many, mode.rss_files), max_load=args.max_load)
        if "single" not in args.skip:
            report.part("single", lambda: single_inputs(report, mode, work, startup), max_load=args.max_load)
        if "textlint" not in args.skip:
            draft = work / f"single-{mode.draft:g}MB.txt"
            report.part("textlint", lambda: textlint(report, mode, folder, work, draft if draft.exists() else None), max_load=args.max_load)
        if "readers" not in args.skip:
            report.part("readers", lambda: readers(report), max_load=args.max_load)
        if "shapes" not in args.skip:
            report.part("shapes", lambda: shapes(report, args.quick), max_load=args.max_load)
        if "serve" not in args.skip:
            report.part("serve", lambda: serve_load(report), max_load=args.max_load)
        log("profiles …")
        for section in report.sections:
            str(section)
        text = render(report, args, command, started, quiet_note, load(), time.monotonic() - began, tree_at_start)
        print(text)
        if output:
            kept = ""
            if output.exists():  # hand-written notes after the marker survive a rerun
                previous = output.read_text(encoding="utf-8")
                if NOTES_MARKER in previous:
                    kept = "\n" + previous[previous.index(NOTES_MARKER):]
            output.write_text(text + kept, encoding="utf-8")
            log(f"written to {output}")
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
