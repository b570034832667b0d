# sample(withReplacement=True) at fractions of 40 and more: commons-math's PoissonDistribution
# switches there to its rejection method (normal and exponential deviates on the same
# Well19937c), which tspark repeats, so a seed gives Spark's copies of each row (issue 9 §7).
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("golden").getOrCreate()


def copies(df):
    return [(r.id, r["count"]) for r in df.groupBy("id").count().orderBy("id").collect()]


# the seeds frame_sample_replacement checks at small fractions, and others
for fraction, seed in [(40.0, 42), (40.0, 7), (45.5, 7), (64.0, 0), (100.0, 3), (39.99, 42), (1000.25, -5)]:
    df = spark.range(0, 12, 1, 2).sample(True, fraction, seed)
    print(fraction, seed, df.count(), copies(df))
print(copies(spark.range(0, 30, 1, 3).sample(True, 50.0, 123456789012345)))
print(spark.range(0, 400, 1, 4).sample(withReplacement=True, fraction=41.7, seed=99).count())
spark.stop()
