"""Checking many files: worker processes, a per-file time limit, and no file lost to a crash.

Each worker is a forked process that checks one file at a time and sends back its result. The
parent watches every worker: a file that runs past the time limit has its worker killed (RL001,
with the limit in the message) and a worker that dies (a crash in a C library, the OOM killer)
gives RL002 for the file it held; either way a fresh worker takes over and the run goes on.
Each result goes to the caller's `done(index, result)` as it arrives, in whatever order files
finish: the caller keeps them (the CLI on disk, see store.py), so this module holds none.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable

from .api import Message
from .lint import FileResult, LintOptions, lint_file, unreadable
from .readers import ReadError

Task = tuple[Path, LintOptions]

# Test hooks: a file whose name contains the crash marker kills its worker, one with the hang
# marker never finishes (they prove a dead or stuck worker loses no other file's result).
CRASH_MARKER = os.environ.get("REPORTLINT_TEST_CRASH_MARKER")
HANG_MARKER = os.environ.get("REPORTLINT_TEST_HANG_MARKER")


def _check(task: Task) -> FileResult:
    path, options = task
    if CRASH_MARKER and CRASH_MARKER in path.name:
        os._exit(13)
    if HANG_MARKER and HANG_MARKER in path.name:
        time.sleep(3600)
    return lint_file(path, options)


def _worker(conn: Connection, tasks: list[Task]) -> None:
    """`tasks` is inherited through fork, not pickled: only indexes cross the pipe. Passed per
    worker rather than held in a global, so runs in several threads at once (the server) keep apart."""
    while True:
        try:
            index = conn.recv()
        except EOFError:
            return
        if index is None:
            return
        conn.send((index, _check(tasks[index])))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    task: int | None = None
    started: float = 0.0


def _timed_out(task: Task, limit: float) -> FileResult:
    path, options = task
    message = Message(
        "检查超过 {limit} 秒仍未结束，已中止：文件可能异常（极大或结构异常），可用 --timeout 调整上限",
        "checking took longer than {limit} s and was stopped: the file may be pathological; see --timeout",
    )
    return unreadable(str(path), ReadError(message, {"limit": f"{limit:g}"}), options)


def _died(task: Task, code: int | None) -> FileResult:
    path, options = task
    message = Message(
        "检查此文件的进程异常退出（退出码 {code}），其他文件不受影响；请报告此问题",
        "the process checking this file died (exit code {code}); other files are unaffected; please report this",
    )
    return unreadable(str(path), ReadError(message, {"code": code}), options, code="RL002")


def run(tasks: list[Task], jobs: int, timeout: float, done: Callable[[int, FileResult], None], *, isolate: bool = False) -> None:
    """Check every task, handing each result to `done` with the task's index. A single file is
    checked in this process unless `isolate` (the server: the time limit must hold for one file too)."""
    if (jobs <= 1 and len(tasks) <= 1 and not isolate) or not hasattr(os, "fork"):
        for index, task in enumerate(tasks):
            done(index, _check(task))
        return
    context = multiprocessing.get_context("fork")
    pending = iter(range(len(tasks)))
    workers: list[_Worker] = []

    def start() -> _Worker:
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child, tasks), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def feed(worker: _Worker) -> bool:
        index = next(pending, None)
        worker.task, worker.started = index, time.monotonic()
        if index is None:
            return False
        worker.conn.send(index)
        return True

    for _ in range(min(jobs, len(tasks))):
        worker = start()
        workers.append(worker)
        feed(worker)
    while any(w.task is not None for w in workers):
        busy = [w for w in workers if w.task is not None]
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.2)
        now = time.monotonic()
        for worker in busy:
            message = None
            if worker.conn in ready:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join(timeout=1)  # it died mid-file
            if message is not None:
                done(*message)
                feed(worker)
            elif worker.conn in ready or worker.process.sentinel in ready or not worker.process.is_alive():
                done(worker.task, _died(tasks[worker.task], worker.process.exitcode))
                _replace(workers, worker, start, feed)
            elif now - worker.started > timeout:
                worker.process.kill()
                worker.process.join()
                done(worker.task, _timed_out(tasks[worker.task], timeout))
                _replace(workers, worker, start, feed)
    for worker in workers:
        try:
            worker.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        worker.process.join(timeout=1)
        if worker.process.is_alive():
            worker.process.kill()


def _replace(workers: list[_Worker], worker: _Worker, start, feed) -> None:
    worker.conn.close()
    fresh = start()
    workers[workers.index(worker)] = fresh
    feed(fresh)
