from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([("a", 1)], "s string, i int")
cases = [
    lambda: df.select(F.expr("no_such_fn(s, 1)")).collect(),
    lambda: F.upper(1),
    lambda: F.concat_ws("-", "s", 2),
    lambda: F.overlay("s", "s", 1.5),
    lambda: F.assert_true("i", 5),
    lambda: df.select(F.lower(F.array("s"))).collect(),
    lambda: df.select(F.sqrt(F.struct("i"))).collect(),
    lambda: df.select(F.repeat("s", F.lit(True))).collect(),
    lambda: df.select(F.levenshtein("s", F.array("s"))).collect(),
    lambda: df.select(F.to_json("s")).collect(),
]
for case in cases:
    try:
        case()
        print("no error")
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])
df.select(F.call_function("upper", "s"), F.upper("s")).show()
spark.stop()
