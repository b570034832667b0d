"""Python user-defined table functions (PySpark's ``pyspark.sql.udtf``).

A UDTF is a class with ``eval(self, *args)`` yielding rows (tuples, lists, dicts or Rows of
its return struct) and optionally ``terminate(self)`` and ``cleanup(self)``. The class is
cloudpickled with its return type into a PythonUDF expression; calling the UDTF gives a
DataFrame of a ``PythonUDTF`` plan, which the engine runs in its Python workers
(tspark/worker/udtf.py): one instance per partition of the input (per PARTITION BY key of a
TABLE argument), ``eval`` per row, ``terminate`` at the end.
"""
import pickle
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Type, Union

from tspark._udtf_skip import SkipRestOfInputTableException
from tspark.errors import PySparkAttributeError, PySparkPicklingError, PySparkTypeError
from tspark.sql import types as T
from tspark.sql.udtf_registration import SQL_ARROW_TABLE_UDF, SQL_TABLE_UDF, UDTFRegistration

__all__ = [
    "AnalyzeArgument",
    "AnalyzeResult",
    "PartitioningColumn",
    "OrderingColumn",
    "SelectedColumn",
    "SkipRestOfInputTableException",
    "UDTFRegistration",
]


@dataclass(frozen=True)
class AnalyzeArgument:
    """An argument as a UDTF's ``analyze`` static method sees it (PySpark's dataclass)."""

    dataType: T.DataType
    value: Optional[Any]
    isTable: bool
    isConstantExpression: bool


@dataclass(frozen=True)
class PartitioningColumn:
    """A PARTITION BY expression an ``analyze`` method asks for."""

    name: str


@dataclass(frozen=True)
class OrderingColumn:
    """An ORDER BY expression an ``analyze`` method asks for."""

    name: str
    ascending: bool = True
    overrideNullsFirst: Optional[bool] = None


@dataclass(frozen=True)
class SelectedColumn:
    """An expression over the TABLE argument's columns an ``analyze`` method selects."""

    name: str
    alias: str = ""


@dataclass
class AnalyzeResult:
    """What a UDTF's ``analyze`` static method returns (PySpark's dataclass)."""

    schema: T.StructType
    withSinglePartition: bool = False
    partitionBy: Sequence[PartitioningColumn] = field(default_factory=tuple)
    orderBy: Sequence[OrderingColumn] = field(default_factory=tuple)
    select: Sequence[SelectedColumn] = field(default_factory=tuple)


def _validate_udtf_handler(cls: Any, returnType: Any) -> None:
    """PySpark's checks of a UDTF class when it is made."""
    import inspect
    if not isinstance(cls, type):
        raise PySparkTypeError(errorClass="INVALID_UDTF_HANDLER_TYPE", messageParameters={"type": type(cls).__name__})
    if not hasattr(cls, "eval"):
        raise PySparkAttributeError(errorClass="INVALID_UDTF_NO_EVAL", messageParameters={"name": cls.__name__})
    has_analyze = hasattr(cls, "analyze")
    has_static_analyze = has_analyze and isinstance(inspect.getattr_static(cls, "analyze"), staticmethod)
    if returnType is None and not has_static_analyze:
        raise PySparkAttributeError(errorClass="INVALID_UDTF_RETURN_TYPE", messageParameters={"name": cls.__name__})
    if returnType is not None and has_analyze:
        raise PySparkAttributeError(errorClass="INVALID_UDTF_BOTH_RETURN_TYPE_AND_ANALYZE",
                                    messageParameters={"name": cls.__name__})


