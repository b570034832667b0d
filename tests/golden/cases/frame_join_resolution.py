# Column resolution across joins (issue 9 §5): df["x"] references after joins, self-joins
# through aliases and SPARK-6231's df.k == df.k, a using-join's hidden keys, and Spark's
# errors where a reference is ambiguous or names a column the input lacks. Errors whose
# message holds engine expression ids or plans print their class and first line only.
from pyspark.sql import SparkSession, functions as F
from pyspark.errors import AnalysisException

spark = SparkSession.builder.appName("golden").getOrCreate()


def rows(df):
    print(df.columns)
    for r in sorted(df.collect(), key=repr):
        print(r)


def err(f):
    try:
        f()
        print("no error")
    except AnalysisException as e:
        print(e.getErrorClass(), "|", str(e).split("\n")[0])


def err_class(f):
    try:
        f()
        print("no error")
    except AnalysisException as e:
        print(e.getErrorClass())


emp = spark.createDataFrame([(1, "Ann", 10), (2, "Ben", 20), (3, "Cid", 30), (4, "Dee", None)], ["id", "name", "dept"])
dept = spark.createDataFrame([(10, "Sales"), (20, "Eng"), (40, "Ops")], ["dept", "name"])

# df["x"] of either input after a join on a condition; the shared name alone is ambiguous
j = emp.join(dept, emp.dept == dept.dept)
rows(j.select(emp.name, dept["name"], emp.id))
rows(j.filter(dept.name != "Eng").select(emp.id, dept.dept))
rows(j.groupBy(dept.name).agg(F.count(emp.id).alias("n")))
rows(j.orderBy(dept.name.desc()).select(emp.name))
err(lambda: j.select("dept").collect())
err(lambda: j.select("name").collect())

# using joins: the key once, and each side's key still reachable (the full join's left key is
# null where only the right had the row)
for how in ["inner", "left", "right", "full"]:
    print(how)
    rows(emp.join(dept, "dept", how).select(emp.dept, dept.dept, emp.name, dept.name))
rows(emp.join(dept, "dept", "full").select("dept"))
rows(emp.alias("e").join(dept.alias("d"), "dept").select("e.name", "d.name", "e.dept", "d.dept"))
err(lambda: emp.join(dept, "dept").select("name").collect())

# self-joins: df.k == df.k means left's k = right's k (SPARK-6231), for == and <=>
rows(emp.join(emp, emp.id == emp.id))
rows(emp.join(emp, emp.dept.eqNullSafe(emp.dept)).select(F.count("*").alias("n")))
rows(emp.join(emp, (emp.id == emp.id) & (emp.dept == 20)).select(F.count("*").alias("n")))
# a direct self-join compared with a constant: either side will do
rows(emp.join(emp, emp.dept == 20).select(F.count("*").alias("n")))
# a frame and one derived from it: each reference picks its own side
e2 = emp.filter("id > 1")
rows(emp.join(e2, emp.id == e2.id))
e3 = emp.withColumnRenamed("name", "n2")
rows(emp.join(e3, emp.id == e3.id).select(emp.name, e3.n2))

# self-joins through aliases
a, b = emp.alias("a"), emp.alias("b")
rows(a.join(b, F.col("a.id") == F.col("b.id") + 1).select("a.name", F.col("b.name").alias("prev")))
rows(a.join(b, F.col("a.dept") == F.col("b.dept")).select("a.*"))
rows(a.join(b, F.col("a.id") == F.col("b.id")).select(F.col("a.id"), F.col("b.name")))
err(lambda: a.join(b, F.col("a.id") == F.col("b.id")).select("name").collect())
err(lambda: a.join(b, F.col("a.id") == F.col("c.id")).collect())
err(lambda: emp.alias("x").alias("y").select("y.id", "x.id").collect())

# references to columns the input does not have (Spark's message names its expression ids)
err_class(lambda: emp.select(dept.name).collect())
err_class(lambda: emp.filter(dept.dept > 1).collect())
err_class(lambda: emp.groupBy("dept").count().select(emp.name).collect())
err_class(lambda: emp.join(dept, emp.dept == dept.dept, "left_semi").select(dept.name).collect())
rows(emp.groupBy("dept").count().select(emp.dept))
rows(emp.select("id", "name").select(emp.name))

# duplicate names and struct fields
dup = spark.createDataFrame([(1, 2)], ["a", "a"])
err(lambda: dup.select("a").collect())
err(lambda: dup["a"])
err(lambda: spark.sql("select named_struct('a', 1, 'A', 2) as s").select("s.a").collect())

# every spelling of how, cross joins, hints
for how in ["inner", "cross", "outer", "full", "fullouter", "full_outer", "left", "leftouter", "left_outer",
            "right", "rightouter", "right_outer", "semi", "leftsemi", "left_semi", "anti", "leftanti", "left_anti",
            "LEFT", "Left_Outer"]:
    print(how, emp.join(dept, emp.dept == dept.dept, how).count())
err(lambda: emp.join(dept, emp.dept == dept.dept, "bogus"))
print(emp.join(dept).count(), emp.join(dept, how="cross").count(), emp.crossJoin(dept).columns)
rows(emp.join(F.broadcast(dept), "dept").select(emp.name, "dept"))
rows(emp.hint("broadcast").join(dept, "dept", "right").select("dept", dept.name))
spark.stop()
