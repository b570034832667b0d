import datetime
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("dt_interval_arith").config("spark.sql.session.timeZone", "America/Los_Angeles").getOrCreate()
def show(df, **kw):
    try:
        df.show(truncate=False, **kw)
    except Exception as e:
        print(type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
        print(str(e).strip().splitlines()[0])
df = spark.createDataFrame([(1, 2, 3, 4, 5.5, datetime.date(2024, 1, 31), datetime.datetime(2024, 3, 9, 4, 0, 0)),
                            (-1, 13, 25, 61, 1.000001, datetime.date(2024, 2, 29), datetime.datetime(2024, 11, 2, 1, 30, 0)),
                            (None, 0, 0, 0, 0.0, None, None),
                            (0, -1, -25, 0, -1.5, datetime.date(1, 1, 1), datetime.datetime(2024, 3, 10, 1, 59, 59))],
                           "y INT, m INT, h INT, mi INT, s DOUBLE, dt DATE, ts TIMESTAMP")
# the interval constructors
show(df.select(F.make_dt_interval("y", "m", "h", "s"), F.make_ym_interval("y", "m"), F.make_dt_interval(), F.make_ym_interval(), F.make_dt_interval("h"), F.make_ym_interval(months="m")))
df.select(F.make_dt_interval("y", "m", "h", "s"), F.make_ym_interval("y", "m"), F.make_dt_interval(), F.make_ym_interval()).printSchema()
print(df.select(F.make_dt_interval("y", "m", "h", "s")).collect())
show(df.select(F.make_dt_interval(F.lit(106751992))))
show(df.select(F.make_dt_interval(F.lit(106751991), F.lit(4), F.lit(0), F.lit(54.775807))))
show(df.select(F.make_ym_interval(F.lit(178956971))))
show(df.select(F.make_ym_interval(F.lit(178956970), F.lit(7))))
# date and timestamp plus and minus intervals, across the DST changes of the session zone
ym = F.make_ym_interval("y", "m")
dti = F.make_dt_interval("y", "h", "mi", "s")
d = df.select("dt", "ts", F.col("dt") + ym, F.col("dt") - ym, ym + F.col("dt"), F.col("dt") + dti, F.col("dt") - dti,
              F.col("ts") + ym, F.col("ts") - ym, F.col("ts") + dti, F.col("ts") - dti, dti + F.col("ts"),
              F.col("ts").cast("timestamp_ntz") + dti, F.col("ts").cast("timestamp_ntz") - ym)
for f in d.schema.fields:
    print(f.name, f.dataType)
show(d, vertical=True)
e = df.selectExpr("dt + interval 2 day", "dt - interval 2 day", "interval 2 day + dt", "dt + interval '1-2' year to month", "ts + interval 25 hours",
                  "ts + interval 1 day", "ts - interval '1 02:03:04.5' day to second", "ts + interval 3 month", "dt + interval 36 hours")
for f in e.schema.fields:
    print(f.name, f.dataType)
show(e, vertical=True)
spark.conf.set("spark.sql.session.timeZone", "UTC")
show(df.select((F.col("ts") + dti).alias("utc_plus"), (F.col("dt") + dti).alias("date_plus")))
show(df.select(F.col("dt") + F.col("y")))
# avg and sum over interval columns (HALF_UP means, per group, empty groups)
r = spark.range(5).select(F.make_dt_interval(F.col("id").cast("int"), F.lit(0), F.lit(0), F.col("id") * -1.25).alias("i"),
                          F.make_ym_interval(F.lit(0), (F.col("id") - 3).cast("int")).alias("j"), (F.col("id") % 2).alias("g"))
show(r.agg(F.avg("i"), F.sum("i"), F.avg("j"), F.sum("j"), F.min("i"), F.max("j")))
show(r.groupBy("g").agg(F.avg("i"), F.sum("j"), F.avg("j")).orderBy("g"))
r.agg(F.avg("i"), F.avg("j")).printSchema()
print(r.agg(F.avg("i"), F.sum("i")).collect())
show(r.filter("g > 5").agg(F.avg("i"), F.avg("j"), F.sum("i")))
