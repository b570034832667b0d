"""The lineitem read workloads of `npm run bench` (issue 7): TPC-H lineitem as CSV and as
Parquet, read + filter + aggregate in the shapes of Q1 and Q6, cold and warm.

Data: lineitem-shaped rows made by DuckDB (no tpch extension is installable offline), with
TPC-H's column types and value ranges (l_quantity 1..50, l_discount 0.00..0.10, l_tax
0.00..0.08 as DECIMAL(15,2), l_shipdate 1992-01-02..1998-12-01, returnflag/linestatus as Q1
expects them). Generated once per row count into TSPARK_BENCH_DATA or the OS temp dir
(tspark-bench-lineitem-v1/<rows>/lineitem.{csv,parquet}), never into the repository.
`python bench_lineitem.py gen ROWS` generates (if missing) and prints the directory.

Cold = the first run of the query in a fresh engine / DuckDB connection (OS page cache warm,
the footer cache of a tspark engine possibly warm from an earlier workload on the same file);
warm = the median after one warm-up, as every other workload.
"""
from __future__ import annotations

import datetime
import os
import sys
import tempfile

#: The workload keys, in run order (workloads-lineitem.ts lists the same).
KEYS = [f"lineitem_{fmt}_{q}{cold}" for fmt in ("pq", "csv") for q in ("q1", "q6") for cold in ("_cold", "")]

Q1_CUTOFF = datetime.date(1998, 9, 2)  # DATE '1998-12-01' - INTERVAL 90 DAY
Q6_FROM, Q6_TO = datetime.date(1994, 1, 1), datetime.date(1995, 1, 1)

SCHEMA_DDL = (
    "l_orderkey BIGINT, l_partkey BIGINT, l_suppkey BIGINT, l_linenumber INT, l_quantity DECIMAL(15,2), "
    "l_extendedprice DECIMAL(15,2), l_discount DECIMAL(15,2), l_tax DECIMAL(15,2), l_returnflag STRING, "
    "l_linestatus STRING, l_shipdate DATE, l_commitdate DATE, l_receiptdate DATE, l_shipinstruct STRING, "
    "l_shipmode STRING, l_comment STRING"
)


def lineitem_rows(spec_rows):
    """Lineitem rows for a bench of `spec_rows` fact rows: TPC-H SF1's 6,001,215 at full size."""
    return min(int(spec_rows), 6_001_215)


def data_dir(rows):
    base = os.environ.get("TSPARK_BENCH_DATA") or tempfile.gettempdir()
    return os.path.join(base, "tspark-bench-lineitem-v1", str(rows))


def ensure_data(rows):
    """The directory holding lineitem.csv and lineitem.parquet of `rows` rows, generated once."""
    d = data_dir(rows)
    if os.path.exists(os.path.join(d, "lineitem.parquet")) and os.path.exists(os.path.join(d, "lineitem.csv")):
        return d
    import duckdb

    os.makedirs(d, exist_ok=True)
    tmp = os.path.join(d, f".gen-{os.getpid()}")
    con = duckdb.connect()
    con.execute(f"""
    CREATE TABLE lineitem AS
    SELECT (i // 4 + 1)::BIGINT AS l_orderkey, (hash(i, 1) % 200000 + 1)::BIGINT AS l_partkey,
      (hash(i, 2) % 10000 + 1)::BIGINT AS l_suppkey, (i % 7 + 1)::INTEGER AS l_linenumber,
      q::DECIMAL(15,2) AS l_quantity, (q * (900 + (hash(i, 3) % 20000) / 100.0))::DECIMAL(15,2) AS l_extendedprice,
      ((hash(i, 4) % 11) / 100.0)::DECIMAL(15,2) AS l_discount, ((hash(i, 5) % 9) / 100.0)::DECIMAL(15,2) AS l_tax,
      CASE WHEN sd > DATE '1995-06-17' THEN 'N' WHEN hash(i, 6) % 2 = 0 THEN 'R' ELSE 'A' END AS l_returnflag,
      CASE WHEN sd > DATE '1995-06-17' THEN 'O' ELSE 'F' END AS l_linestatus,
      sd AS l_shipdate, (sd + (hash(i, 7) % 60)::INTEGER - 30) AS l_commitdate, (sd + (hash(i, 8) % 30)::INTEGER + 1) AS l_receiptdate,
      ['DELIVER IN PERSON','COLLECT COD','NONE','TAKE BACK RETURN'][(hash(i, 9) % 4 + 1)::BIGINT] AS l_shipinstruct,
      ['REG AIR','AIR','RAIL','SHIP','TRUCK','MAIL','FOB'][(hash(i, 10) % 7 + 1)::BIGINT] AS l_shipmode,
      substr(md5(i::VARCHAR) || md5((i+1)::VARCHAR), 1, 10 + (hash(i, 11) % 34)::INTEGER) AS l_comment
    FROM (SELECT i, (hash(i, 0) % 50 + 1) AS q, (DATE '1992-01-02' + (hash(i, 12) % 2526)::INTEGER) AS sd FROM range({int(rows)}) t(i))
    """)
    # Parquet as Spark writes it by default: snappy, row groups of ~128 MB (DuckDB's are 122,880 rows).
    con.execute(f"COPY lineitem TO '{tmp}.parquet' (FORMAT parquet, COMPRESSION snappy)")
    con.execute(f"COPY lineitem TO '{tmp}.csv' (HEADER, DATEFORMAT '%Y-%m-%d')")
    con.close()
    os.replace(f"{tmp}.parquet", os.path.join(d, "lineitem.parquet"))
    os.replace(f"{tmp}.csv", os.path.join(d, "lineitem.csv"))
    return d


