"""The window workload of `npm run bench` on the Python sides (DuckDB, and tspark's client or
PySpark through the DataFrame API); workloads-window.ts is the Node side: row_number and a
running sum over 100k partitions, reduced to count, Σ row_number and Σ running sum."""

PARTITIONS = 100000


def _sig(row):
    return {"count": int(row[0]), "sum_rn": int(row[1]), "sum_rs": float(row[2])}


def duckdb_runners(con, rows, q, row0):
    """Creates the win table and returns the runner (`q(sql)` runs a query, `row0` reads its first row)."""
    con.execute(f"CREATE TABLE win AS SELECT (range * 7919) % {PARTITIONS} AS p, range AS o, "
                f"CAST(range % 9973 AS DOUBLE) * 0.5 AS v FROM range({rows})")
    sql = ("SELECT count(rn), sum(rn), sum(rs) FROM (SELECT row_number() OVER w AS rn, sum(v) OVER w AS rs "
           "FROM win WINDOW w AS (PARTITION BY p ORDER BY o))")
    return {"window": (q(sql), lambda t: _sig(row0(t)))}


def frames(F, spark, rows):
    """The input frame, as workloads-window.ts builds it."""
    return {"win": spark.range(rows).select(((F.col("id") * 7919) % PARTITIONS).alias("p"), F.col("id").alias("o"),
                                            ((F.col("id") % 9973) * 0.5).alias("v"))}


def dataframe_runners(F, Window, fr, row0):
    w = Window.partitionBy("p").orderBy("o")

    def run():
        return fr["win"].select(F.row_number().over(w).alias("rn"), F.sum("v").over(w).alias("rs")) \
            .agg(F.count("rn"), F.sum("rn"), F.sum("rs")).toPandas()
    return {"window": (run, lambda t: _sig(row0(t)))}


#: the frames each workload reads
INPUTS = {"window": ["win"]}
