"""Python side of `npm run bench`: DuckDB, pandas, PySpark and the tspark Python client.

Usage: python bench_py.py duckdb|pandas|pyspark|tspark|coldstart ARGS_JSON
ARGS_JSON: {"spec": {...DataSpec of workloads.ts...}, "repeat": 3, "workloads": ["groupby", ...]}
Prints one JSON object on the last stdout line (side-run.ts SideRun):
{"times": {...}, "results": {...}, "errors": {...}, "load": s, "note": "..."} or {"error": "..."}.
Times are medians of `repeat` runs after one warm-up.

Data, by formulas over id in [0, rows) (workloads.ts documents each column):
k1 = id % 1000, k2 = (id % 99991) % 100 (INT), v = (id % 9973) * 0.5,
fk = (id * 7919) % fkMod, dk = id % dkMod, sv = ((id * 7919) % perm - perm // 2) / 7,
ss = 's' || ((id * 104729) % perm), gk = 'key_' || (id % gkMod); dim: fk = id, w = (id % 997) * 0.5
over [0, dimRows).

What each side's timing includes: DuckDB, pandas, PySpark and tspark load the data first
(CREATE TABLE … AS / numpy arrays / cache() + count(), timed as "load" and excluded); tspark
caches each workload's input just before it and unpersists it after (one input in memory at
a time); a workload without an entry in WORKLOAD_INPUTS runs over range() inside its query.
Results are fetched columnar: DuckDB to Arrow, tspark and PySpark with toPandas().

Signatures (compared across engines by report.ts; signature.ts builds the same in Node):
see the sig_* functions.
"""
from __future__ import annotations

import json
import sys
import time

PROBES = 9


def median_of(fn, repeat):
    """Median seconds of `repeat` runs after a warm-up, and the last run's value."""
    value = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    mid = len(times) // 2
    return (times[mid] if len(times) % 2 else (times[mid - 1] + times[mid]) / 2), value


# --- signatures ---------------------------------------------------------------------------

def _twice(x):
    t = float(x) * 2
    if not t.is_integer():
        raise ValueError(f"bench value {x} is not a multiple of 0.5")
    return int(t)


def _char_sum(s):
    return sum(ord(c) for c in s)


def sig_groupby(k1, k2, s):
    """Σ (2s)² + Σ 2s·(100·k1 + k2 + 1), exactly."""
    checksum = sum(_twice(x) ** 2 + _twice(x) * (int(a) * 100 + int(b) + 1) for a, b, x in zip(k1, k2, s))
    return {"groups": len(s), "sum": float(sum(float(x) for x in s)), "checksum": str(checksum)}


def sig_filter(count, total):
    return {"count": int(count), "sum": float(total)}


def sig_date_format(count, lo, hi):
    return {"count": int(count), "min": str(lo), "max": str(hi)}


def sig_to_timestamp(count, total):
    return {"count": int(count), "sum": int(total)}


def sig_groupby_str(gk, s, c):
    """Σ (2s)² + Σ c·charSum(gk), exactly."""
    checksum = sum(_twice(x) ** 2 + int(n) * _char_sum(k) for k, x, n in zip(gk, s, c))
    return {"groups": len(s), "sum": float(sum(float(x) for x in s)), "checksum": str(checksum)}


def sig_count_distinct(k1, n):
    return {"groups": len(n), "total": int(sum(int(x) for x in n)),
            "checksum": int(sum(int(x) * (int(k) + 1) for k, x in zip(k1, n)))}


def sig_join(count, sum_v, sum_w):
    return {"count": int(count), "sumV": float(sum_v), "sumW": float(sum_w)}


