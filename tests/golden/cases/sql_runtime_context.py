from pyspark.sql import SparkSession

# Runtime errors of SQL text with Spark's query context (`== SQL (line L, position P) ==` and
# the fragment of the expression that raised), errors Spark raises without one, and HAVING on
# an aggregate of a grouping column that the select list lacks
spark = SparkSession.builder.appName("golden").getOrCreate()


def report(q):
    try:
        spark.sql(q).collect()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.getCondition())
        print(str(e))


report("SELECT 1/0")
report("SELECT k, 10 / (k - 1) FROM VALUES (1), (2) AS t(k)")
report("SELECT id, 1 / (id - 5) AS r FROM range(10)")
report("SELECT CAST('abc' AS INT)")
report("SELECT a FROM VALUES ('x') AS t(a) WHERE CAST(a AS INT) > 1")
report("SELECT 1 +\n  2 / 0 AS y")
report("SELECT sum(k) FROM VALUES (1) AS t(k) GROUP BY k HAVING sum(k) / 0 > 1")
report("SELECT element_at(array(1, 2), 5)")
report("SELECT 2147483647 + 1")
report("SELECT 5 % 0, 1")
report("SELECT CAST(300 AS TINYINT)")
report("SELECT make_date(2024, 13, 1)")
report("SELECT try_divide(1, 0), 1 / 0")
spark.sql("SELECT sum(k) FROM VALUES (1), (2), (2) AS t(k) GROUP BY k HAVING max(k) > 1").show()
spark.sql("SELECT k, count(*) FROM VALUES (1), (2), (2) AS t(k) GROUP BY k HAVING k > 1 AND count(k) > 1").show()
