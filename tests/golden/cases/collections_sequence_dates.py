import datetime
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("golden").getOrCreate()
d = spark.createDataFrame([(datetime.date(2024, 2, 27), datetime.date(2024, 3, 2)), (datetime.date(2024, 1, 3), datetime.date(2024, 1, 1)), (None, datetime.date(2024, 1, 1))], "a DATE, b DATE")
d.select(F.sequence("a", "b")).show(truncate=False)
d.select(F.sequence("a", "b")).printSchema()
d.select("a", F.explode(F.sequence("a", "b")).alias("day")).show()
spark.stop()
