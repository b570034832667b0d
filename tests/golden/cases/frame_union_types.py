# A union's INCOMPATIBLE_COLUMN_TYPE names the column as Spark's CheckAnalysis.ordinalNumber
# does (first, second, third, then 4th, 16th, 22th) and prints struct types with NOT NULL
# for non-nullable fields (Spark 4's StructField.sql).
from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
base = spark.range(1)


def frame(n, last):
    return base.select(*[F.lit(i).alias("c%d" % i) for i in range(n - 1)], last.alias("c%d" % (n - 1)))


for n, a, b in [
    (16, F.create_map(F.lit(1), F.lit(2)), F.struct(F.lit(1))),
    (4, F.create_map(F.lit(1), F.lit(2)), F.lit(1)),
    (3, F.array(F.lit(1)), F.lit("x")),
    (22, F.lit(1), F.struct(F.lit(1), F.lit(None).cast("int").alias("n"))),
    (2, F.lit(1), F.array(F.lit(1))),
]:
    try:
        frame(n, a).union(frame(n, b)).collect()
        print("ok")
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])
spark.stop()
