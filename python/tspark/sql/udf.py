"""Python UDFs: the function is cloudpickled with its return type into a PythonUDF expression."""
import functools
from typing import Any, Callable, Union

from tspark.rdd._core import dumps_command

from tspark.errors import PySparkNotImplementedError, PySparkTypeError
from tspark.sql import types as T
from tspark.sql._plan import expressions as E
from tspark.sql.column import Column
from tspark.sql._convert import wire_type
from tspark.sql._invoke import to_col_expr

#: PySpark's PythonEvalType.SQL_BATCHED_UDF: a row-at-a-time function run in batches.
SQL_BATCHED_UDF = 100
#: SQL_ARROW_BATCHED_UDF: row at a time, with Arrow between the engine and the worker (useArrow=True).
SQL_ARROW_BATCHED_UDF = 101
#: SQL_SCALAR_PANDAS_UDF: pandas Series in, a Series out, once per batch.
SQL_SCALAR_PANDAS_UDF = 200
#: SQL_GROUPED_AGG_PANDAS_UDF: Series in, one scalar out per group.
SQL_GROUPED_AGG_PANDAS_UDF = 202
#: SQL_SCALAR_PANDAS_ITER_UDF: an iterator of Series (or of tuples of them) in, of Series out.
SQL_SCALAR_PANDAS_ITER_UDF = 204


class PandasUDFType:
    """PySpark's (deprecated) pandas UDF kinds, as ``functionType`` of pandas_udf."""

    SCALAR = SQL_SCALAR_PANDAS_UDF
    SCALAR_ITER = SQL_SCALAR_PANDAS_ITER_UDF
    GROUPED_MAP = 201
    GROUPED_AGG = SQL_GROUPED_AGG_PANDAS_UDF


def infer_pandas_eval_type(f: Callable[..., Any]) -> int:
    """The pandas UDF kind from f's type hints, as PySpark infers it: Series/DataFrame → Series
    is scalar, Iterator[Series] (or of tuples) → Iterator[Series] scalar-iterator, Series → a
    scalar grouped-aggregate; no hints: scalar."""
    import collections.abc
    import inspect
    import typing
    try:
        hints = typing.get_type_hints(f)
    except Exception:  # noqa: BLE001 - unresolvable hints: as if there were none (PySpark's NameError case)
        hints = {}
    if not hints:
        return SQL_SCALAR_PANDAS_UDF
    import pandas as pd
    frames = (pd.Series, pd.DataFrame)
    params = [hints.get(p) for p in inspect.signature(f).parameters]
    ret = hints.get("return")
    if params and all(p in frames for p in params):
        return SQL_SCALAR_PANDAS_UDF if ret in frames else SQL_GROUPED_AGG_PANDAS_UDF
    if len(params) == 1 and typing.get_origin(params[0]) in (collections.abc.Iterator, collections.abc.Iterable) \
            and typing.get_origin(ret) in (collections.abc.Iterator, collections.abc.Iterable):
        return SQL_SCALAR_PANDAS_ITER_UDF
    raise PySparkNotImplementedError(errorClass="UNSUPPORTED_SIGNATURE", messageParameters={
        "signature": str(inspect.signature(f))})


def _check_grouped_agg_type(rt: T.DataType) -> None:
    """PySpark's check when a grouped-aggregate pandas UDF is made: no struct results."""
    if isinstance(rt, T.StructType):
        raise PySparkNotImplementedError(errorClass="NOT_IMPLEMENTED", messageParameters={
            "feature": "Invalid return type with grouped aggregate Pandas UDFs: %s" % rt})


