"""Key-value transformations: shuffles by key (hash-partitioned by portable_hash, or by a
partitionFunc), combiners, joins and cogroups, and sorting by key with sampled ranges.

Each follows PySpark's construction step for step (local combine → shuffle → merge, joins
as a groupByKey over a tagged union, sortByKey's sampled bounds), so partition counts, the
partition each key lands in and the order within partitions are PySpark's.
"""
import bisect
import copy
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from tspark.rdd._external import external_merge, external_sort, memory_limit_mb
from tspark.rdd._narrow import NarrowOps
from tspark.rdd._partitioner import Partitioner
from tspark.resultiterable import ResultIterable
from tspark.rddsampler import RDDStratifiedSampler
from tspark.worker.portable_hash import portable_hash


def _combine_values(createCombiner: Callable[[Any], Any], mergeValue: Callable[[Any, Any], Any]) -> Callable[[Iterator[Any]], Iterable[Any]]:
    def combine(it: Iterator[Any]) -> Iterable[Any]:
        acc: Dict[Any, Any] = {}
        for k, v in it:
            acc[k] = mergeValue(acc[k], v) if k in acc else createCombiner(v)
        return acc.items()
    return combine


def _merge_combiners(mergeCombiners: Callable[[Any, Any], Any], limit_mb: float, local_dir: str) -> Callable[[Iterator[Any]], Iterable[Any]]:
    """The reduce side of combineByKey: spills by key hash past ``limit_mb`` (rdd/_external.py)."""
    def merge(it: Iterator[Any]) -> Iterable[Any]:
        return external_merge(it, mergeCombiners, limit_mb, local_dir)
    return merge


def _sorter(keyfunc: Callable[[Any], Any], ascending: bool, limit_mb: float, local_dir: str) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """A partition sorted by keyfunc(key), spilling sorted runs past ``limit_mb``."""
    def sort_partition(it: Iterator[Any]) -> Iterator[Any]:
        return external_sort(it, lambda kv: keyfunc(kv[0]), not ascending, limit_mb, local_dir)
    return sort_partition


