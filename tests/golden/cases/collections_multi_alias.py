from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("collections_multi_alias").getOrCreate()
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
        print(str(e).strip().splitlines()[0])
df = spark.createDataFrame([(1, {"a": 1, "b": 2}, [1, 2]), (2, None, [])], "x int, m map<string,int>, a array<int>")
df.select(F.explode("m").alias("k", "v"), "x").show()
df.select(F.posexplode("a").alias("p", "e")).show()
df.select(F.posexplode("m").alias("p", "k", "v")).printSchema()
df.select(F.explode_outer("m").alias("k", "v"), "x").show()
df.select(F.inline(F.array(F.struct(F.lit(1).alias("q"), F.lit("z").alias("r")))).alias("Q", "R")).show()
df.select(F.stack(F.lit(2), "x", F.lit(3), "x", F.lit(4)).alias("s1", "s2")).show()
show(lambda: df.select(F.explode("m").alias("k", "v", "w")).show())
show(lambda: df.select(F.explode("a").alias("k", "v")).show())
show(lambda: df.select(F.col("x").alias("k", "v")).show())
show(lambda: df.select((F.col("x") + 1).alias("k", "v")).show())
show(lambda: df.withColumn("k", F.explode("m").alias("k", "v")).show())
show(lambda: df.select(F.explode("m").alias("k", "v", metadata={"a": 1})).show())
show(lambda: df.select(F.explode("m").alias("k")).show())
