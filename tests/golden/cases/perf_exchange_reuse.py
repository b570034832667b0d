import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def explain(df):
    # expression ids and plan ids are each engine's own counters: print them as #N and plan_id=N
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    text = re.sub(r"#\d+", "#N", buf.getvalue())
    print(re.sub(r"plan_id=\d+", "plan_id=N", text))


spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1")
# keys that cannot be null (so neither engine adds an isnotnull filter under the join)
a = spark.range(2000).select(F.col("id").alias("k"), (F.col("id") * 2).alias("v"))
b = spark.range(500).select((F.col("id") * 4).alias("k"), (F.col("id") * 3).alias("w")).union(
    spark.range(500).select((F.col("id") * 4).alias("k"), (F.col("id") * 5).alias("w")))
# EnsureRequirements: the join's output is hash-partitioned on k, so an aggregate on k
# (or on keys that include k) needs no exchange of its own
q = a.join(b, "k").groupBy("k").agg(F.sum("v").alias("sv"), F.sum("w").alias("sw"), F.count("*").alias("c"))
explain(q)
q.orderBy("k").show(5)
explain(a.join(b, "k").groupBy("k", "w").agg(F.sum("v")))
d = a.join(b, "k").groupBy("k").agg(F.countDistinct("w").alias("dw"), F.sum("v").alias("sv"))
explain(d)
d.orderBy("k").show(5)
# a shuffled hash join partitions its output the same way
explain(a.join(b.hint("shuffle_hash"), "k").groupBy("k").agg(F.sum("v"), F.sum("w")))
# a left outer join keeps the left side's partitioning; a full outer join keeps none
explain(a.join(b, "k", "left").groupBy("k").agg(F.sum("v"), F.sum("w")))
explain(a.join(b, "k", "full").groupBy("k").agg(F.sum("v"), F.sum("w")))
# grouping on another column shuffles again
explain(a.join(b, "k").groupBy("w").agg(F.sum("v")))
spark.stop()
