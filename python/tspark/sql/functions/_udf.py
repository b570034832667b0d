"""Python UDFs: ``udf`` (the function is pickled and run by the engine's Python workers)."""
from typing import Any, Callable, Optional, Union

from tspark.sql import types as T
from tspark.sql.functions._family import family_all


def udf(f: Optional[Union[Callable[..., Any], T.DataType, str]] = None,
        returnType: Union[T.DataType, str] = T.StringType(), *, useArrow: Optional[bool] = None) -> Any:
    """A Python UDF: ``udf(f, "long")`` or as a decorator ``@udf(returnType=...)``."""
    from tspark.sql.udf import make_udf
    if f is None or isinstance(f, (str, T.DataType)):
        rt = returnType if f is None else f
        return lambda fn: make_udf(fn, rt)
    return make_udf(f, returnType)


def pandas_udf(f: Any = None, returnType: Any = None, functionType: Optional[int] = None) -> Any:
    """A vectorized UDF over pandas Series: ``@pandas_udf("long") def f(s: pd.Series) -> pd.Series``;
    the kind (scalar, scalar iterator) comes from the type hints or ``functionType``."""
    from tspark.errors import PySparkTypeError
    from tspark.sql.udf import UserDefinedFunction, infer_pandas_eval_type, make_udf_from
    decorator = f is None or isinstance(f, (str, T.DataType))
    if decorator:
        rt = f or returnType
        ft = functionType if functionType is not None else (returnType if isinstance(returnType, int) else None)
    else:
        rt, ft = returnType, functionType
    if rt is None:
        raise PySparkTypeError(errorClass="CANNOT_BE_NONE", messageParameters={"arg_name": "returnType"})

    def make(fn: Callable[..., Any]) -> Any:
        eval_type = ft if ft is not None else infer_pandas_eval_type(fn)
        return make_udf_from(UserDefinedFunction(fn, rt, evalType=eval_type))
    return make if decorator else make(f)


def udtf(cls: Any = None, *, returnType: Any = None, useArrow: Optional[bool] = None) -> Any:
    """A Python UDTF: ``udtf(MyClass, returnType="a: int")`` or the decorator ``@udtf(returnType=...)``;
    calling it gives a DataFrame of the rows its ``eval``/``terminate`` yield."""
    from tspark.sql.udtf import udtf_function
    return udtf_function(cls, returnType=returnType, useArrow=useArrow)


def call_udf(udfName: str, *cols: Any) -> Any:
    """Call the function ``spark.udf.register`` registered as ``udfName`` on ``cols`` (resolved by name, as SQL does)."""
    from tspark.sql._invoke import to_col_expr
    from tspark.sql._plan import expressions as E
    from tspark.sql.column import Column
    return Column(E.function(udfName, [to_col_expr(c) for c in cols]))


__all__ = family_all(globals())
