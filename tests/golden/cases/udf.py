from pyspark.sql import SparkSession, functions as F
from pyspark.sql.types import IntegerType, StringType

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([("alice", 1), ("bob", 2), (None, 3)], ["name", "n"])
upper = F.udf(lambda s: s.upper() if s is not None else None, StringType())


@F.udf(returnType=IntegerType())
def square(x):
    return x * x


@F.udf("string")
def tag(s, n):
    return f"{s}-{n}"


df.select(upper("name").alias("u"), square(F.col("n")), tag("name", "n")).show()
df.withColumn("sq", square("n")).filter(F.col("sq") > 1).show()
df.withColumn("sq", square("n")).printSchema()
bad = F.udf(lambda x: 1 // 0, IntegerType())
try:
    df.select(bad("n")).collect()
except Exception as e:
    print(type(e).__name__, "ZeroDivisionError" in str(e))
print(df.count())
spark.stop()
