from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
rows = [("Straße", "x1"), ("héllo wörld", "x22"), ("  pad  ", "a"), ("\U0001F600 smile", "b"), ("\uFF61half", "c"), ("ABC", "d"), (None, "e"), ("", "f")]
df = spark.createDataFrame(rows, ["s", "k"])
df.select("k", F.lower("s"), F.upper("s"), F.length("s"), F.substring("s", 2, 3), F.substring("s", -4, 2), F.trim("s")).orderBy("k").show()
df.select("k", F.concat("s", "k"), F.concat_ws("-", "s", "k"), F.col("s").like("%ll%"), F.col("s").like("Str%"), F.col("s").like("%e"), F.col("s").like("h_llo%")).orderBy("k").show()
df.select("k", F.col("s").rlike("(?i)abc$"), F.col("s").rlike("^\\p{Alpha}+$"), F.col("s").rlike("o\\s+w"), F.col("s").contains("ll"), F.col("s").startswith("St"), F.col("s").endswith("le")).orderBy("k").show()
df.orderBy("s").select("s", "k").show()
df.orderBy(F.col("s").desc_nulls_last()).select("k").show()
print(sorted(r[0] for r in df.select(F.hash("s", "k")).collect()))
print(sorted(r[0] for r in df.select(F.hash("s")).collect()))
n = spark.createDataFrame([(1, 2.5, True, "a"), (None, -0.0, False, None)], ["i", "d", "b", "t"])
n.select(F.hash("i"), F.hash("d"), F.hash("b"), F.hash("i", "d", "b", "t"), F.hash(F.lit("Spark"))).show()
g = spark.createDataFrame([("b",), ("\u00e9",), ("a",), ("b",), ("\U0001F600",), ("\uFF61",), ("a",), ("b",)], ["w"])
g.groupBy("w").count().orderBy("w").show()
print(g.select(F.split(F.lit("a1b22c3"), "\\d+")).first()[0], g.select(F.split(F.lit("a,b,,"), ",")).first()[0], g.select(F.split(F.lit("a,b,c"), ",", 2)).first()[0])
print(spark.createDataFrame([("aaa",), ("a.b",)], ["v"]).select(F.col("v").rlike("a*+a"), F.col("v").rlike("\\Q.\\E"), F.col("v").rlike("^[a-z&&[^b]]+$")).collect())
spark.stop()
