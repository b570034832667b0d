"""``tspark.sql`` mirrors ``pyspark.sql``: SparkSession, DataFrame, Column, Row, functions, types."""
from tspark.sql.row import Row
from tspark.sql.types import *  # noqa: F401,F403  (not re-exported in __all__, as in PySpark)
from tspark.sql.column import Column
from tspark.sql.dataframe import DataFrame
from tspark.sql.group import GroupedData
from tspark.sql.session import SparkSession
from tspark.sql.conf import RuntimeConfig
from tspark.sql.udf import UserDefinedFunction, UDFRegistration
from tspark.sql.window import Window, WindowSpec
from tspark.sql.observation import Observation
from tspark.sql import functions, types  # noqa: F401

__all__ = ["SparkSession", "DataFrame", "Column", "Row", "GroupedData", "RuntimeConfig",
           "UserDefinedFunction", "UDFRegistration", "Window", "WindowSpec", "Observation", "functions", "types"]
