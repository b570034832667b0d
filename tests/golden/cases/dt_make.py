import datetime
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("dt_make").config("spark.sql.session.timeZone", "UTC").getOrCreate()
df = spark.createDataFrame([(2024, 2, 29, 23, 59, 59.999999), (2023, 2, 29, 0, 0, 0.0), (2024, 13, 1, 0, 0, 0.0), (2024, 1, 1, 24, 0, 0.0),
                            (2024, 1, 1, 0, 0, 60.0), (2024, 1, 1, 0, 0, 59.9999995), (None, 1, 1, 0, 0, 0.0), (-44, 3, 15, 12, 0, 1.5)], "y INT, m INT, d INT, h INT, mi INT, s DOUBLE")
df = df.withColumn("s", F.col("s").cast("decimal(16,6)"))
def show(cols):
    try:
        df.select(*cols).show(truncate=False)
    except Exception as e:
        print(type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
        print(str(e).strip().splitlines()[0])
show([F.try_make_timestamp("y", "m", "d", "h", "mi", "s"), F.try_make_timestamp_ntz("y", "m", "d", "h", "mi", "s"), F.try_make_timestamp_ltz("y", "m", "d", "h", "mi", "s", F.lit("America/Los_Angeles"))])
for cond in ["y = 2023", "m = 13", "h = 24", "s = 60"]:
    one = df.filter(cond)
    for fn in [F.make_date("y", "m", "d"), F.make_timestamp("y", "m", "d", "h", "mi", "s")]:
        try:
            one.select(fn).show(truncate=False)
        except Exception as e:
            print(type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
            print(str(e).strip().splitlines()[0])
spark.conf.set("spark.sql.ansi.enabled", "false")
show([F.make_date("y", "m", "d"), F.make_timestamp("y", "m", "d", "h", "mi", "s"), F.make_timestamp_ntz("y", "m", "d", "h", "mi", "s"), F.make_timestamp_ltz("y", "m", "d", "h", "mi", "s")])
show([F.make_timestamp("y", "m", "d", "h", "mi", "s", F.lit("Europe/Berlin")), F.make_timestamp_ltz("y", "m", "d", "h", "mi", "s", F.lit("+01:00"))])
spark.conf.set("spark.sql.ansi.enabled", "true")
ok = df.limit(1)
ok.select(F.make_date("y", "m", "d"), F.make_timestamp("y", "m", "d", "h", "mi", "s"), F.make_timestamp_ntz("y", "m", "d", "h", "mi", "s")).printSchema()
n = spark.createDataFrame([(0,), (1700000000,), (None,)], "n LONG")
n.select(F.timestamp_seconds("n").alias("a"), F.timestamp_millis("n").alias("b"), F.timestamp_micros("n").alias("c")).select(F.unix_seconds("a"), F.unix_millis("b"), F.unix_micros("c"), F.unix_date(F.col("a").cast("date"))).show()
n.select(F.timestamp_seconds(F.col("n") / 1000).alias("x")).show(truncate=False)
