from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
rows = [("k1", "100-200, 300-400"), ("k2", "foo bar BAZ"), ("k3", None), ("k4", ""), ("k5", "naïve café 42")]
df = spark.createDataFrame(rows, "k string, s string")
df.select("k", F.regexp_replace("s", r"(\d+)-(\d+)", "$2-$1"), F.regexp_replace("s", "a", "\\$"), F.regexp_replace("s", r"\s+", ""), F.regexp_replace("s", "(?i)ba", "_")).orderBy("k").show(truncate=False)
df.select("k", F.regexp_extract("s", r"(\d+)-(\d+)", 1), F.regexp_extract("s", r"(\d+)-(\d+)", 2), F.regexp_extract("s", r"(\d+)-(\d+)", 0), F.regexp_extract("s", "([a-z]+)", 1)).orderBy("k").show(truncate=False)
df.select("k", F.regexp_extract_all("s", F.lit(r"(\d+)")), F.regexp_extract_all("s", F.lit(r"(\d+)-(\d+)"), 2), F.regexp_count("s", F.lit("[a-z]")), F.regexp_instr("s", F.lit(r"\d")), F.regexp_substr("s", F.lit(r"\d+"))).orderBy("k").show(truncate=False)
df.select("k", F.regexp("s", F.lit("^f")), F.regexp_like("s", F.lit("(?i)baz$")), F.rlike("s", F.lit(r"\d")), F.col("s").rlike("é")).orderBy("k").show()
df.select("k", F.split("s", ","), F.split("s", r"\s", 2), F.split("s", "")).orderBy("k").show(truncate=False)
df.select("k", F.like("s", F.lit("%ba%")), F.ilike("s", F.lit("%BA%")), F.col("s").ilike("FOO%"), F.col("s").like("_oo%")).orderBy("k").show()
try:
    df.select(F.regexp_extract("s", "(a)", 2)).collect()
except Exception as e:
    print(type(e).__name__, str(e).split("\n")[0])
try:
    df.select(F.rlike("s", F.lit("[a"))).collect()
except Exception:
    # classic PySpark surfaces Java's PatternSyntaxException as a Py4JJavaError; only the failure is compared
    print("invalid pattern raised")
spark.stop()
