# checkpoint / localCheckpoint (issue 9 §8): the lineage is cut, explain shows the saved rows
# as Spark's Scan ExistingRDD, the partition count and rows stay. Expression ids are each
# engine's own counters: printed as #N.
import contextlib
import io
import re
import tempfile

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
if type(spark.sparkContext).__module__.startswith("pyspark"):
    spark.sparkContext.setCheckpointDir(tempfile.mkdtemp())  # tspark's checkpoints need no directory


def explain(df, extended=False):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain(extended)
    print(re.sub(r"#\d+", "#N", buf.getvalue()))


r = spark.range(20)
c = r.filter("id > 5").checkpoint()
explain(c)
print(c.count(), c.rdd.getNumPartitions(), c.columns)
lc = r.filter("id > 5").withColumn("s", F.concat(F.lit("x"), F.col("id").cast("string"))).localCheckpoint()
explain(lc)
explain(lc.select((F.col("id") * 2).alias("x"), "s"))
lc.select((F.col("id") * 2).alias("x"), "s").orderBy("x").show(3)
print(r.repartition(3).localCheckpoint(eager=False).rdd.getNumPartitions())
print(spark.createDataFrame([(1, "a", None)], "a int, b string, c double").localCheckpoint().collect())
j = c.join(lc, "id").checkpoint()
explain(j)
print(sorted(j.collect()))
spark.stop()
