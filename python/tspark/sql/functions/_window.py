"""Window functions (Spark's window_funcs group): ranking and offset functions, used with ``.over(w)``."""
from typing import Any

from tspark.sql._invoke import invoke_with_literals, to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column, to_expr
from tspark.sql.functions._family import family_all


def row_number() -> Column:
    return Column(E.function("row_number", []))


def rank() -> Column:
    return Column(E.function("rank", []))


def dense_rank() -> Column:
    return Column(E.function("dense_rank", []))


def percent_rank() -> Column:
    return Column(E.function("percent_rank", []))


def cume_dist() -> Column:
    return Column(E.function("cume_dist", []))


def ntile(n: int) -> Column:
    return Column(E.function("ntile", [make_literal(n)]))


def lag(col: Any, offset: int = 1, default: Any = None) -> Column:
    return Column(E.function("lag", [to_col_expr(col), make_literal(offset), to_expr(default)]))


def lead(col: Any, offset: int = 1, default: Any = None) -> Column:
    return Column(E.function("lead", [to_col_expr(col), make_literal(offset), to_expr(default)]))


def nth_value(col: Any, offset: int, ignoreNulls: bool = False) -> Column:
    return invoke_with_literals("nth_value", col, offset, ignoreNulls)


__all__ = family_all(globals())
