from pyspark.sql import SparkSession, Window, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([("a", 1, 10.0), ("a", 2, None), ("b", 5, 1.0)], "k STRING, v INT, x DOUBLE")
w = Window.partitionBy("k").orderBy("v")


def attempt(name, f):
    try:
        f()
        print(name, "ok")
    except Exception as e:
        print(name, type(e).__name__, e.getCondition())


attempt("no over", lambda: df.select(F.row_number()).collect())
attempt("rank without order", lambda: df.select(F.rank().over(Window.partitionBy("k"))).collect())
attempt("lag without order", lambda: df.select(F.lag("x").over(Window.partitionBy("k"))).collect())
attempt("rank with a frame", lambda: df.select(F.rank().over(w.rowsBetween(-1, 1))).collect())
attempt("window in where", lambda: df.filter(F.row_number().over(w) > 1).collect())
attempt("range over string", lambda: df.select(F.sum("x").over(Window.orderBy("k").rangeBetween(-1, 1))).collect())
attempt("range over two keys", lambda: df.select(F.sum("x").over(Window.orderBy("k", "v").rangeBetween(-1, 1))).collect())
attempt("rows lower above upper", lambda: df.select(F.sum("x").over(w.rowsBetween(1, -1))).collect())
attempt("order by a map", lambda: df.select(F.sum("x").over(Window.orderBy(F.create_map(F.lit(1), F.lit(2))))).collect())
attempt("scalar over a window", lambda: df.select(F.abs("x").over(w)).collect())
attempt("distinct over a window", lambda: df.select(F.count_distinct("x").over(w)).collect())
attempt("ntile zero", lambda: df.select(F.ntile(0).over(w)).collect())
print(df.select("k", F.row_number().over(w).alias("rn")).count())
spark.stop()
