from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame(
    [("a", 1, 2.0, "p"), ("a", 2, 4.5, "q"), ("a", 3, None, "p"), ("a", 2, 7.0, None),
     ("b", 10, 1.0, "r"), ("b", None, 3.0, "s"), ("c", 5, 5.0, "t"), ("d", None, None, None)],
    "k STRING, i INT, x DOUBLE, s STRING",
)
df.groupBy("k").agg(F.expr("count(*) FILTER (WHERE i > 1)"), F.expr("sum(i) FILTER (WHERE x > 2)"),
                    F.expr("collect_list(s) FILTER (WHERE i IS NOT NULL)"), F.expr("max_by(s, x) FILTER (WHERE i < 3)"),
                    F.expr("count(DISTINCT i) FILTER (WHERE i > 0)")).orderBy("k").show(truncate=False)
df.selectExpr("count(1) FILTER (WHERE s = 'p') AS c", "avg(x) FILTER (WHERE k = 'a')", "max(s) FILTER (WHERE i > 2)").show()
print(df.groupBy("k").agg(F.expr("count(*) FILTER (WHERE i > 1)")).columns)
# listagg keeps input order, which partitioning may change: each group's values here are equal.
la = spark.createDataFrame([("a", "x"), ("a", "x"), ("b", "y"), ("c", None), ("a", None)], "k STRING, s STRING")
la.groupBy("k").agg(F.listagg("s"), F.listagg("s", "-"), F.string_agg("s", ","), F.listagg_distinct("s", "/"), F.string_agg_distinct("s")).orderBy("k").show()
df.groupBy("k").agg(F.try_sum("i"), F.try_avg("x"), F.try_sum("x")).orderBy("k").show()
big = spark.createDataFrame([(9223372036854775807,), (1,)], "v BIGINT")
big.select(F.try_sum("v"), F.try_sum(F.col("v") - 1)).show()
df.groupBy("k").agg(F.corr(F.col("i"), F.col("x")).alias("c"), F.count_if(F.col("i") > 1), F.expr("percentile(DISTINCT i, 0.5)"),
                    F.expr("bit_xor(DISTINCT i)"), F.expr("corr(DISTINCT i, i)"), F.expr("max_by(DISTINCT k, i)")).orderBy("k").show()
print(df.select(F.listagg("s"), F.string_agg("s", ","), F.try_sum("i"), F.try_avg("i")).columns)
spark.stop()
