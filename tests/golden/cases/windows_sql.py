from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("golden").getOrCreate()
df = spark.createDataFrame([("a", 1, 10.0), ("a", 2, None), ("a", 3, 30.0), ("b", 5, 1.0), ("b", 6, None)], "k STRING, v INT, x DOUBLE")
df.createOrReplaceTempView("t")
spark.sql("SELECT k, v, row_number() OVER (PARTITION BY k ORDER BY v) AS rn, "
          "sum(x) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM t ORDER BY k, v").show()
print(spark.sql("SELECT sum(x) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), rank() OVER (ORDER BY v DESC), "
                "count(*) OVER (), lag(x, 2, 0) OVER (PARTITION BY k ORDER BY v), "
                "max(v) OVER (ORDER BY v RANGE BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING), min(v) OVER (ORDER BY v ROWS 2 PRECEDING) FROM t").columns)
spark.sql("SELECT k, v, rank() OVER w AS r, sum(x) OVER w AS s FROM t WINDOW w AS (PARTITION BY k ORDER BY v) ORDER BY k, v").show()
spark.sql("SELECT k, v, rank() OVER (w) AS r FROM t WINDOW w1 AS (PARTITION BY k ORDER BY v DESC), w AS w1 ORDER BY k, v").show()
df.selectExpr("k", "v", "row_number() over (partition by k order by v desc) as rn", "avg(x) over (partition by k) as a").orderBy("k", "v").show()
df.select("v", F.expr("sum(v) over (order by v range between 2 preceding and 1 following)").alias("s")).orderBy("v").show()
spark.sql("SELECT k, sum(v) AS s, rank() OVER (ORDER BY sum(v) DESC) AS r FROM t GROUP BY k ORDER BY k").show()
spark.sql("SELECT k, v, last(x) IGNORE NULLS OVER (PARTITION BY k ORDER BY v) AS l, "
          "row_number() OVER (DISTRIBUTE BY k SORT BY v DESC) AS rn FROM t ORDER BY k, v").show()
for q in ["SELECT k, rank() OVER w AS r FROM t", "SELECT k FROM t WHERE row_number() OVER (ORDER BY v) = 1"]:
    try:
        spark.sql(q).collect()
    except Exception as e:
        print(type(e).__name__, e.getCondition())
spark.stop()
