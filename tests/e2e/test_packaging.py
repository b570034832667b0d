"""Packaging: the wheel and the npm tarball work with no checkout, each running the engine it carries.

The wheel (`pip wheel .`) goes into a fresh venv (`python -m venv`, no system site packages, its
dependencies from the package index); the tarball (`npm pack` of ts-engine) into a fresh
directory. Both run a query from a directory outside the checkout, with no PYTHONPATH and no
TSPARK_* variable, and report which engine they started.
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without anything pointing at the checkout."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TSPARK_", "PYTHON", "VIRTUAL_ENV", "NODE_PATH", "npm_"))}
    env["TZ"] = "UTC"
    env.update(extra)
    return env


def _run(argv: list[str], cwd: pathlib.Path, env: dict[str, str] | None = None, timeout: float = 300) -> str:
    proc = subprocess.run(argv, cwd=cwd, env=env if env is not None else _clean_env(),
                          capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, "%s failed (%s):\n%s\n%s" % (argv, proc.returncode, proc.stdout[-4000:], proc.stderr[-4000:])
    return proc.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("wheelhouse")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q", "-w", str(out), str(ROOT)], ROOT)
    [whl] = out.glob("tspark-*.whl")
    return whl


def test_wheel_is_platform_tagged_and_carries_the_engine(wheel: pathlib.Path) -> None:
    assert not wheel.name.endswith("-any.whl"), wheel.name  # it carries native binaries
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tspark/_engine/dist/bundle/cli.js" in names
    assert "tspark/_engine/package.json" in names
    for addon in ("zeromq", "msgpackr-extract", "node-calls-python"):
        assert any(n.startswith("tspark/_engine/node_modules/%s/" % addon) for n in names), addon
    # only run-time packages: no build tools, no bundled pure-JS dependencies
    for absent in ("typescript", "esbuild", "vitest", "apache-arrow", "yargs"):
        assert not any(n.startswith("tspark/_engine/node_modules/%s/" % absent) for n in names), absent


def test_wheel_installs_in_a_fresh_venv_and_runs_its_own_engine(wheel: pathlib.Path, tmp_path: pathlib.Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    py = venv / "bin" / "python"
    _run([str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q", str(wheel)], tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    code = ("import json, tspark\n"
            "from tspark._bridge.launcher import engine_command\n"
            "from tspark.sql import SparkSession\n"
            "spark = SparkSession.builder.getOrCreate()\n"
            "print(json.dumps({'count': spark.range(3).count(), 'engine': engine_command()[-1],"
            " 'tspark': tspark.__file__}))\n"
            "spark.stop()\n")
    got = json.loads(_run([str(py), "-c", code], outside).strip().splitlines()[-1])
    assert got["count"] == 3
    site = pathlib.Path(got["tspark"]).resolve().parent
    assert site.is_relative_to(venv.resolve()), got  # the installed client, not the checkout's sources
    assert pathlib.Path(got["engine"]).resolve() == site / "_engine" / "dist" / "bundle" / "cli.js", got


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")
def test_npm_tarball_installs_and_runs_a_query(tmp_path: pathlib.Path) -> None:
    tgz = _run(["npm", "pack", "--silent", "--pack-destination", str(tmp_path)], ROOT / "ts-engine").strip().splitlines()[-1]
    app = tmp_path / "app"
    app.mkdir()
    (app / "package.json").write_text('{"name": "app", "private": true, "type": "module"}\n')
    _run(["npm", "install", "--prefer-offline", "--no-audit", "--no-fund", "--silent", str(tmp_path / tgz)], app)
    # a script file, not `node -e`: the engine's worker threads inherit node's flags
    (app / "main.mjs").write_text(
            "import { createRequire } from 'node:module';\n"
            "const m = await import('tspark');\n"
            "const spark = m.SparkSession.builder.getOrCreate();\n"
            "const n = await spark.range(3).count();\n"
            "console.log(JSON.stringify({ count: Number(n), module: createRequire(import.meta.url).resolve('tspark') }));\n"
            "await spark.stop();\n")
    got = json.loads(_run(["node", "main.mjs"], app).strip().splitlines()[-1])
    assert got["count"] == 3
    pkg = app / "node_modules" / "tspark"
    assert pathlib.Path(got["module"]).resolve() == (pkg / "dist" / "index.js").resolve(), got
    assert (pkg / "dist" / "index.d.ts").exists()  # its types
    assert (pkg / "dist" / "bundle" / "cli.js").exists()  # the tspark-engine CLI
    assert not (pkg / "src").exists() and not (pkg / "dist" / "bench").exists()
