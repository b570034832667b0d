# BinaryType show/collect/casts; nested types in createDataFrame, show, printSchema, collect, toPandas;
# nested access (a.b, m[k], getItem, getField, withField, dropFields, st.*) with Spark's errors.
from pyspark.sql import SparkSession, functions as F, Row
from pyspark.sql.types import *
spark = SparkSession.builder.appName("p").config("spark.sql.session.timeZone", "UTC").getOrCreate()
def tryit(label, f):
    try:
        r = f()
        print(label, "=>", r)
    except Exception as e:
        print(label, "=>", type(e).__name__, getattr(e, "getCondition", lambda: None)())
        print("   ", str(e).splitlines()[0][:300])
df = spark.createDataFrame([(bytearray(b"ab"), "xyz"), (bytearray(b"\x00\xff"), None), (None, "")], "b BINARY, s STRING")
df.show(); df.printSchema(); print(df.collect())
df.select(F.col("s").cast("binary").alias("sb"), F.col("b").cast("string").alias("bs")).show()
print(df.select(F.col("s").cast("binary")).collect())
n = spark.createDataFrame([(Row(x=1, y="a"), [1, None, 3], {"k": 1.5}, [[1, 2], []], {"a": [Row(x=2, y=None)]})],
  "st STRUCT<x: INT, y: STRING>, arr ARRAY<INT>, m MAP<STRING, DOUBLE>, aa ARRAY<ARRAY<INT>>, ms MAP<STRING, ARRAY<STRUCT<x: INT, y: STRING>>>")
n.show(); n.show(truncate=False); n.printSchema(); print(n.collect())
tryit("a.b", lambda: n.select("st.x", F.col("st.y"), F.col("m")["k"], F.col("arr")[0], F.col("arr").getItem(5), F.col("st").getField("y"), F.col("m").getItem("zz")).collect())
tryit("st.*", lambda: n.select("st.*").collect())
tryit("withField", lambda: n.select(F.col("st").withField("z", F.lit(3)).alias("w"), F.col("st").withField("x", F.lit(9)).alias("w2"), F.col("st").dropFields("y").alias("d")).collect())
tryit("withField schema", lambda: n.select(F.col("st").withField("z", F.lit(3)).alias("w")).schema.simpleString())
tryit("bad extract", lambda: n.select(F.col("arr.x")).collect())
tryit("bad field", lambda: n.select(F.col("st.zz")).collect())
tryit("bad getField", lambda: n.select(F.col("st").getField("zz")).collect())
tryit("int extract", lambda: n.select(F.col("st.x.q")).collect())
tryit("drop all", lambda: n.select(F.col("st").dropFields("x", "y")).collect())
tryit("arr idx str", lambda: n.select(F.col("arr")["a"]).collect())
tryit("m int", lambda: n.select(F.col("m")[1]).collect())
tryit("nested show cast", lambda: n.select(F.col("st").cast("string"), F.col("arr").cast("string"), F.col("m").cast("string")).collect())
print(n.toPandas().to_dict("records"))
spark.stop()
