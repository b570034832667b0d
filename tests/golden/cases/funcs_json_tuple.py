from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("funcs_json_tuple").getOrCreate()
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e.getCondition() if hasattr(e, "getCondition") else None)
        print(str(e).strip().splitlines()[0])
df = spark.createDataFrame([(1, '{"a": 1, "b": "x", "c": {"d": [1, 2.50]}, "e": null, "f": true}'), (2, '{"a": 2}'), (3, 'not json'), (4, None), (5, '[1, 2]'), (6, '{"a": 1e3, "b": "\\u00e9\\"q", "a": 7}')], "id int, j string")
df.select("id", F.json_tuple("j", "a", "b", "c", "e", "f", "zz")).show(truncate=False)
df.select(F.json_tuple("j", "a", "b")).printSchema()
df.select("id", F.json_tuple("j", "a").alias("A")).show()
df.select(F.json_tuple("j", "a", "b").alias("x", "y")).show()
df.withColumn("t", F.json_tuple("j", "a")).show(truncate=False)
df.selectExpr("id", "json_tuple(j, 'a', 'c')").show(truncate=False)
show(lambda: df.select(F.json_tuple("j")).show())
show(lambda: df.select(F.json_tuple("id", "a")).show())
df.select(F.json_tuple(F.lit('{"a":1}'), "a"), F.lit(1)).show()
n = spark.createDataFrame([('{"n": 1e3, "m": -0.0, "big": 12345678901234567890, "s": [true, null, "x"], "u": "\\t"}',)], "j string")
n.select(F.json_tuple("j", "n", "m", "big", "s", "u", "N")).show(truncate=False)
n.select(F.json_tuple("j", "n")).show()
