from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame(
    [(1, [1, 2, None, 4], [10, 20], {"a": 1, "b": 2}, 100), (2, [], [1], {}, 200), (3, None, None, None, 300),
     (4, [5], [7, 8, 9], {"c": None}, 400)],
    "id INT, a ARRAY<INT>, b ARRAY<INT>, m MAP<STRING, INT>, k INT",
)


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e.getCondition())


df.select("id", F.transform("a", lambda x: x * 2), F.transform("a", lambda x, i: x + i), F.transform("a", lambda x: x + F.col("k")),
          F.filter("a", lambda x: x > 1), F.filter("a", lambda x, i: i % 2 == 0)).orderBy("id").show(truncate=False)
df.select("id", F.exists("a", lambda x: x > 3), F.forall("a", lambda x: x > 0), F.exists("a", lambda x: x.isNull()),
          F.aggregate("a", F.lit(0), lambda acc, x: acc + x), F.aggregate("b", F.lit(0), lambda acc, x: acc + x, lambda acc: acc * 10),
          F.reduce("b", F.lit(1), lambda acc, x: acc * x)).orderBy("id").show()
df.select("id", F.zip_with("a", "b", lambda x, y: F.coalesce(x, F.lit(0)) + F.coalesce(y, F.lit(0))),
          F.array_sort("b", lambda l, r: r - l), F.transform("a", lambda x: F.transform("b", lambda y: x + y))).orderBy("id").show(truncate=False)
df.select("id", F.map_filter("m", lambda k, v: v > 1), F.transform_keys("m", lambda k, v: F.upper(k)),
          F.transform_values("m", lambda k, v: v * 10), F.map_zip_with("m", F.create_map(F.lit("a"), F.lit(5)), lambda k, v1, v2: F.coalesce(v1, F.lit(0)) + F.coalesce(v2, F.lit(0)))).orderBy("id").show(truncate=False)
df.selectExpr("id", "transform(a, x -> x + 1) AS t", "filter(a, (x, i) -> i > 0) AS f", "aggregate(b, 0, (acc, x) -> acc + x) AS s",
              "exists(a, x -> x = 5) AS e").orderBy("id").show()
print(df.select(F.transform("a", lambda x: x + 1), F.filter("a", lambda x: x > 1), F.aggregate("a", F.lit(0), lambda acc, x: acc + x),
                F.zip_with("a", "b", lambda x, y: x + y), F.map_filter("m", lambda k, v: v > 1), F.transform_values("m", lambda k, v: v + 1),
                F.array_sort("a", lambda l, r: l - r), F.forall("a", lambda x: x > 0)).columns)
print(df.selectExpr("transform(a, x -> x + 1)", "aggregate(b, 0, (acc, x) -> acc + x)").columns)
df.select(F.transform("a", lambda x: x.cast("string")), F.filter("a", lambda x: x > 1), F.transform_values("m", lambda k, v: v > 1),
          F.aggregate("a", F.lit(0.0), lambda acc, x: acc + x)).printSchema()
err(lambda: df.select(F.transform_keys("m", lambda k, v: F.lit("same"))).collect())
err(lambda: df.select(F.filter("a", lambda x: x + 1)).collect())
err(lambda: df.select(F.transform("a", lambda x: 1)).collect())
err(lambda: df.select(F.transform("a", lambda *xs: xs[0])).collect())
err(lambda: df.select(F.aggregate("a", F.lit(0), lambda acc, x: acc + F.lit(1.5))).collect())
spark.stop()
