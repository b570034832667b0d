# sample(withReplacement=True): Spark's PoissonSampler, seeded per partition as
# PartitionwiseSampledRDD does, so a seed gives Spark's exact rows and copies (issue 9 §7).
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("golden").getOrCreate()
r = spark.range(20)
print([x.id for x in r.sample(True, 0.5, 42).collect()])
print([x.id for x in r.sample(True, 1.5, 7).collect()])
print([x.id for x in r.sample(withReplacement=True, fraction=2.0, seed=0).collect()])
print([x.id for x in spark.range(0, 30, 1, 3).sample(True, 0.8, 3).collect()])
print([x.id for x in spark.range(0, 30, 1, 3).sample(True, 3.0, -5).collect()])
print(spark.range(1000).sample(True, 0.3, 5).count())
print(spark.range(100).sample(withReplacement=True, fraction=0.0000001, seed=1).count())
print(spark.range(100).sample(True, 0.1, 123456789012345).collect())
print(spark.range(0, 40, 1, 4).filter("id % 3 != 0").sample(True, 1.0, 99).groupBy().count().collect())
spark.range(20).sample(True, 0.5, 42).explain()
spark.stop()
