"""Full-size fuzz campaign for the run-time classes of issue 12 (tests/fuzz holds the CI-sized ones).

Classes, each checked by real `reportlint check` runs in subprocesses:

- texts: N long-line and many-match texts (tests/fuzz/shapes.py, sizes and mixtures drawn at
  random, plus random mutations) in bulk runs of `--jobs 2 --format json`;
- config: N hostile reportlint.toml / rule packs / baselines, each a `reportlint check` run;
- folders: hostile folders (tests/fuzz/folders.py) in every output format;
- signals: SIGINT / SIGTERM at random moments of a 2,000-file run, every -o format.

For every run: no traceback on stderr, exit code only 0/1/2 (130/143 for the signal class), no run
over its time limit, outputs that parse with one record per input, peak RSS of every worker (VmHWM,
polled from /proc) under 500 MB. Prints a Markdown summary; exit code 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
from folders import GOOD, make_hostile_folder  # noqa: E402
from outputs import FORMATS, interrupted_run, parse_output, record_count  # noqa: E402
from shapes import SHAPES, TITLE  # noqa: E402

PY = sys.executable


class Peak(threading.Thread):
    """The largest VmHWM of any descendant of `root` while it runs (the workers and the parent)."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.peak, self.stopped = root, 0.0, threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            children: dict[int, list[int]] = {}
            for entry in os.scandir("/proc"):
                if entry.name.isdigit():
                    try:
                        stat = open(f"/proc/{entry.name}/stat", "rb").read()
                        children.setdefault(int(stat[stat.rindex(b")") + 2:].split()[1]), []).append(int(entry.name))
                    except (OSError, ValueError):
                        pass
            queue = list(children.get(self.root, ()))
            while queue:
                pid = queue.pop()
                queue += children.get(pid, ())
                try:
                    for line in open(f"/proc/{pid}/status"):
                        if line.startswith("VmHWM:"):
                            self.peak = max(self.peak, int(line.split()[1]) / 1024)
                except OSError:
                    pass
            self.stopped.wait(0.05)


def check(args: list[str], cwd: Path = ROOT, limit: float = 600) -> tuple[int, str, str, float, float]:
    started = time.monotonic()
    process = subprocess.Popen([PY, "-m", "reportlint", "check", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "NO_COLOR": "1"})
    peak = Peak(process.pid)
    peak.start()
    try:
        out, err = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        return -999, "", "over the time limit", time.monotonic() - started, peak.peak
    finally:
        peak.stopped.set()
        peak.join()
    return process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.monotonic() - started, peak.peak


class Tally:
    def __init__(self, name: str) -> None:
        self.name, self.inputs, self.runs, self.tracebacks, self.over, self.bad_codes, self.bad_output = name, 0, 0, 0, 0, 0, 0
        self.peak, self.codes, self.notes = 0.0, {}, []

    def add(self, code: int, err: str, peak: float, inputs: int, allowed=(0, 1, 2), output_ok: bool = True) -> None:
        self.runs += 1
        self.inputs += inputs
        self.codes[code] = self.codes.get(code, 0) + 1
        self.tracebacks += "Traceback" in err
        self.over += code == -999
        self.bad_codes += code not in allowed and code != -999
        self.bad_output += not output_ok
        self.peak = max(self.peak, peak)
        if ("Traceback" in err or code not in allowed or not output_ok) and len(self.notes) < 5:
            self.notes.append(f"exit {code}: {err.strip()[-300:]}")

    @property
    def ok(self) -> bool:
        return not (self.tracebacks or self.over or self.bad_codes or self.bad_output) and self.peak < 500

    def row(self) -> str:
        codes = ", ".join(f"{c}×{n}" for c, n in sorted(self.codes.items()))
        return (f"| {self.name} | {self.inputs:,} | {self.runs:,} | {self.tracebacks} | {self.over} | {self.bad_codes} | "
                f"{self.bad_output} | {self.peak:.0f} MB | {codes} | {'✓' if self.ok else '✗'} |")


