"""A fixed number of worker slots shared by every request: concurrent uploads queue for them.

A request asks for as many slots as it has files and gets between one and what is free, so a
lone batch uses every core and ten concurrent uploads share them; the files themselves run in
forked worker processes (reportlint.parallel), each with the per-file time limit.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator


class WorkerPool:
    def __init__(self, slots: int) -> None:
        self.slots = max(1, slots)
        self._free = self.slots
        self._waiting = 0
        self._cond = threading.Condition()

    @contextmanager
    def take(self, wanted: int) -> Iterator[int]:
        """Wait for at least one free slot; hold min(wanted, free) of them until the block ends."""
        with self._cond:
            self._waiting += 1
            try:
                while self._free == 0:
                    self._cond.wait()
            finally:
                self._waiting -= 1
            got = max(1, min(wanted, self._free))
            self._free -= got
        try:
            yield got
        finally:
            with self._cond:
                self._free += got
                self._cond.notify_all()

    def state(self) -> dict:
        with self._cond:
            return {"slots": self.slots, "busy": self.slots - self._free, "queued": self._waiting}
