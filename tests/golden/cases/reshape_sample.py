import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F
from pyspark.errors import IllegalArgumentException, PySparkTypeError, PySparkValueError

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
    except (IllegalArgumentException, PySparkTypeError, PySparkValueError) as e:
        print(type(e).__name__, e.getCondition())
        print(str(e).split("\n")[0])


# spark.range splits the same way on both engines (one split per core), so the rows match
r = spark.range(0, 40, 1, 2)
print([row.id for row in r.sample(0.3, 42).collect()])
print([row.id for row in r.sample(False, 0.5, 7).collect()])
print([row.id for row in r.sample(fraction=0.1, seed=3).collect()])
print(r.sample(0.0, 1).count(), r.sample(1.0, 1).count())
parts = r.randomSplit([1.0, 2.0, 1.0], 11)
print([[row.id for row in p.collect()] for p in parts])
print(sum(p.count() for p in parts))
a, b = spark.range(0, 10, 1, 1).randomSplit([0.5, 0.5], 5)
print(sorted(x.id for x in a.collect()), sorted(x.id for x in b.collect()))
s = spark.range(0, 30, 1, 2).select((F.col("id") % 3).alias("k"), F.col("id"))
print([(row.k, row.id) for row in s.sampleBy("k", {0: 0.5, 1: 1.0}, 9).collect()])
print([(row.k, row.id) for row in s.stat.sampleBy(F.col("k"), {2: 0.3}, 1).collect()])
print(r.filter("id > 100").sample(0.5, 1).count())
explain(r.sample(0.25, 13))
err(lambda: r.sample("a"))
err(lambda: r.sample(1.5, 1).collect())
err(lambda: r.randomSplit([1.0, -1.0]))
err(lambda: s.sampleBy("k", {0: 2.0}, 1))
err(lambda: s.sampleBy("k", [0.1]))
spark.stop()
