from _fixtures import golden_session, sql_reporter

# Subqueries outside WHERE (HAVING, an inner join's ON, an aggregate's select list), correlated
# LATERAL subqueries that aggregate, several-column PIVOT / UNPIVOT: the column names Spark
# gives them; QUALIFY, which Spark 4.0.1's grammar lacks, and its syntax errors
spark = golden_session()
report = sql_reporter(spark)

spark.sql("CREATE OR REPLACE TEMP VIEW t AS SELECT * FROM VALUES (1, 10), (1, 20), (2, 30), (NULL, 50) AS t(k, v)")
spark.sql("CREATE OR REPLACE TEMP VIEW u AS SELECT * FROM VALUES (1, 'x'), (3, 'y') AS u(k, s)")
spark.sql("SELECT k, count(*), k IN (SELECT k FROM u), k NOT IN (SELECT k FROM u) FROM t GROUP BY k ORDER BY k").show()
spark.sql("SELECT k, sum(v) FROM t GROUP BY k HAVING k IN (SELECT k FROM u) OR sum(v) > 40 ORDER BY k").show()
spark.sql("SELECT t.k, t.v FROM t JOIN u ON t.k = u.k AND t.v > (SELECT min(v) FROM t) ORDER BY t.v").show()
spark.sql("SELECT k, v, (k, v) NOT IN (SELECT 1, 10) AS keep FROM t ORDER BY v").show()
spark.sql("SELECT * FROM u, LATERAL (SELECT count(*) AS n, max(v) FROM t WHERE t.k = u.k) ORDER BY u.k").show()
spark.sql("SELECT * FROM u, LATERAL (SELECT v FROM t WHERE t.k = u.k ORDER BY v DESC LIMIT 1) ORDER BY u.k").show()
spark.sql("SELECT * FROM t PIVOT (sum(v) AS s, count(*) FOR (k, v) IN ((1, 10), (1, 20) AS second))").show()
spark.sql("SELECT * FROM VALUES ('a', 1, 2, 3, 4) AS q(id, x1, y1, x2, y2) UNPIVOT ((x, y) FOR pair IN ((x1, y1), (x2, y2) AS two))").show()
report("SELECT k, v FROM t QUALIFY row_number() OVER (PARTITION BY k ORDER BY v) = 1")
report("SELECT * FROM t AS s QUALIFY 1 = 1")
report("SELECT 1 AS a b")
report("SELECT 1 AS a b c")
