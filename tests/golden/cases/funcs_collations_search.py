from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()

# substring_index and split_part find the delimiter as the collation compares
df = spark.createDataFrame([("aXbxcXd",), ("wwwXmyxSQLxorg",), ("no delim",), (None,)], "s string").coalesce(1)
c = df.select("s", F.collate("s", "UTF8_LCASE").alias("l"), F.collate("s", "UNICODE_CI").alias("u"))
c.select("s", F.substring_index("l", "x", 2), F.substring_index("l", "x", -2), F.substring_index("s", "x", 2), F.substring_index("u", "X", 1)).show(truncate=False)
c.select("s", F.split_part("l", F.lit("x"), F.lit(2)), F.split_part("l", F.lit("X"), F.lit(-1)), F.split_part("s", F.lit("x"), F.lit(2)), F.split_part("u", F.lit("x"), F.lit(3))).show(truncate=False)
print(c.select(F.substring_index("l", "x", 1)).dtypes)
spark.sql("SELECT substring_index('aXbxc' COLLATE UTF8_LCASE, 'x', 2), split_part('aXbxc' COLLATE UTF8_LCASE, 'X', 3)").show(truncate=False)
