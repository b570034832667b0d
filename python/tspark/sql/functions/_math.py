"""Math functions (Spark's math_funcs group)."""
from typing import Any

from tspark.sql._plan import expressions as E
from tspark.sql.column import Column, to_expr
from tspark.sql._invoke import invoke, invoke_with_literals, num_or_col, to_col_expr
from tspark.sql.functions._family import family_all


def abs(col: Any) -> Column:
    return invoke("abs", col)


def sqrt(col: Any) -> Column:
    return invoke("sqrt", col)


def exp(col: Any) -> Column:
    return invoke("exp", col)


def ln(col: Any) -> Column:
    return invoke("ln", col)


def log(arg1: Any, arg2: Any = None) -> Column:
    """``log(col)`` is the natural logarithm; ``log(base, col)``."""
    if arg2 is None:
        return invoke("ln", arg1)
    return Column(E.function("log", [to_expr(arg1), to_col_expr(arg2)]))


def pow(col1: Any, col2: Any) -> Column:
    return Column(E.function("power", [num_or_col(col1), num_or_col(col2)]))


power = pow


def round(col: Any, scale: int = 0) -> Column:
    return invoke_with_literals("round", col, scale)


def floor(col: Any) -> Column:
    return invoke("floor", col)


def ceil(col: Any) -> Column:
    return invoke("ceil", col)


def ceiling(col: Any) -> Column:
    return invoke("ceiling", col)


def negate(col: Any) -> Column:
    return invoke("negative", col)


negative = negate


def greatest(*cols: Any) -> Column:
    return invoke("greatest", *cols)


def least(*cols: Any) -> Column:
    return invoke("least", *cols)


__all__ = family_all(globals())
