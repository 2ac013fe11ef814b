"""Fixtures for the server tests: the app in-process (TestClient) and a real server on 127.0.0.1.

Skipped with a reason when the serve extra is not installed. Every server process started here is
bounded: a free port on 127.0.0.1, a wait of at most 30 s for /healthz, and termination (then kill)
at teardown, whatever the test did.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="needs the serve extra: pip install '.[serve-test]'")
pytest.importorskip("uvicorn", reason="needs the serve extra: pip install '.[serve-test]'")
pytest.importorskip("python_multipart", reason="needs the serve extra: pip install '.[serve-test]'")
pytest.importorskip("httpx", reason="needs httpx: pip install '.[serve-test]'")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def make_app(tmp_path):
    """make_app(**options) -> (TestClient, Services); the process's temporary directory is put back after."""
    import warnings

    with warnings.catch_warnings():  # starlette's note about httpx versions is not ours to act on
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from reportlint.serve.server import ServeOptions, build

    saved_tempdir, saved_env = tempfile.tempdir, os.environ.get("TMPDIR")
    clients = []

    def make(**options):
        options.setdefault("data", tmp_path / "data")
        options.setdefault("workers", 2)
        options.setdefault("timeout", 30.0)
        app, services = build(ServeOptions(**options))
        client = TestClient(app, raise_server_exceptions=False)
        clients.append((client, services))
        return client, services

    yield make
    for client, services in clients:
        client.close()
        services.decisions.close()
    tempfile.tempdir = saved_tempdir
    if saved_env is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = saved_env


@pytest.fixture
def client(make_app):
    return make_app()[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """`reportlint serve` in its own process on 127.0.0.1."""

    def __init__(self, data: Path, *extra: str, env: dict | None = None, cwd: Path | None = None) -> None:
        self.data, self.extra, self.env, self.cwd = data, extra, env or {}, cwd or ROOT
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> "LiveServer":
        import httpx

        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = self.data.parent / f"server-{port}.log"
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reportlint", "serve", "--host", "127.0.0.1", "--port", str(port), "--data", str(self.data), *self.extra],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(ROOT), **self.env}, cwd=self.cwd,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}: {self.read_log()}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not answer /healthz within 30 s")

    def read_log(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout: float = 20) -> int | None:
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if not self.log.closed:
            self.log.close()
        return self.process.returncode

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def live_server(tmp_path):
    """live_server(*options) -> a started LiveServer; stopped at teardown."""
    servers: list[LiveServer] = []

    def start(*extra: str, data: Path | None = None, env: dict | None = None, cwd: Path | None = None) -> LiveServer:
        server = LiveServer(data or tmp_path / "data", *extra, env=env, cwd=cwd).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
