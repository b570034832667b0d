"""Each tests/golden/cases/*.py is a plain PySpark script whose real-PySpark stdout is recorded
in the matching .out file (tests/golden/record_goldens.py). Run unchanged through tspark-submit,
tspark must print exactly the same."""
from __future__ import annotations

import difflib
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

CASES = pathlib.Path(__file__).resolve().parents[1] / "golden" / "cases"
SUBMIT = shutil.which("tspark-submit", path=str(pathlib.Path(sys.executable).parent))


# cases/_fixtures.py (and any "_" module) is the setup cases import, no case
@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.py") if not p.name.startswith("_")))
def test_golden(case: str) -> None:
    assert SUBMIT, "tspark-submit is not installed in this venv"
    script = CASES / f"{case}.py"
    expected = script.with_suffix(".out").read_text()
    proc = subprocess.run(
        [SUBMIT, str(script)],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "TZ": "UTC", "PYTHONHASHSEED": "0"},
    )
    diff = "".join(difflib.unified_diff(expected.splitlines(True), proc.stdout.splitlines(True), "pyspark", "tspark"))
    assert proc.returncode == 0 and not diff, f"exit {proc.returncode}\n{diff}\nstderr:\n{proc.stderr[-4000:]}"
