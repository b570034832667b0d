from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame(
    [(1, [1, 2, None], {"a": 1, "b": None}), (2, [], {}), (3, None, None), (4, [7], {"z": 26})],
    "id INT, a ARRAY<INT>, m MAP<STRING, INT>",
)
df.select("id", F.explode("a")).show()
df.select("id", F.explode_outer("a").alias("e")).orderBy("id").show()
df.select("id", F.posexplode("a")).show()
df.select("id", F.posexplode_outer("a")).orderBy("id").show()
df.select("id", F.explode("m")).show()
df.select(F.explode_outer("m"), "id").orderBy("id").show()
df.select("id", F.posexplode("m")).show()
df.select("id", F.posexplode_outer("m")).printSchema()
df.select(F.explode("a"), F.explode_outer("a")).printSchema()
s = spark.createDataFrame([(1, [(1, "x"), (2, None)]), (2, []), (3, None), (4, [None])], "id INT, s ARRAY<STRUCT<p: INT, q: STRING>>")
s.select("id", F.inline("s")).show()
s.select("id", F.inline_outer("s")).orderBy("id").show()
s.select(F.inline_outer("s")).printSchema()
df.select("id", F.stack(F.lit(2), F.col("id"), F.lit("x"), F.col("id") * 10, F.lit("y"))).show()
df.select(F.stack(F.lit(3), "id", F.col("id") + 1)).show()
df.select(F.stack(F.lit(2), "id", F.lit("k"), F.lit(None), F.lit("v"))).printSchema()
df.selectExpr("id", "explode(a) AS x").show()
df.selectExpr("posexplode(a)", "id").show()
df.withColumn("x", F.explode("a")).show()
df.select("id", F.explode("a").alias("x")).filter(F.col("x") > 1).show()
df.select(F.explode(F.array(F.lit(1), F.lit(2))), F.explode(F.array(F.lit("p"), F.lit("q")))).show()
print(df.select(F.explode("a")).count(), df.select(F.explode_outer("a")).count())
df.select("id", F.explode("a")).groupBy("col").count().orderBy("col").show()
print(df.select(F.explode("m")).columns, df.select(F.posexplode("a")).columns, df.select(F.stack(F.lit(2), "id", "id")).columns)
try:
    df.select(F.explode("a") + 1).show()
except Exception as e:
    print(type(e).__name__, e.getCondition())
try:
    df.select(F.explode("id")).show()
except Exception as e:
    print(type(e).__name__, e.getCondition())
spark.stop()
