"""Python UDFs: the function is cloudpickled with its return type into a PythonUDF expression."""
import functools
from typing import Any, Callable, Union

import cloudpickle

from tspark.errors import PySparkTypeError
from tspark.sql import types as T
from tspark.sql._plan import expressions as E
from tspark.sql.column import Column
from tspark.sql._convert import wire_type
from tspark.sql._invoke import to_col_expr

#: PySpark's PythonEvalType.SQL_BATCHED_UDF: a row-at-a-time function run in batches.
SQL_BATCHED_UDF = 100


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

    @property
    def returnType(self) -> T.DataType:
        """The declared return type (DDL strings parsed on first use)."""
        if isinstance(self._returnType, str):
            self._returnType = T.DataType.fromDDL(self._returnType)
        return self._returnType

    def _command(self) -> bytes:
        if self._pickled is None:
            self._pickled = cloudpickle.dumps((self.func, self.returnType))
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
    u = UserDefinedFunction(f, returnType)

    @functools.wraps(f)
    def wrapper(*cols: Any) -> Column:
        return u(*cols)

    wrapper.func = f  # type: ignore[attr-defined]
    wrapper.returnType = u.returnType  # type: ignore[attr-defined]
    wrapper.evalType = u.evalType  # type: ignore[attr-defined]
    wrapper.deterministic = u.deterministic  # type: ignore[attr-defined]
    wrapper.asNondeterministic = lambda: (u.asNondeterministic(), wrapper)[1]  # type: ignore[attr-defined]
    return wrapper


class UDFRegistration:
    """``spark.udf``: register a Python function under a name (usable from SQL text once the engine supports it)."""

    def __init__(self, session: Any):
        self._session = session

    def register(self, name: str, f: Callable[..., Any], returnType: Union[T.DataType, str, None] = None) -> Any:
        """Wrap `f` as a UDF named `name` and return it."""
        rt = returnType if returnType is not None else getattr(f, "returnType", T.StringType())
        func = getattr(f, "func", f)
        u = UserDefinedFunction(func, rt, name=name)
        return u
