from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
rows = [("k1", 0.5, 7, 255), ("k2", -2.5, -3, -1), ("k3", None, None, None), ("k4", float("nan"), 0, 0), ("k5", 1e308, 21, 9223372036854775807), ("k6", -0.0, 2, 4096)]
df = spark.createDataFrame(rows, "k string, d double, i int, l bigint")
df.select("k", F.acos("d"), F.asin("d"), F.atan("d"), F.cos("d"), F.sin("d"), F.tan("d"), F.cot("d")).orderBy("k").show(truncate=False)
df.select("k", F.cosh("d"), F.sinh("d"), F.tanh("d"), F.asinh("d"), F.acosh("i"), F.atanh("d"), F.sec("d"), F.csc("d")).orderBy("k").show(truncate=False)
df.select("k", F.cbrt("d"), F.expm1("d"), F.log10("i"), F.log2("i"), F.log1p("d"), F.degrees("d"), F.radians("i"), F.rint("d"), F.signum("d"), F.sign("i")).orderBy("k").show(truncate=False)
df.select("k", F.atan2("d", "i"), F.hypot("d", "i"), F.pmod("i", F.lit(3)), F.pmod("d", F.lit(2.0)), F.factorial("i"), F.e(), F.pi()).orderBy("k").show(truncate=False)
df.select("k", F.bin("l"), F.hex("l"), F.hex("i"), F.unhex(F.hex("l")), F.conv(F.col("l").cast("string"), 10, 16), F.conv(F.col("l").cast("string"), 10, -2)).orderBy("k").show(truncate=False)
df.select("k", F.bround("d"), F.bround("d", 1), F.bround("i", -1), F.bround(F.lit(2.5)), F.bround(F.lit(3.5)), F.positive("i"), F.negative("l")).orderBy("k").show(truncate=False)
df.select("k", F.width_bucket("d", F.lit(-3.0), F.lit(3.0), F.lit(4)), F.width_bucket("i", F.lit(10), F.lit(0), F.lit(5)), F.shiftleft("i", 3), F.shiftright("l", 2), F.shiftrightunsigned("l", 60), F.shiftrightunsigned("i", 28)).orderBy("k").show(truncate=False)
df.select("k", F.bit_count("i"), F.bit_count("l"), F.bit_get("i", F.lit(0)), F.getbit("l", F.lit(63)), F.bitwise_not("i"), F.bitwise_not("l")).orderBy("k").show(truncate=False)
print(spark.range(1).select(F.conv(F.lit("ff"), 16, 10), F.conv(F.lit("-1"), 10, 16), F.conv(F.lit("zz"), 16, 10), F.conv(F.lit("7fffffffffffffff"), 16, -10), F.unhex(F.lit("GG"))).first())
for bad in [lambda: df.select(F.bit_get("i", F.lit(40))).collect(), lambda: df.select(F.pmod("i", F.lit(0))).collect(), lambda: df.select(F.sin(F.array("d"))).collect()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])
spark.stop()
