from _fixtures import attempt, golden_session
from pyspark.sql import functions as F

# PySpark 4.0's DataFrame subqueries: df.scalar(), df.exists(), Column.outer() for correlated
# references, in where / select / withColumn, and the names Spark gives them
spark = golden_session()
df = spark.createDataFrame([(1, 10), (2, 20), (3, 5)], ["x", "y"])
other = spark.createDataFrame([(1, "a"), (3, "b"), (3, "c")], ["a", "b"])
matches = other.where(F.col("a") == F.col("x").outer())

spark.range(3).where(F.col("id") > df.select(F.max("x") - 2).scalar()).show()
df.where(matches.exists()).orderBy("x").show()
df.where(~matches.exists()).orderBy("x").show()
df.where(matches.exists() | (F.col("x") == 2)).orderBy("x").show()
df.select("x", matches.exists().alias("e")).orderBy("x").show()
df.select("*", (matches.exists() & (F.col("x") > 1)).alias("e")).orderBy("x").show()
df.select("x", matches.select(F.count("b")).scalar().alias("c")).orderBy("x").show()
df.where(F.col("y") > matches.select(F.count("*") * 3).scalar()).orderBy("x").show()
df.select("x", df.select(F.max("y")).scalar()).orderBy("x").show()
df.withColumn("m", df.select(F.max("y")).scalar()).orderBy("x").show()
df.select("x", other.where(F.lit(False)).select("a").scalar().alias("s")).orderBy("x").show()
print(spark.range(1).select(spark.range(5).select(F.sum("id")).scalar() + 1).collect())
df.where(other.exists()).select("x").orderBy("x").show()
df.where(other.where(F.lit(False)).exists()).show()
print(df.select(F.max("x")).scalar(), other.exists(), F.col("x").outer(), F.col("x").outer() + 1)
print(df.select(df.select(F.max("x")).scalar() + 1).columns)
attempt("two columns", lambda: df.where(F.col("x") > df.scalar()).collect())
