from pyspark.sql import SparkSession, functions as F
from pyspark.errors import AnalysisException

spark = SparkSession.builder.appName("golden").getOrCreate()


def err(f):
    try:
        f()
    except AnalysisException as e:
        print(type(e).__name__, e.getCondition())
        print(str(e).split("\n")[0])


df = spark.createDataFrame(
    [("dotNET", 2012, 10000, "a"), ("Java", 2012, 20000, "b"), ("dotNET", 2012, 5000, "a"), ("dotNET", 2013, 48000, None), ("Java", 2013, 30000, "c")],
    ["course", "year", "earnings", "tag"],
)
df.groupBy("year").pivot("course", ["dotNET", "Java"]).sum("earnings").orderBy("year").show()
df.groupBy("year").pivot("course").sum("earnings").orderBy("year").show()
df.groupBy("course").pivot("year").agg(F.sum("earnings").alias("s"), F.count("tag").alias("n")).orderBy("course").show()
df.groupBy("course").pivot("year", [2012, 2014]).count().orderBy("course").show()
df.groupBy("year").pivot("tag").agg(F.first("course")).orderBy("year").show()
df.groupBy("year").pivot("course").agg(F.avg("earnings"), F.max("tag")).orderBy("year").printSchema()
df.groupBy().pivot("course").sum("earnings").show()
df.groupBy("year").pivot("course", ["Java"]).agg(F.collect_list("tag")).orderBy("year").show()
# pivot values of another type are cast to the column's
df.groupBy("course").pivot("year", ["2012"]).sum("earnings").orderBy("course").show()
# the GroupedData numeric methods
df.groupBy("course").avg().orderBy("course").show()
df.groupBy("course").mean("earnings").orderBy("course").show()
df.groupBy("course").agg({"earnings": "max", "year": "min"}).orderBy("course").show()
df.agg({"earnings": "sum"}).show()
df.agg(F.min("year"), F.max("earnings")).show()
spark.conf.set("spark.sql.pivotMaxValues", "1")
err(lambda: df.groupBy("year").pivot("course").sum("earnings"))
spark.conf.unset("spark.sql.pivotMaxValues")
err(lambda: df.groupBy("course").sum("tag"))
err(lambda: df.groupBy("year").pivot("course", ["Java"]).agg(F.col("year")).collect())
spark.stop()