def sig_q1(rows):
    """rows: (returnflag, linestatus, sum_qty, sum_base, sum_disc_price, sum_charge, count) sorted by the keys."""
    out = {"groups": len(rows)}
    for r in rows:
        k = f"{r[0]}{r[1]}"
        out[f"{k}_qty"] = float(r[2])
        out[f"{k}_base"] = float(r[3])
        out[f"{k}_disc"] = float(r[4])
        out[f"{k}_charge"] = float(r[5])
        out[f"{k}_count"] = int(r[6])
    return out


def sig_q6(revenue):
    return {"revenue": float(revenue)}


def _paths(args):
    d = ensure_data(lineitem_rows(args["spec"]["rows"]))
    return os.path.join(d, "lineitem.parquet"), os.path.join(d, "lineitem.csv")


def time_once(fn):
    """Seconds of one run of fn (a cold run: no warm-up), and its value."""
    import time

    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def _cold(fn):
    """Marks a runner as timed once, without a warm-up (bench_py.py's _run_all honours it)."""
    fn.cold = True
    return fn


def duckdb_runners(args):
    import duckdb

    if not any(k in KEYS for k in args["workloads"]):
        return {}
    pq, csv = _paths(args)
    src = {"pq": f"read_parquet('{pq}')", "csv": f"read_csv('{csv}', header=true)"}
    q1 = ("SELECT l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice), "
          "sum(l_extendedprice * (1 - l_discount)), sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)), count(*) "
          "FROM {src} WHERE l_shipdate <= DATE '1998-09-02' GROUP BY ALL ORDER BY 1, 2")
    q6 = ("SELECT sum(l_extendedprice * l_discount) FROM {src} WHERE l_shipdate >= DATE '1994-01-01' "
          "AND l_shipdate < DATE '1995-01-01' AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24")
    warm = duckdb.connect()
    out = {}
    for fmt in ("pq", "csv"):
        for name, sql, sig in (("q1", q1, lambda r: sig_q1(r)), ("q6", q6, lambda r: sig_q6(r[0][0]))):
            text = sql.format(src=src[fmt])
            out[f"lineitem_{fmt}_{name}_cold"] = (_cold(lambda t=text: duckdb.connect().execute(t).fetchall()), sig)
            out[f"lineitem_{fmt}_{name}"] = (lambda t=text: warm.execute(t).fetchall(), sig)
    return out


