"""Null handling and conditional functions (Spark's conditional_funcs and predicate_funcs)."""
from typing import Any

from tspark.sql.column import Column
from tspark.sql._invoke import invoke
from tspark.sql.functions._family import family_all


def isnull(col: Any) -> Column:
    return invoke("isnull", col)


def isnotnull(col: Any) -> Column:
    return invoke("isnotnull", col)


def coalesce(*cols: Any) -> Column:
    return invoke("coalesce", *cols)


def isnan(col: Any) -> Column:
    return invoke("isnan", col)


def nvl(col1: Any, col2: Any) -> Column:
    return invoke("nvl", col1, col2)


def nullif(col1: Any, col2: Any) -> Column:
    return invoke("nullif", col1, col2)


def ifnull(col1: Any, col2: Any) -> Column:
    return invoke("ifnull", col1, col2)


def nanvl(col1: Any, col2: Any) -> Column:
    return invoke("nanvl", col1, col2)


def equal_null(col1: Any, col2: Any) -> Column:
    return invoke("equal_null", col1, col2)


def nvl2(col1: Any, col2: Any, col3: Any) -> Column:
    return invoke("nvl2", col1, col2, col3)


def nullifzero(col: Any) -> Column:
    return invoke("nullifzero", col)


def zeroifnull(col: Any) -> Column:
    return invoke("zeroifnull", col)


__all__ = family_all(globals())
