# RDD actions: reduce/fold/aggregate (and their tree forms), count/sum/max/min with keys,
# take/first/top/takeOrdered/takeSample with a seed, countByValue, isEmpty, foreach and
# foreachPartition, stats (StatCounter) and its parts, histogram (even and given buckets),
# the approximate actions, and the errors PySpark raises on the client.
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("golden").getOrCreate()
sc = spark.sparkContext
n = sc.parallelize(range(1, 21), 4)
print(n.reduce(lambda a, b: a + b), n.fold(0, lambda a, b: a + b), n.fold(1, lambda a, b: a + b))
print(n.aggregate((0, 0), lambda acc, v: (acc[0] + v, acc[1] + 1), lambda a, b: (a[0] + b[0], a[1] + b[1])))
print(n.treeReduce(lambda a, b: a + b), n.treeReduce(lambda a, b: a + b, 3))
print(n.treeAggregate(0, lambda a, b: a + b, lambda a, b: a + b), sc.parallelize(range(100), 10).treeAggregate(0, lambda a, b: a + b, lambda a, b: a + b, 2))
print(n.count(), n.sum(), n.max(), n.min(), n.max(key=lambda v: -v), n.min(key=lambda v: v % 7))
print(n.take(3), n.take(100)[-2:], n.first(), n.top(3), n.takeOrdered(4), n.takeOrdered(3, key=lambda v: -v))
print(n.top(2, key=lambda v: v % 5))
print(n.takeSample(False, 5, 3), n.takeSample(True, 4, 9), len(n.takeSample(False, 50, 1)))
print(sorted(sc.parallelize("abracadabra").countByValue().items()), type(sc.parallelize([1]).countByValue()).__name__)
print(sc.parallelize([]).isEmpty(), n.isEmpty(), sc.emptyRDD().isEmpty())
print(n.foreach(lambda v: None), n.foreachPartition(lambda it: None))
st = sc.parallelize([1.0, 2.0, 3.0, 4.0, 10.0], 2).stats()
print(st)
print(st.count(), st.mean(), st.sum(), st.min(), st.max(), st.variance(), st.sampleVariance(), st.stdev(), st.sampleStdev())
print(sorted(st.asDict().items()))
d = sc.parallelize([2, 4, 4, 4, 5, 5, 7, 9], 3)
print(d.mean(), d.variance(), d.stdev(), d.sampleStdev(), d.sampleVariance())
print(sc.parallelize(range(51)).histogram(2), sc.parallelize(range(51)).histogram([0, 5, 25, 50]))
print(sc.parallelize(range(51)).histogram([0, 15, 30, 45, 60]), sc.parallelize(["ab", "ac", "b", "bd", "ef"]).histogram(("a", "b", "c")))
print(sc.parallelize([1.0, 2.5, float("nan"), 4.0]).histogram(3))
print(n.countApprox(1000), n.sumApprox(1000), n.meanApprox(1000), n.countApproxDistinct())
for f in (lambda: sc.parallelize([]).reduce(lambda a, b: a), lambda: sc.parallelize([]).first(),
          lambda: n.top(-1), lambda: n.takeSample(False, -1), lambda: n.sample(False, -0.5),
          lambda: n.coalesce(0), lambda: n.zip(sc.parallelize(range(20), 3)),
          lambda: n.treeReduce(lambda a, b: a, 0), lambda: sc.parallelize([]).treeReduce(lambda a, b: a),
          lambda: n.randomSplit([1, -1]), lambda: n.histogram([3, 1])):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
spark.stop()
