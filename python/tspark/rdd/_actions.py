"""Actions: each runs the plan once in the engine and folds per-partition results on the
client, as PySpark folds the results of its jobs (partials in partition order)."""
import bisect
import heapq
import itertools
import operator
import random
import sys
from collections import defaultdict
from functools import reduce as _reduce
from math import ceil, isinf, isnan, log, sqrt
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from tspark.rdd._pairs import PairOps
from tspark.statcounter import StatCounter


def _count_elements(it: Iterable[Any]) -> List[int]:
    """A partition's element count, taken in slices so the loop runs in C (``sum(1 for _ in it)``
    costs a generator step per element)."""
    it = iter(it)
    n = 0
    while True:
        k = len(list(itertools.islice(it, 4096)))
        n += k
        if k < 4096:
            return [n]


class BoundedFloat(float):
    """An approximate result with its confidence and bounds (sumApprox, meanApprox)."""

    confidence: float
    low: float
    high: float

    def __new__(cls, mean: float, confidence: float, low: float, high: float) -> "BoundedFloat":
        obj = float.__new__(cls, mean)
        obj.confidence = confidence
        obj.low = low
        obj.high = high
        return obj


class Actions(PairOps):
    """Actions: they run the RDD and return values to the client."""

    def collect(self) -> List[Any]:
        """All elements, in partition order."""
        return self._collect_partials()

    def collectWithJobGroup(self, groupId: str, description: str, interruptOnCancel: bool = False) -> List[Any]:
        """collect under a job group (cancelJobGroup(groupId) stops it)."""
        self.ctx.setJobGroup(groupId, description, interruptOnCancel)
        return self.collect()

    def toLocalIterator(self, prefetchPartitions: bool = False) -> Iterator[Any]:
        """The elements as an iterator."""
        return iter(self.collect())

    def count(self) -> int:
        """Number of elements (counted per partition by the workers)."""
        return sum(self.mapPartitions(_count_elements)._collect_partials())

    def sum(self) -> Any:
        """Sum of the elements."""
        return _reduce(operator.add, self.mapPartitions(lambda it: [sum(it, 0)])._collect_partials(), 0)

    def reduce(self, f: Callable[[Any, Any], Any]) -> Any:
        """Fold the elements with f (per partition, then the partials)."""
        def part(it: Iterator[Any]) -> Iterable[Any]:
            it = iter(it)
            for first in it:
                return [_reduce(f, it, first)]
            return []
        partials = self.mapPartitions(part)._collect_partials()
        if partials:
            return _reduce(f, partials)
        raise ValueError("Can not reduce() empty RDD")

    def fold(self, zeroValue: Any, op: Callable[[Any, Any], Any]) -> Any:
        """Fold with a zero value per partition and for the partials."""
        partials = self.mapPartitions(lambda it: [_reduce(op, it, zeroValue)])._collect_partials()
        return _reduce(op, partials, zeroValue)

    def aggregate(self, zeroValue: Any, seqOp: Callable[[Any, Any], Any], combOp: Callable[[Any, Any], Any]) -> Any:
        """seqOp within partitions from zeroValue, combOp across their results."""
        partials = self.mapPartitions(lambda it: [_reduce(seqOp, it, zeroValue)])._collect_partials()
        return _reduce(combOp, partials, zeroValue)

    def treeAggregate(self, zeroValue: Any, seqOp: Callable[[Any, Any], Any], combOp: Callable[[Any, Any], Any],
                      depth: int = 2) -> Any:
        """aggregate with the partials combined in a tree of shuffles (``depth`` levels)."""
        if depth < 1:
            raise ValueError("Depth cannot be smaller than 1 but got %d." % depth)
        if self.getNumPartitions() == 0:
            return zeroValue
        partial = self.mapPartitions(lambda it: [_reduce(seqOp, it, zeroValue)])
        num = float(partial.getNumPartitions())
        scale = max(int(ceil(num ** (1.0 / depth))), 2)
        while num > scale + num / scale:
            num /= scale
            cur = int(num)
            partial = partial.mapPartitionsWithIndex(lambda i, it, cur=cur: ((i % cur, x) for x in it)) \
                .reduceByKey(combOp, cur).values()
        return partial.reduce(combOp)

    def treeReduce(self, f: Callable[[Any, Any], Any], depth: int = 2) -> Any:
        """reduce with the partials combined in a tree."""
        if depth < 1:
            raise ValueError("Depth cannot be smaller than 1 but got %d." % depth)
        zero = (None, True)  # the second item marks the dummy zero

        def op(x: Tuple[Any, bool], y: Tuple[Any, bool]) -> Tuple[Any, bool]:
            if x[1]:
                return y
            if y[1]:
                return x
            return f(x[0], y[0]), False
        reduced = self.map(lambda x: (x, False)).treeAggregate(zero, op, op, depth)
        if reduced[1]:
            raise ValueError("Cannot reduce empty RDD.")
        return reduced[0]

    def max(self, key: Optional[Callable[[Any], Any]] = None) -> Any:
        """The largest element (by key)."""
        return self.reduce(max) if key is None else self.reduce(lambda a, b: max(a, b, key=key))

    def min(self, key: Optional[Callable[[Any], Any]] = None) -> Any:
        """The smallest element (by key)."""
        return self.reduce(min) if key is None else self.reduce(lambda a, b: min(a, b, key=key))

    # --- statistics ---
    def stats(self) -> StatCounter:
        """Count, mean, variance, max and min in one pass."""
        return self.mapPartitions(lambda it: [StatCounter(it)]).reduce(lambda a, b: a.mergeStats(b))

    def mean(self) -> float:
        return self.stats().mean()

    def variance(self) -> float:
        return self.stats().variance()

    def stdev(self) -> float:
        return self.stats().stdev()

    def sampleStdev(self) -> float:
        return self.stats().sampleStdev()

    def sampleVariance(self) -> float:
        return self.stats().sampleVariance()

    def histogram(self, buckets: Union[int, Sequence[Any]]) -> Tuple[Sequence[Any], List[int]]:
        """Counts per bucket: ``buckets`` evenly spaced between min and max, or given bounds
        (sorted, each bucket [lo, hi) except the last, which includes its upper bound)."""
        if isinstance(buckets, int):
            if buckets < 1:
                raise ValueError("number of buckets must be >= 1")
            filtered = self.filter(lambda x: x is not None and not (type(x) is float and isnan(x)))
            try:
                minv, maxv = filtered.map(lambda x: (x, x)).reduce(lambda a, b: (min(a[0], b[0]), max(a[1], b[1])))
            except TypeError as e:
                if " empty " in str(e):
                    raise ValueError("can not generate buckets from empty RDD")
                raise
            if minv == maxv or buckets == 1:
                return [minv, maxv], [filtered.count()]
            try:
                inc = (maxv - minv) / buckets
            except TypeError:
                raise TypeError("Can not generate buckets with non-number in RDD")
            if isinf(inc):
                raise ValueError("Can not generate buckets with infinite value")
            inc = int(inc)  # integers stay integers when they divide evenly
            if inc * buckets != maxv - minv:
                inc = (maxv - minv) * 1.0 / buckets
            bounds: Sequence[Any] = [i * inc + minv for i in range(buckets)] + [maxv]
            even = True
        elif isinstance(buckets, (list, tuple)):
            if len(buckets) < 2:
                raise ValueError("buckets should have more than one value")
            if any(i is None or isinstance(i, float) and isnan(i) for i in buckets):
                raise ValueError("can not have None or NaN in buckets")
            if sorted(buckets) != list(buckets):
                raise ValueError("buckets should be sorted")
            if len(set(buckets)) != len(buckets):
                raise ValueError("buckets should not contain duplicated values")
            bounds = buckets
            minv, maxv = buckets[0], buckets[-1]
            even = False
            inc = None
            try:
                steps = [buckets[i + 1] - buckets[i] for i in range(len(buckets) - 1)]
            except TypeError:
                pass  # bounds without '-' (strings): bisect only
            else:
                if max(steps) - min(steps) < 1e-10:
                    even = True
                    inc = (maxv - minv) / (len(buckets) - 1)
        else:
            raise TypeError("buckets should be a list or tuple or number(int or long)")

        def count(it: Iterable[Any]) -> Iterable[List[int]]:
            counters = [0] * len(bounds)
            for i in it:
                if i is None or (isinstance(i, float) and isnan(i)) or i > maxv or i < minv:
                    continue
                t = int((i - minv) / inc) if even else bisect.bisect_right(bounds, i) - 1
                counters[t] += 1
            last = counters.pop()  # the top bound belongs to the last bucket
            counters[-1] += last
            return [counters]
        return bounds, self.mapPartitions(count).reduce(lambda a, b: [i + j for i, j in zip(a, b)])

    def countByValue(self) -> Dict[Any, int]:
        """Number of occurrences of each element (a defaultdict(int))."""
        def count_partition(it: Iterator[Any]) -> Iterable[Dict[Any, int]]:
            counts: Dict[Any, int] = defaultdict(int)
            for x in it:
                counts[x] += 1
            return [counts]

        def merge(m1: Dict[Any, int], m2: Dict[Any, int]) -> Dict[Any, int]:
            for k, v in m2.items():
                m1[k] += v
            return m1
        return self.mapPartitions(count_partition).reduce(merge)

    # --- taking elements ---
    def take(self, num: int) -> List[Any]:
        """The first ``num`` elements, in partition order."""
        if num <= 0:
            return []
        return self.mapPartitions(lambda it: itertools.islice(it, num))._collect_partials()[:num]

    def first(self) -> Any:
        """The first element; ValueError when empty, as in PySpark."""
        rs = self.take(1)
        if rs:
            return rs[0]
        raise ValueError("RDD is empty")

    def isEmpty(self) -> bool:
        """Whether there are no elements."""
        return self.getNumPartitions() == 0 or len(self.take(1)) == 0

    def top(self, num: int, key: Optional[Callable[[Any], Any]] = None) -> List[Any]:
        """The ``num`` largest elements, largest first."""
        return self.mapPartitions(lambda it: [heapq.nlargest(num, it, key=key)]) \
            .reduce(lambda a, b: heapq.nlargest(num, a + b, key=key))

    def takeOrdered(self, num: int, key: Optional[Callable[[Any], Any]] = None) -> List[Any]:
        """The ``num`` smallest elements, in order."""
        if num < 0:
            raise ValueError("top N cannot be negative.")
        if num == 0 or self.getNumPartitions() == 0:
            return []
        return self.mapPartitions(lambda it: [heapq.nsmallest(num, it, key=key)]) \
            .reduce(lambda a, b: heapq.nsmallest(num, a + b, key=key))

    def takeSample(self, withReplacement: bool, num: int, seed: Optional[int] = None) -> List[Any]:
        """``num`` elements drawn at random (PySpark's over-sampling then shuffle, so a seed
        gives PySpark's sample)."""
        num_st_dev = 10.0
        if num < 0:
            raise ValueError("Sample size cannot be negative.")
        if num == 0:
            return []
        initial = self.count()
        if initial == 0:
            return []
        rand = random.Random(seed)
        if (not withReplacement) and num >= initial:
            samples = self.collect()
            rand.shuffle(samples)
            return samples
        max_size = sys.maxsize - int(num_st_dev * sqrt(sys.maxsize))
        if num > max_size:
            raise ValueError("Sample size cannot be greater than %d." % max_size)
        fraction = _fraction_for_sample_size(num, initial, withReplacement)
        samples = self.sample(withReplacement, fraction, seed).collect()
        while len(samples) < num:  # rare: the fraction over-samples by many deviations
            seed = rand.randint(0, sys.maxsize)
            samples = self.sample(withReplacement, fraction, seed).collect()
        rand.shuffle(samples)
        return samples[0:num]

    # --- approximate actions (the jobs run to completion: exact bounds) ---
    def countApprox(self, timeout: int, confidence: float = 0.95) -> int:
        """count (the job always completes within the engine, so the count is exact)."""
        return int(self.count())

    def sumApprox(self, timeout: int, confidence: float = 0.95) -> BoundedFloat:
        """sum as a BoundedFloat whose bounds are the exact sum."""
        s = float(self.map(float).sum())
        return BoundedFloat(s, 1.0, s, s)

    def meanApprox(self, timeout: int, confidence: float = 0.95) -> BoundedFloat:
        """mean as a BoundedFloat whose bounds are the exact mean."""
        m = float(self.map(float).mean())
        return BoundedFloat(m, 1.0, m, m)

    def countApproxDistinct(self, relativeSD: float = 0.05) -> int:
        """Distinct elements estimated as Spark does: HyperLogLog++ (precision from relativeSD,
        no sparse mode) over the decimal text of each element's 32-bit portable hash."""
        if relativeSD < 0.000017:
            raise ValueError("relativeSD should be greater than 0.000017")
        from tspark.worker.hyperloglog import HyperLogLogPlus, precision_for
        p = precision_for(relativeSD)

        def registers(it: Iterator[Any]) -> Iterable[Any]:
            from tspark.worker.portable_hash import portable_hash
            from tspark.worker.hyperloglog import HyperLogLogPlus as H
            h = H(p)
            for x in it:
                h.offer(str(portable_hash(x) & 0xFFFFFFFF).encode("ascii"))
            return [h.registers]
        merged = HyperLogLogPlus(p)
        for regs in self.mapPartitions(registers)._collect_partials():
            merged.merge(regs)
        return merged.cardinality()

    # --- side effects ---
    def foreach(self, f: Callable[[Any], None]) -> None:
        """Run f on every element in the workers."""
        def run(it: Iterator[Any]) -> Iterable[Any]:
            for x in it:
                f(x)
            return []
        self.mapPartitions(run)._collect_partials()

    def foreachPartition(self, f: Callable[[Iterator[Any]], None]) -> None:
        """Run f on each partition's iterator in the workers."""
        def run(it: Iterator[Any]) -> Iterable[Any]:
            r = f(it)
            try:
                return iter(r)  # type: ignore[arg-type] # a generator f still runs
            except TypeError:
                return iter([])
        self.mapPartitions(run).count()

    # --- to DataFrames ---
    def toDF(self, schema: Any = None, sampleRatio: Optional[float] = None) -> Any:
        """``spark.createDataFrame(rdd, schema, sampleRatio)``."""
        return self.ctx._session.createDataFrame(self, schema, sampleRatio)


def _fraction_for_sample_size(lower_bound: int, total: int, with_replacement: bool) -> float:
    """A sampling fraction that yields at least ``lower_bound`` elements with high
    probability (Spark's SamplingUtils.computeFractionForSampleSize)."""
    fraction = float(lower_bound) / total
    if with_replacement:
        num_st_dev = 9 if lower_bound < 12 else 5
        return fraction + num_st_dev * sqrt(fraction / total)
    delta = 0.00005
    gamma = -log(delta) / total
    return min(1, fraction + gamma + sqrt(gamma * gamma + 2 * gamma * fraction))