class UserDefinedTableFunction:
    """A Python UDTF; made by ``functions.udtf``. Calling it on Columns (or a ``df.asTable()``)
    gives the DataFrame of the rows its ``eval``/``terminate`` yield."""

    def __init__(self, func: Type, returnType: Optional[Union[T.StructType, str]], name: Optional[str] = None,
                 evalType: int = SQL_TABLE_UDF, deterministic: bool = False):
        _validate_udtf_handler(func, returnType)
        self.func = func
        self._returnType = returnType
        self._parsed: Optional[T.StructType] = None
        self._name = name or func.__name__
        self.evalType = evalType
        self.deterministic = deterministic
        self._pickled: Optional[bytes] = None

    @property
    def returnType(self) -> Optional[T.StructType]:
        """The output struct (a DDL string is parsed on first use; anything but a struct is PySpark's UDTF_RETURN_TYPE_MISMATCH)."""
        if self._returnType is None:
            return None
        if self._parsed is None:
            rt = T.DataType.fromDDL(self._returnType) if isinstance(self._returnType, str) else self._returnType
            if not isinstance(rt, T.StructType):
                raise PySparkTypeError(errorClass="UDTF_RETURN_TYPE_MISMATCH", messageParameters={
                    "name": self._name, "return_type": str(rt)})
            self._parsed = rt
        return self._parsed

    def _struct(self) -> T.StructType:
        rt = self.returnType
        if rt is None:
            from tspark.errors import PySparkNotImplementedError
            raise PySparkNotImplementedError(errorClass="NOT_IMPLEMENTED", messageParameters={
                "feature": "Python UDTFs whose schema comes from an 'analyze' method"})
        return rt

    def _command(self) -> bytes:
        if self._pickled is None:
            from tspark.rdd._core import dumps_command
            try:
                self._pickled = dumps_command((self.func, self._struct()))
            except pickle.PicklingError as e:
                message = ("it appears that you are attempting to reference SparkSession inside a UDTF. "
                           "SparkSession can only be used on the driver, not in code that runs on workers. "
                           "Please remove the reference and try again.") if "CONTEXT_ONLY_VALID_ON_DRIVER" in str(e) \
                    else "Please check the stack trace and make sure the function is serializable."
                raise PySparkPicklingError(errorClass="UDTF_SERIALIZATION_ERROR", messageParameters={
                    "name": self._name, "message": message}) from None
        return self._pickled

    def _udf_expr(self) -> Dict[str, Any]:
        from tspark.sql._convert import wire_type
        from tspark.sql._plan import expressions as E
        return E.python_udf(self._name, self._command(), wire_type(self._struct()), [], self.evalType, self.deterministic)

    def _call_plan(self, args: Sequence[Any], kwargs: Dict[str, Any], lateral: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        from tspark.sql._plan import relations as R
        wire = [_argument(a) for a in args] + [_argument(v, k) for k, v in kwargs.items()]
        return R.python_udtf(self._udf_expr(), wire, lateral)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from tspark.sql.dataframe import DataFrame
        from tspark.sql.session import SparkSession
        spark = SparkSession.active()
        return DataFrame(self._call_plan(args, kwargs), spark)

    def asDeterministic(self) -> "UserDefinedTableFunction":
        """Mark the UDTF deterministic (UDTFs are non-deterministic by default, as in PySpark)."""
        self.deterministic = True
        self._pickled = None
        return self


def _argument(a: Any, name: Optional[str] = None) -> Dict[str, Any]:
    """One argument on the wire: a TABLE argument (``df.asTable()``), else a Column or column name."""
    from tspark.sql._invoke import to_col_expr
    from tspark.sql.table_arg import TableArg
    if isinstance(a, TableArg):
        out = a._wire()
    else:
        out = {"kind": "expr", "expr": to_col_expr(a)}
    if name is not None:
        out["name"] = name
    return out


def make_udtf(cls: Type, returnType: Optional[Union[T.StructType, str]], useArrow: Optional[bool] = None,
              name: Optional[str] = None, deterministic: bool = False) -> UserDefinedTableFunction:
    """A UDTF of ``cls``, Arrow-optimized when ``useArrow`` (or, unset, when the active session's
    spark.sql.execution.pythonUDTF.arrow.enabled is true), as PySpark's _create_py_udtf decides."""
    arrow = useArrow
    if arrow is None:
        from tspark.sql.session import SparkSession
        s = SparkSession.getActiveSession()
        value = s.conf.get("spark.sql.execution.pythonUDTF.arrow.enabled", "false") if s is not None else "false"
        arrow = isinstance(value, str) and value.lower() == "true"
    return UserDefinedTableFunction(cls, returnType, name=name, deterministic=deterministic,
                                    evalType=SQL_ARROW_TABLE_UDF if arrow else SQL_TABLE_UDF)


def udtf_function(cls: Optional[Type] = None, *, returnType: Optional[Union[T.StructType, str]] = None,
                  useArrow: Optional[bool] = None) -> Any:
    """``functions.udtf``: ``udtf(cls, returnType=...)`` or the decorator ``@udtf(returnType=...)``."""
    if cls is None:
        return lambda c: make_udtf(c, returnType, useArrow)
    return make_udtf(cls, returnType, useArrow)

