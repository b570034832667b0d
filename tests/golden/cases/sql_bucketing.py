import glob
import os
import re
import shutil

import pyarrow.parquet as pq
from pyspark.sql import SparkSession, functions as F
from pyspark.sql.functions import partitioning as P

# Bucketed tables (bucketBy / sortBy, CLUSTERED BY … SORTED BY … INTO n BUCKETS, a bucket()
# partition transform of writeTo) and the other partition transforms on the session catalog:
# which rows go to which bucket file (Spark's pmod(hash(cols), n) and its _0000b file names),
# each file sorted by the sort columns, DESCRIBE / SHOW CREATE TABLE / listColumns, and errors
WH = "/tmp/tspark-golden-sql-bucketing-warehouse"
shutil.rmtree(WH, ignore_errors=True)
spark = SparkSession.builder.appName("golden").config("spark.sql.warehouse.dir", WH) \
    .config("spark.sql.session.timeZone", "UTC").getOrCreate()


def report(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.getCondition())
        print(str(e).split("\n")[0] or str(e).split("\n")[1])


def describe(t):
    for r in spark.sql("DESCRIBE EXTENDED %s" % t).collect():
        if r[0] in ("Created Time",):
            continue
        print(tuple(r))


def buckets(t, sort_col=None):
    """Each bucket's rows (ids sorted), from the files' names; and whether every file is sorted."""
    by_bucket = {}
    for f in sorted(glob.glob(os.path.join(WH, t, "**", "part-*"), recursive=True)):
        m = re.search(r"_(\d{5})\.c000", os.path.basename(f))
        rel = os.path.relpath(os.path.dirname(f), os.path.join(WH, t))
        rows = pq.read_table(f).to_pylist() if f.endswith(".parquet") else [eval(line.replace("null", "None")) for line in open(f)]
        if sort_col is not None:
            keys = [r[sort_col] for r in rows]
            assert keys == sorted(keys), (f, keys)
        key = (rel, m.group(1) if m else None)
        by_bucket.setdefault(key, []).extend(sorted(r["id"] for r in rows))
    for k in sorted(by_bucket):
        print(k, sorted(by_bucket[k]))


df = spark.createDataFrame([(i, "s%d" % (i % 3), i % 2) for i in range(12)], "id INT, s STRING, p INT")
df.write.bucketBy(3, "id").sortBy("s").saveAsTable("b1")
buckets("b1", "s")
describe("b1")
print(spark.sql("SHOW CREATE TABLE b1").collect()[0][0])
print([(c.name, c.isBucket, c.isPartition) for c in spark.catalog.listColumns("b1")])
print(spark.table("b1").orderBy("id").collect())
print(spark.sql("SELECT id, pmod(hash(id), 3) AS b FROM b1 ORDER BY id").collect())

df.write.partitionBy("p").bucketBy(2, "id", "s").saveAsTable("b2")
buckets("b2")
describe("b2")

# appends must name the table's bucketing; overwrite replaces the table (and its bucketing)
df.write.mode("append").bucketBy(3, "id").sortBy("s").saveAsTable("b1")
print(spark.table("b1").count())
report(lambda: df.write.mode("append").bucketBy(2, "id").saveAsTable("b1"))
report(lambda: df.write.mode("append").saveAsTable("b1"))
df.write.mode("overwrite").saveAsTable("b1")
print([r[0] for r in spark.sql("DESCRIBE EXTENDED b1").collect() if "Bucket" in r[0]])

# the writer's checks
report(lambda: df.write.bucketBy(3, "id").parquet(WH + "/x"))
report(lambda: df.write.bucketBy(3, "id").sortBy("s").parquet(WH + "/x"))
report(lambda: df.write.sortBy("s").saveAsTable("b3"))
report(lambda: df.write.sortBy("s").parquet(WH + "/x"))
report(lambda: df.write.bucketBy(2, "id").insertInto("b2"))
report(lambda: df.write.bucketBy(0, "id").saveAsTable("b3"))
report(lambda: df.write.bucketBy(100001, "id").saveAsTable("b3"))
report(lambda: df.write.bucketBy(2, "zz").saveAsTable("b3"))
report(lambda: df.write.bucketBy(2, "id").sortBy("zz").saveAsTable("b3"))
report(lambda: df.write.partitionBy("p").bucketBy(2, "p").saveAsTable("b3"))
report(lambda: df.write.partitionBy("p").bucketBy(2, "id").sortBy("p").saveAsTable("b3"))
report(lambda: df.write.bucketBy("2", "id"))
report(lambda: df.write.bucketBy(2, ["id"], "s"))
report(lambda: df.write.sortBy("s", 1))

