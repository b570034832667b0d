import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F
from pyspark.errors import AnalysisException, PySparkTypeError

spark = SparkSession.builder.appName("golden").getOrCreate()


def explain(df):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    text = re.sub(r"#\d+", "#N", buf.getvalue())
    print(re.sub(r"plan_id=\d+", "plan_id=N", text))


df = spark.createDataFrame([("a", 1, "x"), ("a", 1, "x"), ("a", 2, "y"), ("b", 1, None), (None, 3, "z"), (None, 3, "w")], "k string, v int, s string")
df.dropDuplicates().orderBy("k", "v", "s").show()
df.dropDuplicates(["k", "v"]).select("k", "v").orderBy("k", "v").show()
df.dropDuplicates(["k"]).select("k").orderBy("k").show()
df.drop_duplicates(["v"]).select("v").orderBy("v").show()
print(df.dropDuplicates(["s"]).count(), df.dropDuplicates(["v", "v"]).count())
df.dropDuplicates(["k"]).printSchema()
df.filter("v > 10").dropDuplicates(["k"]).show()
r = spark.range(10).select((F.col("id") % 3).alias("a"), F.col("id").alias("b"))
explain(r.dropDuplicates(["a"]))
try:
    df.dropDuplicates(["zz"]).collect()
except AnalysisException as e:
    print(type(e).__name__, e.getCondition())
    print(str(e).split("\n")[0])
try:
    df.dropDuplicatesWithinWatermark(["k", "v"]).select("k", "v").orderBy("k", "v").show()
except AnalysisException as e:
    print(type(e).__name__, e.getCondition())
    print(str(e).split("\n")[0])
for bad in ["k", [1]]:
    try:
        df.dropDuplicates(bad)
    except PySparkTypeError as e:
        print(type(e).__name__, e.getCondition(), str(e))
spark.stop()
