from decimal import Decimal

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0])


df = spark.range(0, 6, 1, 2)
df.select("id", F.uniform(F.lit(0), F.lit(10), F.lit(42)).alias("u"), F.uniform(F.lit(0.0), F.lit(1.0), F.lit(1)).alias("d"),
          F.uniform(F.lit(5), F.lit(105.5), F.lit(3)).alias("m"), F.uniform(F.lit(10), F.lit(0), F.lit(42)).alias("rev"),
          F.uniform(F.lit(Decimal("1.00")), F.lit(2), F.lit(3)).alias("dec"), F.uniform(F.lit(None), F.lit(0), F.lit(42)).alias("n")).show()
df.select(F.uniform(F.lit(0), F.lit(10), F.lit(42)), F.uniform(F.lit(1), F.lit(2).cast("long"), F.lit(3)), F.uniform(F.lit(1).cast("smallint"), F.lit(2).cast("float"), F.lit(3)),
          F.randstr(F.lit(5), F.lit(42))).printSchema()
df.select("id", F.randstr(F.lit(5), F.lit(42)).alias("r"), F.randstr(F.lit(0), F.lit(1)).alias("z"), F.randstr(F.lit(12), F.lit(7)).alias("r12"),
          F.randstr(F.lit(3).cast("long"), F.lit(0)).alias("l")).show()
spark.range(0, 3, 1, 1).select(F.uniform(F.lit(0), F.lit(1000), F.lit(7)), F.randstr(F.lit(8), F.lit(7)), F.rand(7)).show()
attempt("uniform non-foldable", lambda: df.select(F.uniform(F.col("id"), F.lit(0), F.lit(42))).collect())
attempt("uniform string", lambda: df.select(F.uniform(F.lit("a"), F.lit(0), F.lit(42))).collect())
attempt("randstr negative", lambda: df.select(F.randstr(F.lit(-1), F.lit(42))).collect())
attempt("randstr non-foldable", lambda: df.select(F.randstr(F.col("id").cast("int"), F.lit(42))).collect())
print(df.select(F.uniform(F.lit(3), F.lit(4))).distinct().count(), df.select(F.length(F.randstr(F.lit(6))).alias("n")).distinct().collect())
spark.stop()
