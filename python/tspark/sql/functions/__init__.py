"""``tspark.sql.functions`` mirrors ``pyspark.sql.functions``."""
from tspark.sql.functions.builtin import *  # noqa: F401,F403
from tspark.sql.functions.builtin import __all__  # noqa: F401
