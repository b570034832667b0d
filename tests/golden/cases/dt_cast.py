import datetime
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("dt_cast").config("spark.sql.session.timeZone", "UTC").getOrCreate()
df = spark.createDataFrame([("x",)], "s STRING")
def one(sql):
    try:
        print(sql, "=>", df.selectExpr(sql).collect()[0][0])
    except Exception as e:
        print(sql, "=>", type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
        print("  ", str(e).strip().splitlines()[0])
strs = ["2024-02-29", "2023-02-29", " 2024-1-2 ", "2024-01-02T03:04:05", "2024-01-02 03:04:05.123456789", "2024-01-02 03:04:05.1",
        "2024-01-02T03:04:05Z", "2024-01-02T03:04:05+01:00", "2024-01-02 03:04:05 -08:00", "2024-01-02 03:04:05 America/Los_Angeles",
        "2024-01-02 03:04:05UTC+2", "2024-01-02 03:04:05 GMT", "2024", "2024-07", "12345-01-01", "-0001-01-01", "2024-01-02T",
        "2024-01-02 3:4:5", "2024-01-02 24:00:00", "2024/01/02", "", "abc", "2024-01-02 03:04:05.", "+2024-01-02", "2024-01-02 03:04"]
for zone in ["UTC", "America/Los_Angeles"]:
    spark.conf.set("spark.sql.session.timeZone", zone)
    print("== zone", zone)
    for s in strs:
        for t in ["date", "timestamp", "timestamp_ntz"]:
            one(f"cast('{s}' as {t})")
    for sql in ["cast(date'2024-03-10' as timestamp)", "cast(timestamp'2024-03-10 10:30:00' as date)", "cast(timestamp'2024-03-10 02:30:00' as string)",
                "cast(timestamp_ntz'2024-03-10 02:30:00' as timestamp)", "cast(timestamp'2024-03-10 02:30:00' as timestamp_ntz)",
                "cast(timestamp'2024-11-03 01:30:00' as long)", "cast(timestamp'2024-11-03 01:30:00.5' as double)", "cast(1700000000 as timestamp)",
                "cast(1700000000.123456789 as timestamp)", "cast(-1.5 as timestamp)", "cast(timestamp'1970-01-01 00:00:00.999' as int)",
                "cast(timestamp'2024-01-01 00:00:00' as float)", "cast(date'2024-01-01' as string)",
                "cast(timestamp_ntz'2024-01-01 12:00:00' as date)", "cast(date'2024-01-01' as timestamp_ntz)", "cast(timestamp_ntz'2024-01-01 12:00:00' as string)",
                "cast(cast('1969-12-31 23:59:59.999999' as timestamp) as long)", "cast(timestamp'0001-01-01 00:00:00' as string)",
                "cast(timestamp'9999-12-31 23:59:59.999999' as string)", "cast(1e20 as timestamp)","cast(cast(null as string) as date)", "cast(timestamp'1883-11-18 12:00:00' as long)",
                "cast(cast(-2177424000 as timestamp) as string)"]:
        one(sql)
spark.conf.set("spark.sql.ansi.enabled", "false")
print("== non-ANSI")
for sql in ["cast('abc' as date)", "cast('2024-13-01' as timestamp)", "cast('' as timestamp_ntz)", "cast(1e20 as timestamp)",
            "cast(timestamp'2024-01-01 00:00:00' as int)", "cast(1700000000L as timestamp)"]:
    one(sql)
spark.conf.set("spark.sql.ansi.enabled", "true")
spark.conf.set("spark.sql.session.timeZone", "UTC")
d = spark.createDataFrame([("2024-02-29 10:00:00", "2024-02-29"), (None, None), ("bad", "2024-13-40")], "ts STRING, d STRING")
d.select(F.col("ts").try_cast("timestamp").alias("t"), F.col("d").try_cast("date").alias("dd"), F.col("ts").try_cast("timestamp_ntz").alias("n")).show()
d.select(F.col("ts").try_cast("timestamp").alias("t")).printSchema()
