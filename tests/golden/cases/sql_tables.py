import shutil

from pyspark.sql import SparkSession

# a fixed warehouse path, so Location lines print the same on both engines
WH = "/tmp/tspark-golden-sql-tables-warehouse"
EXT = "/tmp/tspark-golden-sql-tables-external"
shutil.rmtree(WH, ignore_errors=True)
shutil.rmtree(EXT, ignore_errors=True)
spark = SparkSession.builder.appName("golden").config("spark.sql.warehouse.dir", WH) \
    .config("spark.sql.session.timeZone", "UTC").getOrCreate()


def rows(q):
    for r in spark.sql(q).collect():
        # creation times differ from run to run: masked
        print(tuple("<time>" if r[0] == "Created Time" else v for v in r))


def report(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.getCondition())
        print(str(e).split("\n")[0])


spark.sql("CREATE TABLE t (a INT, b STRING COMMENT 'bee') USING parquet PARTITIONED BY (b) TBLPROPERTIES ('p1' = 'v1')")
spark.sql("INSERT INTO t VALUES (1, 'x'), (2, 'y')")
rows("DESCRIBE EXTENDED t")
print(spark.sql("SHOW CREATE TABLE t").collect()[0][0])
spark.sql("CREATE TABLE c USING csv OPTIONS (header 'true', sep ';') COMMENT 'a csv table' AS SELECT 1 AS x, 'q' AS y")
rows("DESCRIBE EXTENDED c")
print(spark.sql("SHOW CREATE TABLE c").collect()[0][0])
spark.sql("CREATE TABLE e (n BIGINT) USING json LOCATION '%s'" % EXT)
spark.sql("INSERT INTO e VALUES (5)")
rows("DESCRIBE TABLE EXTENDED e")
print(spark.sql("SHOW CREATE TABLE e").collect()[0][0])
spark.sql("DROP TABLE e")
print(spark.read.json(EXT).collect())

# the DataFrame side
df = spark.createDataFrame([(1, "a"), (2, "b")], "id INT, s STRING")
df.write.saveAsTable("w1")
print(spark.table("w1").orderBy("id").collect())
report(lambda: df.write.saveAsTable("w1"))
df.write.mode("ignore").saveAsTable("w1")
df.select("s", "id").write.mode("append").saveAsTable("w1")
print(spark.read.table("w1").orderBy("id").collect())
df.write.mode("overwrite").format("json").saveAsTable("w1")
print(spark.table("w1").orderBy("id").collect(), spark.sql("DESCRIBE EXTENDED w1").where("col_name = 'Provider'").collect())
spark.createDataFrame([(9, "z")], "id INT, s STRING").write.insertInto("w1")
print(spark.table("w1").orderBy("id").collect())
spark.createDataFrame([(7, "q")], "x INT, y STRING").write.insertInto("w1", overwrite=True)
print(spark.table("w1").collect())
report(lambda: spark.range(1).write.insertInto("nope"))
df.write.partitionBy("s").saveAsTable("w2")
print(spark.table("w2").orderBy("id").collect(), spark.catalog.listColumns("w2"))
df.writeTo("v2").using("parquet").partitionedBy("s").tableProperty("k", "v").create()
print(spark.table("v2").orderBy("id").collect())
report(lambda: df.writeTo("v2").create())
report(lambda: spark.createDataFrame([(3, "a")], "id INT, s STRING").writeTo("v2").append())
report(lambda: spark.createDataFrame([(4, "a")], "id INT, s STRING").writeTo("v2").overwritePartitions())
print(spark.table("v2").orderBy("id").collect())
report(lambda: spark.range(2).writeTo("v3").createOrReplace())
report(lambda: spark.range(5).writeTo("v2").replace())
spark.range(3).writeTo("v3").create()
print(spark.table("v3").count())
print(sorted((t.name, t.catalog, t.namespace, t.tableType, t.isTemporary) for t in spark.catalog.listTables()))
print(spark.catalog.tableExists("w1"), spark.catalog.tableExists("default.w1"), spark.catalog.tableExists("nope"))
from pyspark.sql.types import IntegerType, StringType, StructField, StructType
report(lambda: spark.catalog.createTable("ct", schema="a INT, b STRING"))
spark.catalog.createTable("ct", schema=StructType([StructField("a", IntegerType()), StructField("b", StringType())]))
print(spark.table("ct").schema.simpleString(), spark.table("ct").count())
spark.range(3).write.parquet(EXT + "-pq")
print(spark.catalog.createTable("ct2", path=EXT + "-pq").orderBy("id").collect())
spark.catalog.refreshTable("ct2")
rows("SHOW TABLES")
for t in ["t", "c", "w1", "w2", "v2", "v3", "ct", "ct2"]:
    spark.sql("DROP TABLE " + t)
print(spark.catalog.listTables())
shutil.rmtree(EXT + "-pq", ignore_errors=True)
shutil.rmtree(EXT, ignore_errors=True)
spark.stop()
