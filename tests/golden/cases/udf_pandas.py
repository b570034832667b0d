# Scalar pandas UDFs: Series -> Series (several arguments, strings, doubles, dates, nulls),
# the scalar iterator form (one and several arguments), a struct result from a DataFrame,
# type-hint inference of the eval type, functionType, registration for SQL, and the
# length-mismatch error.
from typing import Iterator, Tuple

import pandas as pd

from pyspark.sql import SparkSession, functions as F
from pyspark.sql.functions import PandasUDFType

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.range(6).withColumn("s", F.concat(F.lit("x"), F.col("id").cast("string"))) \
    .withColumn("d", F.when(F.col("id") % 2 == 0, F.col("id") / 4))


@F.pandas_udf("long")
def plus(a: pd.Series, b: pd.Series) -> pd.Series:
    return a + b


@F.pandas_udf("string")
def up(s: pd.Series) -> pd.Series:
    return s.str.upper()


@F.pandas_udf("double")
def half(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
    for b in batches:
        yield b * 0.5


@F.pandas_udf("long")
def mul(batches: Iterator[Tuple[pd.Series, pd.Series]]) -> Iterator[pd.Series]:
    for a, b in batches:
        yield a * b


@F.pandas_udf("double")
def fill(d: pd.Series) -> pd.Series:
    return d.fillna(-1.0)


@F.pandas_udf("struct<a:long,b:string>")
def pair(s: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"a": s * 2, "b": s.astype(str)})


out = df.select(plus("id", "id"), up("s").alias("u"), half("id").alias("h"), mul("id", "id").alias("sq"),
                fill("d").alias("f"), pair("id").alias("p"))
print(out.schema.simpleString())
out.show()
print(plus.evalType, half.evalType, mul.evalType, plus.returnType, half.returnType)
legacy = F.pandas_udf(lambda s: s + 1, "long", PandasUDFType.SCALAR)
print(legacy.evalType, df.select(legacy("id")).collect())
spark.udf.register("pplus", plus)
spark.sql("select pplus(id, id * 10) as v from range(3)").show()


@F.pandas_udf("long")
def short(s: pd.Series) -> pd.Series:
    return s.head(1)


try:
    spark.range(3, numPartitions=1).select(short("id")).collect()
except Exception as e:
    print(type(e).__name__, "Result vector from pandas_udf was not the required length" in str(e))
spark.stop()
