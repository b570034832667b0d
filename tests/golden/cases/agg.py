from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame(
    [("east", "a", 10, 1.5), ("east", "b", 20, 2.5), ("west", "a", 5, None), ("west", "a", 7, 4.0), (None, "c", 1, 1.0)],
    ["region", "cat", "qty", "price"],
)
df.groupBy("region").agg(F.sum("qty").alias("total"), F.avg("price"), F.count("*"), F.min("qty"), F.max("price")).orderBy("region").show()
df.groupBy("region", "cat").count().orderBy("region", "cat").show()
df.groupBy("region").sum("qty").orderBy(F.col("region").desc()).show()
df.groupBy("region").avg("qty", "price").orderBy(F.col("region").asc_nulls_last()).show()
df.groupBy().max("qty").show()
df.agg(F.countDistinct("region"), F.sum("price")).show()
df.select(F.count("price"), F.count(F.lit(1)), F.countDistinct("cat", "region")).show()
df.groupBy("cat").agg(F.min("region"), F.max("region")).orderBy("cat").show()
print(df.groupBy("region").agg(F.sum("qty")).orderBy("region").collect())
df.groupBy("region").agg(F.sum("qty")).printSchema()
spark.stop()
