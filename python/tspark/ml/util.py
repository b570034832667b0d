"""``pyspark.ml.util``: Identifiable (uids as PySpark forms them)."""
import functools
import uuid
from typing import Any, Callable

__all__ = ["Identifiable", "keyword_only"]


class Identifiable:
    """An object with a unique id: the class name and 12 hex digits (``LinearRegression_4f1c2a3b5d6e``)."""

    def __init__(self) -> None:
        self.uid = self._randomUID()

    def __repr__(self) -> str:
        return self.uid

    @classmethod
    def _randomUID(cls) -> str:
        return str(cls.__name__ + "_" + uuid.uuid4().hex[-12:])


def keyword_only(func: Callable[..., Any]) -> Callable[..., Any]:
    """PySpark's keyword_only: the method takes keywords only, and ``self._input_kwargs`` holds
    the ones given, so a constructor sets only the params the caller passed."""
    @functools.wraps(func)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        if len(args) > 0:
            raise TypeError("Method %s forces keyword arguments." % func.__name__)
        self._input_kwargs = kwargs
        return func(self, **kwargs)
    return wrapper
