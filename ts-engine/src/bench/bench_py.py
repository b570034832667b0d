"""Python side of `npm run bench`: DuckDB and the tspark Python client on the same data.

Usage: python bench_py.py duckdb|tspark|coldstart ROWS
Prints one JSON object on the last stdout line: {"times": {...}, "results": {...}} with
times in seconds (best of 3 after one warm-up) or {"error": "..."}.
Data, by formulas over id in [0, ROWS): k1 = id % 1000, k2 = (id % 99991) % 100 (INT; with k1: 100k groups),
v = (id % 9973) * 0.5 (DOUBLE); built inside each query from range(), so neither side
caches it.
"""
from __future__ import annotations

import json
import sys
import time


def best_of(fn, repeat=3):
    result = fn()  # warm-up
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def run_duckdb(rows):
    import duckdb

    con = duckdb.connect()
    data = (
        f"(SELECT CAST(range % 1000 AS INTEGER) AS k1, CAST((range % 99991) % 100 AS INTEGER) AS k2, "
        f"(range % 9973) * 0.5 AS v FROM range({rows}))"
    )
    q1 = f"SELECT count(*), sum(s) FROM (SELECT k1, k2, sum(v) AS s FROM {data} GROUP BY k1, k2)"
    q2 = f"SELECT count(*), sum(v2) FROM (SELECT k1, v * 2 AS v2 FROM {data} WHERE v > 1000)"
    t1, r1 = best_of(lambda: con.execute(q1).fetchone())
    t2, r2 = best_of(lambda: con.execute(q2).fetchone())
    return {"groupby": t1, "filter": t2}, {
        "groupby": {"groups": int(r1[0]), "sum": float(r1[1])},
        "filter": {"count": int(r2[0]), "sum": float(r2[1])},
    }


def tspark_frame(spark, F, rows):
    from tspark.sql.types import IntegerType

    return (
        spark.range(rows)
        .withColumn("k1", (F.col("id") % 1000).cast(IntegerType()))
        .withColumn("k2", ((F.col("id") % 99991) % 100).cast(IntegerType()))
        .withColumn("v", (F.col("id") % 9973) * 0.5)
    )


def run_tspark(rows):
    from tspark.sql import SparkSession, functions as F

    spark = SparkSession.builder.appName("bench").getOrCreate()
    try:
        df = tspark_frame(spark, F, rows)

        def q1():
            out = df.groupBy("k1", "k2").agg(F.sum("v").alias("s")).collect()
            return len(out), sum(r["s"] for r in out)

        def q2():
            r = (
                df.filter(F.col("v") > 1000)
                .select("k1", (F.col("v") * 2).alias("v2"))
                .agg(F.count("*"), F.sum("v2"))
                .collect()[0]
            )
            return r[0], r[1]

        t1, r1 = best_of(q1)
        t2, r2 = best_of(q2)
    finally:
        spark.stop()
    return {"groupby": t1, "filter": t2}, {
        "groupby": {"groups": int(r1[0]), "sum": float(r1[1])},
        "filter": {"count": int(r2[0]), "sum": float(r2[1])},
    }


def run_coldstart(_rows):
    from tspark.sql import SparkSession

    t0 = time.perf_counter()
    spark = SparkSession.builder.appName("bench-cold").getOrCreate()
    spark.range(1).collect()
    t = time.perf_counter() - t0
    spark.stop()
    return {"coldstart": t}, {}


def main():
    mode, rows = sys.argv[1], int(sys.argv[2])
    runner = {"duckdb": run_duckdb, "tspark": run_tspark, "coldstart": run_coldstart}[mode]
    try:
        times, results = runner(rows)
        out = {"times": times, "results": results}
    except Exception as e:  # reported, not raised: the Node runner prints it in the table
        out = {"error": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"}
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
