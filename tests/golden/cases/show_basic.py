from pyspark.sql import SparkSession, Row

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([("Alice", 2), ("Bob", 5), ("Carol", None)], ["name", "age"])
df.show()
df.printSchema()
print(df.columns)
print(df.dtypes)
print(df.schema)
print(df.collect())
print(df.first())
print(df.head(2))
print(df.take(1))
print(df.count())
r = df.collect()[0]
print(r.name, r["age"], r.asDict())
print(Row(a=1, b="x"))
spark.stop()
