from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
emp = spark.createDataFrame([(1, "Ann", 10), (2, "Ben", 20), (3, "Cid", 30), (4, "Dee", None)], ["id", "name", "dept"])
dept = spark.createDataFrame([(10, "Sales"), (20, "Eng"), (40, "Ops")], ["dept", "dname"])
for how in ["inner", "left", "right", "full", "left_semi", "left_anti"]:
    print(how)
    emp.join(dept, "dept", how).orderBy("id").show()
emp.join(dept, ["dept"]).orderBy("id").show()
emp.join(dept, emp.dept == dept.dept, "left").select(emp.name, dept.dname).orderBy("name").show()
emp.join(dept, emp["dept"] == dept["dept"]).printSchema()
a = emp.alias("a")
b = emp.alias("b")
a.join(b, F.col("a.id") == F.col("b.id") + 1).select("a.name", F.col("b.name").alias("prev")).orderBy("a.name").show()
emp.crossJoin(dept).orderBy("id", "dname").limit(3).show()
spark.stop()
