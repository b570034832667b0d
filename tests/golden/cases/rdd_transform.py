# RDD narrow transformations with their partition layout (glom): map/flatMap/filter/
# mapPartitions(WithIndex), glom, keyBy, union, coalesce, repartition (Spark's round robin
# from XORShiftRandom), zip, zipWithIndex, zipWithUniqueId, cartesian, sample/randomSplit
# with seeds, pipe, distinct.
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("golden").getOrCreate()
sc = spark.sparkContext
a = sc.parallelize(range(10), 3)
print(a.glom().collect(), a.getNumPartitions())
print(a.map(lambda x: x * 2).filter(lambda x: x % 3 != 0).glom().collect())
print(a.flatMap(lambda x: [x] * (x % 3)).glom().collect())
print(a.mapPartitionsWithIndex(lambda i, it: [(i, sum(it))]).collect())
print(a.mapPartitions(lambda it: [max(it, default=-1)]).collect())
print(a.keyBy(lambda x: x % 4).glom().collect())
b = sc.parallelize(["x", "y", "z"], 2)
u = a.union(b)
print(u.getNumPartitions(), u.glom().collect())
print(sc.union([b, b, a]).getNumPartitions(), sc.union([b, a]).collect())
print(a.coalesce(2).glom().collect(), a.coalesce(5).getNumPartitions())
print(sc.parallelize(range(20), 7).coalesce(3).glom().collect())
print(sc.parallelize(range(40), 3).repartition(4).glom().collect())
print(sc.parallelize(range(25), 2).repartition(3).glom().collect())
print(sc.parallelize(range(6), 2).zip(sc.parallelize("abcdef", 2)).glom().collect())
print(sc.parallelize(list("abcde"), 3).zipWithIndex().glom().collect())
print(sc.parallelize(list("abcde"), 3).zipWithUniqueId().collect())
c = sc.parallelize([1, 2], 2).cartesian(sc.parallelize(["p", "q", "r"], 2))
print(c.getNumPartitions(), c.glom().collect())
s = sc.parallelize(range(100), 4)
print(s.sample(False, 0.1, 42).collect())
print(s.sample(True, 0.1, 7).collect())
print([r.collect() for r in sc.parallelize(range(20), 2).randomSplit([1.0, 3.0], 11)])
print(sc.parallelize(["b a", "c"], 2).pipe("cat").collect(), sc.parallelize([3, 1, 2], 1).pipe("sort").collect())
print(sorted(sc.parallelize([1, 2, 2, 3, 3, 3], 3).distinct().collect()))
print(sc.parallelize([1, 2, 2, 3, 3, 3, 4], 3).distinct(2).glom().collect())
print(sc.emptyRDD().getNumPartitions(), sc.emptyRDD().collect(), sc.range(3, 9, 2).collect())
spark.stop()
