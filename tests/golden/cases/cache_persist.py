# df.cache() / persist(level) / unpersist(), is_cached, storageLevel, and the
# InMemoryTableScan / InMemoryRelation plan shape (expression and plan ids normalised).
import re

from pyspark import StorageLevel
from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.getOrCreate()


def explain(df):
    import io, contextlib
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    print(re.sub(r"plan_id=\d+", "plan_id=N", re.sub(r"#\d+", "#N", buf.getvalue())), end="")


print(StorageLevel.MEMORY_ONLY, repr(StorageLevel.MEMORY_AND_DISK))
print(StorageLevel.MEMORY_ONLY == StorageLevel(False, True, False, False), StorageLevel.DISK_ONLY == StorageLevel.MEMORY_ONLY)

df = spark.range(1000).withColumn("k", F.col("id") % 7).withColumn("v", F.col("id") * 0.5)
print(df.is_cached, df.storageLevel)
print(df.cache() is df, df.is_cached, df.storageLevel)
explain(df)
agg = df.groupBy("k").agg(F.count("*").alias("n"), F.sum("v").alias("s")).orderBy("k")
explain(df.groupBy("k").count())
print(df.count(), df.count())
for r in agg.collect():
    print(r)
print(df.filter(F.col("k") == 3).select(F.sum("id")).first())

# a frame built again from scratch finds the same cache entry
again = spark.range(1000).withColumn("k", F.col("id") % 7).withColumn("v", F.col("id") * 0.5)
print(again.is_cached, again.storageLevel)

# a plan that is already cached keeps its first level
df.persist(StorageLevel.DISK_ONLY)
print(df.storageLevel)

print(df.unpersist() is df, df.is_cached, df.storageLevel)
print(again.storageLevel)

for level in [StorageLevel.MEMORY_ONLY, StorageLevel.DISK_ONLY, StorageLevel.MEMORY_AND_DISK]:
    d = spark.range(500).select((F.col("id") * 3).alias("x"))
    d.persist(level)
    print(d.storageLevel, d.agg(F.sum("x")).first(), d.agg(F.max("x")).first())
    explain(d)
    d.unpersist()

# a cached frame built on another cached frame
base = spark.range(100).withColumn("m", F.col("id") % 4).cache()
top = base.filter(F.col("m") > 1).cache()
print(top.count(), base.count(), top.groupBy("m").count().orderBy("m").collect())
top.unpersist()
base.unpersist()
spark.stop()
