"""The try_* arithmetic family: the operator's result, or null where it would fail."""
from typing import Any

from tspark.sql.column import Column
from tspark.sql._invoke import invoke
from tspark.sql.functions._family import family_all


def try_add(left: Any, right: Any) -> Column:
    """``left + right``, null on overflow."""
    return invoke("try_add", left, right)


def try_subtract(left: Any, right: Any) -> Column:
    """``left - right``, null on overflow."""
    return invoke("try_subtract", left, right)


def try_multiply(left: Any, right: Any) -> Column:
    """``left * right``, null on overflow."""
    return invoke("try_multiply", left, right)


def try_divide(left: Any, right: Any) -> Column:
    """``left / right``, null when ``right`` is 0 or on overflow."""
    return invoke("try_divide", left, right)


def try_mod(left: Any, right: Any) -> Column:
    """``left % right``, null when ``right`` is 0."""
    return invoke("try_mod", left, right)


__all__ = family_all(globals())
