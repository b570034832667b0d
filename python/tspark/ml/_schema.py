"""Input column checks every stage makes before it builds a plan (Spark's SchemaUtils)."""
from typing import Any

from tspark.errors import IllegalArgumentException

_VECTOR = ("class org.apache.spark.ml.linalg.VectorUDT:"
           "struct<type:tinyint,size:int,indices:array<int>,values:array<double>>")


def _scala_type(dt: Any) -> str:
    from tspark.ml.linalg import VectorUDT
    from tspark.sql import types as T
    if isinstance(dt, VectorUDT):
        return _VECTOR
    # Spark's atomic types are Scala objects (DoubleType$); the parameterised ones are classes
    singleton = not isinstance(dt, (T.ArrayType, T.MapType, T.StructType, T.DecimalType, T.UserDefinedType))
    return "class org.apache.spark.sql.types.%s%s:%s" % (type(dt).__name__, "$" if singleton else "", dt.simpleString())


def check_vector_column(dataset: Any, column: str) -> None:
    """Raises Spark's IllegalArgumentException unless ``column`` holds vectors."""
    from tspark.ml.linalg import VectorUDT
    dt = dataset.schema[column].dataType
    if not isinstance(dt, VectorUDT):
        raise IllegalArgumentException(
            "requirement failed: Column %s must be of type %s but was actually %s." % (column, _VECTOR, _scala_type(dt)))
