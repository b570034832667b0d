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
    # rows per partition, in partition order (spark_partition_id is the partition a row is in)
    rows = df.select(F.spark_partition_id().alias("p")).groupBy("p").count().orderBy("p").collect()
    print([(r["p"], r["count"]) for r in rows])


df = spark.range(0, 1000, 1, 4).select(F.col("id"), (F.col("id") % 7).alias("k"), (F.col("id") % 3).cast("string").alias("s"))

# round robin: each map partition deals its rows from XORShiftRandom(partition).nextInt(n) on
r = df.repartition(5)
explain(r)
print(r.rdd.getNumPartitions())
sizes(r)
# row counts that depend on where each map partition starts dealing
sizes(spark.range(0, 1003, 1, 4).repartition(5))
sizes(spark.range(0, 100, 1, 3).repartition(8))
sizes(spark.range(0, 37, 1, 5).repartition(16))
explain(df.repartition(1))
print(df.repartition(1).rdd.getNumPartitions())

# hash partitioning by Spark's Murmur3 hash: every row lands where Spark puts it
h = df.repartition(3, "k")
explain(h)
print(h.rdd.getNumPartitions())
print(sorted((r["k"], r["p"]) for r in h.select("k", F.spark_partition_id().alias("p")).distinct().collect()))
h2 = df.repartition(4, "s", F.col("k"))
print(sorted((r["s"], r["k"], r["p"]) for r in h2.select("s", "k", F.spark_partition_id().alias("p")).distinct().collect()))

# by columns alone: spark.sql.shuffle.partitions, coalesced by AQE
explain(df.repartition("k"))
explain(df.repartition(F.col("s")))

# an aggregate on the repartitioning keys needs no exchange of its own
explain(df.repartition(3, "k").groupBy("k").agg(F.sum("id").alias("t")))
print(sorted(tuple(r) for r in df.repartition(3, "k").groupBy("k").agg(F.sum("id").alias("t")).collect()))

# filters move below the repartition
explain(df.repartition(3, "k").filter(F.col("id") > 500))

# range partitioning
rr = df.repartitionByRange(4, "id")
explain(rr)
print(rr.rdd.getNumPartitions())
explain(df.repartitionByRange(2, F.col("k").desc(), "id"))
print(sorted(r["id"] for r in df.repartitionByRange(3, "id").filter(F.col("id") < 10).collect()))

# coalesce: no exchange; neighbouring partitions merged in order
c = df.coalesce(2)
explain(c)
print(c.rdd.getNumPartitions())
sizes(c)
print(df.coalesce(10).rdd.getNumPartitions())
explain(df.repartition(6).coalesce(3))
print(df.repartition(6).coalesce(3).rdd.getNumPartitions())

# sortWithinPartitions: a Sort that is not global, no exchange
s = df.sortWithinPartitions(F.col("k").desc(), "id")
explain(s)
print(s.rdd.getNumPartitions())
print([tuple(r) for r in spark.range(0, 12, 1, 2).sortWithinPartitions(F.col("id").desc()).collect()])
print([tuple(r) for r in spark.range(0, 12, 1, 3).coalesce(1).collect()])

print(df.groupBy("k").count().rdd.getNumPartitions())
print(df.rdd.getNumPartitions())
print(df.limit(3).rdd.getNumPartitions())

for bad in (lambda: df.repartition(0), lambda: df.coalesce(0), lambda: df.repartitionByRange(0, "k")):
    try:
        bad().collect()
    except Exception as e:
        print(type(e).__name__, str(e).splitlines()[0])
try:
    df.repartitionByRange(3)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
try:
    df.repartition(3.5)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
spark.stop()
