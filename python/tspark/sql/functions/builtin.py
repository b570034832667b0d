"""Spark SQL functions as one-line wrappers; the name is the engine's registry name."""
from typing import Any, Callable, Optional, Union

from tspark.errors import PySparkTypeError
from tspark.sql import types as T
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column, to_expr
from tspark.sql._invoke import invoke, invoke_distinct, invoke_with_literals, to_col_expr


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


def asc(col: Any) -> Column:
    """Ascending sort key."""
    return Column(E.sort_order(to_col_expr(col), True, True))


def desc(col: Any) -> Column:
    """Descending sort key."""
    return Column(E.sort_order(to_col_expr(col), False, False))


def asc_nulls_first(col: Any) -> Column:
    return Column(E.sort_order(to_col_expr(col), True, True))


def asc_nulls_last(col: Any) -> Column:
    return Column(E.sort_order(to_col_expr(col), True, False))


def desc_nulls_first(col: Any) -> Column:
    return Column(E.sort_order(to_col_expr(col), False, True))


def desc_nulls_last(col: Any) -> Column:
    return Column(E.sort_order(to_col_expr(col), False, False))


# --- aggregates ---
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


def collect_list(col: Any) -> Column:
    return invoke("collect_list", col)


def collect_set(col: Any) -> Column:
    return invoke("collect_set", col)


def stddev(col: Any) -> Column:
    return invoke("stddev", col)


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


# --- scalar ---
def abs(col: Any) -> Column:
    return invoke("abs", col)


def sqrt(col: Any) -> Column:
    return invoke("sqrt", col)


def exp(col: Any) -> Column:
    return invoke("exp", col)


def log(arg1: Any, arg2: Any = None) -> Column:
    if arg2 is None:
        return invoke("ln", arg1)
    return Column(E.function("log", [to_expr(arg1), to_col_expr(arg2)]))


def pow(col1: Any, col2: Any) -> Column:
    return Column(E.function("power", [_num_or_col(col1), _num_or_col(col2)]))


power = pow


def round(col: Any, scale: int = 0) -> Column:
    return invoke_with_literals("round", col, scale)


def floor(col: Any) -> Column:
    return invoke("floor", col)


def ceil(col: Any) -> Column:
    return invoke("ceil", col)


def negate(col: Any) -> Column:
    return invoke("negative", col)


negative = negate


def isnull(col: Any) -> Column:
    return invoke("isnull", col)


def isnotnull(col: Any) -> Column:
    return invoke("isnotnull", col)


def coalesce(*cols: Any) -> Column:
    return invoke("coalesce", *cols)


def greatest(*cols: Any) -> Column:
    return invoke("greatest", *cols)


def least(*cols: Any) -> Column:
    return invoke("least", *cols)


def upper(col: Any) -> Column:
    return invoke("upper", col)


def lower(col: Any) -> Column:
    return invoke("lower", col)


def length(col: Any) -> Column:
    return invoke("length", col)


def trim(col: Any) -> Column:
    return invoke("trim", col)


def ltrim(col: Any) -> Column:
    return invoke("ltrim", col)


def rtrim(col: Any) -> Column:
    return invoke("rtrim", col)


def hash(*cols: Any) -> Column:
    """Spark's Murmur3 hash of the columns (seed 42), an int column."""
    return invoke("hash", *cols)


def concat(*cols: Any) -> Column:
    return invoke("concat", *cols)


def concat_ws(sep: str, *cols: Any) -> Column:
    return Column(E.function("concat_ws", [make_literal(sep)] + [to_col_expr(c) for c in cols]))


def substring(str: Any, pos: int, len: int) -> Column:
    return invoke_with_literals("substring", str, pos, len)


def split(str: Any, pattern: str, limit: int = -1) -> Column:
    return invoke_with_literals("split", str, pattern, limit)


def explode(col: Any) -> Column:
    return invoke("explode", col)


def array(*cols: Any) -> Column:
    if len(cols) == 1 and isinstance(cols[0], (list, set)):
        cols = tuple(cols[0])
    return invoke("array", *cols)


def struct(*cols: Any) -> Column:
    if len(cols) == 1 and isinstance(cols[0], (list, set)):
        cols = tuple(cols[0])
    return invoke("struct", *cols)


def year(col: Any) -> Column:
    return invoke("year", col)


def month(col: Any) -> Column:
    return invoke("month", col)


def dayofmonth(col: Any) -> Column:
    return invoke("dayofmonth", col)


def to_date(col: Any, format: Optional[str] = None) -> Column:
    return invoke("to_date", col) if format is None else invoke_with_literals("to_date", col, format)


def current_date() -> Column:
    return Column(E.function("current_date", []))


def current_timestamp() -> Column:
    return Column(E.function("current_timestamp", []))


def monotonically_increasing_id() -> Column:
    return Column(E.function("monotonically_increasing_id", []))


def rand(seed: Optional[int] = None) -> Column:
    return Column(E.function("rand", [] if seed is None else [make_literal(seed)]))


def day(col: Any) -> Column:
    return invoke("day", col)


def ceiling(col: Any) -> Column:
    return invoke("ceiling", col)


def std(col: Any) -> Column:
    return invoke("std", col)


def any_value(col: Any, ignoreNulls: Any = None) -> Column:
    return invoke("any_value", col) if ignoreNulls is None else invoke_with_literals("any_value", col, ignoreNulls)


def substr(str: Any, pos: Any, len: Any = None) -> Column:
    return invoke("substr", str, pos) if len is None else invoke("substr", str, pos, len)


def mode(col: Any, deterministic: bool = False) -> Column:
    return invoke_with_literals("mode", col, deterministic)


def _num_or_col(v: Any) -> Any:
    return to_col_expr(v) if isinstance(v, (str, Column)) else make_literal(v)


def udf(f: Optional[Union[Callable[..., Any], T.DataType, str]] = None,
        returnType: Union[T.DataType, str] = T.StringType(), *, useArrow: Optional[bool] = None) -> Any:
    """A Python UDF: ``udf(f, "long")`` or as a decorator ``@udf(returnType=...)``."""
    from tspark.sql.udf import make_udf
    if f is None or isinstance(f, (str, T.DataType)):
        rt = returnType if f is None else f
        return lambda fn: make_udf(fn, rt)
    return make_udf(f, returnType)


__all__ = [n for n, v in list(globals().items())
           if not n.startswith("_") and callable(v) and getattr(v, "__module__", None) == __name__]
