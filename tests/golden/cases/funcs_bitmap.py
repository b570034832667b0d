from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([(1,), (32768,), (32769,), (0,), (-1,), (-32769,), (None,), (9223372036854775807,)], "v bigint")
df.select("v", F.bitmap_bucket_number("v"), F.bitmap_bit_position("v")).show()
print(df.select(F.bitmap_count(F.unhex(F.lit("FF01"))), F.bitmap_count(F.unhex(F.lit("")))).first())
spark.stop()
