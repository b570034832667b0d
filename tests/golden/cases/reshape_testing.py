import sys

# PySpark's assertDataFrameEqual imports pyspark.pandas when pandas and pyarrow are both
# importable, and pyspark.pandas does not import with the recorder's pandas: hide pyarrow so
# the Row comparison (what this case checks) runs on both engines.
sys.modules["pyarrow"] = None  # type: ignore[assignment]

from pyspark.sql import Row, SparkSession
from pyspark.sql.types import DoubleType, IntegerType, LongType, StringType, StructField, StructType
from pyspark.testing import assertDataFrameEqual, assertSchemaEqual
from pyspark.errors import PySparkAssertionError, PySparkTypeError

spark = SparkSession.builder.appName("golden").getOrCreate()


def check(f):
    try:
        f()
        print("equal")
    except (PySparkAssertionError, PySparkTypeError) as e:
        print(type(e).__name__, e.getCondition())
        print(str(e))


a = spark.createDataFrame([(1, "x", 1.0), (2, "y", 2.0)], "id int, s string, v double")
b = spark.createDataFrame([(2, "y", 2.0), (1, "x", 1.0)], "id int, s string, v double")
c = spark.createDataFrame([(1, "x", 1.0000001), (2, "y", 2.0)], "id int, s string, v double")
d = spark.createDataFrame([(1, "x", 1.5), (3, "z", 2.0)], "id int, s string, v double")
check(lambda: assertDataFrameEqual(a, b))
check(lambda: assertDataFrameEqual(a, b, checkRowOrder=True))
check(lambda: assertDataFrameEqual(a, c))
check(lambda: assertDataFrameEqual(a, c, rtol=1e-9, atol=0.0))
check(lambda: assertDataFrameEqual(a, d))
check(lambda: assertDataFrameEqual(a, d, showOnlyDiff=True))
check(lambda: assertDataFrameEqual(a, [Row(id=1, s="x", v=1.0), Row(id=2, s="y", v=2.0)]))
check(lambda: assertDataFrameEqual(a, [Row(id=1, s="x", v=1.0)]))
check(lambda: assertDataFrameEqual(a, a.select("id", "s")))
check(lambda: assertDataFrameEqual(a, a.select("v", "s", "id"), ignoreColumnOrder=True))
check(lambda: assertDataFrameEqual(a, a.toDF("x", "y", "z"), ignoreColumnName=True))
check(lambda: assertDataFrameEqual(a, None))
check(lambda: assertDataFrameEqual(a, 5))
check(lambda: assertDataFrameEqual(a.filter("id > 5"), b.filter("id > 5")))
check(lambda: assertDataFrameEqual(a, d, maxErrors=1))
try:
    assertDataFrameEqual(a, d, includeDiffRows=True)
except PySparkAssertionError as e:
    print(e.data)
s1 = StructType([StructField("a", IntegerType(), True), StructField("b", StringType(), True)])
s2 = StructType([StructField("a", IntegerType(), False), StructField("b", StringType(), True)])
s3 = StructType([StructField("a", LongType(), True), StructField("b", StringType(), True)])
s4 = StructType([StructField("b", StringType(), True), StructField("a", IntegerType(), True)])
check(lambda: assertSchemaEqual(s1, s2))
check(lambda: assertSchemaEqual(s1, s2, ignoreNullable=False))
check(lambda: assertSchemaEqual(s1, s3))
check(lambda: assertSchemaEqual(s1, s4))
check(lambda: assertSchemaEqual(s1, s4, ignoreColumnOrder=True))
check(lambda: assertSchemaEqual(s1, StructType([StructField("x", IntegerType()), StructField("y", StringType())]), ignoreColumnName=True))
check(lambda: assertSchemaEqual(s1, "a int"))
check(lambda: assertSchemaEqual(a.schema, spark.createDataFrame([(1, "x", 1)], "id int, s string, v int").schema))
spark.stop()
