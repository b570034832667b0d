"""Column constructors and sort orders: ``col``, ``lit``, ``expr``, ``when``, ``asc``/``desc``…

These build expressions themselves (an attribute, a literal, a CASE, a sort order) instead of
calling a registry function, so they are the client-only names of the registry check.
"""
from typing import Any

from tspark.errors import PySparkTypeError
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column, to_expr
from tspark.sql._invoke import to_col_expr
from tspark.sql.functions._family import family_all


def col(col: str) -> Column:
    """A column by name (``"a"``, ``"t.a"``, ``"*"``)."""
    if not isinstance(col, str):
        raise PySparkTypeError(errorClass="NOT_STR", messageParameters={
            "arg_name": "col", "arg_type": type(col).__name__})
    return Column(E.column_from_name(col))


column = col


def lit(col: Any) -> Column:
    """A constant column (a Column passes through)."""
    if isinstance(col, Column):
        return col
    return Column(make_literal(col))


def expr(str: str) -> Column:
    """A SQL expression, parsed by the engine."""
    return Column(E.expr_string(str))


def when(condition: Column, value: Any) -> Column:
    """Start a ``CASE WHEN`` chain; continue with ``.when`` and ``.otherwise``."""
    if not isinstance(condition, Column):
        raise PySparkTypeError(errorClass="NOT_COLUMN", messageParameters={
            "arg_name": "condition", "arg_type": type(condition).__name__})
    return Column(E.case_when([(condition._expr, to_expr(value))]))


def call_function(funcName: str, *cols: Any) -> Column:
    """``funcName(cols…)`` for any function the engine knows, by name (unknown names are UNRESOLVED_ROUTINE)."""
    return Column(E.function(funcName, [to_col_expr(c) for c in cols]))


def asc(col: Any) -> Column:
    """Ascending sort key."""
    return Column(E.sort_order(to_col_expr(col), True, True))


def desc(col: Any) -> Column:
    """Descending sort key."""
    return Column(E.sort_order(to_col_expr(col), False, False))


def asc_nulls_first(col: Any) -> Column:
    """Ascending sort key, nulls first."""
    return Column(E.sort_order(to_col_expr(col), True, True))


def asc_nulls_last(col: Any) -> Column:
    """Ascending sort key, nulls last."""
    return Column(E.sort_order(to_col_expr(col), True, False))


def desc_nulls_first(col: Any) -> Column:
    """Descending sort key, nulls first."""
    return Column(E.sort_order(to_col_expr(col), False, True))


def desc_nulls_last(col: Any) -> Column:
    """Descending sort key, nulls last."""
    return Column(E.sort_order(to_col_expr(col), False, False))


__all__ = family_all(globals())
