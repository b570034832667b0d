from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("golden").getOrCreate()
rows = [
    ("a very long string that goes past twenty characters", 1.5, True, None),
    ("short", -2.0, False, 7),
    (None, 1e10, None, -3),
    ("x", 0.1, True, 123456789),
]
df = spark.createDataFrame(rows, "s STRING, d DOUBLE, b BOOLEAN, i INT")
df.show()
df.show(truncate=False)
df.show(2)
df.show(truncate=5)
df.show(vertical=True)
df.show(1, vertical=True)
df.printSchema()
spark.range(3).show()
spark.range(0).show()
spark.stop()
