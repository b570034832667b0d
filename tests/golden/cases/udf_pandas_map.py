# Batch functions over pandas and Arrow: mapInPandas and mapInArrow (maxRecordsPerBatch cuts
# the batches), groupBy().applyInPandas / applyInArrow with and without the key, and
# cogroup().applyInPandas / applyInArrow (keys on one side only); the worker's result checks
# (UDF_RETURN_TYPE, RESULT_COLUMNS_MISMATCH_FOR_PANDAS_UDF, RESULT_LENGTH_MISMATCH_FOR_PANDAS_UDF,
# RESULT_TYPE_MISMATCH_FOR_ARROW_UDF) and the client's (INVALID_RETURN_TYPE_FOR_PANDAS_UDF,
# INVALID_PANDAS_UDF).
import pandas as pd
import pyarrow as pa
from pyspark.sql import SparkSession, functions as F
spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([(1, 1.0, "a"), (1, 2.0, "b"), (2, 3.0, "c"), (2, 5.0, None), (2, 10.0, "e"), (3, None, "f")], ("id", "v", "s"))

def double(it):
    for pdf in it:
        yield pdf.assign(v=pdf.v * 2)
r = df.mapInPandas(double, df.schema)
print(r.schema.simpleString())
r.orderBy("id", "v").show()
def sizes(it):
    for pdf in it:
        yield pd.DataFrame({"n": [len(pdf)]})
spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "2")
print(sorted(r.n for r in spark.range(0, 7, 1, 1).mapInPandas(sizes, "n long").collect()))
spark.conf.unset("spark.sql.execution.arrow.maxRecordsPerBatch")
def arrow_f(it):
    for b in it:
        yield pa.RecordBatch.from_pydict({"id": b.column("id"), "twice": pa.compute.multiply(b.column("id"), 2)})
df.mapInArrow(arrow_f, "id long, twice long").orderBy("id").show()
print(spark.range(10).mapInPandas(lambda it: (p[p.id % 3 == 0] for p in it), "id long").orderBy("id").collect())
# applyInPandas
def center(pdf):
    return pdf.assign(v=pdf.v - pdf.v.mean())
df.groupby("id").applyInPandas(center, schema="id long, v double, s string").orderBy("id", "v").show()
def with_key(key, pdf):
    return pd.DataFrame({"id": [key[0]], "n": [len(pdf)], "total": [pdf.v.sum()]})
df.groupby("id").applyInPandas(with_key, "id long, n long, total double").orderBy("id").show()
def arrow_g(table):
    return pa.table({"id": table.column("id").slice(0, 1), "n": pa.array([table.num_rows], pa.int64())})
df.groupby("id").applyInArrow(arrow_g, "id long, n long").orderBy("id").show()
def arrow_key(key, table):
    return pa.table({"k": pa.array([key[0].as_py()], pa.int64()), "n": pa.array([table.num_rows], pa.int64())})
df.groupby("id").applyInArrow(arrow_key, "k long, n long").orderBy("k").show()
# cogroup
df2 = spark.createDataFrame([(1, "x"), (3, "y"), (4, "z")], ("id", "w"))
def merge(l, r):
    return pd.DataFrame({"id": [l.id.iloc[0] if len(l) else r.id.iloc[0]], "nl": [len(l)], "nr": [len(r)]})
df.groupby("id").cogroup(df2.groupby("id")).applyInPandas(merge, "id long, nl long, nr long").orderBy("id").show()
def merge_key(key, l, r):
    return pd.DataFrame({"k": [key[0]], "n": [len(l) + len(r)]})
df.groupby("id").cogroup(df2.groupby("id")).applyInPandas(merge_key, "k long, n long").orderBy("k").show()
def arrow_co(l, r):
    return pa.table({"n": pa.array([l.num_rows * 10 + r.num_rows], pa.int64())})
print(sorted(x.n for x in df.groupby("id").cogroup(df2.groupby("id")).applyInArrow(arrow_co, "n long").collect()))
# errors
for f, schema in [(lambda it: 1, "id long"), (lambda it: iter([1]), "id long"),
                  (lambda it: (pd.DataFrame({"x": [1]}) for _ in it), "id long"),
                  (lambda it: (pd.DataFrame({"a": [1], "b": [2]}) for _ in it), "id long")]:
    try:
        spark.range(3).mapInPandas(f, schema).collect()
    except Exception as e:
        print(type(e).__name__, [l.split(": ", 1)[1] for l in str(e).splitlines() if "PySpark" in l and "Error:" in l][:1])
for f, schema in [(lambda pdf: 1, "id long"), (lambda pdf: pd.DataFrame({"x": [1]}), "id long"),
                  (lambda pdf: pd.DataFrame({0: [1], 1: [2]}), "id long")]:
    try:
        spark.range(3).groupby("id").applyInPandas(f, schema).collect()
    except Exception as e:
        print(type(e).__name__, [l.split(": ", 1)[1] for l in str(e).splitlines() if "PySpark" in l and "Error:" in l][:1])
try:
    spark.range(3).groupby("id").applyInArrow(lambda t: pa.table({"id": pa.array([1], pa.int32())}), "id long").collect()
except Exception as e:
    print(type(e).__name__, [l.split(": ", 1)[1] for l in str(e).splitlines() if "PySpark" in l and "Error:" in l][:1])
try:
    spark.range(3).mapInPandas(lambda it: it, "long")
except Exception as e:
    print(type(e).__name__, e)
try:
    spark.range(3).groupby("id").applyInPandas(lambda a, b, c: a, "id long")
except Exception as e:
    print(type(e).__name__, e)
try:
    spark.range(3).groupby("id").cogroup(spark.range(3).groupby("id")).applyInPandas(lambda a: a, "id long")
except Exception as e:
    print(type(e).__name__, e)
spark.stop()
