from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("golden").getOrCreate()
sc = spark.sparkContext
lines = sc.parallelize(["the quick brown fox", "jumps over the lazy dog", "the end"], 2)
counts = lines.flatMap(lambda l: l.split()).map(lambda w: (w, 1)).reduceByKey(lambda a, b: a + b)
print(sorted(counts.collect()))
nums = sc.parallelize(range(1, 101), 4)
print(nums.count(), nums.filter(lambda n: n % 7 == 0).collect(), nums.map(lambda n: n * n).take(3))
print(nums.reduce(lambda a, b: a + b), nums.sum(), nums.first())
print(nums.mapPartitions(lambda it: [sum(it)]).collect())
print(sorted(sc.parallelize([("a", 1), ("b", 2), ("a", 3)]).reduceByKey(lambda a, b: a + b, 3).collect()))
try:
    sc.parallelize([1, 2, 0]).map(lambda x: 10 // x).collect()
except Exception as e:
    print("lambda error", "ZeroDivisionError" in str(e))
print(sc.parallelize([1, 2, 3]).map(lambda x: x + 1).collect())
spark.stop()
