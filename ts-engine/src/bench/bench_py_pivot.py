"""The pivot workload of `npm run bench` (issue 9) on the Python sides: DuckDB's PIVOT, and
groupBy(k).pivot(p, values).sum(v) through tspark's client or PySpark; workloads-pivot.ts is
the Node side. Reduced to the number of groups and the sum of every pivoted cell."""

VALUES = [0, 1, 2, 3, 4, 5, 6]


def _sig(groups, total):
    return {"groups": int(groups), "sum": float(total)}


def duckdb_runners(con, rows, q, row0):
    """Creates the pv table and returns the runner (`q(sql)` runs a query, `row0` reads its first row)."""
    con.execute(f"CREATE TABLE pv AS SELECT range % 100000 AS k, range % 7 AS p, range % 1000 AS v FROM range({rows})")
    cells = ", ".join('sum("%d")' % v for v in VALUES)
    sql = f"SELECT count(*), {cells} FROM (PIVOT pv ON p IN ({', '.join(map(str, VALUES))}) USING sum(v) GROUP BY k)"
    return {"pivot": (q(sql), lambda t: _sig(row0(t)[0], sum(float(x) for x in row0(t)[1:])))}


def frames(F, spark, rows):
    """The input frame, as workloads-pivot.ts builds it."""
    return {"pv": spark.range(rows).select((F.col("id") % 100000).alias("k"), (F.col("id") % 7).alias("p"),
                                           (F.col("id") % 1000).alias("v"))}


def dataframe_runners(F, fr, row0):
    def run():
        pivoted = fr["pv"].groupBy("k").pivot("p", VALUES).sum("v")
        return pivoted.agg(F.count("*"), *[F.sum(F.col(str(v))) for v in VALUES]).toPandas()
    return {"pivot": (run, lambda t: _sig(row0(t)[0], sum(float(x) for x in row0(t)[1:])))}


#: the frames the workload reads
INPUTS = {"pivot": ["pv"]}
