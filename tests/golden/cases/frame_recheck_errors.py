"""Issue 9 re-check: errors PySpark raises for bad DataFrame input (an unorderable sort key, toDF
and unionByName arity, unknown subset columns), with their condition and first line as given."""
from pyspark.sql import functions as F
from _fixtures import golden_session

spark = golden_session()
df = spark.createDataFrame([(1, "a", 10, 1.5), (2, None, None, None)], "k INT, s STRING, v INT, d DOUBLE")
m = spark.createDataFrame([({"a": 1}, [{"b": 2}])], "m MAP<STRING,INT>, am ARRAY<MAP<STRING,INT>>")


def show_error(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, e.getCondition())
        print(str(e).split("\n")[0])


show_error("orderBy map", lambda: m.orderBy("m").collect())
show_error("orderBy array of maps", lambda: m.orderBy(F.col("am").desc()).collect())
show_error("sortWithinPartitions map", lambda: m.sortWithinPartitions("m").collect())
show_error("sort struct with map", lambda: m.select(F.struct("m").alias("st")).sort("st").collect())
show_error("toDF too few", lambda: df.toDF("a").collect())
show_error("toDF too many", lambda: df.toDF("a", "b", "c", "d", "e").collect())
show_error("unionByName missing", lambda: df.unionByName(df.select("k", "s")).collect())
show_error("unionByName extra", lambda: df.select("k", "s").unionByName(df).collect())
show_error("dropna subset", lambda: df.dropna(subset=["nope"]).collect())
show_error("fillna subset", lambda: df.fillna(0, subset=["nope"]).collect())
show_error("replace subset", lambda: df.replace(1, 2, subset=["nope"]).collect())
print(df.select("k").unionByName(df.select("k")).count())
