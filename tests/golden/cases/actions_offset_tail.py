import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("golden").getOrCreate()


def explain(df):
    # expression ids and plan ids are each engine's own counters: print them as #N and plan_id=N
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    text = re.sub(r"#\d+", "#N", buf.getvalue())
    print(re.sub(r"plan_id=\d+", "plan_id=N", text))

df = spark.createDataFrame([(i, "r%d" % i) for i in range(7)], "id INT, s STRING")
print(df.offset(2).collect())
print(df.limit(5).offset(2).collect())
print(df.offset(2).limit(3).collect())
print(df.orderBy(F.col("id").desc()).offset(4).collect())
print(df.offset(10).collect(), df.offset(0).count())
explain(df.offset(3))
explain(df.limit(4).offset(1))
print(df.offset(1).groupBy().count().collect())
print(df.tail(2), df.tail(0), df.orderBy("id").tail(1))
print(df.isEmpty(), df.filter("id > 100").isEmpty(), df.limit(0).isEmpty())
print([r.id for r in df.toLocalIterator()], [r.id for r in df.toLocalIterator(prefetchPartitions=True)])
try:
    df.offset(-1).collect()
except Exception as e:
    print(type(e).__name__, e.getCondition())
spark.stop()
