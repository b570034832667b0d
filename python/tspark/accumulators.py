"""``pyspark.accumulators``: shared variables that tasks add to and the driver reads.

A task's closure carries an accumulator as (id, zero, param); the worker adds into that
copy, and each successful task's values travel back with its result (a failed or retried
attempt's never do), the client merging them into the driver's accumulator exactly once per
task, as Spark promises for actions. Imported by the workers: standard library and errors only.
"""
from typing import Any, Dict, Generic, List, Tuple, TypeVar

from tspark.errors import PySparkRuntimeError

__all__ = ["Accumulator", "AccumulatorParam", "AddingAccumulatorParam"]

T = TypeVar("T")

#: the driver's accumulators by id, and in a worker the copies its loaded functions hold
_accumulatorRegistry: Dict[int, "Accumulator[Any]"] = {}


def _deserialize_accumulator(aid: int, zero_value: Any, accum_param: "AccumulatorParam[Any]") -> "Accumulator[Any]":
    """A task's copy (in a worker): starts at the zero; its updates go back with the task."""
    known = _accumulatorRegistry.get(aid)
    if known is not None and known._deserialized:
        return known
    accum = Accumulator(aid, zero_value, accum_param)
    accum._deserialized = True
    accum._zero = zero_value
    _accumulatorRegistry[aid] = accum
    return accum


class Accumulator(Generic[T]):
    """``sc.accumulator(0)``; tasks ``add`` (or ``+=``), only the driver reads ``value``."""

    def __init__(self, aid: int, value: T, accum_param: "AccumulatorParam[T]"):
        self.aid = aid
        self.accum_param = accum_param
        self._value = value
        self._deserialized = False
        self._zero: Any = None
        self._touched = False
        _accumulatorRegistry[aid] = self

    def __reduce__(self) -> Tuple[Any, Tuple[int, Any, "AccumulatorParam[T]"]]:
        param = self.accum_param
        return (_deserialize_accumulator, (self.aid, param.zero(self._value), param))

    @property
    def value(self) -> T:
        """The value (driver only)."""
        if self._deserialized:
            raise PySparkRuntimeError(errorClass="VALUE_NOT_ACCESSIBLE", messageParameters={"value": "Accumulator.value"})
        return self._value

    @value.setter
    def value(self, value: T) -> None:
        if self._deserialized:
            raise PySparkRuntimeError(errorClass="VALUE_NOT_ACCESSIBLE", messageParameters={"value": "Accumulator.value"})
        self._value = value

    def add(self, term: T) -> None:
        """Add a term with the param's addInPlace."""
        self._value = self.accum_param.addInPlace(self._value, term)
        self._touched = True

    def __iadd__(self, term: T) -> "Accumulator[T]":
        self.add(term)
        return self

    def __str__(self) -> str:
        return str(self._value)

    def __repr__(self) -> str:
        return "Accumulator<id=%i, value=%s>" % (self.aid, self._value)


class AccumulatorParam(Generic[T]):
    """How to accumulate a type: ``zero(value)`` and ``addInPlace(value1, value2)``."""

    def zero(self, value: T) -> T:
        raise NotImplementedError

    def addInPlace(self, value1: T, value2: T) -> T:
        raise NotImplementedError


class AddingAccumulatorParam(AccumulatorParam[T]):
    """Accumulates with ``+=`` from a fixed zero."""

    def __init__(self, zero_value: T):
        self.zero_value = zero_value

    def zero(self, value: T) -> T:
        return self.zero_value

    def addInPlace(self, value1: T, value2: T) -> T:
        value1 += value2  # type: ignore[operator]
        return value1


INT_ACCUMULATOR_PARAM: AddingAccumulatorParam[int] = AddingAccumulatorParam(0)
FLOAT_ACCUMULATOR_PARAM: AddingAccumulatorParam[float] = AddingAccumulatorParam(0.0)
COMPLEX_ACCUMULATOR_PARAM: AddingAccumulatorParam[complex] = AddingAccumulatorParam(0.0j)


def _begin_task() -> None:
    """In a worker, before a task: every copy back to its zero (loaded functions are cached
    across tasks, so their copies live on)."""
    for acc in _accumulatorRegistry.values():
        if acc._deserialized:
            acc._value = acc.accum_param.zero(acc._zero)
            acc._touched = False


def _task_updates() -> List[Tuple[int, Any]]:
    """In a worker, after a successful task: (id, value) of every copy the task added to."""
    return [(aid, acc._value) for aid, acc in _accumulatorRegistry.items() if acc._deserialized and acc._touched]


def _merge_updates(updates: List[Tuple[int, Any]]) -> None:
    """On the driver: merge one task's updates into the accumulators."""
    for aid, value in updates:
        acc = _accumulatorRegistry.get(aid)
        if acc is not None and not acc._deserialized:
            acc._value = acc.accum_param.addInPlace(acc._value, value)
