from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame(
    [("a", "x", 1, 2.5), ("a", "y", 1, 2.5), ("a", "y", 2, None), ("b", "z", 3, float("nan")),
     ("b", "w", 3, float("nan")), ("b", "w", 4, 1.0), ("b", "w", None, 1.0), ("c", None, None, None)],
    "k STRING, s STRING, i INT, d DOUBLE",
)


# A single most frequent value: the same answer with and without deterministic.
df.groupBy("k").agg(F.mode("s"), F.mode("i"), F.count("*")).orderBy("k").show()
# Ties: deterministic=True takes the lowest value (Spark picks any one without it).
df.groupBy("k").agg(F.mode("s", True), F.mode(F.col("i"), deterministic=True), F.mode("d", True)).orderBy("k").show()
df.select(F.mode("s", True).alias("m"), F.mode("k", False), F.mode(F.col("d") * 2, True)).show()
df.filter(F.col("i") > 100).agg(F.mode("s"), F.mode("i", True)).show()
df.groupBy("k").agg(F.mode("s", True)).printSchema()
print(df.groupBy("k").agg(F.mode("i").alias("m")).orderBy("k").collect())
print(df.select(F.mode("s"), F.mode("s", True)).columns)
spark.stop()
