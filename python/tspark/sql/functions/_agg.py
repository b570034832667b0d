"""Aggregate functions (Spark's agg_funcs group)."""
from typing import Any

from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column
from tspark.sql._invoke import invoke, invoke_distinct, invoke_with_literals
from tspark.sql.functions._family import family_all


def sum(col: Any) -> Column:
    return invoke("sum", col)


def avg(col: Any) -> Column:
    return invoke("avg", col)


def mean(col: Any) -> Column:
    """Alias of avg; Spark names the result ``avg(col)``."""
    return invoke("avg", col)


def min(col: Any) -> Column:
    return invoke("min", col)


def max(col: Any) -> Column:
    return invoke("max", col)


def count(col: Any) -> Column:
    """count(col); ``count("*")`` counts rows (``count(1)``, as Spark names it)."""
    if isinstance(col, str) and col == "*":
        return Column(E.function("count", [make_literal(1)]))
    return invoke("count", col)


def countDistinct(col: Any, *cols: Any) -> Column:
    """count(DISTINCT col, ...)."""
    return invoke_distinct("count", col, *cols)


count_distinct = countDistinct


def sumDistinct(col: Any) -> Column:
    return invoke_distinct("sum", col)


sum_distinct = sumDistinct


def first(col: Any, ignorenulls: bool = False) -> Column:
    return invoke_with_literals("first", col, ignorenulls)


def last(col: Any, ignorenulls: bool = False) -> Column:
    return invoke_with_literals("last", col, ignorenulls)


def any_value(col: Any, ignoreNulls: Any = None) -> Column:
    return invoke("any_value", col) if ignoreNulls is None else invoke_with_literals("any_value", col, ignoreNulls)


def collect_list(col: Any) -> Column:
    return invoke("collect_list", col)


def collect_set(col: Any) -> Column:
    return invoke("collect_set", col)


def stddev(col: Any) -> Column:
    return invoke("stddev", col)


def std(col: Any) -> Column:
    return invoke("std", col)


def stddev_samp(col: Any) -> Column:
    return invoke("stddev_samp", col)


def stddev_pop(col: Any) -> Column:
    return invoke("stddev_pop", col)


def variance(col: Any) -> Column:
    return invoke("variance", col)


def var_samp(col: Any) -> Column:
    return invoke("var_samp", col)


def var_pop(col: Any) -> Column:
    return invoke("var_pop", col)


def approx_count_distinct(col: Any) -> Column:
    return invoke("approx_count_distinct", col)


def mode(col: Any, deterministic: bool = False) -> Column:
    return invoke_with_literals("mode", col, deterministic)


__all__ = family_all(globals())
