# pivot over numeric and boolean aggregate calls (issue 9 §2): Spark plans them as two
# aggregates and PivotFirst, tspark in one pass over per-value slots; the values must agree,
# nulls for a value a group has no rows of included.
from decimal import Decimal

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
rows = [
    ("a", "x", 1, 1.5, Decimal("1.10"), True),
    ("a", "x", None, 2.5, Decimal("2.20"), False),
    ("a", "y", 3, None, None, True),
    ("b", "y", 4, 4.0, Decimal("0.01"), True),
    ("b", None, 5, 5.5, Decimal("5.00"), None),
    ("c", "z", None, None, None, None),
]
df = spark.createDataFrame(rows, "g string, p string, n int, d double, m decimal(10,2), b boolean")
g = df.groupBy("g").pivot("p", ["x", "y", "w", None])
g.sum("n").orderBy("g").show()
g.agg(F.count("n"), F.count(F.lit(1))).orderBy("g").show()
g.agg(F.avg("d").alias("avg"), F.max("d").alias("hi"), F.min("n").alias("lo")).orderBy("g").show()
g.agg(F.sum("m"), F.countDistinct("n")).orderBy("g").show()
g.agg(F.bool_and("b").alias("all"), F.first("n").alias("first")).orderBy("g").show()
df.groupBy("g").pivot("p").agg(F.sum("d")).orderBy("g").show()
# values of the pivot column's type cast, a global pivot, an empty frame (a value given twice
# is left out: Spark's PivotFirst then raises INVALID_ARRAY_INDEX, tspark fills both columns)
df.groupBy("g").pivot("n", ["1", "4"]).agg(F.sum("d")).orderBy("g").show()
df.groupBy().pivot("p", ["x", "y"]).agg(F.sum("n"), F.count("d")).show()
df.filter("n > 100").groupBy("g").pivot("p", ["x"]).sum("n").show()
df.groupBy("g").pivot("p", ["x", "y"]).agg((F.sum("n") * 2).alias("twice"), F.sum("n")).orderBy("g").show()
df.groupBy("g").pivot("p", ["x", "y"]).sum("n").printSchema()
spark.stop()
