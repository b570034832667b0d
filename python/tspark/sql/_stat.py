"""Statistics and sampling: ``df.stat`` (DataFrameStatFunctions), ``describe`` / ``summary``,
``corr`` / ``cov`` / ``crosstab``, ``sample`` / ``randomSplit`` / ``sampleBy``.

Arguments are checked here as PySpark checks them; the work is plans the engine runs
(StatSummary and Sample relations, or ordinary aggregates, filters and pivots).
"""
import random
import sys
from typing import Any, Dict, List, Optional, Tuple

from tspark.errors import IllegalArgumentException, PySparkTypeError, PySparkValueError
from tspark.sql import types as T
from tspark.sql._plan import expressions as E
from tspark.sql._plan import relations as R
from tspark.sql._convert import wire_type
from tspark.sql._plan.literals import make_literal

__all__ = ["DataFrameStatFunctions", "approxQuantile", "freqItems", "describe", "summary", "corr", "cov", "crosstab", "sample", "randomSplit", "sampleBy"]


class _F:
    """The few functions this module builds (tspark.sql.functions would import the frame back)."""

    @staticmethod
    def col(name: str) -> Any:
        from tspark.sql.column import Column
        return Column(E.column_from_name(name))

    @staticmethod
    def lit(v: Any) -> Any:
        from tspark.sql.column import Column
        return Column(make_literal(v))

    @staticmethod
    def call(name: str, *args: Any) -> Any:
        from tspark.sql.column import Column
        return Column(E.function(name, [a._expr for a in args]))

    @staticmethod
    def when(cond: Any, value: Any) -> Any:
        from tspark.sql.column import Column
        return Column(E.case_when([(cond._expr, value._expr)]))


def _flatten(cols: Tuple[Any, ...]) -> List[Any]:
    if len(cols) == 1 and isinstance(cols[0], list):
        return list(cols[0])
    return list(cols)


def summary(df: Any, *statistics: str) -> Any:
    """One row per statistic (default count, mean, stddev, min, 25%, 50%, 75%, max), a string column per numeric or string column."""
    stats = _flatten(statistics)
    return df._new(R.stat_summary(df._plan, [str(s) for s in stats]))


def describe(df: Any, *cols: Any) -> Any:
    """count, mean, stddev, min and max of ``cols`` (all numeric and string columns when none)."""
    names = _flatten(cols)
    base = df.select(*names) if names else df
    return base._new(R.stat_summary(base._plan, ["count", "mean", "stddev", "min", "max"]))


def _numeric_pair(df: Any, col1: Any, col2: Any, what: str) -> None:
    if not isinstance(col1, str):
        raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "col1", "arg_type": type(col1).__name__})
    if not isinstance(col2, str):
        raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "col2", "arg_type": type(col2).__name__})
    fields = {f.name: f.dataType for f in df.schema.fields}
    for c in (col1, col2):
        t = fields.get(c)
        if t is not None and not isinstance(t, T.NumericType):
            # Spark's StatFunctions.collectStatisticalData require()
            raise IllegalArgumentException(message="requirement failed: Currently %s calculation for columns with dataType %s not supported."
                                           % (what, t.simpleString()))


def _scalar(df: Any, fn: str, col1: str, col2: str, when_null: float) -> float:
    """Spark 4's calculateCorrImpl / calculateCovImpl: nulls read as 0.0 (as its older RDD code
    did), the columns as doubles, and a null result as ``when_null``."""
    F = _F
    cols = [F.when(F.call("isnull", F.col(c)), F.lit(0.0)).otherwise(F.col(c).cast("double")) for c in (col1, col2)]
    stat = F.call(fn, *cols)
    v = df.select(F.when(F.call("isnull", stat), F.lit(when_null)).otherwise(stat)).collect()[0][0]
    return float(v)


def corr(df: Any, col1: Any, col2: Any, method: Optional[str] = None) -> Optional[float]:
    """Pearson correlation of two numeric columns."""
    if not isinstance(col1, str):
        raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "col1", "arg_type": type(col1).__name__})
    if not isinstance(col2, str):
        raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "col2", "arg_type": type(col2).__name__})
    if not method:
        method = "pearson"
    if method != "pearson":
        raise PySparkValueError(errorClass="VALUE_NOT_PEARSON", messageParameters={"arg_name": "method", "arg_value": method})
    _numeric_pair(df, col1, col2, "correlation")
    return _scalar(df, "corr", col1, col2, float("nan"))


def cov(df: Any, col1: Any, col2: Any) -> Optional[float]:
    """Sample covariance of two numeric columns."""
    _numeric_pair(df, col1, col2, "covariance")
    return _scalar(df, "covar_samp", col1, col2, 0.0)


