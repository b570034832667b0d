import contextlib
import datetime as dt
import io
import re

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0].split("; line ")[0].rstrip(";"))


def attempt_head(label, f):
    # the message goes on with Spark's own expression ids: print what precedes them
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split(":")[0])


def explain(df):
    # expression ids and plan ids are each engine's own counters
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    print(re.sub(r"plan_id=\d+", "plan_id=N", re.sub(r"#\d+", "#N", buf.getvalue())))


rows = [
    (dt.datetime(2024, 1, 1, 12, 3, 0), "a", 1),
    (dt.datetime(2024, 1, 1, 12, 7, 30), "a", 2),
    (dt.datetime(2024, 1, 1, 12, 12, 30), "a", 5),
    (dt.datetime(2024, 1, 1, 12, 21, 0), "b", 3),
    (dt.datetime(2024, 1, 1, 12, 26, 0), "b", 6),
    (dt.datetime(2024, 1, 1, 11, 59, 59, 999999), "b", 7),
    (None, "b", 4),
]
df = spark.createDataFrame(rows, "ts timestamp, k string, v int")

# tumbling windows: schema (nullability, the window column's metadata), values, explain
t = df.groupBy(F.window("ts", "10 minutes")).agg(F.sum("v").alias("s"), F.count("*").alias("n"))
t.printSchema()
print(t.schema.json())
t.orderBy("window").show(truncate=False)
explain(t)

# sliding windows: every window a row falls in
s = df.groupBy("k", F.window("ts", "10 minutes", "5 minutes")).agg(F.sum("v").alias("s"))
s.orderBy("k", "window").show(truncate=False)
explain(s)
df.groupBy(F.window("ts", "15 minutes", "10 minutes")).count().orderBy("window").show(truncate=False)

# start offsets, microsecond and day windows
df.groupBy(F.window("ts", "10 minutes", startTime="2 minutes")).count().orderBy("window").show(truncate=False)
df.groupBy(F.window("ts", "10 minutes", "5 minutes", "-3 minutes")).count().orderBy("window").show(truncate=False)
df.groupBy(F.window("ts", "1 day")).count().show(truncate=False)
df.groupBy(F.window("ts", "250 milliseconds 7 microseconds")).count().orderBy("window").show(truncate=False)

# in select and withColumn (no aggregate), and nested field access
w = df.select(F.window("ts", "10 minutes").alias("w"), "v")
w.printSchema()
w.orderBy("v").show(truncate=False)
df.withColumn("w", F.window("ts", "5 minutes")).select("k", "v", F.col("w.start"), F.col("w").end.alias("e")).orderBy("v").show(truncate=False)
df.select(F.window("ts", "10 minutes", "5 minutes"), "v").orderBy("v", "window").show(truncate=False)
print(df.select(F.window("ts", "10 minutes")).columns)

# other time columns: timestamp_ntz, a string, a date
ntz = spark.createDataFrame([(dt.datetime(2024, 3, 10, 1, 30), 1), (dt.datetime(2024, 3, 10, 3, 30), 2)], "t timestamp_ntz, v int")
ntz.groupBy(F.window("t", "1 hour")).count().orderBy("window").printSchema()
ntz.groupBy(F.window("t", "1 hour")).count().orderBy("window").show(truncate=False)
strs = spark.createDataFrame([("2024-01-01 10:00:00",), ("2024-01-01 10:45:00",)], "t string")
strs.groupBy(F.window("t", "30 minutes")).count().orderBy("window").show(truncate=False)
dates = spark.createDataFrame([(dt.date(2024, 1, 1),), (dt.date(2024, 1, 3),)], "d date")
dates.groupBy(F.window("d", "2 days")).count().orderBy("window").show(truncate=False)

# window_time over time windows and session windows
wt = t.select("window", F.window_time("window"), "n")
wt.printSchema()
wt.orderBy("window").show(truncate=False)
print(wt.schema.json())
# a window of a window column windows its event time
t.groupBy(F.window("window", "1 hour")).agg(F.sum("n").alias("n")).orderBy("window").show(truncate=False)

