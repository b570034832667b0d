"""PySpark-named exceptions (``tspark.errors`` mirrors ``pyspark.errors``)."""
from tspark.errors.exceptions import *  # noqa: F401,F403
from tspark.errors.exceptions import PySparkException  # noqa: F401
