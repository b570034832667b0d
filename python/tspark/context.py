"""SparkContext and SparkConf: the RDD entry point, bound to a SparkSession's engine.

SparkContext is defined in tspark.sql.session: a context is made from a session
(``spark.sparkContext``) and ``SparkContext()`` makes a session, so in two modules they would
import each other. SparkConf is defined in tspark.conf (as in PySpark), below both. Both are
re-exported here, where PySpark has SparkContext.
"""
from tspark.conf import SparkConf
from tspark.sql.session import SparkContext

__all__ = ["SparkContext", "SparkConf"]
