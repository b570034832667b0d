# StructField metadata (issue 9 §3): withMetadata, alias(metadata=...), which operators keep a
# column's metadata and which drop it, createDataFrame's schema, the Parquet round trip
# (Spark's row.metadata footer key) and the errors. Metadata dicts print with sorted keys
# (Spark's own order is its hash map's).
import json
import shutil
import tempfile

from pyspark.sql import SparkSession, functions as F
from pyspark.sql.types import LongType, StringType, StructField, StructType

spark = SparkSession.builder.appName("golden").getOrCreate()


def meta(df, name):
    print(json.dumps(df.schema[name].metadata, sort_keys=True))


df = spark.range(3).withColumn("s", F.lit("a"))
m = df.withMetadata("id", {"comment": "the id", "n": 1, "nested": {"x": [1, 2]}, "ok": True})
print(m.schema)
print(m.schema.json())
m.printSchema()
meta(m, "id")
meta(m, "s")
meta(m.select("id"), "id")
meta(m.select(F.col("id").alias("j")), "j")
meta(m.select((F.col("id") + 1).alias("j")), "j")
meta(df.select(F.col("id").alias("k", metadata={"a": "b"})), "k")
meta(m.select(F.col("id").alias("k", metadata={"a": "b"})), "k")
meta(m.withMetadata("id", {"other": 2.5}), "id")
meta(m.withMetadata("id", {}), "id")
meta(m.filter("id > 0"), "id")
meta(m.groupBy("id").count(), "id")
meta(m.join(df, "id"), "id")
meta(m.union(df), "id")
meta(df.union(m), "id")
meta(m.selectExpr("id"), "id")
meta(m.toDF("a", "b"), "a")
meta(m.withColumnRenamed("id", "z"), "z")
meta(m.select("*"), "id")
meta(m.orderBy("id").limit(2), "id")
m.createOrReplaceTempView("mv")
meta(spark.sql("SELECT id FROM mv"), "id")
s = StructType([StructField("a", LongType(), True, {"k": "v"}), StructField("b", StringType())])
c = spark.createDataFrame([(1, "x")], s)
meta(c, "a")
meta(c, "b")
print(c.collect())
d = tempfile.mkdtemp()
m.write.parquet(d + "/p")
p = spark.read.parquet(d + "/p")
meta(p, "id")
meta(p.select("id"), "id")
print(sorted(p.collect()))
m.write.json(d + "/j")
meta(spark.read.json(d + "/j"), "id")
shutil.rmtree(d)
for bad in ["x", None, 3]:
    try:
        df.withMetadata("id", bad)
    except Exception as e:
        print(type(e).__name__, e.getErrorClass(), e.getMessageParameters())
try:
    df.withMetadata("nope", {})
except Exception as e:
    print(type(e).__name__, e.getErrorClass())
try:
    F.col("id").alias("a", "b", metadata={"x": 1})
except Exception as e:
    print(type(e).__name__, e.getErrorClass(), e.getMessageParameters())
spark.stop()
