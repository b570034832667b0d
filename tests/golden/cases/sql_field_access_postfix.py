from _fixtures import golden_session
from pyspark.sql import functions as F

# Extract-value postfixes on any expression in SQL: a struct field or an array / map element of
# a function call's result (`named_struct(...).b`, `map(...)['k'].z[1]`, `struct(*).y`), with
# the column names Spark gives them; aliased arguments print as `1 AS x`
spark = golden_session()
for q in ["SELECT named_struct('a', 1, 'b', 2).b", "SELECT struct(1 AS x).x", "SELECT (array(1, 2, 3))[0]",
          "SELECT map('k', 1)['k']", "SELECT map('k', named_struct('z', array(5, 6)))['k'].z[1]",
          "SELECT struct(*).y FROM VALUES (1, 2) AS t(x, y)", "SELECT array(1, 2)[1]",
          "SELECT named_struct('a', named_struct('b', 3)).a.b",
          "SELECT a[0], m['k'], m.k FROM VALUES (array(7), map('k', 8)) AS t(a, m)",
          "SELECT struct(1 AS x, 'u' y).y", "SELECT array(named_struct('f', 1), named_struct('f', 2)).f",
          "SELECT (named_struct('a', 1)).a", "SELECT named_struct('a', 1).c", "SELECT array(1)[5]", "SELECT 1.a"]:
    try:
        d = spark.sql(q)
        print(q, "|", d.columns, d.collect())
    except Exception as e:
        print(q, "|", type(e).__name__, str(e).split("\n")[0].split("; line ")[0])
print(spark.range(1).select(F.struct(F.lit(1).alias("x")), F.struct(F.col("id")), F.struct(F.col("id").alias("y")).getField("y"), F.array(F.lit(1).alias("z"))).columns)