# SQL: CLUSTERED BY … SORTED BY … INTO n BUCKETS, INSERT writes bucket files, LIKE copies the spec
spark.sql("CREATE TABLE c1 (id INT, b STRING, c INT) USING parquet PARTITIONED BY (c) CLUSTERED BY (id) SORTED BY (b ASC) INTO 4 BUCKETS")
spark.sql("INSERT INTO c1 VALUES (1, 'x', 1), (2, 'y', 1), (3, 'z', 2), (4, 'w', 2), (5, 'v', 1), (6, 'u', 1)")
buckets("c1", "b")
describe("c1")
print(spark.sql("SHOW CREATE TABLE c1").collect()[0][0])
spark.sql("CREATE TABLE c2 USING json CLUSTERED BY (id) INTO 2 BUCKETS AS SELECT id FROM range(6)")
buckets("c2")
spark.sql("CREATE TABLE c3 LIKE c1")
print(spark.sql("SHOW CREATE TABLE c3").collect()[0][0])
spark.sql("CREATE TABLE c4 (id INT, b INT) USING parquet PARTITIONED BY (b, bucket(3, id))")
print(spark.sql("SHOW CREATE TABLE c4").collect()[0][0])
report(lambda: spark.sql("CREATE TABLE c5 (a INT, b STRING) USING parquet CLUSTERED BY (a) SORTED BY (b DESC) INTO 4 BUCKETS"))
report(lambda: spark.sql("CREATE TABLE c5 (a INT) USING parquet CLUSTERED BY (a) INTO 0 BUCKETS"))
report(lambda: spark.sql("CREATE TABLE c5 (a INT) USING parquet CLUSTERED BY (z) INTO 2 BUCKETS"))
report(lambda: spark.sql("CREATE TABLE c5 (a INT) USING parquet CLUSTERED BY (a) SORTED BY (z) INTO 2 BUCKETS"))
report(lambda: spark.sql("CREATE TABLE c5 (a INT, b INT) USING parquet PARTITIONED BY (b) CLUSTERED BY (b) INTO 2 BUCKETS"))
report(lambda: spark.sql("CREATE TABLE c5 (a INT, b INT) USING parquet PARTITIONED BY (bucket(3, a)) CLUSTERED BY (b) INTO 2 BUCKETS"))
report(lambda: spark.sql("CREATE TABLE c5 (a INT, ts TIMESTAMP) USING parquet PARTITIONED BY (years(ts))"))

# writeTo(t).partitionedBy with partition transforms: bucket() is a bucketed table, the others are refused
ts = spark.sql("SELECT id, CAST(id AS STRING) AS s, TIMESTAMP'2024-01-02 03:04:05' + make_dt_interval(CAST(id AS INT)) AS ts FROM range(6)")
ts.writeTo("t_b").partitionedBy("s", P.bucket(2, "id")).create()
buckets("t_b")
print(spark.sql("SHOW CREATE TABLE t_b").collect()[0][0])
ts.writeTo("t_c").partitionedBy(P.bucket(F.lit(3), "id")).create()
buckets("t_c")
for name, c in [("years", P.years("ts")), ("months", P.months("ts")), ("days", P.days("ts")), ("hours", P.hours("ts"))]:
    report(lambda: ts.writeTo("t_" + name).partitionedBy(c).create())
report(lambda: ts.writeTo("t_b").partitionedBy(P.years("ts")).create())
report(lambda: ts.writeTo("t_x").partitionedBy(P.bucket(2, "id"), P.bucket(3, "s")).create())
report(lambda: ts.writeTo("t_x").partitionedBy(P.bucket(0, "id")).create())
report(lambda: ts.writeTo("t_x").partitionedBy(F.col("id") + 1).create())
report(lambda: P.bucket("2", "id"))
report(lambda: ts.writeTo("t_x").partitionedBy(P.years("ts")).createOrReplace())
report(lambda: ts.writeTo("t_b").overwrite(F.col("id") > 2))
report(lambda: ts.writeTo("nope").overwrite(F.col("id") > 2))
report(lambda: ts.writeTo("t_b").append())
