import datetime
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("collections_sequence_intervals").config("spark.sql.session.timeZone", "America/Los_Angeles").getOrCreate()
def show(df):
    try:
        df.show(truncate=False)
    except Exception as e:
        print(type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
        print(str(e).strip().splitlines()[0])
d = spark.createDataFrame([(datetime.date(2024, 1, 31), datetime.date(2024, 6, 1), datetime.datetime(2024, 3, 9, 22, 0), datetime.datetime(2024, 3, 11, 2, 0))],
                          "d1 date, d2 date, t1 timestamp, t2 timestamp")
show(d.select(F.sequence("d1", "d2", F.make_ym_interval(F.lit(0), F.lit(1)))))
show(d.select(F.sequence("d2", "d1", F.make_ym_interval(F.lit(0), F.lit(-2)))))
show(d.select(F.sequence("d1", F.date_add("d1", 10), F.expr("INTERVAL 3 DAY"))))
show(d.select(F.sequence("t1", "t2", F.expr("INTERVAL 12 HOUR"))))
show(d.select(F.sequence("t1", "t2", F.make_dt_interval(F.lit(1)))))
show(d.select(F.sequence("t1", "t2", F.expr("INTERVAL '0 10:30:00' DAY TO SECOND"))))
show(d.select(F.sequence("t1", F.col("t1") + F.make_ym_interval(F.lit(0), F.lit(3)), F.make_ym_interval(F.lit(0), F.lit(1)))))
show(d.select(F.sequence("t1", "t2")))
show(d.select(F.sequence("d1", "d2", F.make_ym_interval(F.lit(0), F.lit(-1)))))
show(d.select(F.sequence("d1", "d2", F.expr("INTERVAL 36 HOUR"))))
show(d.select(F.sequence("d1", "d1", F.make_ym_interval(F.lit(0), F.lit(0)))))
d.select(F.sequence("d1", "d2", F.make_ym_interval(F.lit(0), F.lit(1))).alias("a"), F.sequence("t1", "t2", F.expr("INTERVAL 12 HOUR")).alias("b")).printSchema()
