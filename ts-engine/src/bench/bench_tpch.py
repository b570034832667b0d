"""Python side of the TPC-H bench (`npm run bench -- --tpch`, tpch/tpch-run.ts): the data, and the
22 queries on DuckDB, pandas, tspark's Python client (DataFrame API and SQL) and PySpark.

    python bench_tpch.py gen SF                  generates the data once, prints its directory
    python bench_tpch.py MODE ARGS_JSON          MODE: duckdb | pandas | tspark-df | tspark-sql | pyspark

Data: tests/sql/tpch/tpch_data.py's generator (dbgen's rules, seeded: the same rows every time),
written once as Parquet into $TSPARK_BENCH_DATA or the repository's ignored bench-data/
directory (tpch-v1/sf<SF>/<table>.parquet) and reused by every later run.

ARGS_JSON: {"dir": ..., "queries": [1, ...], "repeat": 3, "sqlDir": ...}. Each query runs once
cold (the first run in this process), then `repeat` times warm (median reported). One JSON line
per query, {"q", "cold", "warm", "rows"} or {"q", "error"}, then {"done", "rssMb", "start",
"note"} (tpch/tpch-side.ts). Rows are normalised by ``_norm`` (tpch/tpch-answers.ts does the same
for Node): decimals and doubles as floats, dates as ISO text.

What each side's time includes: the query built (or its SQL parsed) and run to Python rows, from
the Parquet files: DuckDB over views of read_parquet, tspark and PySpark over temp views of
spark.read.parquet, pandas reading the columns it needs with pyarrow in every run.
"""
from __future__ import annotations

import datetime
import decimal
import json
import os
import pathlib
import resource
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TPCH = ROOT / "tests" / "sql" / "tpch"
TABLES = ["region", "nation", "part", "supplier", "partsupp", "customer", "orders", "lineitem"]


def data_dir(sf: float) -> pathlib.Path:
    base = pathlib.Path(os.environ.get("TSPARK_BENCH_DATA") or ROOT / "bench-data")
    return base / "tpch-v1" / ("sf%s" % sf)


def ensure_data(sf: float) -> pathlib.Path:
    """The directory of the eight tables at `sf`, generated (into a temp dir, then renamed) when missing."""
    d = data_dir(sf)
    if all((d / (t + ".parquet")).exists() for t in TABLES):
        return d
    sys.path.insert(0, str(TPCH))
    import tpch_data

    tmp = d.parent / (".gen-%s-%d" % (d.name, os.getpid()))
    tpch_data.write_parquet(str(tmp), sf=sf)
    d.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp, d)
    return d


def _norm(v):
    """A result value as an answer value: numbers (decimals too) as float or int, dates as ISO text."""
    if v is None:
        return None
    if isinstance(v, datetime.datetime):  # pandas' Timestamps too
        return v.date().isoformat() if v.time() == datetime.time() else v.isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalars
        v = v.item()
    if isinstance(v, (decimal.Decimal, float)):
        return float(v)
    if isinstance(v, (bool, int, str)):
        return v
    return str(v)


def _rows(tuples):
    return [[_norm(v) for v in r] for r in tuples]


def _peak_rss_mb() -> float:
    """Peak RSS of this process plus that of each live descendant (an engine, a JVM), in MB."""
    total = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    seen, todo = set(), [os.getpid()]
    while todo:
        pid = todo.pop()
        try:
            kids = []
            for task in os.listdir("/proc/%d/task" % pid):
                with open("/proc/%d/task/%s/children" % (pid, task)) as f:
                    kids += [int(x) for x in f.read().split()]
        except OSError:
            continue
        for k in kids:
            if k in seen:
                continue
            seen.add(k)
            todo.append(k)
            try:
                with open("/proc/%d/status" % k) as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            total += int(line.split()[1]) / 1024
            except OSError:
                pass
    return total


def _emit(obj) -> None:
    print(json.dumps(obj), flush=True)


