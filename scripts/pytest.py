"""Run the Python import rules (pyproject.toml's import-linter contracts) and test suites
(client unit tests, bridge vectors, cross-language e2e).

Builds the engine, sets up .venv/ with the client and test dependencies, then runs pytest
from the venv. Extra arguments are passed to pytest.
"""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> int:
    subprocess.run(["npm", "run", "build"], check=True, cwd=ROOT)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "setup_venv.py"), "--test"], check=True, cwd=ROOT)
    # No TSPARK_ENGINE_CLI here: tests find the engine the way an installed client does.
    env = {**os.environ, "TZ": "UTC"}
    py = ROOT / ".venv" / "bin" / "python"
    # The import rules (layers, no cycles) first: from python/, so the sources are analysed.
    lint = subprocess.run([str(ROOT / ".venv" / "bin" / "lint-imports"), "--no-cache", str(ROOT / "pyproject.toml")],
                          cwd=ROOT / "python")
    if lint.returncode != 0:
        return lint.returncode
    return subprocess.run([str(py), "-m", "pytest", *sys.argv[1:]], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
