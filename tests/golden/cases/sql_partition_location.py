import os
import tempfile

from pyspark.sql import SparkSession

# ALTER TABLE … ADD PARTITION … LOCATION: the partition's files read from there, rows inserted
# into it afterwards, SHOW PARTITIONS, and DROP PARTITION of a managed table deleting them
spark = SparkSession.builder.appName("golden").config("spark.sql.warehouse.dir", tempfile.mkdtemp()).getOrCreate()


def report(q):
    try:
        spark.sql(q).collect()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.getCondition())
        print(str(e))


outside = tempfile.mkdtemp()
p2 = os.path.join(outside, "p2")
spark.createDataFrame([(7, "x"), (9, "y")], "a INT, b STRING").write.parquet(p2)
spark.sql("CREATE TABLE pt (a INT, b STRING, p INT) USING parquet PARTITIONED BY (p)")
spark.sql("INSERT INTO pt VALUES (1, 'a', 1)")
spark.sql("ALTER TABLE pt ADD PARTITION (p=2) LOCATION '%s'" % p2)
spark.sql("SHOW PARTITIONS pt").show()
spark.sql("SELECT * FROM pt ORDER BY a").show()
spark.sql("INSERT INTO pt PARTITION (p=2) VALUES (8, 'z')")
spark.sql("SELECT p, count(*), sum(a) FROM pt GROUP BY p ORDER BY p").show()
fresh = os.path.join(outside, "new", "p3")
spark.sql("ALTER TABLE pt ADD PARTITION (p=3) LOCATION '%s'" % fresh)
print(os.path.isdir(fresh))
spark.sql("SHOW PARTITIONS pt").show()
report("ALTER TABLE pt ADD PARTITION (p=3) LOCATION '%s'" % fresh)
spark.sql("ALTER TABLE pt ADD IF NOT EXISTS PARTITION (p=3) LOCATION '%s'" % fresh)
spark.sql("ALTER TABLE pt DROP PARTITION (p=2)")
print(os.path.exists(p2))
spark.sql("SELECT * FROM pt ORDER BY a").show()
