"""Re-records the expected outcomes of tests/sql/*/*.slt on real PySpark 4.0.1.

    python tests/sql/record_slt.py --python /path/to/python-with-pyspark [file.slt ...]

It re-runs itself under that interpreter (Java 17 needed), in local[2] with TZ=UTC, and
rewrites each file's expected rows and error classes from what PySpark gives.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def _record(paths: list[pathlib.Path]) -> None:
    sys.path.insert(0, str(HERE))
    import slt
    from pyspark.sql import SparkSession

    import tempfile
    # tables go to a warehouse of their own, as the runners' (tests/e2e/test_slt.py, slt.test.ts)
    warehouse = tempfile.mkdtemp(prefix="tspark-slt-warehouse-")
    spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false") \
        .config("spark.sql.warehouse.dir", warehouse).config("spark.sql.session.timeZone", "UTC").getOrCreate()
    spark.sparkContext.setLogLevel("OFF")
    import logging
    logging.getLogger("SQLQueryContextLogger").disabled = True  # PySpark logs each failed query's stack trace
    for p in paths or slt.files():
        # each file starts from a clean session state: no views, tables or databases of the last
        slt.reset(spark)
        n = slt.record_file(spark, p)
        print("recorded %s (%d records)" % (p.relative_to(HERE.parent.parent), n))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", help="an interpreter with pyspark==4.0.1 installed")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    paths = [pathlib.Path(f).resolve() for f in a.files]
    if a.inner:
        _record(paths)
        return
    if not a.python:
        ap.error("--python is required")
    env = {**os.environ, "TZ": "UTC", "PYSPARK_PYTHON": a.python}
    subprocess.run([a.python, __file__, "--inner", *map(str, paths)], check=True, env=env)


if __name__ == "__main__":
    main()
