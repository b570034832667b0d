import datetime
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("dt_arith").config("spark.sql.session.timeZone", "UTC").getOrCreate()
rows = [(datetime.date(2024, 1, 31), datetime.datetime(2024, 1, 31, 10, 30), 1, "Mon"),
        (datetime.date(2024, 2, 29), datetime.datetime(2024, 2, 29, 0, 0, 0, 1), -1, "tuesday"),
        (datetime.date(2023, 3, 31), datetime.datetime(2023, 3, 31, 23, 59, 59), 12, "SU"),
        (datetime.date(1999, 12, 31), datetime.datetime(2000, 1, 1), 0, "xx"),
        (None, None, None, None)]
df = spark.createDataFrame(rows, "d DATE, t TIMESTAMP, n INT, w STRING")
df.select("d", F.date_add("d", 1), F.date_sub("d", 1), F.date_add("d", "n"), F.dateadd("d", 40), F.date_sub("d", F.col("n") * 30)).show()
df.select("d", F.add_months("d", 1), F.add_months("d", "n"), F.add_months("d", -13), F.last_day("d"), F.last_day("t")).show()
df.select(F.datediff("d", F.lit("2024-01-01")), F.date_diff(F.lit("2024-03-01"), "d"), F.datediff("t", "d")).show()
df.select(F.months_between("t", F.lit("2024-01-01")), F.months_between("d", F.lit("2023-12-31")), F.months_between("t", "d", False), F.months_between(F.lit("2024-03-31"), F.lit("2024-02-29"))).show(truncate=False)
try:
    df.select(F.next_day("d", "w")).show()
except Exception as e:
    print(type(e).__name__, e.getCondition())
    print(str(e).strip().splitlines()[0])
df.filter(F.col("n") >= 0).select("d", F.next_day("d", "Sun"), F.next_day("t", "FRIDAY")).show()
df.select(*[F.trunc("d", f).alias(f) for f in ["year", "yyyy", "yy", "quarter", "month", "mon", "mm", "week", "day", "bad"]]).show()
df.select(*[F.date_trunc(f, "t").alias(f) for f in ["year", "quarter", "month", "week", "day", "dd", "hour", "minute", "second", "millisecond", "microsecond", "bad"]]).show(truncate=False)
df.selectExpr("datediff(d, date'2024-01-01')", "timestampadd(HOUR, 5, t)", "timestampadd(MONTH, n, d)", "timestampdiff(MINUTE, t, timestampadd(MINUTE, 90, t))",
              "timestampdiff(MONTH, date'2024-01-31', d)", "dateadd(DAY, 2, t)", "datediff(DAY, d, date'2024-03-01')").show(truncate=False)
df.select(F.timestamp_add("HOUR", F.lit(5), "t"), F.timestamp_diff("DAY", "d", "t")).show()
spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
z = spark.createDataFrame([("2024-03-09 02:30:00",), ("2024-11-02 01:30:00",), ("2024-03-10 01:59:59",)], "s STRING").select(F.col("s").cast("timestamp").alias("t"))
z.selectExpr("t", "timestampadd(DAY, 1, t)", "timestampadd(HOUR, 24, t)", "date_trunc('day', t)", "date_trunc('hour', timestampadd(DAY, 1, t))", "add_months(t, 1)",
             "timestampdiff(HOUR, t, timestampadd(DAY, 1, t))", "timestampadd(MONTH, -1, t)", "date_trunc('minute', t)").show(truncate=False)
print(z.selectExpr("timestampadd(DAY, 1, t) as x").collect())
spark.conf.set("spark.sql.session.timeZone", "Europe/Berlin")
b = spark.createDataFrame([("2024-03-30 02:30:00",), ("2024-10-26 02:30:00",)], "s STRING").select(F.col("s").cast("timestamp").alias("t"))
b.selectExpr("t", "timestampadd(DAY, 1, t)", "cast(timestampadd(DAY, 1, t) as long) - cast(t as long)", "date_trunc('day', timestampadd(DAY, 1, t))", "months_between(timestampadd(DAY, 1, t), t)", "timestampdiff(DAY, t, timestampadd(HOUR, 23, t))").show(truncate=False)
try:
    df.select(F.date_add("d", F.lit(1.5))).show()
except Exception as e:
    print(type(e).__name__, e.getCondition())
    print(str(e).strip().splitlines()[0])
df.select(F.add_months(F.lit("2024-01-31"), 1), F.date_add(F.lit("2024-02-28 10:00:00"), 1)).show()
