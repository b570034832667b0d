import tempfile
import warnings

from _fixtures import golden_session
from pyspark.sql import functions as F

# PySpark 4.0 DataFrame members as classic PySpark answers them: mergeInto's writer and its
# errors (a session-catalog table cannot be merged into), executionInfo, plot without plotly,
# toJSON, registerTempTable's FutureWarning, metadataColumn's argument check
spark = golden_session(warehouse=True)


def attempt(label, f):
    try:
        r = f()
        print(label, "no error", type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0].split("; line ")[0])


df = spark.createDataFrame([(1, "a")], ["x", "s"]).alias("src")
df.createOrReplaceTempView("tv")
spark.sql("CREATE TABLE pt (x BIGINT, s STRING) USING parquet")
attempt("merge into a view", lambda: df.mergeInto("tv", F.expr("tv.x = src.x")).whenMatched().updateAll().merge())
attempt("merge into parquet", lambda: df.mergeInto("pt", F.expr("pt.x = src.x")).whenMatched().updateAll().whenNotMatched().insertAll().merge())
attempt("merge delete", lambda: df.mergeInto("pt", F.expr("pt.x = src.x")).whenNotMatchedBySource().delete().merge())
attempt("merge into a missing table", lambda: df.mergeInto("nope", F.expr("x = x")).whenMatched().delete().merge())
attempt("merge without actions", lambda: df.mergeInto("pt", F.expr("pt.x = src.x")).merge())
w = df.mergeInto("pt", F.expr("pt.x = src.x"))
print(type(w).__name__, type(w.whenMatched()).__name__, type(w.whenNotMatched()).__name__, type(w.whenNotMatchedBySource()).__name__)
print(type(w.whenMatched().updateAll()).__name__, type(w.withSchemaEvolution()).__name__)
attempt("executionInfo", lambda: df.executionInfo)
attempt("plot", lambda: df.plot)
attempt("plot.line", lambda: df.plot.line(x="x", y="x"))
attempt("plot kind", lambda: df.plot(kind="bar", x="x", y="x"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    df.registerTempTable("rt")
    print([str(x.message) for x in caught], [x.category.__name__ for x in caught])
print(spark.table("rt").collect())
print(df.toJSON().collect(), type(df.toJSON()).__name__)
print(spark.createDataFrame([(None, [1, 2], {"k": 1.5})], "a int, b array<int>, c map<string,double>").toJSON().collect())
attempt("metadataColumn of a number", lambda: df.metadataColumn(5))