def pandas_runners(args):
    """pandas reads the file every run (it has no engine to stay warm), decimals as float64."""
    import pandas as pd

    if not any(k in KEYS for k in args["workloads"]):
        return {}
    pq, csv = _paths(args)
    cols = ["l_returnflag", "l_linestatus", "l_quantity", "l_extendedprice", "l_discount", "l_tax", "l_shipdate"]

    def read(fmt):
        if fmt == "pq":
            df = pd.read_parquet(pq, columns=cols)
            for c in ("l_quantity", "l_extendedprice", "l_discount", "l_tax"):
                df[c] = df[c].astype("float64")
            df["l_shipdate"] = pd.to_datetime(df["l_shipdate"])
            return df
        return pd.read_csv(csv, usecols=cols, parse_dates=["l_shipdate"],
                           dtype={"l_returnflag": str, "l_linestatus": str})

    def q1(fmt):
        df = read(fmt)
        df = df[df["l_shipdate"] <= pd.Timestamp(Q1_CUTOFF)]
        disc = df["l_extendedprice"] * (1 - df["l_discount"])
        df = df.assign(disc=disc, charge=disc * (1 + df["l_tax"]))
        g = df.groupby(["l_returnflag", "l_linestatus"], sort=True).agg(
            q=("l_quantity", "sum"), b=("l_extendedprice", "sum"), d=("disc", "sum"), c=("charge", "sum"), n=("l_quantity", "size"))
        return [(a, b, *vals) for (a, b), vals in zip(g.index, g.itertuples(index=False))]

    def q6(fmt):
        df = read(fmt)
        m = ((df["l_shipdate"] >= pd.Timestamp(Q6_FROM)) & (df["l_shipdate"] < pd.Timestamp(Q6_TO))
             & (df["l_discount"] >= 0.05 - 1e-9) & (df["l_discount"] <= 0.07 + 1e-9) & (df["l_quantity"] < 24))
        return float((df["l_extendedprice"][m] * df["l_discount"][m]).sum())

    out = {}
    for fmt in ("pq", "csv"):
        for cold in ("_cold", ""):
            f1 = (lambda f=fmt: q1(f))
            f6 = (lambda f=fmt: q6(f))
            out[f"lineitem_{fmt}_q1{cold}"] = (_cold(f1) if cold else f1, sig_q1)
            out[f"lineitem_{fmt}_q6{cold}"] = (_cold(f6) if cold else f6, sig_q6)
    return out


def dataframe_runners(F, spark, args):
    """The workloads through a PySpark-API session (tspark's client or PySpark), read from the files each run."""
    if not any(k in KEYS for k in args["workloads"]):
        return {}
    pq, csv = _paths(args)

    def frame(fmt):
        if fmt == "pq":
            return spark.read.parquet(pq)
        return spark.read.schema(SCHEMA_DDL).option("header", "true").csv(csv)

    def q1(fmt):
        df = frame(fmt).where(F.col("l_shipdate") <= F.lit(Q1_CUTOFF))
        disc = F.col("l_extendedprice") * (1 - F.col("l_discount"))
        r = (df.groupBy("l_returnflag", "l_linestatus")
             .agg(F.sum("l_quantity"), F.sum("l_extendedprice"), F.sum(disc), F.sum(disc * (1 + F.col("l_tax"))), F.count("*"))
             .orderBy("l_returnflag", "l_linestatus").collect())
        return [tuple(x) for x in r]

    def q6(fmt):
        df = frame(fmt).where((F.col("l_shipdate") >= F.lit(Q6_FROM)) & (F.col("l_shipdate") < F.lit(Q6_TO))
                              & F.col("l_discount").between(0.05, 0.07) & (F.col("l_quantity") < 24))
        return df.agg(F.sum(F.col("l_extendedprice") * F.col("l_discount"))).collect()[0][0]

    out = {}
    for fmt in ("pq", "csv"):
        for cold in ("_cold", ""):
            f1 = (lambda f=fmt: q1(f))
            f6 = (lambda f=fmt: q6(f))
            out[f"lineitem_{fmt}_q1{cold}"] = (_cold(f1) if cold else f1, sig_q1)
            out[f"lineitem_{fmt}_q6{cold}"] = (_cold(f6) if cold else f6, sig_q6)
    return out


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "gen":
        print(ensure_data(int(sys.argv[2])))
    else:
        print(__doc__)
        sys.exit(2)
