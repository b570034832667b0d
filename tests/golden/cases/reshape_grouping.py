import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F
from pyspark.errors import AnalysisException

spark = SparkSession.builder.appName("golden").getOrCreate()


def explain(df):
    # expression ids and plan ids are each engine's own counters: print them as #N and plan_id=N
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    text = re.sub(r"#\d+", "#N", buf.getvalue())
    print(re.sub(r"plan_id=\d+", "plan_id=N", text))


def err(f):
    try:
        f()
    except AnalysisException as e:
        print(type(e).__name__, e.getCondition())
        print(re.sub(r"#\d+", "#N", str(e).split("\n")[0]))


df = spark.createDataFrame(
    [("east", "a", 10, 1.5), ("east", "b", 20, 2.5), ("west", "a", 5, None), ("west", "a", 7, 4.0), (None, "c", 1, 1.0)],
    ["region", "cat", "qty", "price"],
)
cube = df.cube("region", "cat").agg(F.sum("qty").alias("total"), F.count("*").alias("n"), F.grouping_id().alias("gid"))
cube.orderBy("gid", "region", "cat").show()
cube.printSchema()
df.rollup("region", "cat").agg(F.sum("qty"), F.grouping("region"), F.grouping("cat")).orderBy("region", "cat", "sum(qty)").show()
df.rollup("region").count().orderBy("region", "count").show()
df.cube("region").sum("qty").orderBy("region", "sum(qty)").show()
df.groupingSets([["region"], ["cat"], []], "region", "cat").agg(F.max("price"), F.grouping_id()).orderBy("region", "cat", "grouping_id()").show()
# a grouping set given twice keeps each copy's rows
df.groupingSets([["region"], ["region"]], "region").count().orderBy("region").show()
# grouping expressions, and a grouping column used inside the aggregate's output
df.cube((F.col("qty") > 5).alias("big")).agg(F.count("*"), F.sum("qty")).orderBy("big").show()
df.rollup("region").agg(F.max(F.length("region")).alias("len"), (F.grouping("region") * 10).alias("g10")).orderBy("region", "g10").show()
print(df.cube("region", "cat").count().columns)
# empty frame: the empty grouping set of a cube still aggregates to no rows per group, one grand total
empty = df.filter("qty > 100")
empty.cube("region").agg(F.count("*"), F.sum("qty")).show()
empty.rollup("region", "cat").count().show()
# all-null grouping column
nulls = spark.createDataFrame([(None, 1), (None, 2)], "k string, v int")
nulls.cube("k").agg(F.sum("v"), F.grouping("k")).orderBy("grouping(k)").show()
r = spark.range(10).select((F.col("id") % 3).alias("a"), (F.col("id") % 2).alias("b"), F.col("id").alias("v"))
explain(r.cube("a", "b").agg(F.sum("v")))
explain(r.rollup("a").agg(F.sum("v"), F.grouping("a")))
r.rollup("a").agg(F.sum("v"), F.grouping("a")).orderBy("a").show()
err(lambda: df.groupBy("region").agg(F.grouping("region")).collect())
err(lambda: df.cube("region").agg(F.grouping("cat")).collect())
err(lambda: df.cube("region", "cat").agg(F.grouping_id("cat")).collect())
err(lambda: df.cube("region").agg(F.col("qty")).collect())
spark.stop()
