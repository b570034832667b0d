"""Date and time functions (Spark's datetime_funcs group)."""
from typing import Any, Optional

from tspark.sql._plan import expressions as E
from tspark.sql.column import Column
from tspark.sql._invoke import invoke, invoke_with_literals, lit_or_col, to_col_expr
from tspark.sql.functions._family import family_all


def year(col: Any) -> Column:
    return invoke("year", col)


def month(col: Any) -> Column:
    return invoke("month", col)


def day(col: Any) -> Column:
    return invoke("day", col)


def dayofmonth(col: Any) -> Column:
    return invoke("dayofmonth", col)


def to_date(col: Any, format: Optional[str] = None) -> Column:
    return invoke("to_date", col) if format is None else invoke_with_literals("to_date", col, format)


def date_add(start: Any, days: Any) -> Column:
    return Column(E.function("date_add", [to_col_expr(start, "start"), lit_or_col(days, int)]))


def date_sub(start: Any, days: Any) -> Column:
    return Column(E.function("date_sub", [to_col_expr(start, "start"), lit_or_col(days, int)]))


def current_date() -> Column:
    return Column(E.function("current_date", []))


def current_timestamp() -> Column:
    return Column(E.function("current_timestamp", []))


__all__ = family_all(globals())