def sig_sorted(arr):
    """rows, whether non-decreasing (Arrow compares strings by UTF-8 bytes, as Spark), probes p0..p8."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not isinstance(arr, (pa.Array, pa.ChunkedArray)):
        arr = pa.array(arr)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    n = len(arr)
    out = {"rows": n, "sorted": True}
    if n > 1:
        out["sorted"] = bool(pc.all(pc.less_equal(arr[:-1], arr[1:])).as_py())
    if n > 0:
        for k in range(PROBES):
            out[f"p{k}"] = arr[(k * (n - 1)) // (PROBES - 1)].as_py()
    return out


def _cols(frame):
    """A pandas DataFrame's or Arrow table's columns, in order, as Python lists."""
    if hasattr(frame, "to_pydict"):
        return [frame.column(i).to_pylist() for i in range(frame.num_columns)]
    return [frame[c].tolist() for c in frame.columns]


def _first_col(frame):
    """A pandas DataFrame's or Arrow table's first column as an Arrow array (for sorts)."""
    import pyarrow as pa

    if hasattr(frame, "num_columns"):
        return frame.column(0)
    return pa.array(frame[frame.columns[0]])


def _row0(frame):
    return [c[0] for c in _cols(frame)]


# --- sides --------------------------------------------------------------------------------

def _run_all(args, runners, prepare=None):
    """Times every requested workload; a failing workload is reported, the others still run.
    `prepare(key)`, when given, loads the workload's input first (untimed) and returns the
    seconds it took and a function that releases it."""
    times, results, errors = {}, {}, {}
    load = 0.0
    for key in args["workloads"]:
        if key not in runners:
            errors[key] = "not implemented on this side"
            continue
        query, signature = runners[key]
        release = None
        try:
            if prepare is not None:
                seconds, release = prepare(key)
                load += seconds
            # A runner marked cold (bench_lineitem.py) is timed once, without a warm-up.
            t, value = bench_lineitem.time_once(query) if getattr(query, "cold", False) else median_of(query, args["repeat"])
            times[key] = t
            results[key] = signature(value)
        except Exception as e:  # reported per workload, not raised
            errors[key] = _why(e)
        finally:
            if release is not None:
                release()
    out = {"times": times, "results": results}
    if prepare is not None:
        out["load"] = load
    if errors:
        out["errors"] = errors
    return out


import bench_py_strings  # noqa: E402  (the string kernels' workloads, issue 6)
import bench_py_sql_parse  # noqa: E402  (the SQL parse + analyze workload, issue 8)
import bench_lineitem  # noqa: E402  (the lineitem file-reading workloads, issue 7)
import bench_py_pivot  # noqa: E402  (the pivot workload, issue 9)
import bench_py_window  # noqa: E402  (the window workload, issue 9)
import bench_py_rdd  # noqa: E402  (the RDD and Python-UDF workloads, issue 10)

#: The frames of _frames each workload reads (tspark caches them just before it runs).
WORKLOAD_INPUTS = {
    "groupby": ["bench"], "filter": ["bench"], "groupby_str": ["gk"], "count_distinct": ["distinct"],
    "join": ["fact", "dim"], "join_broadcast": ["fact", "dim"], "sort_double": ["sv"], "sort_string": ["ss"],
    "date_format": ["dt"], "to_timestamp": ["dt"],
    **bench_py_strings.INPUTS,
    **bench_py_sql_parse.INPUTS,
    **bench_py_pivot.INPUTS,
    **bench_py_window.INPUTS,
}


def _cache_inputs(fr):
    """A `prepare` for _run_all: cache() and count() the workload's input frames, unpersist after."""
    def prepare(key):
        frames = [fr[name] for name in WORKLOAD_INPUTS.get(key, [])]
        t0 = time.perf_counter()
        for f in frames:
            f.cache()
            f.count()
        seconds = time.perf_counter() - t0

        def release():
            for f in frames:
                f.unpersist()
        return seconds, release
    return prepare


def _why(e):
    text = str(e).strip().splitlines()
    return f"{type(e).__name__}: {text[0] if text else ''}"[:300]


