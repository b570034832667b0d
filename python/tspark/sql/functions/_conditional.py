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


__all__ = family_all(globals())
