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


df = spark.createDataFrame([(1, 11, 1.1), (2, 12, None)], ["id", "int", "double"])
df.unpivot("id", ["int", "double"], "var", "val").show()
df.unpivot("id", ["int", "double"], "var", "val").printSchema()
df.melt(["id"], None, "variable", "value").show()
df.unpivot([], ["int", "id"], "k", "v").show()
df.unpivot(["id", "int"], "double", "k", "v").show()
df.unpivot("id", [F.col("int"), (F.col("int") + 1).alias("next")], "k", "v").show()
df.filter("id > 5").unpivot("id", None, "k", "v").show()
r = spark.range(3).select(F.col("id"), (F.col("id") * 2).alias("a"), (F.col("id") * 3).alias("b"))
explain(r.unpivot("id", ["a", "b"], "name", "value"))
s = spark.createDataFrame([(1, "x", 2)], ["id", "s", "n"])
err(lambda: s.unpivot("id", ["s", "n"], "k", "v").collect())
err(lambda: s.unpivot(["id", "s", "n"], None, "k", "v").collect())
err(lambda: s.unpivot([F.col("id") + 1], None, "k", "v").collect())
spark.stop()
