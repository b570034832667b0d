"""Time windows (Spark's TimeWindow, SessionWindow, WindowTime): ``window``, ``session_window``
and ``window_time``, as PySpark 4.0's wrappers check and pass their arguments; the engine's
analyzer rewrites them (ts-engine/src/plan/analyzer/rules/time-window.ts)."""
from typing import Any, Optional

from tspark.errors import PySparkTypeError
from tspark.sql._invoke import to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column
from tspark.sql.functions._family import family_all


def _enum_value(v: Any) -> Any:
    # PySpark's _enum_to_value: an Enum member stands for its value
    import enum
    return v.value if isinstance(v, enum.Enum) else v


def _check_str(field: Any, name: str) -> None:
    # PySpark's check_string_field: an empty string fails too
    if not field or type(field) is not str:
        raise PySparkTypeError(errorClass="NOT_STR", messageParameters={
            "arg_name": name, "arg_type": type(field).__name__})


def window(timeColumn: Any, windowDuration: str, slideDuration: Optional[str] = None,
           startTime: Optional[str] = None) -> Column:
    windowDuration = _enum_value(windowDuration)
    slideDuration = _enum_value(slideDuration)
    startTime = _enum_value(startTime)
    time_col = to_col_expr(timeColumn)
    _check_str(windowDuration, "windowDuration")
    # Spark's functions.window fills in the slide (the window) and the start ("0 second")
    slide, start = windowDuration, "0 second"
    if slideDuration and startTime:
        _check_str(slideDuration, "slideDuration")
        _check_str(startTime, "startTime")
        slide, start = slideDuration, startTime
    elif slideDuration:
        _check_str(slideDuration, "slideDuration")
        slide = slideDuration
    elif startTime:
        _check_str(startTime, "startTime")
        start = startTime
    durations = [windowDuration, slide, start]
    return Column(E.function("window", [time_col] + [make_literal(d) for d in durations]))


def session_window(timeColumn: Any, gapDuration: Any) -> Column:
    time_col = to_col_expr(timeColumn)
    gapDuration = _enum_value(gapDuration)
    if gapDuration is None or not isinstance(gapDuration, (str, Column)):
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR", messageParameters={
            "arg_name": "gapDuration", "arg_type": type(gapDuration).__name__})
    gap = make_literal(gapDuration) if isinstance(gapDuration, str) else gapDuration._expr
    return Column(E.function("session_window", [time_col, gap]))


def window_time(windowColumn: Any) -> Column:
    return Column(E.function("window_time", [to_col_expr(windowColumn)]))


__all__ = family_all(globals())
