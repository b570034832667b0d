# MISSING_ATTRIBUTES (issue 9 §5): a frame's column that the operator's input lacks names the
# operator as Spark's CheckAnalysis prints it, `!Project [...]` / `!Aggregate [...], [...]`.
# Expression ids are each engine's own counters: printed as #N.
import re

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("golden").getOrCreate()
df1 = spark.createDataFrame([(1, "a", 10)], "id INT, name STRING, dept INT")
df2 = df1.select("id", "dept")
for f in [
    lambda: df2.select(df1["name"]),
    lambda: df2.select("id", (df1["name"] + 1).alias("x"), "dept"),
    lambda: df2.select(df1.name.alias("q")),
    lambda: df2.groupBy(df1["name"]).count(),
    lambda: df2.withColumn("z", df1["name"]),
    lambda: df2.select(df1["id"], df1["name"]),
]:
    try:
        f().collect()
    except Exception as e:
        print(type(e).__name__, re.sub(r"#\d+", "#N", str(e).split("\n")[0]))
print(df2.filter(df1["name"] == "a").collect())
spark.stop()
