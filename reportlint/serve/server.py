"""Start-up and operations: folders under --data, logging, uvicorn, a clean shutdown on SIGTERM.

Everything the server writes lies under --data: `decisions.sqlite3` (with its WAL), `batches/`
(results kept for the result pages) and `tmp/` (each request's temporary folder, and the spooled
parts of uploads: the process's temporary directory is pointed there). `tmp/` is emptied at
start-up, so a killed server leaves nothing behind for long. On SIGTERM uvicorn stops accepting
connections and lets requests in flight finish (up to the per-file timeout plus a margin).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("reportlint.serve")


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    data: Path = Path("reportlint-data")
    config: Path | None = None
    workers: int = 2
    token: str | None = None
    timeout: float = 120.0
    max_request_bytes: int = 256 * 1024 * 1024
    max_files: int = 1000
    max_file_bytes: int = 128 * 1024 * 1024  # the readers' default (--max-size of check)
    keep_days: float = 7.0
    forwarded_allow_ips: str | None = None


def prepare_data(data: Path) -> tuple[Path, Path]:
    """The data folder and its tmp/, emptied of what a killed server left."""
    data = data.resolve()
    tmp = data / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    for entry in tmp.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    tempfile.tempdir = str(tmp)  # python-multipart spools large parts here, and so does anything else
    os.environ["TMPDIR"] = str(tmp)
    return data, tmp


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build(options: ServeOptions):
    """The app and what it holds; a bad configuration raises ConfigError / PluginError here."""
    from ..readers import Limits
    from .app import Services, create_app
    from .batches import BatchStore
    from .decisions import DecisionStore
    from .engine import Engine
    from .pool import WorkerPool
    from .uploads import UploadLimits

    data, tmp = prepare_data(options.data)
    limits = UploadLimits(max_request_bytes=options.max_request_bytes, max_files=options.max_files, reader=Limits(max_bytes=options.max_file_bytes))
    engine = Engine(options.config, WorkerPool(options.workers), options.timeout, limits.reader.max_bytes)
    decisions = DecisionStore(data / "decisions.sqlite3")
    batches = BatchStore(data / "batches", options.keep_days * 86400)
    batches.purge(force=True)
    services = Services(engine, batches, decisions, limits, tmp, options.token, options.keep_days)
    return create_app(services), services


def _die_with_parent() -> None:
    """In each forked worker (Linux): be killed when the thread that forked it ends, so a killed
    server leaves no worker behind holding its sockets or a pathological file. A worker lives only
    while the request thread that started it waits for it (parallel.run), so this never cuts one short.
    The server's SIGTERM/SIGINT handlers (uvicorn's graceful shutdown) are reset: a worker stops when told."""
    import signal

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, signal.SIG_DFL)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the server died between fork and prctl
        os._exit(1)


def serve(options: ServeOptions) -> None:
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app, services = build(options)
    if sys.platform.startswith("linux"):
        os.register_at_fork(after_in_child=_die_with_parent)
    if not is_loopback(options.host):
        log.warning("listening on %s, not on loopback: every machine that reaches this address can use the server%s",
                    options.host, "" if options.token else " (no --token for the API)")
    config = uvicorn.Config(
        app, host=options.host, port=options.port, log_config=None, access_log=True, server_header=False,
        lifespan="off", timeout_graceful_shutdown=int(options.timeout + 30),
        proxy_headers=options.forwarded_allow_ips is not None, forwarded_allow_ips=options.forwarded_allow_ips,
    )
    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:
            super().handle_exit(sig, frame)
            # SIGTERM is how a service is stopped: after the graceful shutdown, return (close the
            # database, exit 0) instead of uvicorn's re-raising the signal at the end of run()
            captured = getattr(self, "_captured_signals", None)
            if isinstance(captured, list):
                captured.clear()

    try:
        Server(config).run()
    finally:
        stored = services.decisions.count()
        services.decisions.close()
        log.info("stopped; %d decision(s) stored", stored)
