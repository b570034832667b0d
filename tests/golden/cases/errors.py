from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([("Alice", 2)], ["name", "age"])


def report(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        cond = e.getCondition() if hasattr(e, "getCondition") else None
        print(type(e).__name__, cond)
        print(str(e).splitlines()[0])


report(lambda: df.select("agee").collect())
report(lambda: df.filter(F.col("nam") > 1).collect())
report(lambda: df.groupBy("nme").count().collect())
report(lambda: spark.createDataFrame([(1, 2, 3)], "a INT, b INT"))
report(lambda: spark.createDataFrame([("x",)], "a INT"))
report(lambda: spark.createDataFrame([(None,)], ["a"]))
report(lambda: df.selectExpr("age +").collect())
report(lambda: df.union(df.select("name")).collect())
print(df.count())
spark.stop()
