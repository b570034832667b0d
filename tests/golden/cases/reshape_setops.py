import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F
from pyspark.errors import AnalysisException

spark = SparkSession.builder.appName("golden").getOrCreate()


def explain(df):
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
        print(str(e).split("\n")[0])


a = spark.createDataFrame([("a", 1), ("a", 1), ("a", 1), ("b", 2), ("c", 3), (None, None), (None, None)], "k string, v int")
b = spark.createDataFrame([("a", 1), ("a", 1), ("b", 2), ("d", 4), (None, None)], "k string, v int")
a.exceptAll(b).orderBy("k", "v").show()
a.intersectAll(b).orderBy("k", "v").show()
a.subtract(b).orderBy("k", "v").show()
a.intersect(b).orderBy("k", "v").show()
b.exceptAll(a).orderBy("k", "v").show()
a.exceptAll(a).show()
a.filter("v > 10").intersectAll(b).show()
a.exceptAll(b).printSchema()
a.unionByName(b.select("v", "k")).orderBy("k", "v").show()
c = spark.createDataFrame([(1, "x")], "v int, extra string")
a.unionByName(c, allowMissingColumns=True).orderBy("k", "v").show()
a.unionByName(c, allowMissingColumns=True).printSchema()
r1 = spark.range(6).select((F.col("id") % 3).alias("x"))
r2 = spark.range(2).select(F.col("id").alias("x"))
# (explain of the ALL forms differs: see the reshape note)
r1.exceptAll(r2).orderBy("x").show()
err(lambda: a.exceptAll(spark.range(1)).collect())
err(lambda: a.intersectAll(spark.range(1)).collect())
err(lambda: a.unionByName(c).collect())
spark.stop()