def mutate(text: str, rng: random.Random) -> str:
    pieces = [" ", "\t", "|", "---", "XX", "&nbsp;", "一、", "（一）", "\n", "<!-- reportlint-disable RL401 -->", "1 2 3", "\ufffd"]
    for _ in range(rng.randrange(1, 6)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(pieces) * rng.randrange(1, 2000) + text[at:]
    return text


def texts(work: Path, count: int, per_run: int, rng: random.Random, sizes: list[int]) -> Tally:
    tally = Tally("long-line and many-match texts")
    good = GOOD.read_text(encoding="utf-8")
    names = sorted(SHAPES)
    done = 0
    while done < count:
        folder = work / f"texts-{done}"
        folder.mkdir()
        batch = min(per_run, count - done)
        for index in range(batch):
            shape = SHAPES[rng.choice(names)](rng.choice(sizes))
            text = shape + good[len(TITLE):] if rng.random() < 0.5 else shape
            if rng.random() < 0.5:
                text = mutate(text, rng)
            (folder / f"t{index:05d}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        code, out, err, wall, peak = check(["--jobs", "2", "--timeout", "60", "--format", "json", str(folder)], limit=3600)
        skipped = re.search(r"跳过 (\d+) 个|skipped (\d+) file", err)  # texts that never mention 信息公开: no report, said on stderr
        try:
            ok = len(json.loads(out)["files"]) + (int(next(g for g in skipped.groups() if g)) if skipped else 0) == batch
        except ValueError:
            ok = False
        tally.add(code, err, peak, batch, output_ok=ok)
        shutil.rmtree(folder)
        done += batch
        print(f"texts {done}/{count}: exit {code}, {wall:.0f} s, peak {peak:.0f} MB", file=sys.stderr, flush=True)
    return tally


CONFIG_PIECES = ['select = ["RL1"]', "ignore = 3", "[severity]", 'RL401 = "error"', "[options.RL508]", "township_licensing_max = -1",
                 'extends = "/dev/zero"', 'extends = "/dev/urandom"', 'extends = "base.toml"', 'packs = ["pack.toml"]', "packs = [1]",
                 "x = " + "[" * 3000 + "]" * 3000, "y = " + "{a = " * 2000 + "1" + "}" * 2000, 'fail-on = "nope"', "= =", "[", "\x00"]
PACK_REGEXES = ["等{1000000000}", "等{99999999999999999999}", "(" * 5000 + "等" + ")" * 5000, "(等+)+$", "(等|等)+$", "(?:a*)*b",
                "等" * 2000, "等等", "[", "(?P<x>等)(?P=x)", "\\d+\\d+\\d+x"]
BASELINE_TEXTS = ['{"version": 1}', '{"version": 1, "findings": 3}', '{"version": 1, "findings": [{"file": "a"}]}',
                  '{"version": 1, "findings": [{"fingerprint": 3, "file": "a"}]}', "[" * 100000, "\xff", '{"version": 1, "findings": []}']


def config_inputs(folder: Path, rng: random.Random) -> list[str]:
    """Write one hostile reportlint.toml, pack.toml and b.json into `folder`; the check's extra arguments."""
    shutil.copyfile(GOOD, folder / "r.txt")
    pieces = rng.sample(CONFIG_PIECES, rng.randrange(1, 5))
    (folder / "reportlint.toml").write_bytes("\n".join(pieces).encode("utf-8") + rng.randbytes(rng.randrange(0, 8)))
    (folder / "base.toml").write_text('extends = "reportlint.toml"\n' if rng.random() < 0.3 else "", encoding="utf-8")
    regex = rng.choice(PACK_REGEXES)
    example = rng.choice(["等等", "等" * 40 + "x", "a" * 30])
    (folder / "pack.toml").write_text('[pack]\nname = "p"\nprefix = "TP"\n\n[[pattern]]\ncode = "TP301"\nname = "dd"\n'
                                      f"regex = {json.dumps(regex)}\nexample = {json.dumps(example)}\nzh = \"x\"\nen = \"x\"\n"
                                      + ("\n[[extra_row]]\ncode = \"TP201\"\nname = \"r\"\ntable = \"active_1\"\nlabel = \"其他\"\ncolumns = 1000000000\nzh = \"x\"\nen = \"x\"\n" if rng.random() < 0.2 else ""),
                                      encoding="utf-8")
    (folder / "b.json").write_text(rng.choice(BASELINE_TEXTS), encoding="utf-8", errors="surrogatepass")
    return ["--baseline", "b.json"] if rng.random() < 0.3 else []


def config_inprocess(work: Path, count: int, rng: random.Random) -> Tally:
    """Every input through the loaders in this process: anything but their own error is a traceback."""
    from reportlint.baseline import BaselineError, load_baseline
    from reportlint.config import ConfigError, load_file
    from reportlint.packs import PackError, load_pack

    tally = Tally("hostile TOML, packs and baselines (loaders, in process)")
    folder = work / "config-inprocess"
    for index in range(count):
        folder.mkdir()
        config_inputs(folder, rng)
        for load, path, expected in ((load_file, "reportlint.toml", ConfigError), (load_pack, "pack.toml", PackError),
                                     (load_baseline, "b.json", BaselineError)):
            started = time.monotonic()
            error = ""
            try:
                load(folder / path)
            except expected:
                pass
            except BaseException as problem:  # noqa: BLE001 - what the campaign counts
                error = f"Traceback: {type(problem).__name__}: {problem}"[:300]
            tally.add(2 if time.monotonic() - started < 30 else -999, error, 0.0, 1)
        shutil.rmtree(folder)
    return tally


def config(work: Path, count: int, rng: random.Random) -> Tally:
    tally = Tally("hostile TOML, packs and baselines (reportlint check)")
    for index in range(count):
        folder = work / f"config-{index}"
        folder.mkdir()
        args = ["--format", "json", "--timeout", "30", *config_inputs(folder, rng)]
        code, out, err, wall, peak = check(args + ["r.txt"], cwd=folder, limit=120)
        ok = code == 2 or _parses("json", out)
        tally.add(code, err, peak, 1, output_ok=ok)
        if rng.random() < 0.1:
            listing = subprocess.run([PY, "-m", "reportlint", "rules"], cwd=folder, capture_output=True, text=True, timeout=120)
            tally.add(listing.returncode, listing.stderr, 0.0, 0)
        shutil.rmtree(folder)
        if index % 500 == 0:
            print(f"config {index}/{count}", file=sys.stderr, flush=True)
    return tally


def _parses(fmt: str, text: str) -> bool:
    try:
        parse_output(fmt, text)
        return True
    except Exception:  # noqa: BLE001 - any failure to parse is what is counted
        return False


def folders(work: Path, rounds: int, reports: int, rng: random.Random) -> Tally:
    tally = Tally("hostile folders, every format")
    for round_ in range(rounds):
        folder = work / f"folder-{round_}"
        expected = make_hostile_folder(folder, reports=reports, seed=round_)
        victims = [folder / f"r{i:04d}.txt" for i in rng.sample(range(reports), 3)]
        for fmt in FORMATS:
            for victim in victims:  # deleted while the run lists and checks: still one record each
                if not victim.exists():
                    shutil.copyfile(GOOD, victim)
            timer = threading.Timer(rng.uniform(0.3, 3.0), lambda: [v.unlink(missing_ok=True) for v in victims])
            timer.start()
            code, out, err, wall, peak = check(["--jobs", "2", "--timeout", "60", "--format", fmt, str(folder)], limit=1200)
            timer.cancel()
            try:
                document = parse_output(fmt, out)
                count = record_count(fmt, document)
                ok = count is None or len(expected) - len(victims) <= count <= len(expected)  # deleted before listing: not an input
            except Exception:  # noqa: BLE001
                ok = False
            tally.add(code, err, peak, len(expected), output_ok=ok)
        shutil.rmtree(folder)
        print(f"folders {round_ + 1}/{rounds}", file=sys.stderr, flush=True)
    return tally


def signals(work: Path, rounds: int, files: int, rng: random.Random) -> Tally:
    tally = Tally(f"SIGINT/SIGTERM, {files:,}-file run, every -o format")
    inbox = work / "inbox"
    inbox.mkdir()
    for index in range(files):
        shutil.copyfile(GOOD, inbox / f"r{index:04d}.txt")
    for round_ in range(rounds):
        fmt = FORMATS[round_ % len(FORMATS)]
        signum = rng.choice([signal.SIGINT, signal.SIGTERM])
        target = work / f"out.{fmt}"
        target.write_text("previous\n", encoding="utf-8")
        delay = rng.uniform(0.2, 30.0)
        code, alive = interrupted_run(["--jobs", "2", "--format", fmt, "-o", str(target), str(inbox)], delay, signum, limit=600)
        text = target.read_text(encoding="utf-8")
        ok = not alive and (text == "previous\n" or _parses(fmt, text) and record_count(fmt, parse_output(fmt, text)) in (None, files))
        ok = ok and not [p for p in work.iterdir() if p.name.startswith(f".out.{fmt}.")]
        tally.add(code, "", 0.0, files, allowed=(0, 128 + signum, -signum), output_ok=ok)
        print(f"signals {round_ + 1}/{rounds}: {fmt} {signum.name} at {delay:.1f} s -> exit {code}", file=sys.stderr, flush=True)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--text-sizes", default="10,1000,20000", help="repetitions of a shape's hostile part to draw from")
    parser.add_argument("--texts-per-run", type=int, default=500)
    parser.add_argument("--configs", type=int, default=10_000, help="inputs through the loaders in process")
    parser.add_argument("--config-runs", type=int, default=300, help="of them, also as whole `reportlint check` runs")
    parser.add_argument("--folder-rounds", type=int, default=4)
    parser.add_argument("--folder-reports", type=int, default=500)
    parser.add_argument("--signal-rounds", type=int, default=16)
    parser.add_argument("--signal-files", type=int, default=2000)
    parser.add_argument("--only", action="append", choices=["texts", "config", "folders", "signals"])
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="reportlint-fuzz-"))
    classes = args.only or ["texts", "config", "folders", "signals"]
    tallies = []
    started = time.monotonic()
    try:
        if "texts" in classes:
            tallies.append(texts(work, args.texts, args.texts_per_run, rng, [int(s) for s in args.text_sizes.split(",")]))
        if "config" in classes:
            tallies.append(config_inprocess(work, args.configs, rng))
            tallies.append(config(work, args.config_runs, rng))
        if "folders" in classes:
            tallies.append(folders(work, args.folder_rounds, args.folder_reports, rng))
        if "signals" in classes:
            tallies.append(signals(work, args.signal_rounds, args.signal_files, rng))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| class | inputs | runs | tracebacks | over time limit | other exit codes | bad outputs | peak RSS (largest process) | exit codes | ok |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for tally in tallies:
        print(tally.row())
    print(f"\n{(time.monotonic() - started) / 60:.1f} min; `{' '.join(['python bench/fuzz_runtime.py', *(argv or sys.argv[1:])])}`")
    for tally in tallies:
        for note in tally.notes:
            print(f"- {tally.name}: {note}")
    return 0 if all(t.ok for t in tallies) else 1


if __name__ == "__main__":
    sys.exit(main())