def crosstab(df: Any, col1: Any, col2: Any) -> Any:
    """Pair counts: one row per value of ``col1`` (column ``col1_col2``), one column per value of ``col2``."""
    F = _F
    if not isinstance(col1, str):
        raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "col1", "arg_type": type(col1).__name__})
    if not isinstance(col2, str):
        raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "col2", "arg_type": type(col2).__name__})

    # Spark's StatFunctions.crossTabulate: a pivot of the values as strings (backquotes dropped
    # from the column names), counts filled with 0
    row = F.when(F.call("isnull", F.col(col1)), F.lit("null")).otherwise(F.col(col1).cast("string"))
    column = F.when(F.call("isnull", F.col(col2)), F.lit("null")).otherwise(
        F.call("regexp_replace", F.col(col2).cast("string"), F.lit("`"), F.lit("")))
    return df.groupBy(row.alias("%s_%s" % (col1, col2))).pivot(column).count().na.fill(0)


def approxQuantile(df: Any, col: Any, probabilities: Any, relativeError: Any) -> Any:
    """Greenwald-Khanna quantiles of numeric columns within ``relativeError`` (0: exact), Spark's
    values for the same data and partitioning; a list per column when ``col`` is a list."""
    if not isinstance(col, (str, list, tuple)):
        raise PySparkTypeError(errorClass="NOT_LIST_OR_STR_OR_TUPLE", messageParameters={"arg_name": "col", "arg_type": type(col).__name__})
    is_str = isinstance(col, str)
    cols = [col] if is_str else list(col)
    for c in cols:
        if not isinstance(c, str):
            raise PySparkTypeError(errorClass="DISALLOWED_TYPE_FOR_CONTAINER", messageParameters={
                "arg_name": "col", "arg_type": type(col).__name__, "allowed_types": "str", "item_type": type(c).__name__})
    if not isinstance(probabilities, (list, tuple)):
        raise PySparkTypeError(errorClass="NOT_LIST_OR_TUPLE", messageParameters={"arg_name": "probabilities", "arg_type": type(probabilities).__name__})
    probs = list(probabilities)
    for p in probs:
        if not isinstance(p, (float, int)) or p < 0 or p > 1:
            raise PySparkTypeError(errorClass="NOT_LIST_OF_FLOAT_OR_INT", messageParameters={"arg_name": "probabilities", "arg_type": type(p).__name__})
    if not isinstance(relativeError, (float, int)):
        raise PySparkTypeError(errorClass="NOT_FLOAT_OR_INT", messageParameters={"arg_name": "relativeError", "arg_type": type(relativeError).__name__})
    if relativeError < 0:
        raise PySparkValueError(errorClass="NEGATIVE_VALUE", messageParameters={"arg_name": "relativeError", "arg_value": str(relativeError)})
    fields = {f.name: f.dataType for f in df.schema.fields}
    for c in cols:
        t = fields.get(c)
        if t is not None and not isinstance(t, T.NumericType):
            raise IllegalArgumentException(message="requirement failed: Quantile calculation for column %s with data type %s is not supported."
                                           % (c, t.__class__.__name__))
    probs_lit = make_literal([float(p) for p in probs], T.ArrayType(T.DoubleType(), False))
    err_lit = make_literal(float(relativeError))
    aggs = [E.function("approx_quantile_summary", [E.cast(E.column_from_name(c), wire_type(T.DoubleType())), probs_lit, err_lit])
            for c in cols]
    row = df._new(R.aggregate(df._plan, [], aggs)).collect()[0]
    out = [list(row[i]) for i in range(len(cols))]
    return out[0] if is_str else out


def freqItems(df: Any, cols: Any, support: Optional[float] = None) -> Any:
    """One row: for each column, the items seen in more than ``support`` (default 1%) of the rows
    (Spark's counter algorithm: a superset of them, without false negatives)."""
    if isinstance(cols, tuple):
        cols = list(cols)
    if not isinstance(cols, list):
        raise PySparkTypeError(errorClass="NOT_LIST_OR_TUPLE", messageParameters={"arg_name": "cols", "arg_type": type(cols).__name__})
    if not support:
        support = 0.01
    if not (1e-4 <= support <= 1.0):
        raise IllegalArgumentException(message="requirement failed: Support (%r) must be greater than 1e-4." % float(support))
    size = make_literal(int(1 / support))
    aggs = [E.alias(E.function("collect_frequent_items", [E.column_from_name(c), size]), "%s_freqItems" % c) for c in cols]
    return df._new(R.aggregate(df._plan, [], aggs))


