import re

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        # Errors raised while rows are computed reach PySpark wrapped in a Py4JJavaError; print the condition.
        found = re.search(r"\[([A-Z_.]+)\] [^\n]*", str(e))
        print(label, found.group(0).split(" SQLSTATE")[0].split("; line ")[0] if found else type(e).__name__)


one = spark.range(0, 10, 1, 1)
print(one.select(F.hex(F.hll_sketch_agg("id")), F.hll_sketch_estimate(F.hll_sketch_agg("id"))).collect())
print(spark.range(0, 3, 1, 1).select(F.hex(F.hll_sketch_agg("id")).alias("h")).collect())
print(spark.range(0, 2, 1, 1).select(F.hex(F.hll_sketch_agg(F.col("id").cast("string"), 4)).alias("h")).collect())
print(spark.range(0, 2, 1, 1).select(F.hex(F.hll_sketch_agg(F.col("id").cast("string").cast("binary"), 5)).alias("h")).collect())
print(spark.range(0, 40, 1, 1).select(F.hex(F.hll_sketch_agg(F.col("id").cast("int"))).alias("h")).collect())
print(spark.range(0, 300, 1, 1).select(F.sha1(F.hll_sketch_agg("id")).alias("h"), F.hll_sketch_estimate(F.hll_sketch_agg("id"))).collect())
for n in [5, 100, 380]:
    r = spark.range(0, n, 1, 1).select(
        F.hll_sketch_estimate(F.hll_sketch_agg("id")).alias("l"),
        F.hll_sketch_estimate(F.hll_sketch_agg(F.col("id").cast("string"))).alias("s"),
        F.hll_sketch_estimate(F.hll_sketch_agg("id", 8)).alias("k8"))
    print(n, r.collect())
words = spark.createDataFrame([("a", 1), ("b", 1), ("", 1), (None, 2), ("c", 2), ("a", 2)], "w string, g int")
print(words.groupBy("g").agg(F.hll_sketch_estimate(F.hll_sketch_agg("w")).alias("e")).orderBy("g").collect())
groups = spark.range(0, 200, 1, 1).groupBy((F.col("id") % 3).alias("k")).agg(F.hll_sketch_agg("id").alias("s"))
print(groups.agg(F.hll_sketch_estimate(F.hll_union_agg("s")).alias("u")).collect())
print(groups.agg(F.hll_sketch_estimate(F.hll_union_agg("s", True)).alias("u")).collect())
pair = spark.range(0, 100, 1, 1).agg(F.hll_sketch_agg("id").alias("a"), F.hll_sketch_agg(F.col("id") + 50).alias("b"),
                                       F.hll_sketch_agg("id", 10).alias("c"))
print(pair.select(F.hll_sketch_estimate(F.hll_union("a", "b")), F.hll_sketch_estimate(F.hll_union("a", "c", True))).collect())
print(pair.select(F.hll_union("a", "b")).columns, spark.range(1).select(F.hll_sketch_agg("id")).columns)
attempt("different lgK", lambda: pair.select(F.hll_union("a", "c")).collect())
attempt("lgK 3", lambda: spark.range(1).select(F.hll_sketch_agg("id", 3)).collect())
attempt("decimal", lambda: spark.range(1).select(F.hll_sketch_agg(F.lit(1.5))).collect())
attempt("bad sketch", lambda: spark.range(1).select(F.hll_sketch_estimate(F.unhex(F.lit("0102")))).collect())
empty = spark.range(0).agg(F.hll_sketch_agg("id").alias("s"))
print(empty.select(F.hex("s"), F.hll_sketch_estimate("s")).collect())

print(spark.createDataFrame([(1,), (2,), (1,)], "x int").select(F.hex(F.count_min_sketch("x", F.lit(0.5), F.lit(0.5), F.lit(1)))).collect())
print(spark.createDataFrame([("a",), ("b",), ("a",), (None,)], "x string").select(F.hex(F.count_min_sketch("x", F.lit(0.1), F.lit(0.9), F.lit(42)))).collect())
print(spark.createDataFrame([(bytearray(b"\x01"),), (bytearray(b"\x02\x03"),)], "x binary").select(F.hex(F.count_min_sketch("x", F.lit(0.5), F.lit(0.5), F.lit(1)))).collect())
print(spark.range(1000).select(F.sha1(F.count_min_sketch("id", F.lit(0.01), F.lit(0.99), F.lit(7))).alias("h")).collect())
print(spark.range(1000).groupBy((F.col("id") % 2).alias("k")).agg(F.sha1(F.count_min_sketch(F.col("id").cast("string"), F.lit(0.2), F.lit(0.7), F.lit(3))).alias("h")).orderBy("k").collect())
print(spark.range(0).select(F.hex(F.count_min_sketch("id", F.lit(0.5), F.lit(0.5), F.lit(1)))).collect())
print(spark.range(3).select(F.count_min_sketch("id", F.lit(0.5), F.lit(0.5), F.lit(1))).columns)
attempt("decimal input", lambda: spark.range(1).select(F.count_min_sketch(F.lit(1.5), F.lit(0.5), F.lit(0.5), F.lit(1))).collect())
attempt("eps", lambda: spark.range(1).select(F.count_min_sketch("id", F.lit(0.0), F.lit(0.5), F.lit(1))).collect())
attempt("confidence", lambda: spark.range(1).select(F.count_min_sketch("id", F.lit(0.5), F.lit(1.0), F.lit(1))).collect())
spark.stop()
