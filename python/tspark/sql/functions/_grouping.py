"""Spark's grouping functions: which grouping set a row of a cube, rollup or groupingSets aggregate belongs to."""
from typing import Any

from tspark.sql._invoke import invoke
from tspark.sql.column import Column
from tspark.sql.functions._family import family_all


def grouping(col: Any) -> Column:
    """1 (tinyint) when ``col`` is aggregated away in the row's grouping set, else 0."""
    return invoke("grouping", col)


def grouping_id(*cols: Any) -> Column:
    """The row's grouping set as a bit mask (bigint); ``cols``, when given, must be the grouping columns."""
    return invoke("grouping_id", *cols)


__all__ = family_all(globals())
