# explain(mode="formatted") and SQL's EXPLAIN FORMATTED (issue 9 §9): the operator tree with
# ids and codegen marks, then each operator's fields, in Spark 4's layout. Expression ids,
# plan_ids, RDD ids and temp paths are each run's own: printed as #N, N and <dir>.
import contextlib
import io
import re
import shutil
import tempfile

from pyspark.sql import SparkSession, Window, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def clean(text):
    text = re.sub(r"#\d+", "#N", text)
    text = re.sub(r"plan_id=\d+", "plan_id=N", text)
    text = re.sub(r"RDD\[\d+\]", "RDD[N]", text)
    return re.sub(r"file:/[^\]]*/", "file:<dir>/", text)


def explain(df):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain(mode="formatted")
    print(clean(buf.getvalue()))


df = spark.createDataFrame([(1, "a"), (2, "b"), (3, "a")], "k INT, v STRING")
r = spark.range(0, 10, 1, 2)
explain(r.filter("id > 3").select((F.col("id") * 2).alias("d")))
explain(df.groupBy("v").agg(F.count("*").alias("c"), F.avg("k"), F.sum("k")))
explain(r.agg(F.min("id"), F.max("id")))
explain(df.orderBy("v"))
explain(df.sortWithinPartitions("v"))
explain(df.union(df))
explain(df.limit(2))
explain(df.offset(1).limit(1))
explain(df.coalesce(1))
explain(df.repartition(3))
explain(df.select("k", F.row_number().over(Window.partitionBy("v").orderBy("k")).alias("rn")))
explain(spark.range(5).join(spark.range(3), "id"))
explain(spark.range(5).crossJoin(spark.range(2).withColumnRenamed("id", "j")))
d = tempfile.mkdtemp()
df.write.parquet(d + "/p")
explain(spark.read.parquet(d + "/p").select("v"))
df.write.csv(d + "/c")
explain(spark.read.csv(d + "/c"))
c = df.select("k", "v").cache()
c.count()
explain(c.groupBy("v").count())
c.unpersist()
df.createOrReplaceTempView("t")
print(clean(spark.sql("EXPLAIN FORMATTED SELECT v, k, count(*) FROM t GROUP BY v, k").collect()[0][0]))
explain(spark.sql("SELECT * FROM t ORDER BY k"))
shutil.rmtree(d)
spark.stop()
