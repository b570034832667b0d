from pyspark.sql import SparkSession, Window, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()

# min/max of collated strings follow the collation's order, not the bytes'
df = spark.createDataFrame([("g", "B"), ("g", "a"), ("g", "C"), ("h", "b"), ("h", "Z"), ("h", None), ("i", "äb"), ("i", "Ab")], "k string, s string")
c = df.select("k", "s", F.collate("s", "UTF8_LCASE").alias("l"), F.collate("s", "UNICODE_CI").alias("u"), F.collate("s", "UNICODE").alias("x"))
c.agg(F.min("s"), F.max("s"), F.min("l"), F.max("l"), F.min("u"), F.max("u"), F.min("x"), F.max("x")).show()
c.groupBy("k").agg(F.min("l"), F.max("l"), F.min("x"), F.max("x")).orderBy("k").show()
c.select("k", "s", F.max("l").over(Window.partitionBy("k")).alias("m")).orderBy("k", "s").show()
print(c.agg(F.min("l")).dtypes)
spark.sql("SELECT min(s COLLATE UTF8_LCASE), max(s COLLATE UTF8_LCASE) FROM VALUES ('B'), ('a'), ('C') AS t(s)").show()