def sample(df: Any, withReplacement: Any = None, fraction: Any = None, seed: Any = None) -> Any:
    """A random fraction of the rows (seeded: the same rows for the same seed and partitioning)."""
    if isinstance(withReplacement, bool) and isinstance(fraction, float):
        with_replacement, frac = withReplacement, fraction
        s = int(seed) if seed is not None else random.randint(0, sys.maxsize)
    elif withReplacement is None and isinstance(fraction, float):
        with_replacement, frac = False, fraction
        s = int(seed) if seed is not None else random.randint(0, sys.maxsize)
    elif isinstance(withReplacement, float):
        with_replacement, frac = False, float(withReplacement)
        s = int(fraction) if fraction is not None else random.randint(0, sys.maxsize)
    else:
        argtypes = [type(arg).__name__ for arg in [withReplacement, fraction, seed]]
        raise PySparkTypeError(errorClass="NOT_BOOL_OR_FLOAT_OR_INT", messageParameters={
            "arg_name": "withReplacement (optional), fraction (required) and seed (optional)",
            "arg_type": ", ".join(argtypes)})
    return df._new(R.sample(df._plan, 0.0, frac, with_replacement, s))


def randomSplit(df: Any, weights: List[float], seed: Optional[int] = None) -> List[Any]:
    """Disjoint random pieces in proportion to ``weights``."""
    for w in weights:
        if w < 0.0:
            raise PySparkValueError(errorClass="VALUE_NOT_POSITIVE", messageParameters={"arg_name": "weights", "arg_value": str(w)})
    s = seed if seed is not None else random.randint(0, sys.maxsize)
    total = float(sum(weights))
    if not total > 0:
        raise IllegalArgumentException(message="requirement failed: Sum of weights must be positive, but got %s"
                                       % ", ".join(repr(float(w)) for w in weights))
    bounds = [0.0]
    for w in weights:
        bounds.append(bounds[-1] + w / total)
    return [df._new(R.sample(df._plan, lo, hi, False, int(s), deterministic_order=True))
            for lo, hi in zip(bounds, bounds[1:])]


def sampleBy(df: Any, col: Any, fractions: Dict[Any, float], seed: Optional[int] = None) -> Any:
    """A stratified sample: rows of stratum ``k`` (the value of ``col``) kept with probability ``fractions[k]``."""
    from tspark.sql.column import Column
    F = _F
    if isinstance(col, str):
        col = F.col(col)
    elif not isinstance(col, Column):
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR", messageParameters={"arg_name": "col", "arg_type": type(col).__name__})
    if not isinstance(fractions, dict):
        raise PySparkTypeError(errorClass="NOT_DICT", messageParameters={"arg_name": "fractions", "arg_type": type(fractions).__name__})
    fr: Dict[Any, float] = {}
    for k, v in fractions.items():
        if not isinstance(k, (float, int, str)):
            raise PySparkTypeError(errorClass="DISALLOWED_TYPE_FOR_CONTAINER", messageParameters={
                "arg_name": "fractions", "arg_type": type(fractions).__name__, "allowed_types": "float, int, str",
                "item_type": type(k).__name__})
        fr[k] = float(v)
    if not all(0.0 <= v <= 1.0 for v in fr.values()):
        raise IllegalArgumentException(message="requirement failed: Fractions must be in [0, 1], but got %s." % _scala_map(fr))
    s = seed if seed is not None else random.randint(0, sys.maxsize)
    # Spark's StatFunctions.sampleBy: rand(seed) < the row's stratum fraction (0 for others)
    threshold = F.lit(0.0)
    if fr:
        cases = None
        for k, v in fr.items():
            cases = F.when(col == F.lit(k), F.lit(v)) if cases is None else cases.when(col == F.lit(k), F.lit(v))
        threshold = cases.otherwise(F.lit(0.0))
    return df.filter(F.call("rand", F.lit(int(s))) < threshold)


def _scala_map(d: Dict[Any, float]) -> str:
    return "Map(%s)" % ", ".join("%s -> %r" % (k, v) for k, v in d.items())


class DataFrameStatFunctions:
    """``df.stat``: the statistics methods of a frame."""

    def __init__(self, df: Any):
        self.df = df

    def approxQuantile(self, col: Any, probabilities: Any, relativeError: float) -> Any:
        """Same as ``df.approxQuantile``."""
        return approxQuantile(self.df, col, probabilities, relativeError)

    def corr(self, col1: str, col2: str, method: Optional[str] = None) -> Optional[float]:
        """Same as ``df.corr``."""
        return corr(self.df, col1, col2, method)

    def cov(self, col1: str, col2: str) -> Optional[float]:
        """Same as ``df.cov``."""
        return cov(self.df, col1, col2)

    def crosstab(self, col1: str, col2: str) -> Any:
        """Same as ``df.crosstab``."""
        return crosstab(self.df, col1, col2)

    def freqItems(self, cols: List[str], support: Optional[float] = None) -> Any:
        """Same as ``df.freqItems``."""
        return freqItems(self.df, cols, support)

    def sampleBy(self, col: Any, fractions: Dict[Any, float], seed: Optional[int] = None) -> Any:
        """Same as ``df.sampleBy``."""
        return sampleBy(self.df, col, fractions, seed)
