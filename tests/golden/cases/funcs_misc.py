from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.range(0, 6, 1, 1)
df.select("id", F.rand(42), F.randn(42), F.rand(7).alias("r7"), F.monotonically_increasing_id(), F.spark_partition_id()).show(truncate=False)
t = spark.createDataFrame([(1, 2.5, "a", True)], "i int, d double, s string, b boolean")
t.select(F.typeof("i"), F.typeof("d"), F.typeof("s"), F.typeof("b"), F.typeof(F.array("i")), F.typeof(F.struct("i", "s")), F.typeof(F.lit(None))).show(truncate=False)
t.select(F.current_database(), F.current_schema(), F.current_catalog(), F.input_file_name(), F.assert_true(F.col("i") > 0, "positive")).show(truncate=False)
print(t.select(F.version()).first()[0].split(" ")[0])
for bad in [lambda: t.select(F.assert_true(F.col("i") < 0, "i must be negative")).collect(),
            lambda: t.select(F.raise_error(F.lit("custom failure"))).collect(), lambda: F.raise_error(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])
spark.stop()
