from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
rows = [("k1", 1, 1, 2.0, "a"), ("k2", None, 5, float("nan"), None), ("k3", 0, None, None, "c"), ("k4", None, None, 0.0, "")]
df = spark.createDataFrame(rows, "k string, a int, b int, d double, s string")
df.select("k", F.nvl("a", "b"), F.ifnull("a", F.lit(-1)), F.nvl2("a", "b", F.lit(9)), F.nullif("a", "b"), F.nullif("a", F.lit(0))).orderBy("k").show()
df.select("k", F.nanvl("d", F.lit(-1.0)), F.nullifzero("a"), F.zeroifnull("b"), F.equal_null("a", "b"), F.isnan("d"), F.coalesce("s", F.lit("z"))).orderBy("k").show()
df.select("k", F.nvl("s", F.lit(1)), F.greatest("a", "b", F.lit(3)), F.least("a", "b"), F.nvl("d", "a")).orderBy("k").printSchema()
# nanvl over one partition: with two, rows 'a' and 'c' fail in different tasks and the
# first task to fail names its value, in Spark as in tspark (a race the golden must not record)
for bad in [lambda: df.select(F.nvl("a", F.array("b"))).collect(), lambda: df.coalesce(1).select(F.nanvl("s", "d")).collect()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])
spark.stop()
