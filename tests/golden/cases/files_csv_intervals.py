# ANSI intervals in CSV: written as their SQL literals, read back from those and the bare forms;
# CalendarIntervalType stays unsupported (UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE).
import os, shutil
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.master("local[1]").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
base = "/tmp/tspark_golden_files_csv_intervals"; shutil.rmtree(base, ignore_errors=True)
df = spark.range(3).select(F.make_dt_interval(F.col("id").cast("int"), F.lit(2), F.lit(3), F.lit(4.5)).alias("d"), F.make_ym_interval(F.col("id").cast("int"), F.lit(2)).alias("y"))
df.coalesce(1).write.csv(f"{base}/csv")
part = [x for x in sorted(os.listdir(f"{base}/csv")) if x.startswith("part")][0]
print(repr(open(f"{base}/csv/{part}").read()))
back = spark.read.schema("d INTERVAL DAY TO SECOND, y INTERVAL YEAR TO MONTH").csv(f"{base}/csv")
print(back.selectExpr("CAST(d AS STRING)", "CAST(y AS STRING)").collect())
with open(f"{base}/raw.csv", "w") as f:
    f.write("1 02:03:04,3-1\nINTERVAL '5' DAY,x\n")
print(spark.read.schema("d INTERVAL DAY TO SECOND, y INTERVAL YEAR TO MONTH").csv(f"{base}/raw.csv").selectExpr("CAST(d AS STRING)", "CAST(y AS STRING)").collect())
try:
    spark.range(1).select(F.make_interval(F.lit(1)).alias("c")).write.csv(f"{base}/cal")
except Exception as e:
    print(type(e).__name__, str(e).split("\n")[0])

# JSON: the same literals, as strings
df.coalesce(1).write.json(f"{base}/json")
part = [x for x in sorted(os.listdir(f"{base}/json")) if x.startswith("part")][0]
print(repr(open(f"{base}/json/{part}").read()))
print(spark.read.json(f"{base}/json").schema.simpleString())
jback = spark.read.schema("d INTERVAL DAY TO SECOND, y INTERVAL YEAR TO MONTH").json(f"{base}/json")
print(jback.selectExpr("CAST(d AS STRING)", "CAST(y AS STRING)").collect())
