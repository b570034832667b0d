"""Create or refresh the project-local Python environment in .venv/ and install the tspark client.

Usage: python3 scripts/setup_venv.py [--test] [--bench]
  --test   also install test dependencies (pytest, pandas, pyarrow, duckdb, import-linter, scikit-learn)
  --bench  also install DuckDB and pandas for `npm run bench`

Idempotent: the venv is created once; the client is reinstalled (non-editable, as a user
would `pip install .`, but with `-C engine=checkout`: it runs this checkout's engine rather
than a copy, so a rebuild needs no reinstall) each run so tests see the current sources.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import venv

ROOT = pathlib.Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"

# import-linter: the import rules in pyproject.toml, checked by scripts/pytest.py (npm run lint:deps)
TEST_DEPS = ["pytest>=7", "pandas", "pyarrow", "duckdb", "import-linter>=2.16", "scikit-learn"]  # duckdb: the Parquet cross-tool tests and the bench's lineitem data
BENCH_DEPS = ["duckdb", "pandas", "pyarrow"]


def run(*args: str) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, check=True, cwd=ROOT)


def ensure_venv() -> None:
    if not PY.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)


def pip_install(*pkgs: str) -> None:
    run(str(PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pkgs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--test", action="store_true")
    ap.add_argument("--bench", action="store_true")
    args = ap.parse_args()
    if sys.version_info < (3, 9):
        sys.exit("tspark needs Python >= 3.9")
    ensure_venv()
    extra = (TEST_DEPS if args.test else []) + (BENCH_DEPS if args.bench else [])
    if extra:
        pip_install(*sorted(set(extra)))
    # Build the engine first so the client records where its CLI lives.
    if not (ROOT / "ts-engine" / "dist" / "bundle" / "cli.js").exists():
        run("npm", "run", "build")
    # setuptools builds in-tree: a build/lib left from an older checkout would ship modules the
    # sources no longer have (a landing failed on a deleted package that still imported).
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    # engine=checkout: the client runs this checkout's engine (a rebuild needs no reinstall); a
    # plain `pip install .` / `pip wheel .` would copy the engine into the package instead.
    pip_install("--force-reinstall", "--no-deps", "--config-settings", "engine=checkout", ".")
    pip_install("--config-settings", "engine=checkout", ".")  # dependencies (pyzmq, msgpack, cloudpickle), skipped when satisfied


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
