from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
rows = [("k1", "Spark", 1, 2.5, True, 10), ("k2", "héllo wörld, a string longer than thirty-two bytes!", -7, -0.0, False, -9223372036854775807), ("k3", None, None, None, None, None), ("k4", "", 0, float("nan"), True, 0)]
df = spark.createDataFrame(rows, "k string, s string, i int, d double, b boolean, l bigint")
df.select("k", F.md5("s"), F.sha1("s"), F.crc32("s")).orderBy("k").show(truncate=False)
df.select("k", F.sha("s"), F.sha2("s", 224), F.sha2("s", 0)).orderBy("k").show(truncate=False)
df.select("k", F.sha2("s", 384), F.sha2("s", 512)).orderBy("k").show(truncate=False)
df.select("k", F.xxhash64("s"), F.xxhash64("i"), F.xxhash64("d"), F.xxhash64("b"), F.xxhash64("l"), F.xxhash64("s", "i", "d", "b", "l"), F.xxhash64(F.col("d").cast("float"))).orderBy("k").show(truncate=False)
df.select("k", F.md5(F.col("s").cast("binary")), F.crc32(F.lit(b"\x00\xff")), F.xxhash64(F.lit(b"\x00\xff")), F.xxhash64(F.array("i", "i")), F.xxhash64(F.struct("i", "s"))).orderBy("k").show(truncate=False)
try:
    F.sha2("s", 100)
except Exception as e:
    print(type(e).__name__, str(e).split("\n")[0])
spark.stop()