def run_duckdb(args):
    import duckdb

    s = args["spec"]
    con = duckdb.connect()
    half = s["perm"] // 2
    t0 = time.perf_counter()
    con.execute(
        f"""CREATE TABLE fact AS SELECT range AS id,
        CAST(range % 1000 AS INTEGER) AS k1, CAST((range % 99991) % 100 AS INTEGER) AS k2,
        CAST(range % 9973 AS DOUBLE) * 0.5 AS v,
        (range * 7919) % {s['fkMod']} AS fk, range % {s['dkMod']} AS dk,
        CAST((range * 7919) % {s['perm']} - {half} AS DOUBLE) / 7 AS sv,
        's' || CAST((range * 104729) % {s['perm']} AS VARCHAR) AS ss,
        'key_' || CAST(range % {s['gkMod']} AS VARCHAR) AS gk,
        epoch_ms((1600000000 + (range * 7919) % 300000000) * 1000) AS ts
        FROM range({s['rows']})"""
    )
    con.execute("ALTER TABLE fact ADD COLUMN ts_text VARCHAR")
    con.execute("UPDATE fact SET ts_text = strftime(ts, '%Y-%m-%d %H:%M:%S')")
    con.execute(f"CREATE TABLE dim AS SELECT range AS fk, CAST(range % 997 AS DOUBLE) * 0.5 AS w FROM range({s['dimRows']})")
    load = time.perf_counter() - t0

    def q(sql):
        def run():
            r = con.execute(sql)
            return r.to_arrow_table() if hasattr(r, "to_arrow_table") else r.fetch_arrow_table()
        return run

    runners = {
        "groupby": (q("SELECT k1, k2, sum(v) AS s FROM fact GROUP BY k1, k2"), lambda t: sig_groupby(*_cols(t))),
        "filter": (q("SELECT count(*), sum(v2) FROM (SELECT k1, v * 2 AS v2 FROM fact WHERE v > 1000)"),
                   lambda t: sig_filter(*_row0(t))),
        "groupby_str": (q("SELECT gk, sum(v) AS s, count(*) AS c FROM fact GROUP BY gk"),
                        lambda t: sig_groupby_str(*_cols(t))),
        "count_distinct": (q("SELECT k1, count(DISTINCT dk) AS n FROM fact GROUP BY k1"),
                           lambda t: sig_count_distinct(*_cols(t))),
        "join": (q("SELECT count(*), sum(v), sum(w) FROM fact JOIN dim USING (fk)"), lambda t: sig_join(*_row0(t))),
        # DuckDB has no join hints: the same query (it builds its hash table on dim either way)
        "join_broadcast": (q("SELECT count(*), sum(v), sum(w) FROM fact JOIN dim USING (fk)"), lambda t: sig_join(*_row0(t))),
        "sort_double": (q("SELECT sv FROM fact ORDER BY sv"), lambda t: sig_sorted(_first_col(t))),
        "sort_string": (q("SELECT ss FROM fact ORDER BY ss"), lambda t: sig_sorted(_first_col(t))),
        "date_format": (q("SELECT count(f), min(f), max(f) FROM (SELECT strftime(ts, '%Y-%m-%d %H:%M:%S') AS f FROM fact)"),
                        lambda t: sig_date_format(*_row0(t))),
        "to_timestamp": (q("SELECT count(s), sum(s - 1600000000) FROM "
                           "(SELECT CAST(epoch(strptime(ts_text, '%Y-%m-%d %H:%M:%S')) AS BIGINT) AS s FROM fact)"),
                         lambda t: sig_to_timestamp(*_row0(t))),
        **bench_py_strings.duckdb_runners(con, s["rows"], q, _row0),
        **bench_py_sql_parse.duckdb_runners(con, q, _row0),
        **bench_py_pivot.duckdb_runners(con, s["rows"], q, _row0),
        **bench_lineitem.duckdb_runners(args),
        **bench_py_window.duckdb_runners(con, s["rows"], q, _row0),
        **bench_py_rdd.duckdb_runners(con, args, q),
    }
    out = _run_all(args, runners)
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    out.update(load=load, note=f"duckdb {duckdb.__version__}, {threads} threads")
    return out


