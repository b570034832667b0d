from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("golden").getOrCreate()
spark.createDataFrame([("Alice", 2)], "name string, age int").createOrReplaceTempView("people")
spark.range(1).createOrReplaceGlobalTempView("g")
c = spark.catalog
print(c.currentDatabase(), c.currentCatalog())
print([(d.name, d.catalog, d.description) for d in c.listDatabases()])
print(c.listTables())
print(c.listTables("global_temp"))
print(c.listColumns("people"))
print(c.listFunctions(pattern="array_s*")[0].name, c.listFunctions(pattern="array_s*")[0].isTemporary)
print(c.tableExists("people"), c.tableExists("nope"), c.tableExists("g", "global_temp"))
print(c.databaseExists("default"), c.databaseExists("x"), c.functionExists("abs"), c.functionExists("nope"))
print(c.isCached("people"))
c.cacheTable("people")
print(c.isCached("people"))
print(spark.table("people").collect())
c.uncacheTable("people")
print(c.isCached("people"))
c.clearCache()
print(c.dropTempView("people"), c.dropTempView("people"), c.dropGlobalTempView("g"))


def report(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.getCondition())
        print(str(e))


report(lambda: c.setCurrentDatabase("nope"))
report(lambda: c.listColumns("nope"))
report(lambda: spark.table("nope"))
spark.stop()
