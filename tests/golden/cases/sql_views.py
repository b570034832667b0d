import tempfile

from pyspark.sql import SparkSession

# Persistent views: what SHOW / DESCRIBE / the catalog print for them, and Spark's errors
spark = SparkSession.builder.appName("golden").config("spark.sql.warehouse.dir", tempfile.mkdtemp()).getOrCreate()


def report(q):
    try:
        spark.sql(q).collect()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.getCondition())
        print(str(e))


spark.sql("CREATE TABLE base (id INT, name STRING) USING parquet")
spark.sql("INSERT INTO base VALUES (1, 'a'), (2, 'b')")
spark.sql("CREATE VIEW v (n COMMENT 'the id', label) COMMENT 'a view' TBLPROPERTIES ('k' = 'x') AS SELECT id, upper(name) AS u FROM base")
spark.sql("SELECT * FROM v ORDER BY n").show()
spark.table("v").printSchema()
spark.sql("SHOW VIEWS").show()
spark.sql("DESCRIBE v").show()
print(sorted((t.name, t.tableType, t.isTemporary, t.description) for t in spark.catalog.listTables()))
print(spark.catalog.tableExists("v"))
spark.sql("CREATE TEMP VIEW tv AS SELECT 1 AS one")
report("CREATE VIEW bad AS SELECT * FROM tv")
report("CREATE VIEW bad AS SELECT id + 1 FROM base")
report("CREATE VIEW v AS SELECT 1 AS x")
report("CREATE OR REPLACE VIEW base AS SELECT 1 AS x")
report("CREATE OR REPLACE VIEW v AS SELECT * FROM v")
report("INSERT INTO v VALUES (1, 'x')")
report("DROP VIEW base")
report("DROP TABLE v")
report("ALTER TABLE v RENAME TO w")
report("ALTER VIEW base RENAME TO w")
report("TRUNCATE TABLE v")
spark.sql("ALTER VIEW v AS SELECT id AS n, name AS label FROM base WHERE id = 2")
spark.sql("SELECT * FROM v").show()
spark.sql("DROP TABLE base")
spark.sql("DROP VIEW v")
spark.sql("SHOW VIEWS").show()
spark.stop()
