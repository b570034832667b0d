import contextlib
import io
import re

from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()


def explain(df):
    # expression ids and plan ids are each engine's own counters: print them as #N and plan_id=N
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    text = re.sub(r"#\d+", "#N", buf.getvalue())
    print(re.sub(r"plan_id=\d+", "plan_id=N", text))


a = spark.range(100).withColumnRenamed("id", "k")
b = spark.range(100)
c = spark.range(50).select((F.col("id") % 10).alias("id"), (F.col("id") * 2).alias("w"))
# small inputs are broadcast (spark.sql.autoBroadcastJoinThreshold, 10MB)
explain(a.join(b, a.k == b.id))
# a MERGE hint asks for a sort-merge join even so
explain(a.hint("merge").join(b, a.k == b.id))
spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1")
# past the threshold: sort-merge joins (spark.sql.join.preferSortMergeJoin, default true)
explain(a.join(b, a.k == b.id))
explain(a.join(c, a.k == c.id, "full"))
explain(a.join(c, a.k == c.id, "right"))
# hints choose the strategy: SHUFFLE_HASH and BROADCAST on either side
explain(a.join(b.hint("shuffle_hash"), a.k == b.id, "left"))
explain(a.hint("shuffle_hash").join(c, a.k == c.id, "right"))
explain(a.join(F.broadcast(b), a.k == b.id, "left"))
explain(F.broadcast(a).join(c, a.k == c.id, "right"))
# null-safe equality joins on keys too: (coalesce(k, 0), isnull(k))
explain(a.join(c, a.k.eqNullSafe(c.id), "left"))

emp = spark.createDataFrame([(1, "Ann", 10), (2, "Ben", 20), (3, "Cid", 30), (4, "Dee", None), (5, "Eve", 20)], ["id", "name", "dept"])
dept = spark.createDataFrame([(10, "Sales", 1), (20, "Eng", 2), (20, "Eng2", 9), (40, "Ops", 3), (None, "Nul", 0)], ["dept", "dname", "floor"])



def ordered(df):
    return df.orderBy(*[c for c in ["id", "dname"] if c in df.columns])


for how in ["inner", "left", "right", "full", "left_semi", "left_anti"]:
    print(how)
    ordered(emp.join(dept, "dept", how)).show()
    ordered(emp.join(dept, (emp.dept == dept.dept) & (emp.id < dept.floor), how)).show()
    ordered(emp.join(dept, emp.dept.eqNullSafe(dept.dept), how)).show()
spark.stop()
