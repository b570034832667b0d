"""``pyspark.statcounter``: count, mean, variance, max and min in one pass (``rdd.stats()``).

Values are merged one at a time with Welford's update and partial counters with Chan et al.'s
pairwise formula, the order of floating-point operations being PySpark's, so ``stats()`` of
the same partitions gives the same bits. Like PySpark it uses numpy's maximum/minimum/sqrt
when numpy is importable (so ``max()`` and ``stdev()`` are numpy floats then).
"""
import copy
import math
from typing import Any, Dict, Iterable, Union


def _bind_numpy() -> None:
    """Rebinds maximum/minimum/sqrt to numpy's (or the builtins without numpy) at their first call:
    importing numpy costs a third of a second, and ``import tspark.sql`` reaches this module."""
    global maximum, minimum, sqrt
    try:
        from numpy import maximum, minimum, sqrt  # type: ignore[assignment]
    except ImportError:  # pragma: no cover - numpy is optional, as in PySpark
        maximum, minimum, sqrt = max, min, math.sqrt  # type: ignore[assignment]


def maximum(a: Any, b: Any) -> Any:  # noqa: F811 - replaced by numpy's at the first call
    _bind_numpy()
    return maximum(a, b)


def minimum(a: Any, b: Any) -> Any:  # noqa: F811
    _bind_numpy()
    return minimum(a, b)


def sqrt(x: Any) -> Any:  # noqa: F811
    _bind_numpy()
    return sqrt(x)


__all__ = ["StatCounter"]

Number = Union[int, float]


class StatCounter:
    """Running statistics of numbers; ``merge`` one value, ``mergeStats`` another counter."""

    def __init__(self, values: Iterable[Number] = ()):
        self.n = 0
        self.mu = 0.0
        self.m2 = 0.0
        self.maxValue: Any = float("-inf")
        self.minValue: Any = float("inf")
        for v in values:
            self.merge(v)

    def merge(self, value: Number) -> "StatCounter":
        delta = value - self.mu
        self.n += 1
        self.mu += delta / self.n
        self.m2 += delta * (value - self.mu)
        self.maxValue = maximum(self.maxValue, value)
        self.minValue = minimum(self.minValue, value)
        return self

    def mergeStats(self, other: "StatCounter") -> "StatCounter":
        if not isinstance(other, StatCounter):
            raise TypeError("Can only merge StatCounter but got %s" % type(other))
        if other is self:
            return self.mergeStats(other.copy())
        if self.n == 0:
            self.mu, self.m2, self.n = other.mu, other.m2, other.n
            self.maxValue, self.minValue = other.maxValue, other.minValue
        elif other.n != 0:
            delta = other.mu - self.mu
            if other.n * 10 < self.n:
                self.mu = self.mu + (delta * other.n) / (self.n + other.n)
            elif self.n * 10 < other.n:
                self.mu = other.mu - (delta * self.n) / (self.n + other.n)
            else:
                self.mu = (self.mu * self.n + other.mu * other.n) / (self.n + other.n)
            self.maxValue = maximum(self.maxValue, other.maxValue)
            self.minValue = minimum(self.minValue, other.minValue)
            self.m2 += other.m2 + (delta * delta * self.n * other.n) / (self.n + other.n)
            self.n += other.n
        return self

    def copy(self) -> "StatCounter":
        return copy.deepcopy(self)

    def count(self) -> int:
        return int(self.n)

    def mean(self) -> float:
        return float(self.mu)

    def sum(self) -> float:
        return float(self.n * self.mu)

    def min(self) -> Any:
        return self.minValue

    def max(self) -> Any:
        return self.maxValue

    def variance(self) -> float:
        """Population variance (NaN when empty)."""
        return float("nan") if self.n == 0 else self.m2 / self.n

    def sampleVariance(self) -> float:
        """Sample variance, n - 1 in the denominator (NaN below two values)."""
        return float("nan") if self.n <= 1 else self.m2 / (self.n - 1)

    def stdev(self) -> Any:
        return sqrt(self.variance())

    def sampleStdev(self) -> Any:
        return sqrt(self.sampleVariance())

    def asDict(self, sample: bool = False) -> Dict[str, Any]:
        """The statistics as a dict. As in PySpark, ``sample=False`` (the default) gives the
        *sample* stdev and variance and ``sample=True`` the population ones."""
        return {
            "count": self.count(), "mean": self.mean(), "sum": self.sum(),
            "min": self.min(), "max": self.max(),
            "stdev": self.stdev() if sample else self.sampleStdev(),
            "variance": self.variance() if sample else self.sampleVariance(),
        }

    def __repr__(self) -> str:
        return "(count: %s, mean: %s, stdev: %s, max: %s, min: %s)" % (
            self.count(), self.mean(), self.stdev(), self.max(), self.min())
