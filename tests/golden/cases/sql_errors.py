from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("golden").getOrCreate()
spark.createDataFrame([("Alice", 2, "x")], "name string, age int, grp string").createOrReplaceTempView("people")


def report(q, **kw):
    try:
        spark.sql(q, **kw).collect()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.getCondition())
        print(str(e))


report("SELECT * FORM people")
report("SELECT 1 +")
report("SELEC 1")
report("SELECT * FROM nope")
report("SELECT * FROM global_temp.nope")
report("DROP VIEW nope")
report("CREATE TEMP VIEW people AS SELECT 1")
report("SELECT grp FROM people GROUP BY 3")
report("SET spark.sql.shuffle.partitions=3")
print(spark.sql("SET spark.sql.shuffle.partitions").collect())
print(spark.sql("SHOW TABLES").collect())
print(spark.sql("SELECT name, age FROM people WHERE age > :a", args={"a": 1}).collect())
print(spark.sql("SELECT count(*) AS n FROM {df}", df=spark.range(4)).collect())
spark.sql("SELECT grp, count(*) AS n FROM people GROUP BY grp").show()
spark.stop()
