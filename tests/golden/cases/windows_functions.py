import contextlib
import io
import re

from pyspark.sql import SparkSession, Window, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def explain(df):
    # expression ids and plan ids are each engine's own counters: print them as #N and plan_id=N
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    text = re.sub(r"#\d+", "#N", buf.getvalue())
    print(re.sub(r"plan_id=\d+", "plan_id=N", text))

df = spark.createDataFrame(
    [("a", 1, 10.0), ("a", 2, None), ("a", 2, 30.0), ("a", 4, 5.0), ("b", 5, 1.0), ("b", None, 2.0), ("b", 7, None), (None, 3, 8.0)],
    "k STRING, v INT, x DOUBLE",
)
w = Window.partitionBy("k").orderBy("v")
ranked = df.select(
    "k", "v",
    F.rank().over(w).alias("rank"), F.dense_rank().over(w).alias("dense"),
    F.percent_rank().over(w).alias("pct"), F.cume_dist().over(w).alias("cume"),
    F.ntile(3).over(w).alias("nt"),
)
ranked.orderBy("k", "v", "rank", "nt").show()
ranked.printSchema()
wu = Window.partitionBy("k").orderBy("v", "x")
df.select(
    "k", "v", "x",
    F.row_number().over(wu).alias("rn"),
    F.lag("x").over(wu).alias("lag1"), F.lag("x", 2, -1.0).over(wu).alias("lag2"),
    F.lead("x").over(wu).alias("lead1"), F.lead("v", 1, 0).over(wu).alias("leadv"),
    F.nth_value("x", 2).over(wu).alias("nth2"), F.nth_value("x", 2, True).over(wu).alias("nth2i"),
    F.first("x", True).over(wu).alias("first"), F.last("x").over(wu).alias("last"),
).orderBy("k", "rn").show()
print(df.select(F.row_number().over(w), F.rank().over(w), F.lag("x").over(w), F.lead("x", 2).over(w), F.ntile(2).over(w), F.nth_value("x", 1).over(w)).columns)
print(df.select(F.sum("x").over(w), F.count("*").over(w), F.avg("x").over(Window.partitionBy("k")), F.min("x").over(Window.orderBy("v")),
                F.sum("x").over(w.rowsBetween(-1, 1)), F.max("x").over(w.rangeBetween(-1, Window.unboundedFollowing)),
                F.sum("x").over(w.rowsBetween(Window.unboundedPreceding, Window.currentRow))).columns)
df.select(
    "k", "v", "x",
    F.sum("x").over(w).alias("run"), F.count("*").over(w).alias("cnt"), F.avg("x").over(Window.partitionBy("k")).alias("avg"),
    F.sum("x").over(wu.rowsBetween(-1, 1)).alias("slide"), F.max("x").over(w.rangeBetween(-1, 1)).alias("rmax"),
    F.min("x").over(w.rangeBetween(Window.currentRow, Window.unboundedFollowing)).alias("rmin"),
    F.collect_list("x").over(wu.rowsBetween(-2, 0)).alias("lst"),
).orderBy("k", "v", "x").show(truncate=False)
df.withColumn("total", F.sum("x").over(Window.partitionBy())).withColumn("share", F.col("x") / F.col("total")).orderBy("k", "v", "x").show()
df.select("k", (F.row_number().over(wu) * 10 + 1).alias("r10")).orderBy("k", "r10").show()
r = spark.range(10).select("id", (F.col("id") % 3).alias("g"))
r.select("g", "id", F.sum("id").over(Window.partitionBy("g").orderBy(F.col("id").desc())).alias("s"),
         F.sum("id").over(Window.orderBy(F.col("id").desc()).rangeBetween(-2, 0)).alias("rd")).orderBy("id").show()
spark.createDataFrame([], "k STRING, v INT").select("k", F.row_number().over(Window.partitionBy("k").orderBy("v")).alias("rn")).show()
explain(df.select("k", "v", "x", F.row_number().over(w).alias("rn"), F.lag("x").over(w).alias("lg"), F.rank().over(w).alias("r")))
explain(df.withColumn("rn", F.row_number().over(wu)).withColumn("s", F.sum("x").over(wu)))
explain(df.select("k", F.sum(F.col("x") + 1).over(w.rowsBetween(-1, 0)).alias("s")))
explain(df.select("k", "v", "x", F.lead("x", 1, 5).over(Window.orderBy("v")).alias("ld"), F.ntile(2).over(Window.orderBy("v")).alias("nt")))
df.groupBy("k").agg(F.sum("v").alias("s"), F.rank().over(Window.orderBy(F.sum("v").desc())).alias("r")).orderBy("k").show()
spark.stop()
