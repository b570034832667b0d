# Reading Parquet files PySpark 4.0.1 wrote (tests/fixtures/parquet): schema, rows of every
# Spark type, projection and pushed filters in explain (the fixture's path masked).
import contextlib
import datetime
import io
import os
import re

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("files_parquet_read").getOrCreate()
spark.conf.set("spark.sql.session.timeZone", "UTC")
FIX = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "parquet"))


def explain(df):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    # The location is cut at 100 characters, so where depends on the checkout path: mask all of it.
    text = re.sub(r"Location: .*?, PartitionFilters", "Location: <location>, PartitionFilters", buf.getvalue())
    print(re.sub(r"plan_id=\d+", "plan_id=N", re.sub(r"#\d+", "#N", text)), end="")


df = spark.read.parquet(os.path.join(FIX, "spark-all-types.snappy.parquet"))
df.printSchema()
df.show(truncate=False)
print(df.columns)
print(df.count())

for codec in ("gz", "zstd"):
    other = spark.read.parquet(os.path.join(FIX, f"spark-all-types.{codec}.parquet"))
    print(codec, other.collect() == df.collect())

df.select("i32", "s", "dec15", "ts").where(F.col("i32") > 0).show()
df.select("arr", "m", "st", "arrst").show(truncate=False)
df.select(F.col("st.x"), F.col("m").getItem("a"), F.size("arrst"), F.col("st").getField("y")).show()

explain(df.select("s").where((F.col("i32") > 1) & (F.col("s") > "a")))
explain(df.where(F.col("dec15").isNull() | (F.col("i32") == 3)).select("dec15", "i32"))
explain(df.select("st", "i64").where(F.col("i64") < 0))
df.select("st", "i64").where(F.col("i64") < 0).show()
df.where(F.col("d") == F.lit(datetime.date(2024, 2, 29))).select("d", "dec5").show()

spark.read.parquet(os.path.join(FIX, "spark-int96.snappy.parquet")).show(truncate=False)
spark.read.format("parquet").load(os.path.join(FIX, "spark-int96.snappy.parquet")).printSchema()
