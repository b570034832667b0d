import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def explain(df, mode):
    # expression ids are each engine's own counters: print them as #N
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain(mode=mode)
    print(re.sub(r"#\d+", "#N", buf.getvalue()))


df = spark.range(0, 10, 1, 2).filter("id > 3").select((F.col("id") * 2).alias("d"))
# tspark compiles no code: its codegen mode prints what Spark prints with whole-stage codegen off
spark.conf.set("spark.sql.codegen.wholeStage", "false")
explain(spark.range(0, 10, 1, 2).select("id"), "codegen")
spark.conf.set("spark.sql.codegen.wholeStage", "true")
explain(df, "cost")
explain(spark.range(0, 100000, 3, 2).select("id", (F.col("id") * 1.5).alias("x")), "cost")
spark.stop()
