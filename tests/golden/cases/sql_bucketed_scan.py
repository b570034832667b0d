import contextlib
import io
import re
import shutil

from pyspark.sql import SparkSession

# Reads of bucketed tables: explain's FileScan line (the table's name, Spark's "Bucketed" and
# "SelectedBucketsCount" metadata), buckets pruned by equality / IN / IS NULL filters on the
# bucket column, aggregates and sort-merge joins on the bucket columns with no exchange (the
# side with fewer buckets, or an unbucketed side, shuffled into the other's buckets), and a
# scan that gains nothing from its buckets read as files (DisableUnnecessaryBucketedScan)
WH = "/tmp/tspark-golden-sql-bucketed-scan-warehouse"
shutil.rmtree(WH, ignore_errors=True)
spark = SparkSession.builder.appName("golden").config("spark.sql.warehouse.dir", WH) \
    .config("spark.sql.session.timeZone", "UTC").getOrCreate()


def explain(df):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    text = re.sub(r"plan_id=\d+", "plan_id=N", re.sub(r"#\d+", "#N", buf.getvalue()))
    print(re.sub(r"\[file:[^\]]*\]", "[<location>]", text), end="")


spark.range(40).selectExpr("id", "CAST(id AS STRING) AS s", "id % 3 AS k").write.bucketBy(4, "id").sortBy("id").saveAsTable("bt")
spark.range(0, 60, 2).selectExpr("id", "id * 2 AS v").write.bucketBy(4, "id").saveAsTable("bt4")
spark.range(0, 60, 3).selectExpr("id", "id * 3 AS w").write.bucketBy(5, "id").saveAsTable("bt5")
spark.range(0, 60, 5).selectExpr("id", "id * 5 AS u").write.saveAsTable("plain")
spark.sql("CREATE TABLE ct (a INT, b STRING) USING parquet CLUSTERED BY (a) SORTED BY (a) INTO 3 BUCKETS")
spark.sql("INSERT INTO ct VALUES (1, 'x'), (2, 'y'), (3, 'z'), (4, 'w'), (NULL, 'n')")

# no operator above needs the buckets: files read as any table's, pruned all the same
explain(spark.table("bt"))
explain(spark.table("bt").filter("id = 3"))
print(spark.table("bt").filter("id IN (1, 2, 7, 100)").orderBy("id").collect())
explain(spark.sql("SELECT * FROM ct WHERE a = 2"))
print(spark.sql("SELECT * FROM ct WHERE a = 2 OR a IS NULL ORDER BY a").collect())

# an aggregate on the bucket columns reads by bucket, with no exchange
for q in [spark.table("bt").filter("id = 3").groupBy("id").count(),
          spark.table("bt").filter("id IN (1, 2, 7) OR id = 9").groupBy("id", "k").count(),
          spark.table("bt").groupBy("k").count(),
          spark.table("bt").groupBy().count(),
          spark.sql("SELECT a, count(*) FROM ct WHERE a IS NULL GROUP BY a")]:
    explain(q)
    print(sorted(q.collect()))
explain(spark.sql("SELECT id, row_number() OVER (PARTITION BY id ORDER BY s) AS r FROM bt"))

# sort-merge joins on the bucket column
spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1")
for other in ["bt4", "bt5", "plain"]:
    j = spark.table("bt").join(spark.table(other), "id")
    explain(j)
    print(j.count(), j.groupBy().sum().collect())
j = spark.sql("SELECT bt.id, v FROM bt JOIN bt4 ON bt.id = bt4.id WHERE bt.id IN (2, 6, 7)")
explain(j)
print(sorted(j.collect()))

spark.conf.set("spark.sql.sources.bucketing.autoBucketedScan.enabled", "false")
explain(spark.table("bt").filter("id = 3"))
spark.conf.set("spark.sql.sources.bucketing.enabled", "false")
explain(spark.table("bt").groupBy("id").count())
