"""``DataFrame.mapInPandas`` / ``mapInArrow``: a Python function over an iterator of each
partition's batches (pandas DataFrames or pyarrow RecordBatches of at most
``spark.sql.execution.arrow.maxRecordsPerBatch`` rows), run by the engine's Python workers.
The function is cloudpickled with the output schema, as PySpark's pandas_udf does."""
from typing import Any, Callable, Union

from tspark.errors import PySparkTypeError
from tspark.sql import types as T
from tspark.sql._convert import wire_type
from tspark.sql._plan import expressions as E
from tspark.sql._plan import relations as R
from tspark.sql.udf import UserDefinedFunction

#: PySpark's PythonEvalType of each batch-function API.
SQL_MAP_PANDAS_ITER_UDF = 205
SQL_MAP_ARROW_ITER_UDF = 207
SQL_GROUPED_MAP_PANDAS_UDF = 201
SQL_GROUPED_MAP_ARROW_UDF = 209
SQL_COGROUPED_MAP_PANDAS_UDF = 206
SQL_COGROUPED_MAP_ARROW_UDF = 210

_EVAL_TYPE_NAMES = {
    SQL_MAP_PANDAS_ITER_UDF: ("SQL_MAP_PANDAS_ITER_UDF or SQL_MAP_ARROW_ITER_UDF", "PANDAS"),
    SQL_MAP_ARROW_ITER_UDF: ("SQL_MAP_PANDAS_ITER_UDF or SQL_MAP_ARROW_ITER_UDF", "PANDAS"),
    SQL_GROUPED_MAP_PANDAS_UDF: ("SQL_GROUPED_MAP_PANDAS_UDF or SQL_GROUPED_MAP_PANDAS_UDF_WITH_STATE", "PANDAS"),
    SQL_GROUPED_MAP_ARROW_UDF: ("SQL_GROUPED_MAP_ARROW_UDF", "ARROW"),
    SQL_COGROUPED_MAP_PANDAS_UDF: ("SQL_COGROUPED_MAP_PANDAS_UDF", "PANDAS"),
    SQL_COGROUPED_MAP_ARROW_UDF: ("SQL_COGROUPED_MAP_ARROW_UDF", "ARROW"),
}


def batch_udf(func: Callable[..., Any], schema: Union[T.StructType, str], eval_type: int) -> E.Expr:
    """The wire PythonUDF of a batch function: ``func`` with its output ``schema`` (a StructType
    or DDL string; anything else is PySpark's INVALID_RETURN_TYPE_FOR_PANDAS_UDF / _ARROW_UDF).
    Its arguments are left empty: the engine passes every column of the frame."""
    rt = T.DataType.fromDDL(schema) if isinstance(schema, str) else schema
    if not isinstance(rt, T.StructType):
        names, kind = _EVAL_TYPE_NAMES[eval_type]
        raise PySparkTypeError(errorClass="INVALID_RETURN_TYPE_FOR_%s_UDF" % kind, messageParameters={
            "eval_type": names, "return_type": str(rt)})
    u = UserDefinedFunction(func, rt, evalType=eval_type)
    return E.python_udf(u._name, u._command(), wire_type(rt), [], eval_type, True)


def map_in(df: Any, func: Callable[..., Any], schema: Union[T.StructType, str], barrier: bool, eval_type: int) -> Any:
    """The frame of ``func``'s rows over ``df``'s partitions."""
    return df._new(R.python_map_groups(df._plan, [], batch_udf(func, schema, eval_type), barrier))


def mapInPandas(df: Any, func: Callable[..., Any], schema: Union[T.StructType, str], barrier: bool = False) -> Any:
    """``func(iterator of pandas.DataFrame) -> iterator of pandas.DataFrame`` over each partition."""
    return map_in(df, func, schema, barrier, SQL_MAP_PANDAS_ITER_UDF)


def mapInArrow(df: Any, func: Callable[..., Any], schema: Union[T.StructType, str], barrier: bool = False) -> Any:
    """``func(iterator of pyarrow.RecordBatch) -> iterator of pyarrow.RecordBatch`` over each partition."""
    return map_in(df, func, schema, barrier, SQL_MAP_ARROW_ITER_UDF)
