# Grouped-aggregate pandas UDFs (Series -> scalar): in groupBy().agg with several UDFs and
# arguments, a global aggregate from select and agg, expression keys and arguments, an
# expression over the result, over windows (whole partition, ROWS, RANGE, the default frame
# with an ORDER BY, a running frame), mixed with a SQL window, an empty input, registered
# for SQL (GROUP BY and OVER), and Spark's errors (INVALID_PANDAS_UDF_PLACEMENT, NESTED_AGGREGATE_FUNCTION, struct results).
import pandas as pd

from pyspark.sql import SparkSession, Window, functions as F
from pyspark.sql.functions import PandasUDFType

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([(1, 1.0), (1, 2.0), (2, 3.0), (2, 5.0), (2, 10.0), (3, None)], ("id", "v"))


@F.pandas_udf("double")
def mean_udf(v: pd.Series) -> float:
    return v.mean()


@F.pandas_udf("long")
def cnt(v: pd.Series, w: pd.Series) -> int:
    return len(v) + len(w)


@F.pandas_udf("string")
def joined(v: pd.Series) -> str:
    return ",".join(str(x) for x in v.dropna())


legacy = F.pandas_udf(lambda v: v.max(), "double", PandasUDFType.GROUPED_AGG)
print(mean_udf.evalType, legacy.evalType, mean_udf.returnType)
r = df.groupby("id").agg(mean_udf(df["v"]))
print(r.schema.simpleString())
r.orderBy("id").show()
df.groupby("id").agg(mean_udf("v").alias("m"), cnt("v", "id"), joined("v"), legacy("v").alias("mx")).orderBy("id").show()
df.select(mean_udf("v")).show()
df.agg(mean_udf("v")).show()
df.groupby((F.col("id") % 2).alias("k")).agg(mean_udf(F.col("v") * 2)).orderBy("k").show()
df.select(mean_udf("v") + 1).show()
df.groupby("id").agg((mean_udf("v") + 1).alias("x")).orderBy("id").show()
print(df.filter("id > 5").groupBy("id").agg(mean_udf("v")).collect(), df.filter("id > 5").select(mean_udf("v")).collect())
try:
    df.groupby("id").agg(mean_udf("v"), F.sum("v")).show()
except Exception as e:
    print(type(e).__name__, e)
try:
    df.groupby("id").agg(mean_udf(F.sum("v"))).show()
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
w = Window.partitionBy("id")
df.withColumn("m", mean_udf("v").over(w)).orderBy("id", "v").show()
df.withColumn("m", mean_udf("v").over(Window.partitionBy("id").orderBy("v").rowsBetween(-1, 0))).orderBy("id", "v").show()
df.withColumn("m", mean_udf("v").over(Window.partitionBy("id").orderBy("v").rangeBetween(-2, 2))).orderBy("id", "v").show()
w4 = Window.partitionBy("id").orderBy("v")
df.withColumn("m", mean_udf("v").over(w4)).withColumn("c", cnt("v", "id").over(w)).orderBy("id", "v").show()
df.withColumn("m", mean_udf("v").over(Window.orderBy("v").rowsBetween(Window.unboundedPreceding, Window.currentRow))).orderBy("v").show()
df.withColumn("m", mean_udf("v").over(w4) + F.sum("v").over(w4)).orderBy("id", "v").show()
spark.udf.register("mean_udf", mean_udf)
df.createOrReplaceTempView("t")
spark.sql("select id, mean_udf(v) as m from t group by id order by id").show()
spark.sql("select id, v, mean_udf(v) over (partition by id order by v) as m from t order by id, v").show()
try:
    F.pandas_udf(lambda v: 1, "struct<a:long>", PandasUDFType.GROUPED_AGG)
except Exception as e:
    print(type(e).__name__, e)
spark.stop()
