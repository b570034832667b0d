"""``pyspark.conf`` location of SparkConf."""
from tspark.context import SparkConf

__all__ = ["SparkConf"]
