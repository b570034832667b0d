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


def sizes(df):
    # rows per partition, in partition order
    rows = df.select(F.spark_partition_id().alias("p")).groupBy("p").count().orderBy("p").collect()
    print([(r["p"], r["count"]) for r in rows])


def show(label, make):
    print("###", label)
    try:
        d = make()
        explain(d)
        print("partitions", d.rdd.getNumPartitions())
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])


df = spark.range(0, 10, 1, 2).select(F.col("id").alias("a"), (F.col("id") % 3).alias("b"))
df.createOrReplaceTempView("t")

# the partitioning hints on a DataFrame: REPARTITION, COALESCE, REPARTITION_BY_RANGE, REBALANCE
show("hint repartition 3", lambda: df.hint("repartition", 3))
show("hint REPARTITION 3 a", lambda: df.hint("REPARTITION", 3, "a"))
show("hint repartition a", lambda: df.hint("repartition", "a"))
show("hint repartition a b", lambda: df.hint("repartition", "a", "b"))
show("hint repartition col", lambda: df.hint("repartition", 3, F.col("a")))
show("hint repartition list", lambda: df.hint("repartition", [3, "a"]))
show("hint coalesce 1", lambda: df.hint("coalesce", 1))
show("hint repartition_by_range 3 a", lambda: df.hint("repartition_by_range", 3, "a"))
show("hint repartition_by_range a", lambda: df.hint("repartition_by_range", "a"))
show("hint rebalance", lambda: df.hint("rebalance"))
show("hint rebalance a", lambda: df.hint("rebalance", "a"))
show("hint rebalance 3 a", lambda: df.hint("rebalance", 3, "a"))
# rows land where Spark puts them: hash by Murmur3, range by sampled bounds, counts for round robin
sizes(df.hint("repartition", 3, "b"))
sizes(spark.range(0, 100, 1, 4).hint("repartition", 5))
sizes(spark.range(0, 100, 1, 4).hint("coalesce", 2))
print(sorted(r["a"] for r in df.hint("rebalance", "b").collect()))

# errors
show("hint coalesce a", lambda: df.hint("coalesce", "a"))
show("hint coalesce", lambda: df.hint("coalesce"))
show("hint repartition 1.5", lambda: df.hint("repartition", 1.5))
show("hint repartition 3 4", lambda: df.hint("repartition", 3, 4))
show("hint rebalance 2.5", lambda: df.hint("rebalance", 2.5))
show("hint repartition 0", lambda: df.hint("repartition", 0))
show("hint repartition x (missing column)", lambda: df.hint("repartition", 3, "x"))

# SQL hint comments wrap the query specification
show("sql REPARTITION(3)", lambda: spark.sql("SELECT /*+ REPARTITION(3) */ * FROM t"))
show("sql REPARTITION(3, a)", lambda: spark.sql("SELECT /*+ REPARTITION(3, a) */ a FROM t WHERE b > 0"))
show("sql COALESCE(1)", lambda: spark.sql("SELECT /*+ COALESCE(1) */ * FROM t"))
show("sql REPARTITION_BY_RANGE(a)", lambda: spark.sql("SELECT /*+ REPARTITION_BY_RANGE(a) */ * FROM t"))
show("sql REBALANCE(a)", lambda: spark.sql("SELECT /*+ REBALANCE(a) */ * FROM t"))
show("sql two hints", lambda: spark.sql("SELECT /*+ REPARTITION(5), COALESCE(2) */ * FROM t"))
show("sql hint and ORDER BY", lambda: spark.sql("SELECT /*+ REPARTITION(3) */ * FROM t ORDER BY a"))
show("sql COALESCE(a)", lambda: spark.sql("SELECT /*+ COALESCE(a) */ * FROM t"))
show("sql REPARTITION(-1)", lambda: spark.sql("SELECT /*+ REPARTITION(-1) */ * FROM t"))

# CollapseRepartition: a repartition over another
show("repartition(5).repartition(3)", lambda: df.repartition(5).repartition(3))
show("repartition(5).coalesce(3)", lambda: df.repartition(5).coalesce(3))
show("repartition(2).coalesce(3)", lambda: df.repartition(2).coalesce(3))
show("coalesce(3).repartition(5)", lambda: df.coalesce(3).repartition(5))
show("coalesce(1).coalesce(2)", lambda: df.coalesce(1).coalesce(2))
show("repartition(a).repartition(3)", lambda: df.repartition("a").repartition(3))
show("repartition(3).repartition(a)", lambda: df.repartition(3).repartition("a"))
show("repartition(4, a).repartition(2, b)", lambda: df.repartition(4, "a").repartition(2, "b"))
show("orderBy(b).repartition(3, a)", lambda: df.orderBy("b").repartition(3, "a"))
show("sortWithinPartitions(b).repartition(3, a)", lambda: df.sortWithinPartitions("b").repartition(3, "a"))
show("repartitionByRange(3, a).repartition(2)", lambda: df.repartitionByRange(3, "a").repartition(2))
show("repartition(4, a).coalesce(2)", lambda: df.repartition(4, "a").coalesce(2))
show("repartition(4).filter.repartition(2)", lambda: df.repartition(4).filter("a > 1").repartition(2))
show("rebalance(a).rebalance(b)", lambda: df.hint("rebalance", "a").hint("rebalance", "b"))
show("orderBy(b).rebalance", lambda: df.orderBy("b").hint("rebalance"))
sizes(df.repartition(5).repartition(3, "b"))
