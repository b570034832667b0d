"""Records PySpark 4.0.1's answers to TPC-H's 22 queries, as SQL and through the DataFrame API.

    python tests/sql/tpch/record_tpch_answers.py --python /path/to/python-with-pyspark [--sf 0.01 0.1]

It re-runs itself under that interpreter (Java 17 needed) in local[2] with TZ=UTC, on
tpch_data.py's data at each scale factor, and writes answers_sf<sf>.json: per query, the rows of
the SQL text (qNN.sql) and of tpch_dataframe.py's frame, each value normalised by ``norm``
(tests/e2e/test_tpch.py compares tspark's answers to these). Both forms must agree on PySpark,
or the recording stops.
"""
from __future__ import annotations

import argparse
import datetime
import decimal
import json
import os
import pathlib
import subprocess
import sys
import tempfile
from typing import Any, List

HERE = pathlib.Path(__file__).resolve().parent


def norm(v: Any) -> Any:
    """A value as the answer files keep it: decimals and doubles rounded to 2 places, dates as ISO text."""
    if isinstance(v, (float, decimal.Decimal)):
        return round(float(v), 2)
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return v


def rows_of(df: Any) -> List[list]:
    """A frame's rows, normalised, in its order."""
    return [[norm(v) for v in r] for r in df.collect()]


def answers_path(sf: float) -> pathlib.Path:
    return HERE / ("answers_sf%s.json" % sf)


def _record(sfs: List[float]) -> None:
    sys.path.insert(0, str(HERE))
    import tpch_data
    import tpch_dataframe
    from pyspark.sql import SparkSession, functions as F

    spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false") \
        .config("spark.sql.session.timeZone", "UTC").getOrCreate()
    spark.sparkContext.setLogLevel("OFF")
    for sf in sfs:
        paths = tpch_data.write_parquet(tempfile.mkdtemp(prefix="tpch-answers-"), sf=sf)
        for name, p in paths.items():
            spark.read.parquet(p).createOrReplaceTempView(name)
        out = {}
        for q in range(1, 23):
            sql = rows_of(spark.sql((HERE / ("q%02d.sql" % q)).read_text()))
            frame = rows_of(tpch_dataframe.query(q, spark.table, F))
            ordered = "order by" in (HERE / ("q%02d.sql" % q)).read_text().lower()
            if (sql if ordered else sorted(sql, key=repr)) != (frame if ordered else sorted(frame, key=repr)):
                raise SystemExit("q%02d: the DataFrame form gives other rows than the SQL on PySpark" % q)
            out["q%02d" % q] = sql
        answers_path(sf).write_text(json.dumps(out, indent=0) + "\n")
        print("recorded %s" % answers_path(sf).relative_to(HERE.parent.parent.parent))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", help="an interpreter with pyspark==4.0.1 installed")
    ap.add_argument("--sf", type=float, nargs="*", default=[0.01, 0.1])
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.inner:
        _record(a.sf)
        return
    if a.python is None:
        raise SystemExit("--python is required (an interpreter with pyspark==4.0.1)")
    env = dict(os.environ, TZ="UTC", PYSPARK_PYTHON=a.python)
    subprocess.run([a.python, __file__, "--inner", "--sf", *map(str, a.sf)], check=True, env=env)


if __name__ == "__main__":
    main()
