from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame(
    [(1, [3, 1, None, 3], [1, 5], "a"), (2, [], [], "b"), (3, None, [2], None), (4, [2, 2, 7], None, "c"),
     (5, [None], [None, 4], "d")],
    "id INT, a ARRAY<INT>, b ARRAY<INT>, s STRING",
)


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e.getCondition())


df.select("id", F.size("a"), F.cardinality("b"), F.array_size("a"), F.array_contains("a", 3), F.array_contains("a", 9),
          F.array_position("a", 3), F.array_max("a"), F.array_min("a")).orderBy("id").show()
df.select("id", F.array_distinct("a"), F.array_remove("a", 3), F.array_compact("a"), F.sort_array("a"),
          F.sort_array("a", asc=False), F.array_sort("a")).orderBy("id").show()
df.select("id", F.array_union("a", "b"), F.array_intersect("a", "b"), F.array_except("a", "b"),
          F.arrays_overlap("a", "b")).orderBy("id").show()
df.select("id", F.array_append("a", 9), F.array_prepend("a", 0), F.array_insert("a", 2, 8), F.array_insert("a", -1, 8),
          F.array_insert("a", 6, 8), F.array_insert("a", -6, 8)).orderBy("id").show(truncate=False)
df.select("id", F.array_join("a", "-"), F.array_join("a", "-", "?"), F.array_repeat("s", 2), F.array_repeat(F.col("id"), 0),
          F.reverse("a"), F.reverse("s")).orderBy("id").show()
df.select("id", F.slice("a", 2, 2), F.slice("a", -2, 5), F.try_element_at("a", F.lit(9)), F.try_element_at("a", F.lit(-1)),
          F.get("a", 1), F.get("a", -1), F.concat("a", "b")).orderBy("id").show()
df.filter(F.size("b") > 0).select("id", F.element_at("b", 1), F.element_at("b", -1)).orderBy("id").show()
df.select("id", F.flatten(F.array("a", "b")), F.arrays_zip("a", "b"), F.array("id", F.lit(None), F.lit(2.5))).orderBy("id").show(truncate=False)
spark.range(1).select(F.sequence(F.lit(1), F.lit(5)), F.sequence(F.lit(5), F.lit(1)), F.sequence(F.lit(1), F.lit(9), F.lit(3)),
                      F.array(), F.array_size(F.array())).show()
print(df.select(F.size("a"), F.sort_array("a"), F.array_join("a", ","), F.array_insert("a", 1, 0), F.slice("a", 1, 2),
                F.element_at("a", 1), F.get("a", 0), F.array_contains("a", 1), F.arrays_zip("a", "b"), F.array_repeat("s", 3)).columns)
df.select(F.arrays_zip("a", "b"), F.array_compact("a"), F.array_append("a", None), F.flatten(F.array("a", "b")), F.array_sort("a"),
          F.sequence(F.lit(1), F.col("id"))).printSchema()
spark.conf.set("spark.sql.ansi.enabled", "false")
df.select("id", F.size("a"), F.element_at("b", 5)).orderBy("id").show()
spark.conf.set("spark.sql.ansi.enabled", "true")
err(lambda: df.select(F.element_at("b", 5)).collect())
err(lambda: df.select(F.element_at("b", 0)).collect())
err(lambda: df.select(F.try_element_at("b", F.lit(0))).collect())
err(lambda: df.select(F.slice("a", 0, 1)).collect())
err(lambda: df.select(F.array_insert("a", 0, 1)).collect())
err(lambda: df.select(F.array_contains("s", 1)).collect())
err(lambda: df.select(F.size("id")).collect())
print(df.filter(F.array_contains("a", 3)).count())
spark.stop()
