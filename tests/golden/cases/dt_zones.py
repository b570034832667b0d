import datetime
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("dt_zones").config("spark.sql.session.timeZone", "UTC").getOrCreate()
# Instants from epoch seconds, so the frame does not depend on the zone it was defined in
# (classic PySpark binds a cast's zone when the DataFrame is created, Spark Connect at execution).
u = spark.createDataFrame([(1710066600,), (1730622600,), (1730626200,), (1717200000,), (-2717668800,), (None,)], "n LONG")
u = u.select(F.timestamp_seconds("n").alias("t"))
for zone in ["America/Los_Angeles", "Europe/Berlin", "UTC", "+05:30", "Asia/Kolkata", "Australia/Lord_Howe"]:
    spark.conf.set("spark.sql.session.timeZone", zone)
    print("== zone", zone, spark.conf.get("spark.sql.session.timeZone"))
    u.select("t", F.col("t").cast("string").alias("str"), F.col("t").cast("date").alias("d"), F.hour("t"), F.col("t").cast("long").alias("l"), F.date_format("t", "yyyy-MM-dd HH:mm:ss XXX")).show(truncate=False)
    print(u.collect()[:2])
    print(u.toPandas().head(3))
spark.conf.set("spark.sql.session.timeZone", "UTC")
u.select(F.from_utc_timestamp("t", "America/Los_Angeles"), F.to_utc_timestamp("t", "America/Los_Angeles"), F.from_utc_timestamp("t", "Europe/Berlin"),
         F.to_utc_timestamp("t", "+02:00"), F.from_utc_timestamp("t", "PST")).show(truncate=False)
u.select(F.convert_timezone(F.lit("America/Los_Angeles"), F.lit("Europe/Berlin"), F.col("t").cast("timestamp_ntz")), F.convert_timezone(None, F.lit("Asia/Tokyo"), F.col("t").cast("timestamp_ntz"))).show(truncate=False)
try:
    u.select(F.from_utc_timestamp("t", "Nowhere/City")).show()
except Exception as e:
    print(type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
    print(str(e).strip().splitlines()[0])
try:
    spark.conf.set("spark.sql.session.timeZone", "Nowhere/City")
except Exception as e:
    print(type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
    print(str(e).strip().splitlines()[0])
spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
g = spark.createDataFrame([("2024-03-10 02:30:00",), ("2024-03-10 03:30:00",), ("2024-11-03 01:30:00",), ("2024-11-03 02:30:00",)], "s STRING")
g.select("s", F.col("s").cast("timestamp").cast("long").alias("l"), F.to_timestamp("s").cast("string").alias("ts"), F.col("s").cast("timestamp_ntz").cast("timestamp").cast("long").alias("ntz"),
         F.make_timestamp(F.lit(2024), F.lit(3), F.lit(10), F.lit(2), F.lit(30), F.lit(0)).cast("long").alias("mk")).show()
rows = [(datetime.datetime(2024, 3, 10, 2, 30), datetime.datetime(2024, 3, 10, 2, 30)), (datetime.datetime(2024, 11, 3, 1, 30, 0, 7), datetime.datetime(2024, 11, 3, 1, 30))]
c = spark.createDataFrame(rows, "t TIMESTAMP, n TIMESTAMP_NTZ")
c.show()
print(c.collect())
print(c.toPandas())
print(c.toPandas().dtypes.tolist())
c2 = spark.createDataFrame([(datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.timezone.utc), datetime.date(2024, 1, 1))], ["t", "d"])
c2.printSchema()
c2.show()
print(c2.collect())
print(spark.range(1).select(F.current_timezone()).collect())
print(spark.range(1).select(F.lit(datetime.datetime(2024, 1, 1, 0, 0)).alias("x"), F.lit(datetime.date(2024, 1, 1)).alias("y")).collect())
spark.range(1).select(F.lit(datetime.datetime(2024, 1, 1, 0, 0)).alias("x")).show()
r = spark.range(1).select(F.current_date().alias("a"), F.current_timestamp().alias("b"), F.now().alias("c"), F.curdate().alias("d"), F.localtimestamp().alias("e"))
r.printSchema()
x = r.collect()[0]
print(type(x.a).__name__, type(x.b).__name__, type(x.e).__name__, x.a == x.d, x.b == x.c)
