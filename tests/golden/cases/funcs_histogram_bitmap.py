from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0])


one = spark.range(0, 50, 1, 1)
print(spark.range(0, 20).select(F.histogram_numeric("id", F.lit(5))).collect())
print(one.select(F.histogram_numeric("id", F.lit(7))).collect())
print(one.select(F.histogram_numeric(F.col("id") % 13, F.lit(4))).collect())
print(one.select(F.histogram_numeric((F.col("id") * 1.5).cast("float"), F.lit(4))).collect())
print(one.select(F.histogram_numeric((F.col("id") / 7).cast("decimal(6,3)"), F.lit(4))).collect())
print(one.select(F.histogram_numeric(F.col("id").cast("double") / 3, F.lit(6))).collect())
print(one.groupBy((F.col("id") % 2).alias("k")).agg(F.histogram_numeric("id", F.lit(3))).orderBy("k").collect())
print(spark.createDataFrame([(1.0,), (2.0,), (2.5,), (10.0,), (None,)], "x double").select(F.histogram_numeric("x", F.lit(3))).collect())
one.select(F.histogram_numeric("id", F.lit(3)).alias("h")).printSchema()
spark.sql("select histogram_numeric(d, 2) h from values (date'2020-01-01'), (date'2020-01-05'), (date'2020-01-02') t(d)").show(truncate=False)
spark.sql("select histogram_numeric(x, 3) h from values (cast(null as int)) t(x)").show()
attempt("nb 1", lambda: one.select(F.histogram_numeric("id", F.lit(1))).collect())
attempt("nb column", lambda: one.select(F.histogram_numeric("id", F.col("id").cast("int"))).collect())
b = spark.createDataFrame([(1,), (2,), (3,), (32768,), (32769,), (None,)], "x long")
b.select(F.bitmap_bucket_number("x").alias("bucket"), F.bitmap_bit_position("x").alias("pos")).groupBy("bucket").agg(
    F.bitmap_count(F.bitmap_construct_agg("pos")).alias("n"), F.substring(F.hex(F.bitmap_construct_agg("pos")), 1, 8).alias("head"),
    F.length(F.bitmap_construct_agg("pos")).alias("len")).orderBy("bucket").show()
spark.sql("select substr(hex(bitmap_or_agg(b)), 1, 10) h, bitmap_count(bitmap_or_agg(b)) c from values (x'10'), (x'0102'), (null) t(b)").show()
spark.sql("select bitmap_count(bitmap_construct_agg(x)) c, length(bitmap_or_agg(b)) l from (select cast(null as int) x, cast(null as binary) b) where x > 0").show()
spark.sql("select bitmap_construct_agg(x) a, bitmap_or_agg(b) o from values (1, x'01') t(x, b)").printSchema()
attempt("bitmap position", lambda: spark.sql("select bitmap_construct_agg(x) from values (40000) t(x)").collect())
attempt("bitmap negative", lambda: spark.sql("select bitmap_construct_agg(x) from values (-1) t(x)").collect())
attempt("bitmap boolean", lambda: b.select(F.bitmap_construct_agg(F.lit(True))).collect())
spark.stop()
