"""The string-kernel workloads of `npm run bench` on the Python sides (DuckDB, and tspark's
client or PySpark through the DataFrame API); workloads-strings.ts is the Node side. Each is
reduced to count and the sum of a per-row length or part count, as sig_to_timestamp's shape."""

#: key -> DuckDB SQL over column s of table strs
DUCKDB_SQL = {
    "str_lower": "length(lower(s))",
    "str_substring": "length(substring(s, 3, 7))",
    "str_regexp_replace": "length(regexp_replace(s, '[0-9]+', '#', 'g'))",
    "str_split_size": "len(string_split_regex(s, '_'))",
}


def _sig(row):
    return {"count": int(row[0]), "sum": int(row[1])}


def duckdb_runners(con, rows, q, row0):
    """Creates the strs table and returns the runners (`q(sql)` runs a query, `row0` reads its first row)."""
    con.execute(f"CREATE TABLE strs AS SELECT 'Row_' || range || '_Straße_' || (range % 977) AS s FROM range({rows})")
    return {k: (q(f"SELECT count(x), sum(x) FROM (SELECT {sql} AS x FROM strs)"), lambda t: _sig(row0(t)))
            for k, sql in DUCKDB_SQL.items()}


def frames(F, spark, rows, cast_str):
    """The input frame, as workloads-strings.ts builds it."""
    return {"strs": spark.range(rows).select(F.concat(F.lit("Row_"), F.col("id").cast(cast_str), F.lit("_Straße_"),
                                                      (F.col("id") % 977).cast(cast_str)).alias("s"))}


def dataframe_runners(F, fr, row0):
    exprs = {
        "str_lower": lambda: F.length(F.lower("s")),
        "str_substring": lambda: F.length(F.substring("s", 3, 7)),
        "str_regexp_replace": lambda: F.length(F.regexp_replace("s", "[0-9]+", "#")),
        "str_split_size": lambda: F.size(F.split("s", "_")),
    }

    def run(k):
        return lambda: fr["strs"].select(exprs[k]().alias("x")).agg(F.count("x"), F.sum("x")).toPandas()
    return {k: (run(k), lambda t: _sig(row0(t))) for k in exprs}


#: the frames each workload reads
INPUTS = {k: ["strs"] for k in DUCKDB_SQL}