def run_pandas(args):
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    s = args["spec"]
    t0 = time.perf_counter()
    i = np.arange(s["rows"], dtype=np.int64)

    def prefixed(prefix, nums):
        return pd.array(pc.binary_join_element_wise(prefix, pc.cast(pa.array(nums), pa.string()), ""),
                        dtype=pd.ArrowDtype(pa.string()))

    fact = pd.DataFrame({
        "k1": (i % 1000).astype(np.int32), "k2": ((i % 99991) % 100).astype(np.int32),
        "v": (i % 9973) * 0.5, "fk": (i * 7919) % s["fkMod"], "dk": i % s["dkMod"],
        "sv": ((i * 7919) % s["perm"] - s["perm"] // 2) / 7,
        "ss": prefixed("s", (i * 104729) % s["perm"]), "gk": prefixed("key_", i % s["gkMod"]),
    })
    d = np.arange(s["dimRows"], dtype=np.int64)
    dim = pd.DataFrame({"fk": d, "w": (d % 997) * 0.5})
    load = time.perf_counter() - t0
    del i, d

    def groupby():
        g = fact.groupby(["k1", "k2"], sort=False)["v"].sum()
        return g.index.get_level_values(0), g.index.get_level_values(1), g.to_numpy()

    def filt():
        m = fact["v"] > 1000
        sub = pd.DataFrame({"k1": fact["k1"][m], "v2": fact["v"][m] * 2})
        return len(sub), sub["v2"].sum()

    def groupby_str():
        g = fact.groupby("gk", sort=False)["v"].agg(["sum", "count"])
        return g.index.tolist(), g["sum"].to_numpy(), g["count"].to_numpy()

    def count_distinct():
        g = fact.groupby("k1", sort=False)["dk"].nunique()
        return g.index.to_numpy(), g.to_numpy()

    def join():
        j = fact[["fk", "v"]].merge(dim, on="fk")
        return len(j), j["v"].sum(), j["w"].sum()

    runners = {
        "groupby": (groupby, lambda r: sig_groupby(*r)),
        "filter": (filt, lambda r: sig_filter(*r)),
        "groupby_str": (groupby_str, lambda r: sig_groupby_str(*r)),
        "count_distinct": (count_distinct, lambda r: sig_count_distinct(*r)),
        "join": (join, lambda r: sig_join(*r)),
        "join_broadcast": (join, lambda r: sig_join(*r)),
        "sort_double": (lambda: fact["sv"].sort_values(ignore_index=True), lambda r: sig_sorted(pa.array(r))),
        "sort_string": (lambda: fact["ss"].sort_values(ignore_index=True), lambda r: sig_sorted(pa.array(r))),
        **bench_lineitem.pandas_runners(args),
        **bench_py_rdd.plain_runners(args),
    }
    out = _run_all(args, runners)
    out.update(load=load, note=f"pandas {pd.__version__} (one thread)")
    return out


def _frames(F, spark, s, cast_int, cast_str):
    """The workloads' inputs as DataFrames over range(): the same formulas for tspark and PySpark."""
    half = s["perm"] // 2
    rng = spark.range(s["rows"])
    v = (F.col("id") % 9973) * 0.5
    return {
        "bench": rng.withColumn("k1", (F.col("id") % 1000).cast(cast_int))
                    .withColumn("k2", ((F.col("id") % 99991) % 100).cast(cast_int))
                    .withColumn("v", v),
        "fact": rng.select(((F.col("id") * 7919) % s["fkMod"]).alias("fk"), v.alias("v")),
        "dim": spark.range(s["dimRows"]).select(F.col("id").alias("fk"), ((F.col("id") % 997) * 0.5).alias("w")),
        "sv": rng.select((((F.col("id") * 7919) % s["perm"] - half) / 7).alias("sv")),
        "ss": rng.select(F.concat(F.lit("s"), ((F.col("id") * 104729) % s["perm"]).cast(cast_str)).alias("ss")),
        "gk": rng.select(F.concat(F.lit("key_"), (F.col("id") % s["gkMod"]).cast(cast_str)).alias("gk"), v.alias("v")),
        "distinct": rng.select((F.col("id") % 1000).cast(cast_int).alias("k1"), (F.col("id") % s["dkMod"]).alias("dk")),
        "dt": rng.select(F.timestamp_seconds(F.lit(1600000000) + (F.col("id") * 7919) % 300000000).alias("ts"))
                 .withColumn("ts_text", F.col("ts").cast(cast_str)),
        **bench_py_strings.frames(F, spark, s["rows"], cast_str),
        **bench_py_sql_parse.frames(F, spark, s["rows"]),
        **bench_py_pivot.frames(F, spark, s["rows"]),
        **bench_py_window.frames(F, spark, s["rows"]),
    }


def _dataframe_runners(F, fr):
    """The workloads through a PySpark-API session (tspark's client or PySpark); results via toPandas."""
    return {
        "groupby": (lambda: fr["bench"].groupBy("k1", "k2").agg(F.sum("v").alias("s")).toPandas(),
                    lambda t: sig_groupby(*_cols(t))),
        "filter": (lambda: fr["bench"].filter(F.col("v") > 1000).select("k1", (F.col("v") * 2).alias("v2"))
                   .agg(F.count("*"), F.sum("v2")).toPandas(), lambda t: sig_filter(*_row0(t))),
        "groupby_str": (lambda: fr["gk"].groupBy("gk").agg(F.sum("v").alias("s"), F.count("*").alias("c")).toPandas(),
                        lambda t: sig_groupby_str(*_cols(t))),
        "count_distinct": (lambda: fr["distinct"].groupBy("k1").agg(F.countDistinct("dk").alias("n")).toPandas(),
                           lambda t: sig_count_distinct(*_cols(t))),
        "join": (lambda: fr["fact"].join(fr["dim"], "fk").agg(F.count("*"), F.sum("v"), F.sum("w")).toPandas(),
                 lambda t: sig_join(*_row0(t))),
        # Spark plans the join above as a SortMergeJoin (the cached dim is over the broadcast
        # threshold); with the hint it is a BroadcastHashJoin.
        "join_broadcast": (lambda: fr["fact"].join(F.broadcast(fr["dim"]), "fk").agg(F.count("*"), F.sum("v"), F.sum("w"))
                           .toPandas(), lambda t: sig_join(*_row0(t))),
        "sort_double": (lambda: fr["sv"].orderBy("sv").toPandas(), lambda t: sig_sorted(_first_col(t))),
        "sort_string": (lambda: fr["ss"].orderBy("ss").toPandas(), lambda t: sig_sorted(_first_col(t))),
        "date_format": (lambda: fr["dt"].select(F.date_format("ts", "yyyy-MM-dd HH:mm:ss").alias("f"))
                        .agg(F.count("f"), F.min("f"), F.max("f")).toPandas(), lambda t: sig_date_format(*_row0(t))),
        "to_timestamp": (lambda: fr["dt"].select((F.unix_seconds(F.to_timestamp("ts_text", "yyyy-MM-dd HH:mm:ss"))
                                                  - 1600000000).alias("s"))
                         .agg(F.count("s"), F.sum("s")).toPandas(), lambda t: sig_to_timestamp(*_row0(t))),
        **bench_py_strings.dataframe_runners(F, fr, _row0),
        **bench_py_sql_parse.dataframe_runners(F, fr, _row0),
        **bench_py_pivot.dataframe_runners(F, fr, _row0),
        # Window from the same package as F (tspark.sql or pyspark.sql)
        **bench_py_window.dataframe_runners(F, sys.modules[F.__name__.rsplit(".", 1)[0]].Window, fr, _row0),
    }


def run_tspark(args):
    from tspark.sql import SparkSession, functions as F
    from tspark.sql.functions import pandas_udf
    from tspark.sql.types import IntegerType, StringType

    # UTC, so the datetime workloads' text matches DuckDB's naive timestamps.
    spark = SparkSession.builder.appName("bench").config("spark.sql.session.timeZone", "UTC").config("spark.sql.execution.arrow.pyspark.enabled", "true").getOrCreate()
    try:
        fr = _frames(F, spark, args["spec"], IntegerType(), StringType())
        out = _run_all(args, {**_dataframe_runners(F, fr), **bench_lineitem.dataframe_runners(F, spark, args),
                              **bench_py_rdd.rdd_runners(spark, F, args, pandas_udf)}, _cache_inputs(fr))
    finally:
        spark.stop()
    out["note"] = "each workload's inputs cache()d and counted first (excluded), unpersisted after"
    return out


def run_pyspark(args):
    import pyspark
    from pyspark.sql import SparkSession, functions as F
    from pyspark.sql.functions import pandas_udf
    from pyspark.sql.types import IntegerType, StringType

    spark = (
        SparkSession.builder.master("local[2]").appName("bench")
        .config("spark.driver.memory", "6g").config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true").config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        fr = _frames(F, spark, args["spec"], IntegerType(), StringType())
        t0 = time.perf_counter()
        for name in list(fr):
            fr[name] = fr[name].cache()
            fr[name].count()
        load = time.perf_counter() - t0
        out = _run_all(args, {**_dataframe_runners(F, fr), **bench_lineitem.dataframe_runners(F, spark, args),
                              **bench_py_rdd.rdd_runners(spark, F, args, pandas_udf)})
    finally:
        spark.stop()
    out.update(load=load, note=f"pyspark {pyspark.__version__}, local[2], inputs cache()d")
    return out


def run_coldstart(_args):
    from tspark.sql import SparkSession

    t0 = time.perf_counter()
    spark = SparkSession.builder.appName("bench-cold").getOrCreate()
    spark.range(1).collect()
    t = time.perf_counter() - t0
    spark.stop()
    return {"times": {"coldstart": t}, "results": {}}


def main():
    mode, args = sys.argv[1], json.loads(sys.argv[2])
    runner = {"duckdb": run_duckdb, "pandas": run_pandas, "pyspark": run_pyspark,
              "tspark": run_tspark, "coldstart": run_coldstart}[mode]
    try:
        out = runner(args)
    except Exception as e:  # reported, not raised: the Node runner prints it in the table
        out = {"error": _why(e)}
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
