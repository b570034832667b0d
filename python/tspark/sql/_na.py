"""Missing-value handling: ``df.na`` (DataFrameNaFunctions) and ``fillna`` / ``dropna`` / ``replace``.

The client checks the arguments as PySpark does (its client-side errors), then sends the
engine an NAFill / NADrop / NAReplace relation; the engine builds the projection or filter
from the resolved schema, as Spark's DataFrameNaFunctions does.
"""
import warnings
from typing import Any, List, Optional

from tspark.errors import PySparkTypeError, PySparkValueError
from tspark.sql._plan import relations as R
from tspark.sql._plan.literals import make_literal

__all__ = ["DataFrameNaFunctions", "fillna", "dropna", "replace"]

#: PySpark's sentinel for ``replace(to_replace)`` without ``value``
_NoValue = object()


def dropna(df: Any, how: str = "any", thresh: Optional[int] = None, subset: Any = None) -> Any:
    """Rows with at least ``thresh`` non-null, non-NaN values among ``subset`` (all columns):
    ``how="any"`` asks for all of them, ``"all"`` for one."""
    if how is not None and how not in ["any", "all"]:
        # PySpark 4.0.1 builds VALUE_NOT_ANY_OR_ALL with `arg_type` where its template says
        # `arg_value`, so its message check fails with this AssertionError instead
        raise AssertionError("Undefined error message parameter for error class: VALUE_NOT_ANY_OR_ALL. "
                             "Parameters: %r" % {"arg_name": "how", "arg_type": how})
    if subset is None:
        cols: Optional[List[str]] = None
    elif isinstance(subset, str):
        cols = [subset]
    elif isinstance(subset, (list, tuple)):
        cols = list(subset)
    else:
        raise PySparkTypeError(errorClass="NOT_LIST_OR_STR_OR_TUPLE",
                               messageParameters={"arg_name": "subset", "arg_type": type(subset).__name__})
    if thresh is None and how != "any":
        thresh = 1
    return df._new(R.na_drop(df._plan, cols, thresh))


def fillna(df: Any, value: Any, subset: Any = None) -> Any:
    """Nulls (and NaN in float columns) replaced by ``value`` in the columns of its type, or per
    column from a dict."""
    if not isinstance(value, (float, int, str, bool, dict)):
        raise PySparkTypeError(errorClass="NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR",
                               messageParameters={"arg_name": "value", "arg_type": type(value).__name__})
    if isinstance(value, dict):
        for v in value.values():
            if not isinstance(v, (float, int, str, bool)):
                raise PySparkTypeError(errorClass="NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR",
                                       messageParameters={"arg_name": "value", "arg_type": type(v).__name__})
        return df._new(R.na_fill(df._plan, list(value.keys()), [make_literal(v) for v in value.values()], True))
    # PySpark sends an int as a float (Scala's fill(Double)), but not a bool
    if not isinstance(value, bool) and isinstance(value, int):
        value = float(value)
    if subset is None:
        return df._new(R.na_fill(df._plan, None, [make_literal(value)]))
    if isinstance(subset, str):
        subset = [subset]
    elif not isinstance(subset, (list, tuple)):
        raise PySparkTypeError(errorClass="NOT_LIST_OR_TUPLE",
                               messageParameters={"arg_name": "subset", "arg_type": type(subset).__name__})
    return df._new(R.na_fill(df._plan, list(subset), [make_literal(value)]))


def _all_of(types: Any, xs: Any) -> bool:
    return all(isinstance(x, types) for x in xs)


def replace(df: Any, to_replace: Any, value: Any = _NoValue, subset: Any = None) -> Any:
    """Values equal to ``to_replace`` (a value, list or dict) replaced by ``value``."""
    if value is _NoValue:
        if isinstance(to_replace, dict):
            value = None
        else:
            raise PySparkTypeError(errorClass="ARGUMENT_REQUIRED",
                                   messageParameters={"arg_name": "value", "condition": "`to_replace` is dict"})
    valid_types = (bool, float, int, str, list, tuple)
    if not isinstance(to_replace, valid_types + (dict,)):
        raise PySparkTypeError(errorClass="NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_LIST_OR_STR_OR_TUPLE",
                               messageParameters={"arg_name": "to_replace", "arg_type": type(to_replace).__name__})
    if not isinstance(value, valid_types) and value is not None and not isinstance(to_replace, dict):
        raise PySparkTypeError(errorClass="NOT_BOOL_OR_FLOAT_OR_INT_OR_LIST_OR_NONE_OR_STR_OR_TUPLE",
                               messageParameters={"arg_name": "value", "arg_type": type(value).__name__})
    if isinstance(to_replace, (list, tuple)) and isinstance(value, (list, tuple)):
        if len(to_replace) != len(value):
            raise PySparkValueError(errorClass="LENGTH_SHOULD_BE_THE_SAME", messageParameters={
                "arg1": "to_replace", "arg2": "value", "arg1_length": str(len(to_replace)),
                "arg2_length": str(len(value))})
    if not (subset is None or isinstance(subset, (list, tuple, str))):
        raise PySparkTypeError(errorClass="NOT_LIST_OR_STR_OR_TUPLE",
                               messageParameters={"arg_name": "subset", "arg_type": type(subset).__name__})
    if isinstance(to_replace, (float, int, str)):
        to_replace = [to_replace]
    if isinstance(to_replace, dict):
        rep_dict = to_replace
        if value is not None:
            warnings.warn("to_replace is a dict and value is not None. value will be ignored.")
    else:
        if isinstance(value, (float, int, str)) or value is None:
            value = [value for _ in range(len(to_replace))]
        rep_dict = dict(zip(to_replace, value))
    if isinstance(subset, str):
        subset = [subset]
    if not any(_all_of(t, rep_dict.keys()) and _all_of(t, [x for x in rep_dict.values() if x is not None])
               for t in (bool, str, (float, int))):
        raise PySparkValueError(errorClass="MIXED_TYPE_REPLACEMENT", messageParameters={})
    pairs = [[make_literal(k), make_literal(v)] for k, v in rep_dict.items()]
    return df._new(R.na_replace(df._plan, None if subset is None else list(subset), pairs))


class DataFrameNaFunctions:
    """``df.na``: the missing-value methods of a frame."""

    def __init__(self, df: Any):
        self.df = df

    def drop(self, how: str = "any", thresh: Optional[int] = None, subset: Any = None) -> Any:
        """Same as ``df.dropna``."""
        return self.df.dropna(how=how, thresh=thresh, subset=subset)

    def fill(self, value: Any, subset: Any = None) -> Any:
        """Same as ``df.fillna``."""
        return self.df.fillna(value=value, subset=subset)

    def replace(self, to_replace: Any, value: Any = _NoValue, subset: Any = None) -> Any:
        """Same as ``df.replace``."""
        return replace(self.df, to_replace, value, subset)
