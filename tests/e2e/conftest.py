"""Shared fixtures for cross-language end-to-end tests: a real engine process, nothing mocked."""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLI = ROOT / "ts-engine" / "dist" / "cli.js"


@pytest.fixture()
def spark():
    """The active session, or a fresh one when a fault test has killed the previous engine."""
    from tspark.sql import SparkSession

    return SparkSession.builder.appName("e2e").getOrCreate()


def start_engine_server(*extra: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], str]:
    """Start `tspark-engine serve` on an ephemeral port; returns the process and its address."""
    proc = subprocess.Popen(
        # --python: this venv's interpreter runs the clients' UDFs (the engine's allow-list)
        ["node", str(CLI), "serve", "--host", "127.0.0.1", "--port", "0", "--python", sys.executable, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line.startswith("TSPARK_ENGINE_READY "):
        proc.kill()
        raise RuntimeError(f"engine did not start: {line!r} {proc.stderr.read() if proc.stderr else ''}")
    return proc, line.split(" ", 1)[1]


def run_python(code: str, *, cwd: str | None = None, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter of this venv (the installed client)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )
