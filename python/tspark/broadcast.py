"""``pyspark.broadcast``: a read-only value shipped once per worker, not with every task.

The driver pickles the value once into a file of the context's broadcast directory; a
task's closure carries only (id, path), and each worker process loads the file the first
time a task reads ``value`` and keeps it for the tasks after (PySpark's workers read
broadcasts from files the same way). Imported by the workers: standard library and errors only.
"""
import os
import pickle
import threading
from typing import Any, Dict, Generic, Tuple, TypeVar

from tspark.errors import PySparkRuntimeError

__all__ = ["Broadcast"]

T = TypeVar("T")

#: in a worker, loaded values by broadcast id
_worker_values: Dict[int, Any] = {}
_lock = threading.Lock()
#: loads per broadcast id in this process (tests check "once per worker")
_load_counts: Dict[int, int] = {}
#: a task's handle before it has read its value
_UNSET: Any = object()


def _from_path(bid: int, path: str) -> "Broadcast[Any]":
    """A task's handle of broadcast ``bid`` (unpickled in a worker)."""
    b: Broadcast[Any] = Broadcast.__new__(Broadcast)
    b._bid = bid
    b._path = path
    b._driver = False
    b._destroyed = False
    b._loaded = _UNSET
    return b


class Broadcast(Generic[T]):
    """``sc.broadcast(v)``: ``.value`` on the driver and in tasks."""

    _bid: int
    _path: str
    _driver: bool
    _destroyed: bool
    _value: T
    #: a task's handle keeps the value it read (a lambda reads ``b.value`` once per element)
    _loaded: Any

    def __init__(self, bid: int, value: T, path: str):
        self._bid = bid
        self._path = path
        self._driver = True
        self._destroyed = False
        self._value = value
        self._loaded = _UNSET
        with open(path, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)

    def __reduce__(self) -> Tuple[Any, Tuple[int, str]]:
        if self._destroyed:
            raise PySparkRuntimeError(errorClass="BROADCAST_VARIABLE_NOT_LOADED",
                                      messageParameters={"variable": "Broadcast(%d)" % self._bid})
        return (_from_path, (self._bid, self._path))

    @property
    def value(self) -> T:
        """The value: the driver's object, or the worker's copy loaded once per process."""
        loaded = self._loaded
        if loaded is not _UNSET:
            return loaded
        if self._driver:
            if self._destroyed:
                raise PySparkRuntimeError(errorClass="BROADCAST_VARIABLE_NOT_LOADED",
                                          messageParameters={"variable": "Broadcast(%d)" % self._bid})
            return self._value
        with _lock:
            if self._bid not in _worker_values:
                _worker_values[self._bid] = self.load_from_path(self._path)
                _load_counts[self._bid] = _load_counts.get(self._bid, 0) + 1
            self._loaded = _worker_values[self._bid]
            return self._loaded

    def load_from_path(self, path: str) -> T:
        """Unpickle a value written by dump."""
        with open(path, "rb") as f:
            return self.load(f)

    def load(self, file: Any) -> T:
        return pickle.load(file)

    def dump(self, value: T, f: Any) -> None:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)

    def unpersist(self, blocking: bool = False) -> None:
        """Release the workers' copies. They are read-only and reloaded from the same file on
        demand, so keeping them changes no result; a destroyed broadcast cannot be unpersisted."""
        if self._driver and self._destroyed:
            raise PySparkRuntimeError(errorClass="BROADCAST_VARIABLE_NOT_LOADED",
                                      messageParameters={"variable": "Broadcast(%d)" % self._bid})

    def destroy(self, blocking: bool = False) -> None:
        """Delete the value everywhere; any later use fails."""
        self._destroyed = True
        try:
            os.unlink(self._path)
        except OSError:
            pass