class UserDefinedFunction:
    """A callable that applies `func` to columns; ``returnType`` is a DataType."""

    def __init__(self, func: Callable[..., Any], returnType: Union[T.DataType, str] = T.StringType(),
                 name: Union[str, None] = None, evalType: int = SQL_BATCHED_UDF,
                 deterministic: bool = True):
        if not callable(func):
            raise PySparkTypeError(errorClass="NOT_CALLABLE", messageParameters={
                "arg_name": "func", "arg_type": type(func).__name__})
        if not isinstance(returnType, (T.DataType, str)):
            raise PySparkTypeError(errorClass="NOT_DATATYPE_OR_STR", messageParameters={
                "arg_name": "returnType", "arg_type": type(returnType).__name__})
        self.func = func
        self._returnType = returnType
        self._name = name or getattr(func, "__name__", func.__class__.__name__)
        self.evalType = evalType
        self.deterministic = deterministic
        self._pickled: Union[bytes, None] = None
        if evalType == SQL_GROUPED_AGG_PANDAS_UDF and isinstance(returnType, T.DataType):
            _check_grouped_agg_type(returnType)

    @property
    def returnType(self) -> T.DataType:
        """The declared return type (DDL strings parsed on first use)."""
        if isinstance(self._returnType, str):
            self._returnType = T.DataType.fromDDL(self._returnType)
            if self.evalType == SQL_GROUPED_AGG_PANDAS_UDF:
                _check_grouped_agg_type(self._returnType)
        return self._returnType

    def _command(self) -> bytes:
        if self._pickled is None:
            self._pickled = dumps_command((self.func, self.returnType))
        return self._pickled

    def __call__(self, *cols: Any) -> Column:
        args = [to_col_expr(c) for c in cols]
        return Column(E.python_udf(self._name, self._command(), wire_type(self.returnType), args,
                                   self.evalType, self.deterministic))

    def asNondeterministic(self) -> "UserDefinedFunction":
        """Mark the UDF non-deterministic (the optimizer must not reorder or duplicate it)."""
        self.deterministic = False
        return self


def make_udf(f: Callable[..., Any], returnType: Union[T.DataType, str]) -> Callable[..., Column]:
    """Wrap `f` as a UDF callable that keeps f's name and docstring."""
    return make_udf_from(UserDefinedFunction(f, returnType))


def make_udf_from(u: UserDefinedFunction) -> Callable[..., Column]:
    """The callable PySpark's ``udf`` returns for ``u``: f's name and docstring, and the UDF's
    attributes (func, returnType, evalType, deterministic, asNondeterministic)."""
    f = u.func

    @functools.wraps(f)
    def wrapper(*cols: Any) -> Column:
        return u(*cols)

    wrapper.func = f  # type: ignore[attr-defined]
    wrapper.returnType = u.returnType  # type: ignore[attr-defined]
    wrapper.evalType = u.evalType  # type: ignore[attr-defined]
    wrapper.deterministic = u.deterministic  # type: ignore[attr-defined]

    def as_nondeterministic() -> Callable[..., Column]:
        u.asNondeterministic()
        wrapper.deterministic = False  # type: ignore[attr-defined]
        return wrapper
    wrapper.asNondeterministic = as_nondeterministic  # type: ignore[attr-defined]
    wrapper._udf = u  # type: ignore[attr-defined]
    return wrapper


class UDFRegistration:
    """``spark.udf``: register a Python function under a name for SQL text, ``expr`` and
    ``selectExpr`` of this session (the engine's session catalog keeps it)."""

    def __init__(self, session: Any):
        self._session = session

    def register(self, name: str, f: Callable[..., Any], returnType: Union[T.DataType, str, None] = None) -> Any:
        """Register ``f`` (a function, or a UDF made by ``udf``/``pandas_udf``) as ``name``;
        returns the UDF, callable on Columns. A UDF keeps its own return type, so giving one
        again is PySpark's CANNOT_SPECIFY_RETURN_TYPE_FOR_UDF."""
        import base64

        from tspark._bridge import protocol
        inner = getattr(f, "_udf", None)
        if isinstance(f, UserDefinedFunction) or inner is not None:
            src: UserDefinedFunction = f if isinstance(f, UserDefinedFunction) else inner  # type: ignore[assignment]
            if returnType is not None:
                raise PySparkTypeError(errorClass="CANNOT_SPECIFY_RETURN_TYPE_FOR_UDF", messageParameters={
                    "arg_name": "f", "return_type": str(returnType)})
            u = UserDefinedFunction(src.func, src.returnType, name=name, evalType=src.evalType,
                                    deterministic=src.deterministic)
        else:
            u = UserDefinedFunction(f, returnType if returnType is not None else T.StringType(), name=name)
        client = self._session._client_checked()
        args = [name, base64.b64encode(u._command()).decode("ascii"), u.returnType.simpleString(),
                str(u.evalType), "true" if u.deterministic else "false"]
        client.request(protocol.catalog(client.next_id(), client.session_id, "registerFunction", args))
        return make_udf_from(u)
