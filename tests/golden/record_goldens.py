"""Re-record tests/golden/cases/*.out by running each case on real PySpark.

Usage: python tests/golden/record_goldens.py [--python /path/to/python-with-pyspark] [case ...]

The interpreter must have pyspark installed (pip install pyspark==4.0.1; Java 17).
Each case is an ordinary PySpark script; its stdout is the golden. tests/e2e/test_goldens.py
runs the same scripts on tspark (through tspark-submit) and compares character for character.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import os
import pathlib
import subprocess
import sys

CASES = pathlib.Path(__file__).parent / "cases"

# Deterministic output on both sides: fixed time zone, quiet Spark.
ENV = {**os.environ, "TZ": "UTC", "PYTHONHASHSEED": "0", "PYSPARK_PYTHON": ""}


def record(python: str, case: pathlib.Path) -> str:
    env = dict(ENV)
    env["PYSPARK_PYTHON"] = python
    proc = subprocess.run([python, str(case)], capture_output=True, text=True, env=env, timeout=600)
    if proc.returncode != 0:
        return f"FAILED {case.name}:\n{proc.stderr[-3000:]}"
    case.with_suffix(".out").write_text(proc.stdout)
    return f"recorded {case.name}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default=os.environ.get("PYSPARK_GOLDEN_PYTHON", sys.executable))
    ap.add_argument("cases", nargs="*")
    args = ap.parse_args()
    # a module whose name starts with "_" is shared setup the cases import (cases/_fixtures.py), no case
    cases = [CASES / f"{c}.py" for c in args.cases] if args.cases else sorted(p for p in CASES.glob("*.py") if not p.name.startswith("_"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for line in pool.map(lambda c: record(args.python, c), cases):
            print(line)


if __name__ == "__main__":
    main()
