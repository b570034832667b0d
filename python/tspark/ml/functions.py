"""``pyspark.ml.functions``: vector ⇄ array conversions, run in the engine."""
from typing import Any

from tspark.sql._invoke import invoke, to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column

__all__ = ["vector_to_array", "array_to_vector"]


def vector_to_array(col: Any, dtype: str = "float64") -> Column:
    """A vector column as dense arrays of ``dtype`` ("float64" or "float32")."""
    return Column(E.function("vector_to_array", [to_col_expr(col), make_literal(dtype)]))


def array_to_vector(col: Any) -> Column:
    """A numeric array column as dense vectors."""
    return invoke("array_to_vector", col)
