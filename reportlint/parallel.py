"""Checking files in worker processes: a per-file time limit, a memory cap, and no file lost to a crash.

Every file is checked in a forked worker, also a single file with `--jobs 1`: only a separate
process can be stopped when a file runs past the time limit (RL001, with the limit in the message)
or meets a rule that never returns. A worker that dies (a crash in a C library, the OOM killer, a
plugin calling os._exit) gives RL002 for the file it held; a fresh worker takes over and the run
goes on. Each worker's address space is capped (`resource.setrlimit`, Linux): a file that needs
more is RL001 naming the cap. Each result goes to the caller's `done(index, result)` as it
arrives, in whatever order files finish; the caller keeps them (the CLI on disk, see store.py).

Signals: SIGINT and SIGTERM in the parent raise `Interrupted`, and every worker is killed before
it propagates; workers ignore SIGINT (Ctrl-C reaches the whole process group, the parent decides)
and die with the parent (PR_SET_PDEATHSIG), so no worker outlives the run.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterator

from .api import Message
from .lint import FileResult, LintOptions, display_path, lint_file, unreadable
from .readers import ReadError

Task = tuple[Path, LintOptions]
DEFAULT_MEMORY_MB = 2048  # address space per worker (--max-memory); the 100 MB benchmark draft needs about 1 GB

# Test hooks: a file whose name contains the crash marker kills its worker, one with the hang
# marker never finishes (they prove a dead or stuck worker loses no other file's result).
CRASH_MARKER = os.environ.get("REPORTLINT_TEST_CRASH_MARKER")
HANG_MARKER = os.environ.get("REPORTLINT_TEST_HANG_MARKER")


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived; `signum` says which (exit code 128 + signum)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise `Interrupted` while inside (restored after)."""

    def handler(signum, frame):
        raise Interrupted(signum)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


_MEMORY = Message(
    "检查此文件所需内存超过每个进程的上限（--max-memory = {limit} MB），已中止：文件可能异常（极大或结构异常）",
    "checking this file needed more memory than the per-worker cap (--max-memory = {limit} MB) and was stopped: the file may be pathological",
)
_RAISED = Message(
    "检查此文件时发生意外错误：{error}；其他文件不受影响，请报告此问题",
    "checking this file failed unexpectedly: {error}; other files are unaffected; please report this",
)


def _check(task: Task, memory_mb: int) -> FileResult:
    path, options = task
    if CRASH_MARKER and CRASH_MARKER in path.name:
        os._exit(13)
    if HANG_MARKER and HANG_MARKER in path.name:
        time.sleep(3600)
    try:
        return lint_file(path, options)
    except MemoryError:
        return unreadable(display_path(path), ReadError(_MEMORY, {"limit": memory_mb}), options)
    except (Exception, SystemExit) as error:  # noqa: BLE001 - a plugin's sys.exit or a bug: this file's RL002, never the run's end
        return unreadable(display_path(path), ReadError(_RAISED, {"error": type(error).__name__}), options, code="RL002")


def _limit_memory(memory_mb: int) -> None:
    if memory_mb <= 0:
        return
    try:
        import resource

        cap = memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    except (ImportError, ValueError, OSError):  # not Linux, or not allowed: the time limit still holds
        pass


def _die_with_parent() -> None:
    """Linux: the kernel sends SIGKILL to this worker when the parent dies, however it dies."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker(conn: Connection, tasks: list[Task], others: list[Connection], memory_mb: int, parent: int) -> None:
    """`tasks` is inherited through fork, not pickled: only indexes cross the pipe. Passed per
    worker rather than held in a global, so runs in several threads at once (the server) keep apart."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    for other in others:  # the other workers' pipes: holding them would keep those workers waiting forever
        other.close()
    _limit_memory(memory_mb)
    while True:
        try:
            index = conn.recv()
        except (EOFError, OSError):
            return
        if index is None:
            return
        conn.send((index, _check(tasks[index], memory_mb)))


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
    return unreadable(display_path(path), ReadError(message, {"limit": f"{limit:g}"}), options)


def _died(task: Task, code: int | None) -> FileResult:
    path, options = task
    how = (f"信号 {-code}", f"signal {-code}") if code is not None and code < 0 else (f"退出码 {code}", f"exit code {code}")
    message = Message(
        "检查此文件的进程异常退出（{how_zh}），其他文件不受影响；请报告此问题",
        "the process checking this file died ({how_en}); other files are unaffected; please report this",
    )
    return unreadable(display_path(path), ReadError(message, {"how_zh": how[0], "how_en": how[1]}), options, code="RL002")


def run(
    tasks: list[Task], jobs: int, timeout: float, done: Callable[[int, FileResult], None], memory_mb: int = DEFAULT_MEMORY_MB,
    *, isolate: bool = True,
) -> None:
    """Check every task, handing each result to `done` with the task's index. Every file is checked
    in a worker (`isolate` is kept for callers that asked for that; it is always so where fork is)."""
    if not tasks:
        return
    if not hasattr(os, "fork"):  # no fork (Windows): in this process, without time limit or memory cap
        for index, task in enumerate(tasks):
            done(index, _check(task, memory_mb))
        return
    context = multiprocessing.get_context("fork")
    pending = iter(range(len(tasks)))
    workers: list[_Worker] = []
    me = os.getpid()

    def start() -> _Worker:
        parent, child = context.Pipe()
        others = [w.conn for w in workers] + [parent]
        process = context.Process(target=_worker, args=(child, tasks, others, memory_mb, me), daemon=True)
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)  # no signal between fork and the worker's own handlers
        try:
            process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        child.close()
        return _Worker(process, parent)

    def feed(worker: _Worker) -> None:
        index = next(pending, None)
        worker.task, worker.started = index, time.monotonic()
        if index is not None:
            try:
                worker.conn.send(index)
            except OSError:  # it died before taking the file: its sentinel says so in the loop below
                pass

    try:
        for _ in range(min(max(jobs, 1), len(tasks))):
            worker = start()
            workers.append(worker)
            feed(worker)
        while any(w.task is not None for w in workers):
            busy = [w for w in workers if w.task is not None]
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=min(0.2, timeout))
            now = time.monotonic()
            for worker in busy:
                message = None
                if worker.conn in ready:
                    try:
                        message = worker.conn.recv()
                    except (EOFError, OSError):
                        pass  # it died mid-file
                if message is not None:
                    done(*message)
                    feed(worker)
                elif worker.conn in ready or worker.process.sentinel in ready or not worker.process.is_alive():
                    worker.process.join(timeout=5)  # reaped, so the exit code is known (not None by timing)
                    if worker.process.is_alive():
                        worker.process.kill()
                        worker.process.join()
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
            except OSError:
                pass
            worker.process.join(timeout=1)
    finally:  # also on Interrupted, or an error in `done` (a full disk): no worker outlives the run
        for worker in workers:
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join()
            worker.conn.close()


def _replace(workers: list[_Worker], worker: _Worker, start, feed) -> None:
    worker.conn.close()
    workers.remove(worker)
    fresh = start()
    workers.append(fresh)
    feed(fresh)