def _run_queries(args, run_one) -> None:
    """Runs each query (run_one(n) -> rows) cold, then `repeat` times warm; emits a line per query."""
    for n in args["queries"]:
        q = "q%02d" % n
        try:
            t0 = time.perf_counter()
            rows = run_one(n)
            cold = time.perf_counter() - t0
            warm = []
            for _ in range(args["repeat"]):
                t0 = time.perf_counter()
                rows = run_one(n)
                warm.append(time.perf_counter() - t0)
            _emit({"q": q, "cold": cold, "warm": statistics.median(warm) if warm else cold, "rows": _rows(rows)})
        except Exception as e:  # reported, not raised: the report prints it
            _emit({"q": q, "error": ("%s: %s" % (type(e).__name__, e)).split("\n")[0][:500]})


def _sql(n: int, args) -> str:
    return (pathlib.Path(args["sqlDir"]) / ("q%02d.sql" % n)).read_text()


def run_duckdb(args) -> str:
    import duckdb

    t0 = time.perf_counter()
    con = duckdb.connect()
    for t in TABLES:
        con.execute("CREATE VIEW %s AS SELECT * FROM read_parquet('%s')" % (t, os.path.join(args["dir"], t + ".parquet")))
    args["start"] = time.perf_counter() - t0
    _run_queries(args, lambda n: con.execute(_sql(n, args)).fetchall())
    return "duckdb %s, views over read_parquet" % duckdb.__version__


def run_pandas(args) -> str:
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq
    import bench_tpch_pandas

    def read(table, cols):
        t = pq.read_table(os.path.join(args["dir"], table + ".parquet"), columns=cols)
        for i, f in enumerate(t.schema):
            if pa.types.is_decimal(f.type):
                t = t.set_column(i, f.name, t.column(i).cast(pa.float64()))
        return t.to_pandas(date_as_object=False)

    def one(n):
        df = bench_tpch_pandas.QUERIES[n - 1](read)
        return list(df.itertuples(index=False, name=None))

    args["start"] = 0.0
    _run_queries(args, one)
    return "pandas %s, reading the columns it needs from Parquet in every run (decimals as float64)" % pd.__version__


def _spark_views(spark, args) -> None:
    for t in TABLES:
        spark.read.parquet(os.path.join(args["dir"], t + ".parquet")).createOrReplaceTempView(t)


def _spark_runner(spark, F, args, api):
    sys.path.insert(0, str(TPCH))
    import tpch_dataframe

    if api == "sql":
        return lambda n: [tuple(r) for r in spark.sql(_sql(n, args)).collect()]
    return lambda n: [tuple(r) for r in tpch_dataframe.query(n, spark.table, F).collect()]


def run_tspark(args, api) -> str:
    from tspark.sql import SparkSession, functions as F

    t0 = time.perf_counter()
    spark = SparkSession.builder.appName("tpch").getOrCreate()
    _spark_views(spark, args)
    args["start"] = time.perf_counter() - t0
    try:
        _run_queries(args, _spark_runner(spark, F, args, api))
        args["rss"] = _peak_rss_mb()
    finally:
        spark.stop()
    return "tspark Python client (%s)" % ("spark.sql" if api == "sql" else "DataFrame API")


def run_pyspark(args) -> str:
    import pyspark
    from pyspark.sql import SparkSession, functions as F

    t0 = time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").appName("tpch").config("spark.driver.memory", "6g")
             .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    _spark_views(spark, args)
    args["start"] = time.perf_counter() - t0
    try:
        _run_queries(args, _spark_runner(spark, F, args, "dataframe"))
        args["rss"] = _peak_rss_mb()
    finally:
        spark.stop()
    return "pyspark %s, local[2], DataFrame API" % pyspark.__version__


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "gen":
        print(ensure_data(float(sys.argv[2])))
        return
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    mode, args = sys.argv[1], json.loads(sys.argv[2])
    sys.path.insert(0, str(HERE))
    runners = {"duckdb": run_duckdb, "pandas": run_pandas, "pyspark": run_pyspark,
               "tspark-df": lambda a: run_tspark(a, "dataframe"), "tspark-sql": lambda a: run_tspark(a, "sql")}
    note = runners[mode](args)
    _emit({"done": True, "rssMb": args.get("rss", _peak_rss_mb()), "start": args.get("start", 0.0), "note": note})


if __name__ == "__main__":
    main()