class PairOps(NarrowOps):
    """Transformations of (key, value) RDDs."""

    def _spill_settings(self) -> Tuple[float, str]:
        """spark.python.worker.memory (PySpark's default 512m) and spark.local.dir, read when the step is built."""
        conf = self.ctx.getConf()
        return memory_limit_mb(conf.get("spark.python.worker.memory", "512m") or "512m"), conf.get("spark.local.dir", "") or ""

    def partitionBy(self, numPartitions: Optional[int] = None,
                    partitionFunc: Callable[[Any], int] = portable_hash) -> Any:
        """Route pairs to ``partitionFunc(key) % numPartitions``; no shuffle when the RDD is
        already partitioned so."""
        if numPartitions is None:
            numPartitions = self._defaultReducePartitions()
        partitioner = Partitioner(int(numPartitions), partitionFunc)
        if self.partitioner == partitioner:
            return self
        rdd = self._shuffle(int(numPartitions), None if partitionFunc is portable_hash else partitionFunc)
        rdd.partitioner = partitioner
        return rdd

    def combineByKey(self, createCombiner: Callable[[Any], Any], mergeValue: Callable[[Any, Any], Any],
                     mergeCombiners: Callable[[Any, Any], Any], numPartitions: Optional[int] = None,
                     partitionFunc: Callable[[Any], int] = portable_hash) -> Any:
        """Combine locally, shuffle by key, then merge the combiners of each key."""
        if numPartitions is None:
            numPartitions = self._defaultReducePartitions()
        local = self.mapPartitions(_combine_values(createCombiner, mergeValue), preservesPartitioning=True)
        shuffled = local.partitionBy(numPartitions, partitionFunc)
        return shuffled.mapPartitions(_merge_combiners(mergeCombiners, *self._spill_settings()), preservesPartitioning=True)

    def reduceByKey(self, func: Callable[[Any, Any], Any], numPartitions: Optional[int] = None,
                    partitionFunc: Callable[[Any], int] = portable_hash) -> Any:
        """Merge the values of each key with func (combined per partition before the shuffle)."""
        return self.combineByKey(lambda x: x, func, func, numPartitions, partitionFunc)

    def reduceByKeyLocally(self, func: Callable[[Any, Any], Any]) -> Dict[Any, Any]:
        """reduceByKey's result as a dict, merged on the client."""
        def reduce_partition(it: Iterator[Any]) -> Iterable[Dict[Any, Any]]:
            m: Dict[Any, Any] = {}
            for k, v in it:
                m[k] = func(m[k], v) if k in m else v
            return [m]

        def merge_maps(m1: Dict[Any, Any], m2: Dict[Any, Any]) -> Dict[Any, Any]:
            for k, v in m2.items():
                m1[k] = func(m1[k], v) if k in m1 else v
            return m1
        return self.mapPartitions(reduce_partition).reduce(merge_maps)

    def aggregateByKey(self, zeroValue: Any, seqFunc: Callable[[Any, Any], Any], combFunc: Callable[[Any, Any], Any],
                       numPartitions: Optional[int] = None, partitionFunc: Callable[[Any], int] = portable_hash) -> Any:
        """combineByKey from a zero value (deep-copied per key) and two functions."""
        return self.combineByKey(lambda v: seqFunc(copy.deepcopy(zeroValue), v), seqFunc, combFunc,
                                 numPartitions, partitionFunc)

    def foldByKey(self, zeroValue: Any, func: Callable[[Any, Any], Any], numPartitions: Optional[int] = None,
                  partitionFunc: Callable[[Any], int] = portable_hash) -> Any:
        """Merge each key's values with func, starting from zeroValue (deep-copied per key)."""
        return self.combineByKey(lambda v: func(copy.deepcopy(zeroValue), v), func, func,
                                 numPartitions, partitionFunc)

    def groupByKey(self, numPartitions: Optional[int] = None, partitionFunc: Callable[[Any], int] = portable_hash) -> Any:
        """Each key with a ResultIterable of its values (in arrival order)."""
        def create(x: Any) -> List[Any]:
            return [x]

        def append(xs: List[Any], x: Any) -> List[Any]:
            xs.append(x)
            return xs

        def extend(a: List[Any], b: List[Any]) -> List[Any]:
            a.extend(b)
            return a
        return self.combineByKey(create, append, extend, numPartitions, partitionFunc).mapValues(ResultIterable)

    def groupBy(self, f: Callable[[Any], Any], numPartitions: Optional[int] = None,
                partitionFunc: Callable[[Any], int] = portable_hash) -> Any:
        """Elements grouped by f(element)."""
        return self.map(lambda x: (f(x), x)).groupByKey(numPartitions, partitionFunc)

    def distinct(self, numPartitions: Optional[int] = None) -> Any:
        """Distinct elements."""
        return self.map(lambda x: (x, None)).reduceByKey(lambda x, _: x, numPartitions).map(lambda x: x[0])

    # --- sorting ---
    def sortByKey(self, ascending: Optional[bool] = True, numPartitions: Optional[int] = None,
                  keyfunc: Callable[[Any], Any] = lambda x: x) -> Any:
        """Sorted by key: range-partitioned on bounds from a sample (seed 1, about 20 keys per
        partition, as Spark's RangePartitioner), then each partition sorted."""
        if numPartitions is None:
            numPartitions = self._defaultReducePartitions()
        n = int(numPartitions)
        sort_partition = _sorter(keyfunc, bool(ascending), *self._spill_settings())
        if n == 1:
            rdd = self.coalesce(1) if self.getNumPartitions() > 1 else self
            return rdd.mapPartitions(sort_partition, True)
        size = self.count()
        if not size:
            return self
        fraction = min(n * 20.0 / max(size, 1), 1.0)
        samples = sorted(self.sample(False, fraction, 1).map(lambda kv: kv[0])._collect_partials(), key=keyfunc)
        bounds = [samples[int(len(samples) * (i + 1) / n)] for i in range(n - 1)]

        def range_partition(k: Any) -> int:
            p = bisect.bisect_left(bounds, keyfunc(k))
            return p if ascending else n - 1 - p
        return self.partitionBy(n, range_partition).mapPartitions(sort_partition, True)

    def sortBy(self, keyfunc: Callable[[Any], Any], ascending: bool = True, numPartitions: Optional[int] = None) -> Any:
        """Sorted by keyfunc(element)."""
        return self.keyBy(keyfunc).sortByKey(ascending, numPartitions).values()

    def repartitionAndSortWithinPartitions(self, numPartitions: Optional[int] = None,
                                           partitionFunc: Callable[[Any], int] = portable_hash,
                                           ascending: bool = True, keyfunc: Callable[[Any], Any] = lambda x: x) -> Any:
        """partitionBy, then each partition sorted by key."""
        if numPartitions is None:
            numPartitions = self._defaultReducePartitions()
        return self.partitionBy(numPartitions, partitionFunc).mapPartitions(_sorter(keyfunc, ascending, *self._spill_settings()), True)

    # --- joins and cogroups (PySpark's pyspark.join: a groupByKey over a tagged union) ---
    def cogroup(self, other: Any, numPartitions: Optional[int] = None) -> Any:
        """Each key with a tuple of ResultIterables: its values here and in other."""
        return self._cogroup([self, other], numPartitions)

    def groupWith(self, other: Any, *others: Any) -> Any:
        """cogroup with any number of RDDs."""
        return self._cogroup([self, other, *others], None)

    def _cogroup(self, rdds: List[Any], numPartitions: Optional[int]) -> Any:
        tagged = [r.mapValues(lambda v, i=i: (i, v)) for i, r in enumerate(rdds)]
        width = len(rdds)

        def dispatch(seq: Iterable[Tuple[int, Any]]) -> Tuple[ResultIterable, ...]:
            bufs: List[List[Any]] = [[] for _ in range(width)]
            for i, v in seq:
                bufs[i].append(v)
            return tuple(ResultIterable(vs) for vs in bufs)
        return self._new_union(tagged).groupByKey(numPartitions).mapValues(dispatch)

    def _join(self, other: Any, numPartitions: Optional[int], left_outer: bool, right_outer: bool) -> Any:
        def dispatch(seq: Iterable[Tuple[int, Any]]) -> Iterator[Tuple[Any, Any]]:
            vbuf: List[Any] = []
            wbuf: List[Any] = []
            for i, v in seq:
                (vbuf if i == 1 else wbuf).append(v)
            if left_outer and not wbuf:
                wbuf.append(None)
            if right_outer and not vbuf:
                vbuf.append(None)
            return ((v, w) for v in vbuf for w in wbuf)
        vs = self.mapValues(lambda v: (1, v))
        ws = other.mapValues(lambda v: (2, v))
        return self._new_union([vs, ws]).groupByKey(numPartitions).flatMapValues(lambda x: dispatch(iter(x)))

    def join(self, other: Any, numPartitions: Optional[int] = None) -> Any:
        """(k, (v, w)) for every pair of values of a key found in both."""
        return self._join(other, numPartitions, False, False)

    def leftOuterJoin(self, other: Any, numPartitions: Optional[int] = None) -> Any:
        """join, keeping keys only here with w = None."""
        return self._join(other, numPartitions, True, False)

    def rightOuterJoin(self, other: Any, numPartitions: Optional[int] = None) -> Any:
        """join, keeping keys only in other with v = None."""
        return self._join(other, numPartitions, False, True)

    def fullOuterJoin(self, other: Any, numPartitions: Optional[int] = None) -> Any:
        """join, keeping the keys of either side."""
        return self._join(other, numPartitions, True, True)

    def subtractByKey(self, other: Any, numPartitions: Optional[int] = None) -> Any:
        """Pairs whose key is not in other."""
        def keep(pair: Any) -> bool:
            _, (val1, val2) = pair
            return bool(val1) and not val2
        return self.cogroup(other, numPartitions).filter(keep).flatMapValues(lambda x: x[0])

    def subtract(self, other: Any, numPartitions: Optional[int] = None) -> Any:
        """Elements not in other."""
        rdd = other.map(lambda x: (x, True))
        return self.map(lambda x: (x, True)).subtractByKey(rdd, numPartitions).keys()

    def intersection(self, other: Any) -> Any:
        """Distinct elements found in both."""
        return self.map(lambda v: (v, None)).cogroup(other.map(lambda v: (v, None))) \
            .filter(lambda k_vs: all(k_vs[1])).keys()

    def sampleByKey(self, withReplacement: bool, fractions: Dict[Any, float], seed: Optional[int] = None) -> Any:
        """Each pair kept with its key's fraction."""
        for fraction in fractions.values():
            assert fraction >= 0.0, "Negative fraction value: %s" % fraction
        return self.mapPartitionsWithIndex(RDDStratifiedSampler(withReplacement, fractions, seed).func, True)

    def lookup(self, key: Any) -> List[Any]:
        """The values of ``key``. Every partition is scanned: the partition a key hashes to is
        known only to the workers, whose ``hash(str)`` is seeded (PYTHONHASHSEED=0) and the
        client's need not be."""
        return self.filter(lambda kv: kv[0] == key).values()._collect_partials()

    def countByKey(self) -> Dict[Any, int]:
        """Number of elements per key (a defaultdict(int), as PySpark's)."""
        return self.map(lambda x: x[0]).countByValue()

    def collectAsMap(self) -> Dict[Any, Any]:
        """Pairs as a dict."""
        return dict(self.collect())
