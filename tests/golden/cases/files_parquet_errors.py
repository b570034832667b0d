# Parquet errors as PySpark 4.0.1 raises them: a missing path, a Parquet type Spark cannot read
# (TIMESTAMP(NANOS) written by pyarrow), the fixture paths masked. A corrupt footer is a
# Py4JJavaError in classic PySpark, so tests/e2e/test_parquet_io.py checks that one.
import os

from pyspark.sql import SparkSession
from pyspark.errors import PySparkException

spark = SparkSession.builder.appName("files_parquet_errors").getOrCreate()
FIX = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "parquet"))


def show_error(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        cond = e.getCondition() if isinstance(e, PySparkException) else None
        print(type(e).__name__, cond)
        print(str(e).split("\n")[0].replace(FIX, "<fixtures>")[:300])


show_error(lambda: spark.read.parquet(os.path.join(FIX, "no-such-file.parquet")))
show_error(lambda: spark.read.parquet(os.path.join(FIX, "pyarrow-timestamp-nanos.parquet")))
