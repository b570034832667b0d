"""Classic RDD word count: lambdas are cloudpickled and run by the engine's Python workers.

    python examples/wordcount.py [path]
"""
import sys

from tspark.sql import SparkSession

spark = SparkSession.builder.appName("wordcount").getOrCreate()
sc = spark.sparkContext

if len(sys.argv) > 1:
    lines = sc.textFile(sys.argv[1])
else:
    lines = sc.parallelize(
        ["to be or not to be", "that is the question", "whether tis nobler in the mind to suffer"], 2
    )

counts = lines.flatMap(lambda line: line.split()).map(lambda w: (w.lower(), 1)).reduceByKey(lambda a, b: a + b)
for word, n in sorted(counts.collect(), key=lambda kv: (-kv[1], kv[0]))[:10]:
    print(f"{word}\t{n}")

spark.stop()
