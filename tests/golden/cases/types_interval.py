# Day-time and year-month intervals: literals, show/collect/printSchema, casts, arithmetic, errors.
import datetime
from pyspark.sql import SparkSession, functions as F, Row
from pyspark.sql.types import *
spark = SparkSession.builder.appName("p").config("spark.sql.session.timeZone", "UTC").getOrCreate()
def tryit(label, f):
    try:
        print(label, "=>", f())
    except Exception as e:
        print(label, "=>", type(e).__name__, getattr(e, "getCondition", lambda: None)())
        print("   ", str(e).splitlines()[0][:300])
one = spark.createDataFrame([(1,)], "i INT")
for sql in ["INTERVAL '1 02:03:04.5' DAY TO SECOND", "INTERVAL '3' DAY", "INTERVAL '-1 2' DAY TO HOUR", "INTERVAL '10:20' HOUR TO MINUTE",
            "INTERVAL '1-2' YEAR TO MONTH", "INTERVAL '5' MONTH", "INTERVAL '3' YEAR", "INTERVAL '100' SECOND", "INTERVAL '1.000001' SECOND",
            "INTERVAL '1 02:03:04.5' DAY TO SECOND + INTERVAL '3' DAY", "INTERVAL '1-2' YEAR TO MONTH * 3", "INTERVAL '3' DAY / 2",
            "INTERVAL '1-2' YEAR TO MONTH - INTERVAL '5' MONTH", "-INTERVAL '3' DAY", "INTERVAL '3' DAY * 1.5",
            "cast(INTERVAL '3' DAY as string)", "cast('1 02:03:04' as interval day to second)", "cast('INTERVAL ''1-2'' YEAR TO MONTH' as interval year to month)",
            "cast(INTERVAL '1 02:03:04' DAY TO SECOND as interval hour to second)", "INTERVAL '2' HOUR", "INTERVAL '-0.5' SECOND", "INTERVAL 3 DAYS",
            "INTERVAL '1' DAY / 0", "INTERVAL '178956970-7' YEAR TO MONTH + INTERVAL '1' MONTH", "INTERVAL '1' DAY > INTERVAL '23' HOUR",
            "cast(3 as interval day)", "cast(INTERVAL '3' DAY as bigint)", "INTERVAL '1' HOUR * 2 = INTERVAL '120' MINUTE", "cast('1 25:00:00' as interval day to second)", "cast('x' as interval day)"]:
    try:
        d = one.selectExpr(sql + " AS v")
        r = d.collect()[0][0]
        print(sql, "=>", repr(r), d.schema.fields[0].dataType, d.schema.simpleString())
    except Exception as e:
        print(sql, "=>", type(e).__name__, getattr(e, "getCondition", lambda: None)())
        print("   ", str(e).splitlines()[0][:300])
d = one.selectExpr("INTERVAL '1 02:03:04.5' DAY TO SECOND AS a", "INTERVAL '1-2' YEAR TO MONTH AS b", "INTERVAL '-3' HOUR AS c", "INTERVAL '7' MONTH AS m", "cast(null as interval day) as n")
d.show(); d.show(truncate=False); d.printSchema(); print(d.dtypes)
print(d.select("a", "c", "n").collect())
tryit("collect year-month", lambda: d.select("b").collect())
e = spark.createDataFrame([(datetime.timedelta(days=1, seconds=5, microseconds=7),), (None,), (datetime.timedelta(microseconds=-1),)], "t INTERVAL DAY TO SECOND")
e.show(truncate=False); e.printSchema(); print(e.collect())
e2 = spark.createDataFrame([(datetime.timedelta(hours=5),)])
e2.printSchema(); e2.show()
print(e.toPandas())
tryit("ddl", lambda: spark.createDataFrame([], "a INTERVAL YEAR TO MONTH, b INTERVAL HOUR, c interval minute to second").schema)
e.select(F.max("t"), F.min("t")).show(truncate=False)
e.select((F.col("t") * 2).alias("t2"), (-F.col("t")).alias("neg"), (F.col("t") / 4).alias("q")).show(truncate=False)
spark.stop()
