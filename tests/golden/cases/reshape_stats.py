import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F
from pyspark.errors import AnalysisException, IllegalArgumentException, PySparkTypeError, PySparkValueError

spark = SparkSession.builder.appName("golden").getOrCreate()


def err(f):
    try:
        f()
    except (AnalysisException, IllegalArgumentException, PySparkTypeError, PySparkValueError) as e:
        print(type(e).__name__, e.getCondition())
        print(str(e).split("\n")[0])


df = spark.createDataFrame(
    [("a", 1, 2.0, 10), ("b", 2, 4.5, None), ("c", 3, None, 30), ("a", 4, 8.0, 40), (None, 5, 1.0, 50)],
    "s string, i int, d double, l bigint",
)
df.describe().show()
df.describe("i", "d").show()
df.describe(["s"]).show()
df.summary().show()
df.summary("count", "min", "max", "50%").show()
df.summary("count_distinct", "approx_count_distinct", "mean").show()
df.describe().printSchema()
df.filter("i > 10").describe().show()
spark.createDataFrame([(None,), (None,)], "x int").summary().show()
spark.createDataFrame([(True,)], "b boolean").describe().show()
print(round(df.corr("i", "d"), 10), round(df.cov("i", "l"), 10), round(df.stat.corr("i", "l"), 10))
print(df.stat.cov("d", "d"))
df.crosstab("s", "i").orderBy("s_i").show()
df.stat.crosstab("i", "s").orderBy("i_s").show()
# approxQuantile: Greenwald-Khanna over spark.range's two splits (the same on both engines)
big = spark.range(0, 1000, 1, 2).select((F.col("id") * 7 % 1000).alias("x"), (F.col("id") % 10).alias("y"))
print(big.approxQuantile("x", [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0], 0.05))
print(big.approxQuantile(["x", "y"], [0.5, 0.33], 0.01))
print(big.stat.approxQuantile("x", [0.5], 0.0), big.approxQuantile("x", [0.99, 0.01], 0.25))
print(df.approxQuantile("d", [0.5, 0.9], 0.1), df.filter("i > 10").approxQuantile("i", [0.5], 0.1))
fi = big.freqItems(["y"], 0.3)
print(fi.columns, sorted(fi.collect()[0][0]))
print(sorted(df.stat.freqItems(("s", "i")).collect()[0][1]))
err(lambda: df.approxQuantile("s", [0.5], 0.1))
err(lambda: df.approxQuantile("i", [1.5], 0.1))
err(lambda: df.approxQuantile("i", [0.5], -1.0))
err(lambda: df.corr("i", "d", "spearman"))
err(lambda: df.corr("s", "i"))
err(lambda: df.cov(1, "i"))
err(lambda: df.summary("bogus").collect())
spark.stop()
