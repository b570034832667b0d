import os
import tempfile

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
a = spark.range(10)
b = spark.range(10)
# semanticHash is each engine's own number: print what it tells apart
print("range vs range", a.sameSemantics(b), a.semanticHash() == b.semanticHash())
print("alias names", a.select(F.col("id").alias("x")).sameSemantics(a.select(F.col("id").alias("y"))))
print("filter str vs column", a.filter("id > 1").sameSemantics(a.where(F.col("id") > 1)))
print("filter 1 vs 2", a.filter("id > 1").sameSemantics(a.filter("id > 2")),
      a.filter("id > 1").semanticHash() == a.filter("id > 2").semanticHash())
print("local data", spark.createDataFrame([(1,)], ["a"]).sameSemantics(spark.createDataFrame([(2,)], ["a"])))
print("local names", spark.createDataFrame([(1,)], ["a"]).sameSemantics(spark.createDataFrame([(1,)], ["b"])))
# (two createDataFrame calls of equal rows differ in classic Spark, each a new RDD; tspark's local
# relations compare by value, as Spark Connect's LocalRelation: not printed)
print("hash type", type(a.semanticHash()).__name__)
try:
    a.sameSemantics(1)
except Exception as e:
    print(type(e).__name__, e)

d = tempfile.mkdtemp()
spark.range(6).withColumn("k", F.col("id") % 2).repartition(2).write.mode("overwrite").partitionBy("k").parquet(d + "/p")
spark.range(3).coalesce(1).write.mode("overwrite").csv(d + "/c")


def files(df):
    # part-file names carry a random job id: print each file's directory and suffix
    out = []
    for f in sorted(df.inputFiles()):
        rel = f.replace("file://" + d, "D")
        out.append(os.path.dirname(rel) + " " + rel.rsplit(".", 1)[-1])
    return out


p = spark.read.parquet(d + "/p")
print("parquet", files(p))
print("partition filter keeps every file", files(p.filter("k = 1")))
print("csv", files(spark.read.csv(d + "/c")))
print("union", files(p.union(p)))
print("range", spark.range(3).inputFiles())
c = spark.read.csv(d + "/c")
c.cache()
c.count()
print("cached", c.inputFiles())
spark.stop()
