"""``tspark.sql.functions`` mirrors ``pyspark.sql.functions``."""
from tspark.sql.functions.builtin import *  # noqa: F401,F403
from tspark.sql.functions.builtin import __all__  # noqa: F401
from tspark.sql.functions import partitioning  # noqa: F401,E402 - pyspark.sql.functions.partitioning (Spark 4.0)
from tspark.sql.udf import PandasUDFType  # noqa: F401,E402 - pyspark.sql.functions.PandasUDFType (not in __all__, as in PySpark)
