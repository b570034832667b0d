"""``pyspark.resultiterable``: the values of one key after groupByKey / cogroup."""
from typing import Any, Generic, Iterable, Iterator, TypeVar

__all__ = ["ResultIterable"]

T = TypeVar("T")


class ResultIterable(Generic[T]):
    """A re-iterable wrapper of a key's values (``list(vs)``, ``len(vs)``), as PySpark's."""

    def __init__(self, data: Iterable[T]):
        self.data = data
        self.index = 0
        self.maxindex = len(data)  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)  # type: ignore[arg-type]