# session windows: a static gap, per key, sessions that overlap merge
sw = df.groupBy("k", F.session_window("ts", "5 minutes")).agg(F.count("*").alias("n"), F.sum("v").alias("s"))
sw.printSchema()
print(sw.schema.json())
sw.orderBy("k", "session_window").show(truncate=False)
explain(sw)
df.groupBy(F.session_window("ts", "10 minutes")).count().orderBy("session_window").show(truncate=False)
# a session that ends exactly where the next one starts
edge = spark.createDataFrame([(dt.datetime(2024, 1, 1, 12, 0),), (dt.datetime(2024, 1, 1, 12, 5),), (dt.datetime(2024, 1, 1, 12, 11),)], "ts timestamp")
edge.groupBy(F.session_window("ts", "5 minutes")).count().orderBy("session_window").show(truncate=False)
# a dynamic gap: an expression per row (a zero or negative gap drops the row)
gap = F.when(F.col("k") == "a", "5 minutes").when(F.col("v") == 7, "0 seconds").otherwise("20 minutes")
df.groupBy(F.session_window("ts", gap)).agg(F.count("*").alias("n")).orderBy("session_window").show(truncate=False)
# a calendar-interval gap
df.groupBy("k", F.session_window("ts", F.make_interval(mins=F.lit(4)))).count().orderBy("k", "session_window").show(truncate=False)
# without an aggregate, each row's own session
df.select(F.session_window("ts", "5 minutes"), "v").orderBy("v").show(truncate=False)
sw.select("k", F.window_time("session_window"), "n").orderBy("k", "window_time(session_window)").show(truncate=False)

# SQL
df.createOrReplaceTempView("events")
spark.sql("SELECT window(ts, '10 minutes') AS w, sum(v) AS s FROM events GROUP BY 1 ORDER BY 1").show(truncate=False)
spark.sql("SELECT window.start, window.end, count(*) AS n FROM events GROUP BY window(ts, '10 minutes', '5 minutes') ORDER BY 1").show(truncate=False)
spark.sql("SELECT k, session_window(ts, '5 minutes'), count(*) FROM events GROUP BY k, session_window(ts, '5 minutes') ORDER BY 1, 2").show(truncate=False)
spark.sql("SELECT window_time(w) AS t, n FROM (SELECT window(ts, '10 minutes') AS w, count(*) AS n FROM events GROUP BY 1) ORDER BY 1").show(truncate=False)
spark.sql("SELECT window(ts, 600000000) AS w FROM events WHERE v = 1").show(truncate=False)

# errors
attempt("window duration not a string", lambda: df.select(F.window("ts", 10)))
attempt("slide duration not a string", lambda: df.select(F.window("ts", "10 minutes", 5)))
attempt("empty window duration", lambda: df.select(F.window("ts", "")))
attempt("gap not a column or string", lambda: df.select(F.session_window("ts", 5)))
attempt("negative window", lambda: df.select(F.window("ts", "-10 minutes")).collect())
attempt("slide above window", lambda: df.select(F.window("ts", "5 minutes", "10 minutes")).collect())
attempt("start above slide", lambda: df.select(F.window("ts", "10 minutes", "5 minutes", "6 minutes")).collect())
attempt("months", lambda: df.select(F.window("ts", "1 month")).collect())
attempt("bad interval", lambda: df.select(F.window("ts", "ten minutes")).collect())
attempt("integer column", lambda: df.select(F.window("v", "10 minutes")).collect())
attempt("two windows", lambda: df.select(F.window("ts", "10 minutes"), F.window("ts", "5 minutes")).collect())
attempt_head("window_time of a plain struct", lambda: df.select(F.window_time(F.struct("ts", "ts"))).collect())
attempt("window_time of a timestamp", lambda: df.select(F.window_time("ts")).collect())
attempt("gap of a wrong type", lambda: df.select(F.session_window("ts", F.lit(5))).collect())
attempt("gap of an ANSI interval", lambda: df.select(F.session_window("ts", F.expr("INTERVAL '4' MINUTE"))).collect())
attempt("sql window duration column", lambda: spark.sql("SELECT window(ts, k) FROM events").collect())
