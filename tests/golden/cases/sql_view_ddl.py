import tempfile

from pyspark.sql import SparkSession

# DESCRIBE EXTENDED / FORMATTED and SHOW CREATE TABLE of persistent views (their text, schema
# mode, query columns, comments and properties), and Spark's error for a temp view
spark = SparkSession.builder.appName("golden").config("spark.sql.warehouse.dir", tempfile.mkdtemp()).getOrCreate()


def report(q):
    try:
        spark.sql(q).collect()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.getCondition())
        print(str(e))


def describe(q):
    # the creation time is the clock's: left out
    for r in spark.sql(q).collect():
        if r.col_name != "Created Time":
            print(tuple(r))


spark.sql("CREATE TABLE base (id INT, name STRING) USING parquet")
spark.sql("CREATE VIEW v (n COMMENT 'the id', label) COMMENT 'a view' TBLPROPERTIES ('k' = 'x', 'k2' = 'y') AS SELECT id, upper(name) AS u FROM base WHERE id > 0")
spark.sql("CREATE VIEW v2 AS SELECT id + 1 AS next, name FROM base")
spark.sql("CREATE DATABASE other")
spark.sql("CREATE VIEW other.v3 AS SELECT * FROM default.base")
describe("DESCRIBE EXTENDED v")
describe("DESCRIBE FORMATTED v2")
describe("DESCRIBE TABLE EXTENDED other.v3")
for name in ["v", "v2", "other.v3"]:
    print(spark.sql("SHOW CREATE TABLE %s" % name).first()[0])
spark.sql("ALTER VIEW v2 AS SELECT name FROM base")
print(spark.sql("SHOW CREATE TABLE v2").first()[0])
describe("DESCRIBE EXTENDED v2")
spark.sql("CREATE TEMP VIEW tv AS SELECT 1 AS one")
describe("DESCRIBE EXTENDED tv")
report("SHOW CREATE TABLE tv")
