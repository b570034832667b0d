# ANSI interval columns through Parquet as PySpark 4.0.1 writes and reads them: bare INT32 months
# and INT64 microseconds, typed again from Spark's schema in the footer metadata (top level, in
# arrays and structs, with nulls), and a file's plain INT32 / INT64 columns read with an
# interval schema.
import os
import tempfile

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("files_parquet_intervals").getOrCreate()
d = tempfile.mkdtemp()

df = spark.range(1, 4).selectExpr(
    "CAST(id AS INT) AS id",
    "CASE WHEN id <> 2 THEN INTERVAL '1-2' YEAR TO MONTH * (id * 1000 - 3000) END AS ym",
    "INTERVAL '3 04:05:06.789' DAY TO SECOND * (id - 2) AS dt",
    "CASE WHEN id <> 2 THEN INTERVAL '5' HOUR END AS h",
    "array(INTERVAL '2' MONTH, NULL) AS arr",
    "named_struct('x', INTERVAL '7' DAY, 'y', INTERVAL '-10' MINUTE) AS st",
)
p = os.path.join(d, "iv")
df.write.parquet(p)
back = spark.read.parquet(p).orderBy("id")
back.printSchema()
back.show(truncate=False)
# year-month intervals do not collect in PySpark (YearMonthIntervalType.fromInternal)
for r in back.select("id", "dt", "h", "st.y").collect():
    print(r)
print(back.where("dt > INTERVAL '1' DAY").select("id").collect())

# a plain integer file read with an interval schema: the stored integers are months / microseconds
plain = os.path.join(d, "plain")
spark.range(3).selectExpr("id * 86400000000 AS us", "CAST(id * 13 AS INT) AS months").write.parquet(plain)
spark.read.schema("us INTERVAL DAY TO SECOND, months INTERVAL YEAR TO MONTH").parquet(plain).orderBy("us").show(truncate=False)

# appending interval rows to the same directory and reading both files
df.where("id = 1").write.mode("append").parquet(p)
print(spark.read.parquet(p).groupBy().count().collect())
