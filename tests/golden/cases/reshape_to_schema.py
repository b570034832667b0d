import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F
from pyspark.sql.types import StructType, StructField, LongType, StringType, IntegerType, DoubleType
spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([("a", 1), ("b", 2)], ["s", "i"])
t = df.to(StructType([StructField("i", LongType()), StructField("s", StringType())]))
t.show()
t.printSchema()
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    t.explain()
print(re.sub(r"#\d+", "#N", buf.getvalue()))
for sch in [StructType([StructField("x", LongType())]), StructType([StructField("i", StringType())]), StructType([StructField("s", IntegerType())]), StructType([StructField("i", IntegerType(), False)])]:
    try:
        df.to(sch).collect(); print("ok", df.to(sch).schema)
    except Exception as e:
        print(type(e).__name__, getattr(e, "getCondition", lambda: None)()); print(str(e).split("\n")[0])
spark.stop()
