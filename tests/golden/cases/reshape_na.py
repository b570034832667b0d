import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F
from pyspark.errors import AnalysisException, PySparkTypeError, PySparkValueError

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
    except (AnalysisException, PySparkTypeError, PySparkValueError) as e:
        print(type(e).__name__, e.getCondition())
        print(str(e).split("\n")[0])
    except AssertionError as e:
        # PySpark 4.0.1 passes VALUE_NOT_ANY_OR_ALL a parameter its template does not name
        print(type(e).__name__, str(e))


df = spark.createDataFrame(
    [("alice", 10, 80.5, True), ("bob", None, None, None), (None, 5, float("nan"), False), (None, None, None, None)],
    "name string, age int, height double, ok boolean",
)
df.na.fill(0).show()
df.fillna(1.5).show()
df.fillna("unknown").show()
df.fillna(True).show()
df.fillna({"name": "x", "age": 7, "height": 2}).show()
df.fillna(3, subset=["age"]).show()
df.fillna("z", "name").show()
df.fillna(9, ["name", "height"]).show()
df.fillna(0).printSchema()
df.fillna({"name": "x", "age": 7}).printSchema()
df.na.drop().show()
df.dropna(how="all").show()
df.dropna(thresh=2).show()
df.dropna(subset=["age", "ok"]).show()
df.dropna("any", None, "name").show()
df.dropna(how="all", subset=["age", "height"]).show()
df.na.replace(10, 20).show()
df.replace("alice", "carol").show()
df.replace(["alice", "bob"], ["A", "B"], "name").show()
df.replace({10: 11, 5: 6}).show()
df.replace(80.5, None).show()
df.replace(True, False).show()
df.replace("bob", None).show()
nulls = spark.createDataFrame([(None, None)], "a int, b string")
nulls.na.fill(0).na.fill("-").show()
nulls.dropna().show()
r = spark.range(4).select(F.when(F.col("id") > 1, F.col("id")).alias("a"), F.col("id").alias("b"))
explain(r.na.fill(0))
explain(r.na.drop())
err(lambda: df.fillna([1]))
err(lambda: df.fillna(1, 5))
err(lambda: df.dropna("some"))
err(lambda: df.dropna(subset=5))
err(lambda: df.replace(1))
err(lambda: df.replace({1: "a"}))
err(lambda: df.replace([1, 2], [3]))
spark.stop()
