# try_add / try_subtract / try_multiply / try_divide / try_mod and try_cast: null instead of
# Spark's errors, in ANSI mode and out of it; the same expressions without try_ raise.
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("types_try").config("spark.sql.session.timeZone", "UTC").getOrCreate()
df = spark.createDataFrame([(2147483647, 1, 9223372036854775807, 2.5, "12"), (5, 0, 3, 0.0, "x"), (None, 2, None, None, None)],
                           "i INT, j INT, l BIGINT, d DOUBLE, s STRING")
df.select(F.try_add("i", "j").alias("add"), F.try_subtract(F.lit(-2147483648), "j").alias("sub"), F.try_multiply("l", F.lit(2)).alias("mul"),
          F.try_divide("i", "j").alias("div"), F.try_mod("i", "j").alias("mod"), F.try_divide("d", "j").alias("dd")).show()
df.select(F.try_add("i", "j")).printSchema()
df.select(F.col("s").try_cast("int").alias("c1"), F.expr("try_cast(s as double)").alias("c2"), F.col("s").try_cast("decimal(3,1)").alias("c3")).show()
print(df.selectExpr("try_divide(i, j)", "try_multiply(l, 2)", "try_add(l, l)").collect())
print(spark.range(1).selectExpr("try_divide(1.5, 0)", "try_add(cast(99 as decimal(2,0)), cast(1 as decimal(2,0)))", "try_multiply(INTERVAL '3' DAY, 2)",
                                "try_divide(INTERVAL '3' DAY, 0)").collect())
for sql in ["i + j", "l * 2", "i / j", "i % j", "cast(s as int)"]:
    try:
        df.selectExpr(sql).collect()
        print(sql, "=> ok")
    except Exception as e:
        print(sql, "=>", type(e).__name__, e.getCondition())
spark.conf.set("spark.sql.ansi.enabled", "false")
df.selectExpr("i + j", "l * 2", "i / j", "i % j", "cast(s as int)", "try_add(i, j)").show()
spark.stop()
