from _fixtures import golden_session, sql_reporter

# SQL's GROUPING SETS / CUBE / ROLLUP, PIVOT, UNPIVOT, INTERSECT/EXCEPT ALL, subqueries under OR
# and in the select list, named arguments: column names, show() and errors as PySpark prints them
spark = golden_session()
spark.sql(
    "CREATE OR REPLACE TEMP VIEW sales AS SELECT * FROM VALUES ('north', 'a', 3), ('south', 'a', 1), "
    "('north', 'b', 4), (NULL, 'b', 5) AS sales(region, item, qty)"
)
spark.sql("CREATE OR REPLACE TEMP VIEW i AS SELECT * FROM VALUES (3), (5) AS i(q)")

report = sql_reporter(spark)

spark.sql("SELECT region, item, sum(qty), grouping(region), grouping_id() FROM sales GROUP BY CUBE(region, item) ORDER BY 5, 1, 2").show()
spark.sql("SELECT region, sum(qty) AS total FROM sales GROUP BY region WITH ROLLUP HAVING total > 3 ORDER BY region").show()
spark.sql("SELECT region, item, count(*) FROM sales GROUP BY GROUPING SETS ((region), (item), ()) ORDER BY 1, 2").show()
spark.sql("SELECT * FROM sales PIVOT (sum(qty) AS s, max(qty) FOR item IN ('a' AS x, 'b')) ORDER BY region").show()
spark.sql("SELECT * FROM (SELECT 1 AS id, 10 AS q1, NULL AS q2) UNPIVOT INCLUDE NULLS (v FOR quarter IN (q1 AS first, q2))").show()
spark.sql("SELECT qty FROM sales INTERSECT ALL SELECT q FROM i ORDER BY qty").show()
spark.sql("SELECT region, qty IN (SELECT q FROM i), qty NOT IN (SELECT q FROM i) AS miss FROM sales ORDER BY qty").show()
spark.sql("SELECT * FROM sales WHERE region IS NULL OR qty IN (SELECT q FROM i) ORDER BY qty").show()
spark.sql("SELECT mask('AbCd-123', digitChar => 'd') AS m, mask(str => 'xY9', upperChar => 'U')").show()
report("SELECT mask('AbCd', digit => 'd')")
report("SELECT upper(str => 'abc')")
report("SELECT mask('AbCd', str => 'x')")
report("SELECT * FROM sales TABLESAMPLE (BUCKET 4 OUT OF 3)")
spark.stop()
