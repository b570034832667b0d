from pyspark.sql import SparkSession, functions as F
from pyspark.sql.types import StructType, StructField, IntegerType, StringType, ArrayType

spark = SparkSession.builder.appName("golden").getOrCreate()
rows = [("k1", '{"a": 1, "b": "x", "c": [1, 2], "d": {"e": 2.5}}'), ("k2", '{"a": "not an int", "b": null}'), ("k3", None),
        ("k4", '{"a" 1}'), ("k5", '[{"a": 3}]'), ("k6", ''), ("k7", '{"a": 12345678901, "b": "h\u00e9\\n", "z": true}')]
df = spark.createDataFrame(rows, "k string, j string")
df.select("k", F.from_json("j", "a INT, b STRING, c ARRAY<INT>")).orderBy("k").show(truncate=False)
schema = StructType([StructField("a", IntegerType()), StructField("d", StructType([StructField("e", StringType())]))])
df.select("k", F.from_json("j", schema).alias("r")).orderBy("k").show(truncate=False)
df.select("k", F.from_json("j", "a BIGINT, z BOOLEAN").alias("r")).orderBy("k").select("k", "r.a", "r.z").show()
df.select("k", F.get_json_object("j", "$.a"), F.get_json_object("j", "$.b"), F.get_json_object("j", "$.c[1]"), F.get_json_object("j", "$.d"), F.get_json_object("j", "$.c")).orderBy("k").show(truncate=False)
df.select("k", F.json_array_length("j"), F.json_object_keys("j"), F.json_array_length(F.get_json_object("j", "$.c"))).orderBy("k").show(truncate=False)
s = spark.createDataFrame([(1, "a\"b", 2.5, None, [1, 2])], "i int, s string, d double, n string, arr array<int>")
s.select(F.to_json(F.struct("i", "s", "d", "n", "arr"))).show(truncate=False)
s.select(F.to_json(F.array(F.struct("i"), F.struct("i"))), F.to_json(F.struct(F.struct("s", "d"), F.array("arr")))).show(truncate=False)
print(s.select(F.schema_of_json(F.lit('{"b": [1, 2.5], "a": {"x": "y", "n": null}, "c": true}'))).first()[0])
print(s.select(F.schema_of_json('[{"a": 1}, {"b": 2}]')).first()[0])
c = spark.createDataFrame([("1,abc,2.5",), ("x,,3",), (None,), ('7,"q,uoted",1e3',)], ["c"])
c.select(F.from_csv("c", "a INT, b STRING, d DOUBLE")).show(truncate=False)
s.select(F.to_csv(F.struct("i", "s", "d", "n"))).show(truncate=False)
print(s.select(F.schema_of_csv(F.lit("1,abc,2.5,true,12345678901"))).first()[0])
try:
    df.select(F.from_json("j", "a INT", {"mode": "FAILFAST"})).collect()
except Exception:
    # classic PySpark wraps this SparkException in a Py4JJavaError; only the failure is compared
    print("malformed record raised")
spark.stop()
