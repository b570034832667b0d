"""Aggregates of issue 6.2 beyond the foundation's: pair statistics (corr, covar_*, regr_*),
moments, boolean and bitwise aggregates, count_if, max_by/min_by, product, percentiles, and
the synonyms first_value / last_value / array_agg. One-line wrappers over registry names."""
from typing import Any, Optional

from tspark.sql._invoke import invoke, to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql.column import Column, to_expr

__all__ = [
    "corr", "covar_pop", "covar_samp", "regr_avgx", "regr_avgy", "regr_count", "regr_intercept",
    "regr_r2", "regr_slope", "regr_sxx", "regr_sxy", "regr_syy", "kurtosis", "skewness",
    "bool_and", "bool_or", "every", "some", "bit_and", "bit_or", "bit_xor", "count_if",
    "max_by", "min_by", "product", "percentile", "percentile_approx", "approx_percentile",
    "median", "first_value", "last_value", "array_agg", "try_sum", "try_avg", "listagg",
    "listagg_distinct", "string_agg", "string_agg_distinct", "histogram_numeric",
]


def corr(col1: Any, col2: Any) -> Column:
    return invoke("corr", col1, col2)


def covar_pop(col1: Any, col2: Any) -> Column:
    return invoke("covar_pop", col1, col2)


def covar_samp(col1: Any, col2: Any) -> Column:
    return invoke("covar_samp", col1, col2)


def regr_avgx(y: Any, x: Any) -> Column:
    return invoke("regr_avgx", y, x)


def regr_avgy(y: Any, x: Any) -> Column:
    return invoke("regr_avgy", y, x)


def regr_count(y: Any, x: Any) -> Column:
    return invoke("regr_count", y, x)


def regr_intercept(y: Any, x: Any) -> Column:
    return invoke("regr_intercept", y, x)


def regr_r2(y: Any, x: Any) -> Column:
    return invoke("regr_r2", y, x)


def regr_slope(y: Any, x: Any) -> Column:
    return invoke("regr_slope", y, x)


def regr_sxx(y: Any, x: Any) -> Column:
    return invoke("regr_sxx", y, x)


def regr_sxy(y: Any, x: Any) -> Column:
    return invoke("regr_sxy", y, x)


def regr_syy(y: Any, x: Any) -> Column:
    return invoke("regr_syy", y, x)


def kurtosis(col: Any) -> Column:
    return invoke("kurtosis", col)


def skewness(col: Any) -> Column:
    return invoke("skewness", col)


def bool_and(col: Any) -> Column:
    return invoke("bool_and", col)


def bool_or(col: Any) -> Column:
    return invoke("bool_or", col)


def every(col: Any) -> Column:
    return invoke("every", col)


def some(col: Any) -> Column:
    return invoke("some", col)


def bit_and(col: Any) -> Column:
    return invoke("bit_and", col)


def bit_or(col: Any) -> Column:
    return invoke("bit_or", col)


def bit_xor(col: Any) -> Column:
    return invoke("bit_xor", col)


def count_if(col: Any) -> Column:
    return invoke("count_if", col)


def max_by(col: Any, ord: Any) -> Column:
    return invoke("max_by", col, ord)


def min_by(col: Any, ord: Any) -> Column:
    return invoke("min_by", col, ord)


def product(col: Any) -> Column:
    return invoke("product", col)


def _percentage(p: Any) -> Any:
    """PySpark's lit() of a list: ``array(lit(p1), lit(p2), ...)`` (the column is named so)."""
    if isinstance(p, (list, tuple)):
        return E.function("array", [to_expr(x) for x in p])
    return to_expr(p)


def percentile(col: Any, percentage: Any, frequency: Any = 1) -> Column:
    return Column(E.function("percentile", [to_col_expr(col), _percentage(percentage), to_expr(frequency)]))


def percentile_approx(col: Any, percentage: Any, accuracy: Any = 10000) -> Column:
    return Column(E.function("percentile_approx", [to_col_expr(col), _percentage(percentage), to_expr(accuracy)]))


def approx_percentile(col: Any, percentage: Any, accuracy: Any = 10000) -> Column:
    return Column(E.function("approx_percentile", [to_col_expr(col), _percentage(percentage), to_expr(accuracy)]))


def median(col: Any) -> Column:
    return invoke("median", col)


def histogram_numeric(col: Any, nBins: Any) -> Column:
    return invoke("histogram_numeric", col, nBins)


def first_value(col: Any, ignoreNulls: Optional[Any] = None) -> Column:
    args = [to_col_expr(col)] + ([] if ignoreNulls is None else [to_expr(ignoreNulls)])
    return Column(E.function("first_value", args))


def last_value(col: Any, ignoreNulls: Optional[Any] = None) -> Column:
    args = [to_col_expr(col)] + ([] if ignoreNulls is None else [to_expr(ignoreNulls)])
    return Column(E.function("last_value", args))


def array_agg(col: Any) -> Column:
    return invoke("array_agg", col)




def try_sum(col: Any) -> Column:
    return invoke("try_sum", col)


def try_avg(col: Any) -> Column:
    return invoke("try_avg", col)


def _listagg(name: str, col: Any, delimiter: Any, distinct: bool) -> Column:
    args = [to_col_expr(col)] + ([] if delimiter is None else [to_expr(delimiter)])
    return Column(E.function(name, args, distinct))


def listagg(col: Any, delimiter: Any = None) -> Column:
    return _listagg("listagg", col, delimiter, False)


def listagg_distinct(col: Any, delimiter: Any = None) -> Column:
    return _listagg("listagg", col, delimiter, True)


def string_agg(col: Any, delimiter: Any = None) -> Column:
    return _listagg("string_agg", col, delimiter, False)


def string_agg_distinct(col: Any, delimiter: Any = None) -> Column:
    return _listagg("string_agg", col, delimiter, True)
