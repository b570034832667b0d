import datetime
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("dt_fields").config("spark.sql.session.timeZone", "UTC").getOrCreate()
rows = [(datetime.date(2024, 2, 29), datetime.datetime(2024, 2, 29, 23, 59, 58, 123456)),
        (datetime.date(2023, 12, 31), datetime.datetime(2023, 12, 31, 0, 0, 1)),
        (datetime.date(2021, 1, 3), datetime.datetime(2021, 1, 3, 12, 30, 45, 5)),
        (datetime.date(1969, 12, 31), datetime.datetime(1969, 12, 31, 23, 59, 59, 999999)),
        (datetime.date(2000, 3, 1), datetime.datetime(2000, 3, 1, 1, 2, 3)),
        (datetime.date(1900, 2, 28), datetime.datetime(1900, 3, 1, 0, 0)),
        (datetime.date(2020, 12, 31), datetime.datetime(2026, 1, 1, 0, 0)),
        (None, None)]
df = spark.createDataFrame(rows, "d DATE, t TIMESTAMP")
fns = ["year", "quarter", "month", "dayofmonth", "day", "dayofweek", "dayofyear", "weekday", "weekofyear", "hour", "minute", "second", "monthname", "dayname", "unix_date"]
df.select("d", *[getattr(F, f)("d").alias(f) for f in fns if f not in ("hour", "minute", "second")]).show()
df.select("t", *[getattr(F, f)("t").alias(f) for f in fns if f != "unix_date"]).show(truncate=False)
df.select(F.unix_seconds("t"), F.unix_millis("t"), F.unix_micros("t")).show()
df.selectExpr("extract(YEAR FROM t)", "extract(month from d)", "extract(DAY from t)", "extract(HOUR from t)", "extract(MINUTE FROM t)", "extract(SECOND FROM t)",
              "extract(DOW FROM d)", "extract(DOY from d)", "extract(WEEK from d)", "extract(QUARTER from t)", "extract(dayofweek_iso from d)", "extract(YEAROFWEEK from d)").show()
df.select(F.extract(F.lit("year"), "t"), F.date_part(F.lit("month"), "d"), F.datepart(F.lit("second"), "t"), F.date_part(F.lit("D"), "t"), F.date_part(F.lit("MINS"), "t")).show()
df.select(F.extract(F.lit("second"), "t")).printSchema()
df.select(F.year("d"), F.hour("t"), F.dayname("d")).printSchema()
spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
df.select("t", F.year("t"), F.dayofmonth("t"), F.hour("t"), F.minute("t"), F.date_part(F.lit("hour"), "t")).show(truncate=False)
s = spark.createDataFrame([("2024-03-10",), ("2024-02-29 12:00:00",), ("bad",)], "s STRING")
try:
    s.select(F.year("s"), F.hour("s")).show()
except Exception as e:
    print(type(e).__name__, e.getCondition())
s.filter(F.col("s") != "bad").select(F.year("s"), F.hour("s"), F.dayofweek("s")).show()
try:
    df.select(F.extract(F.lit("nope"), "t")).show()
except Exception as e:
    print(type(e).__name__, e.getCondition())
    print(str(e).strip().splitlines()[0])
try:
    df.select(F.hour("d")).show()
except Exception as e:
    print(type(e).__name__, e.getCondition())
