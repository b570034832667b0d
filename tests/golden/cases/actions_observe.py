import contextlib
import io
import re

from pyspark.sql import Observation, SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([("Alice", 2, 1.5), ("Bob", 5, None), ("Cy", None, 3.0)], "name STRING, age INT, x DOUBLE")


def metrics(o):
    # Observation.get is a dict in the JVM's hash order: print it sorted
    return sorted(o.get.items())


o = Observation("my metrics")
od = df.observe(o, F.count(F.lit(1)).alias("count"), F.max("age"), (F.sum("x") * 2).alias("s2"),
                F.avg("age").alias("a"), F.lit(42).alias("c"), F.min("name").alias("first_name"))
print(od.count())
print(metrics(o))
# later actions do not change an Observation's metrics
print(od.filter("age > 2").collect())
print(metrics(o))

o2 = Observation()
df.filter("age > 2").observe(o2, F.count("*").alias("n"), F.sum("x").alias("sx")).show()
print(metrics(o2))

o3 = Observation("empty")
print(df.limit(0).observe(o3, F.count("*").alias("n"), F.sum("age").alias("s")).collect(), metrics(o3))

o4 = Observation("under an aggregate")
print(df.observe(o4, F.count("*").alias("n"), F.sum("age").alias("s")).groupBy("name").count().count(), metrics(o4))

o5 = Observation("partitions")
print(spark.range(0, 1000, 1, 4).observe(o5, F.sum("id").alias("s"), F.count("*").alias("n"), F.max("id").alias("m")).collect()[-1],
      metrics(o5))

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    df.observe(Observation("plan"), F.count(F.lit(1)).alias("n"), (F.sum("x") * 2).alias("s2")).explain()
print(re.sub(r"#\d+", "#N", buf.getvalue()))


def attempt(name, f):
    try:
        print(name, "ok", f())
    except Exception as e:
        print(name, type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else e)


attempt("reuse", lambda: df.observe(o, F.count("*").alias("n")))
attempt("get before observe", lambda: Observation("z").get)
attempt("empty name", lambda: Observation(""))
attempt("int name", lambda: Observation(3))
attempt("no exprs", lambda: df.observe(Observation("q")))
attempt("not a column", lambda: df.observe(Observation("q"), "age"))
attempt("attribute", lambda: df.observe(Observation("q1"), F.col("age").alias("a")))
attempt("attribute beside an aggregate", lambda: df.observe(Observation("q2"), (F.col("age") + F.sum("age")).alias("bad")))
attempt("nested aggregate", lambda: df.observe(Observation("q3"), F.sum(F.max("age")).alias("bad")))
attempt("distinct", lambda: df.observe(Observation("q4"), F.count_distinct("age").alias("bad")))
attempt("unaliased", lambda: df.observe(Observation("q5"), F.count("*")).count())
attempt("by name", lambda: df.observe("named", F.count("*").alias("n")).count())
spark.stop()
