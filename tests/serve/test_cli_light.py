"""The command line stays light: checking never imports the server stack; `serve` is one command."""

from __future__ import annotations

import subprocess
import sys

from serve_files import PLACEHOLDER, ROOT


def test_check_does_not_import_the_server_stack():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from reportlint.cli import main\n"
        f"CliRunner().invoke(main, ['check', '--format', 'json', {str(PLACEHOLDER)!r}])\n"
        "CliRunner().invoke(main, ['rules'])\n"
        "print(sorted(m for m in ('fastapi', 'starlette', 'uvicorn', 'python_multipart', 'reportlint.serve') if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.stdout.strip().splitlines()[-1] == "[]", run.stderr


def test_serve_help():
    run = subprocess.run([sys.executable, "-m", "reportlint", "serve", "--help"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "--data" in run.stdout and "127.0.0.1" in run.stdout


def test_bad_configuration_exits_2(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("selekt = ['RL1']\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "reportlint", "serve", "--config", str(config), "--data", str(tmp_path / "d"), "--port", "0"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "selekt" in run.stderr
