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


__all__ = family_all(globals())
