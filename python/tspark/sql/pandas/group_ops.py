"""``GroupedData.applyInPandas`` / ``applyInArrow`` / ``apply`` and ``cogroup(...).applyInPandas``
/ ``applyInArrow``: a Python function once per group (per key of either side, cogrouped), as
PySpark's PandasGroupedOpsMixin and PandasCogroupedOps give them."""
import inspect
from typing import Any, Callable, Union

from tspark.errors import PySparkNotImplementedError, PySparkTypeError, PySparkValueError
from tspark.sql import types as T
from tspark.sql._plan import relations as R
from tspark.sql.pandas.map_ops import (SQL_COGROUPED_MAP_ARROW_UDF, SQL_COGROUPED_MAP_PANDAS_UDF,
                                       SQL_GROUPED_MAP_ARROW_UDF, SQL_GROUPED_MAP_PANDAS_UDF, batch_udf)

_ARITY = {
    SQL_GROUPED_MAP_PANDAS_UDF: ((1, 2), "pandas_udf with function type GROUPED_MAP or the function in "
                                 "groupby.applyInPandas must take either one argument (data) or two arguments (key, data)."),
    SQL_GROUPED_MAP_ARROW_UDF: ((1, 2), "the function in groupby.applyInArrow must take either one argument "
                                "(data) or two arguments (key, data)."),
    SQL_COGROUPED_MAP_PANDAS_UDF: ((2, 3), "the function in cogroup.applyInPandas must take either two arguments "
                                   "(left, right) or three arguments (key, left, right)."),
    SQL_COGROUPED_MAP_ARROW_UDF: ((2, 3), "the function in cogroup.applyInArrow must take either two arguments "
                                  "(left, right) or three arguments (key, left, right)."),
}


def _checked(func: Callable[..., Any], eval_type: int) -> None:
    """PySpark's INVALID_PANDAS_UDF check of the function's arity."""
    arities, detail = _ARITY[eval_type]
    if len(inspect.getfullargspec(func).args) not in arities:
        raise PySparkValueError(errorClass="INVALID_PANDAS_UDF", messageParameters={"detail": detail})


def _plain_groupby(gd: Any) -> None:
    if gd._group_type is not None or gd._pivot is not None:
        raise PySparkNotImplementedError(errorClass="NOT_IMPLEMENTED", messageParameters={
            "feature": "applyInPandas after %s" % (gd._group_type or "pivot")})


def apply_grouped(gd: Any, func: Callable[..., Any], schema: Union[T.StructType, str], eval_type: int) -> Any:
    """The frame of ``func``'s rows over each group of ``gd``."""
    _checked(func, eval_type)
    _plain_groupby(gd)
    df = gd._df
    return df._new(R.python_map_groups(df._plan, gd._grouping, batch_udf(func, schema, eval_type), False))


def applyInPandas(gd: Any, func: Callable[..., Any], schema: Union[T.StructType, str]) -> Any:
    """``func(pandas.DataFrame)`` or ``func(key, pandas.DataFrame)`` → a pandas.DataFrame, per group."""
    return apply_grouped(gd, func, schema, SQL_GROUPED_MAP_PANDAS_UDF)


def applyInArrow(gd: Any, func: Callable[..., Any], schema: Union[T.StructType, str]) -> Any:
    """``func(pyarrow.Table)`` or ``func(key, pyarrow.Table)`` → a pyarrow.Table, per group."""
    return apply_grouped(gd, func, schema, SQL_GROUPED_MAP_ARROW_UDF)


def apply(gd: Any, udf: Any) -> Any:
    """The deprecated ``apply(pandas_udf(..., GROUPED_MAP))``: applyInPandas with the UDF's function and schema."""
    import warnings
    if not hasattr(udf, "func") or getattr(udf, "evalType", None) != SQL_GROUPED_MAP_PANDAS_UDF:
        raise PySparkTypeError(errorClass="INVALID_UDF_EVAL_TYPE", messageParameters={
            "eval_type": "SQL_GROUPED_MAP_PANDAS_UDF"})
    warnings.warn("It is preferred to use 'applyInPandas' over this API. This API will be deprecated in the "
                  "future releases. See SPARK-28264 for more details.", UserWarning)
    return applyInPandas(gd, udf.func, udf.returnType)


class PandasCogroupedOps:
    """``gd1.cogroup(gd2)``: both grouped frames, waiting for applyInPandas / applyInArrow."""

    def __init__(self, gd1: Any, gd2: Any):
        self._gd1 = gd1
        self._gd2 = gd2

    def _apply(self, func: Callable[..., Any], schema: Union[T.StructType, str], eval_type: int) -> Any:
        _checked(func, eval_type)
        _plain_groupby(self._gd1)
        _plain_groupby(self._gd2)
        if len(self._gd1._grouping) != len(self._gd2._grouping):
            # Spark's FlatMapCoGroupsInPandas check (a require), raised when the frame is made
            from tspark.errors import IllegalArgumentException
            raise IllegalArgumentException("requirement failed: Cogroup keys must have same size: %d != %d"
                                           % (len(self._gd1._grouping), len(self._gd2._grouping)))
        left, right = self._gd1._df, self._gd2._df
        plan = R.python_cogroup(left._plan, self._gd1._grouping, right._plan, self._gd2._grouping,
                                batch_udf(func, schema, eval_type))
        return left._new(plan)

    def applyInPandas(self, func: Callable[..., Any], schema: Union[T.StructType, str]) -> Any:
        """``func(left, right)`` or ``func(key, left, right)`` (pandas DataFrames) → a pandas.DataFrame, per key."""
        return self._apply(func, schema, SQL_COGROUPED_MAP_PANDAS_UDF)

    def applyInArrow(self, func: Callable[..., Any], schema: Union[T.StructType, str]) -> Any:
        """``func(left, right)`` or ``func(key, left, right)`` (pyarrow Tables) → a pyarrow.Table, per key."""
        return self._apply(func, schema, SQL_COGROUPED_MAP_ARROW_UDF)
