from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame(
    [(1, {"a": 1, "b": None}, ["x", "y"], [1, 2]), (2, {}, [], []), (3, None, ["z"], [None]), (4, {"c": 3}, ["k", "k"], [5, 6])],
    "id INT, m MAP<STRING, INT>, ks ARRAY<STRING>, vs ARRAY<INT>",
)


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e.getCondition())


df.select("id", F.map_keys("m"), F.map_values("m"), F.map_entries("m"), F.size("m"), F.map_contains_key("m", "a"),
          F.element_at("m", "a"), F.try_element_at("m", F.lit("zz"))).orderBy("id").show(truncate=False)
df.filter(F.col("id") != 4).select("id", F.map_from_arrays("ks", "vs"), F.create_map(F.lit("id"), "id", F.lit("two"), F.lit(2)),
                                   F.map_concat("m", F.create_map(F.lit("q"), F.lit(7)))).orderBy("id").show(truncate=False)
df.filter(F.col("id") != 4).select("id", F.map_from_entries(F.arrays_zip("ks", "vs")), F.struct("id", "ks"), F.named_struct(F.lit("x"), "id", F.lit("y"), "ks")).orderBy("id").show(truncate=False)
spark.createDataFrame([("a:1,b:2",), ("",), (None,), ("k=v;x=y",)], "t STRING").select(
    F.str_to_map("t"), F.str_to_map("t", F.lit(";"), F.lit("="))).show(truncate=False)
print(df.select(F.map_keys("m"), F.create_map(F.lit("k"), "id"), F.map_from_arrays("ks", "vs"), F.str_to_map(F.lit("a:1")),
                F.named_struct(F.lit("x"), "id"), F.struct("id", F.col("id") + 1), F.map_concat("m", "m")).columns)
df.select(F.map_entries("m"), F.map_from_arrays("ks", "vs"), F.create_map(F.lit("k"), "id"), F.named_struct(F.lit("x"), "id"),
          F.struct("id", F.col("id") + 1)).printSchema()
err(lambda: df.select(F.map_from_arrays("ks", "vs")).collect())
err(lambda: df.select(F.create_map(F.lit(None).cast("string"), "id")).collect())
err(lambda: df.select(F.map_concat("m", "m")).collect())
spark.conf.set("spark.sql.mapKeyDedupPolicy", "LAST_WIN")
df.select("id", F.map_from_arrays("ks", "vs"), F.map_concat("m", F.create_map(F.lit("a"), F.lit(100)))).orderBy("id").show(truncate=False)
spark.conf.set("spark.sql.mapKeyDedupPolicy", "EXCEPTION")
err(lambda: df.select(F.map_keys("id")).collect())
spark.stop()
