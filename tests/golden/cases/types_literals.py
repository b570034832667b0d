# Python literals of every type (lit(timedelta), lit(Decimal), lit(bytearray)), createDataFrame
# inference for Decimal and timedelta, and sum over ANSI intervals.
import datetime, decimal
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("p").config("spark.sql.session.timeZone", "UTC").getOrCreate()
df = spark.range(2).select(F.lit(datetime.timedelta(hours=1, microseconds=5)).alias("td"), F.lit(decimal.Decimal("1.50")).alias("d"),
                           F.lit(decimal.Decimal("-0.001")).alias("d2"), F.lit(bytearray(b"hi")).alias("b"))
df.printSchema(); df.show(truncate=False); print(df.collect()[0])
d = spark.createDataFrame([(decimal.Decimal("1.5"), datetime.timedelta(days=2))], ["a", "t"])
d.printSchema(); d.show(); print(d.collect())
print(d.select((F.col("t") * 2).alias("x"), (F.col("a") * 2).alias("y")).collect())
try:
    print(spark.range(1).select(F.sum(F.lit(datetime.timedelta(days=1)))).collect())
except Exception as e:
    print(type(e).__name__, e.getCondition())
spark.range(3).select(F.sum(F.expr("INTERVAL '1-2' YEAR TO MONTH")).alias("s"), F.sum(F.expr("INTERVAL '-1 02:00:00' DAY TO SECOND")).alias("t")).show(truncate=False)
spark.stop()
