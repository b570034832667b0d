from _fixtures import golden_session
from pyspark.sql import functions as F

# df.lateralJoin (PySpark 4.0) with col.outer() references: per-row values, a correlated aggregate,
# a left lateral join, a join condition, and the join types it refuses
spark = golden_session()
t1 = spark.createDataFrame([(0, 1), (1, 2)], ["c1", "c2"]).alias("t1")
t2 = spark.createDataFrame([(0, 2), (0, 3)], ["c1", "c2"]).alias("t2")
t1.lateralJoin(spark.range(1).select((F.col("c1").outer() + F.col("c2").outer()).alias("c3"))).orderBy("c1").show()
t1.lateralJoin(t2.where(F.col("t1.c1").outer() == F.col("t2.c1")).select(F.sum("t2.c2").alias("s"))).orderBy("t1.c1").show()
t1.lateralJoin(t2.where(F.col("t1.c1").outer() == F.col("t2.c1")).select(F.col("t2.c2").alias("v")), how="left").orderBy("t1.c1", "v").show()
t1.lateralJoin(t2.select(F.col("c2").alias("v")), F.col("v") > F.col("t1.c2")).orderBy("t1.c1", "v").show()
try:
    t1.lateralJoin(t2, how="full").show()
except Exception as e:
    print(type(e).__name__, str(e).split("\n")[0])
