"""The SQL front end's workload of `npm run bench` on the Python sides: parse + analyze of
TPC-H's 22 queries (tests/sql/tpch, Spark's dialect) over empty tables, nothing run.
DuckDB times PREPARE (parse, bind, plan); tspark's client and PySpark time spark.sql (which
analyzes). workloads-sql-parse.ts is the Node side. Reduced to the count of queries and the
total of their output columns (counted after the clock stops)."""
import os
import sys

_TPCH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "tests", "sql", "tpch")
sys.path.insert(0, _TPCH)
import tpch_data  # noqa: E402  (the tables' schemas)


def _texts():
    out = []
    for i in range(1, 23):
        with open(os.path.join(_TPCH, "q%02d.sql" % i)) as f:
            out.append(f.read())
    return out


def duckdb_runners(con, q, row0):
    """Creates the eight tables, empty; the runner prepares each query."""
    for name, ddl in tpch_data.SCHEMAS.items():
        con.execute("CREATE TABLE %s (%s)" % (name, ddl.replace("STRING", "VARCHAR")))
    texts = _texts()

    def run():
        for t in texts:
            con.execute("PREPARE tpch_q AS " + t)
            con.execute("DEALLOCATE tpch_q")
        return texts

    def sig(ts):
        return {"queries": len(ts), "columns": sum(len(con.execute("DESCRIBE " + t).fetchall()) for t in ts)}
    return {"sql_parse_tpch": (run, sig)}


def frames(F, spark, rows):
    """The eight tables as empty temp views; their frames are returned so the runner finds the session."""
    out = {}
    for name, ddl in tpch_data.SCHEMAS.items():
        df = spark.createDataFrame([], ddl)
        df.createOrReplaceTempView(name)
        out["tpch_" + name] = df
    return out


def dataframe_runners(F, fr, row0):
    spark = fr["tpch_region"].sparkSession
    texts = _texts()

    def run():
        return [spark.sql(t) for t in texts]
    return {"sql_parse_tpch": (run, lambda dfs: {"queries": len(dfs), "columns": sum(len(d.columns) for d in dfs)})}


#: the frames each workload reads (none cached: they are empty)
INPUTS = {"sql_parse_tpch": []}
