import datetime
from decimal import Decimal
from pyspark.sql import SparkSession, Row
from pyspark.sql.types import StructType, StructField, LongType, StringType, DoubleType

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([(1, 2.5, "s", True, datetime.date(2024, 1, 2), Decimal("1.50"))], ["i", "f", "s", "b", "d", "dec"])
df.printSchema()
df.show()
print(df.collect())
df2 = spark.createDataFrame([{"a": 1, "b": "x"}, {"a": 2, "b": None}])
df2.printSchema()
df2.show()
df3 = spark.createDataFrame([Row(name="Ann", age=3), Row(name="Bo", age=None)])
df3.printSchema()
print(df3.collect())
schema = StructType([StructField("id", LongType(), False), StructField("v", DoubleType(), True)])
df4 = spark.createDataFrame([(1, 1.0), (2, None)], schema)
df4.printSchema()
print(df4.schema)
df5 = spark.createDataFrame([("a", 1)], "name STRING, age INT")
df5.printSchema()
print(df5.dtypes)
print(spark.createDataFrame([(9007199254740993,)], ["big"]).collect())
spark.stop()
