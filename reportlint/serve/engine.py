"""Staged files -> results, with the same rules, configuration and worker runner as the command line.

The configuration is the one `--config` names (its rule packs included) or the built-in default:
never one discovered upward from the temporary folder, which would be whatever happens to lie
above the server's data folder. Logs name each file, its status, its number of findings and the
time since its upload's checking began (files run side by side) — never its content.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..api import Rule
from ..config import DEFAULT, Config, Resolver
from ..lint import FileResult
from ..parallel import run
from ..parser import build_parser
from ..registry import all_rules
from ..settings import options_for
from .pool import WorkerPool
from .uploads import Staged

log = logging.getLogger("reportlint.serve")


class Engine:
    """What every request checks with; built once at start-up (a bad configuration stops the server)."""

    def __init__(self, config_path: Path | None, pool: WorkerPool, timeout: float, max_bytes: int) -> None:
        self.builtin: tuple[Rule, ...] = all_rules()
        self.config: Config = Resolver(self.builtin, config_path).for_path(Path.cwd()) if config_path else DEFAULT
        self.rules: tuple[Rule, ...] = self.builtin + self.config.pack_rules
        self.pool, self.timeout, self.max_bytes = pool, timeout, max_bytes
        build_parser()  # once, before any worker is forked, so each inherits it

    def check(self, staged: list[Staged], lang: str, progress: Callable[[int, int], None] | None = None) -> list[FileResult]:
        """Results in upload order, each under the name the user gave the file; `progress(done,
        total)` is told as files finish (the upload page shows it)."""
        tasks = [
            (item.path, options_for(item.path, self.config, self.builtin, lang=lang, select=[], ignore=[],
                                    template=None, max_size=self.max_bytes))
            for item in staged
        ]
        results: list[FileResult | None] = [None] * len(tasks)
        finished = 0
        if progress:
            progress(0, len(tasks))
        with self.pool.take(len(tasks)) as jobs:
            started = time.monotonic()

            def done(index: int, result: FileResult) -> None:
                nonlocal finished
                results[index] = replace(result, path=staged[index].name)
                finished += 1
                if progress:
                    progress(finished, len(tasks))
                log.info("checked %r status=%s findings=%d after=%.2fs", staged[index].name, result.status,
                         len(result.diagnostics), time.monotonic() - started)

            run(tasks, jobs, self.timeout, done, isolate=True)
        return [result for result in results if result is not None]
