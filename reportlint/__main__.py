"""`python -m reportlint` and the `reportlint` console script.

SIGINT and SIGTERM during start-up end the process quietly with 130 / 143 (nothing is running or
written yet); once a check runs, parallel.interruptible() takes over and stops its workers first."""

import signal
import sys


def _stop(signum, frame):
    raise SystemExit(128 + signum)


def run() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _stop)
    from .cli import main

    main()


if __name__ == "__main__":
    run()
