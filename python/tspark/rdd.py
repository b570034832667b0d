"""RDD: lambdas are cloudpickled into an RDD plan (bridge/PROTOCOL.md "RDD plans") that the
engine runs through Python workers; elements stay opaque pickled blobs to the engine.

Consecutive narrow transformations are fused into one PythonMapPartitions function on the
client, as PySpark's PipelinedRDD does, so a chain of map/filter costs one worker pass.
"""
import gc
import itertools
import pickle
from functools import reduce as _reduce
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional

import cloudpickle

from tspark._bridge import protocol
from tspark.worker.portable_hash import portable_hash

__all__ = ["RDD", "portable_hash"]

PartitionFunc = Callable[[int, Iterator[Any]], Iterable[Any]]


class RDD:
    """A lazily evaluated collection. `_source` is the plan below any pending fused function."""

    def __init__(self, ctx: Any, source: Dict[str, Any], func: Optional[PartitionFunc] = None,
                 num_partitions: Optional[int] = None):
        self.ctx = ctx
        self._source = source
        self._func = func
        self._num_partitions = num_partitions

    # --- plan ---
    def _plan(self) -> Dict[str, Any]:
        if self._func is None:
            return self._source
        f = self._func

        def as_iterator(i: int, it: Iterator[Any]) -> Iterator[Any]:
            return iter(f(i, it))  # the contract is iterator -> iterator; user code may return lists
        return {"kind": "PythonMapPartitions", "input": self._source,
                "func": cloudpickle.dumps(as_iterator)}

    def getNumPartitions(self) -> int:
        """Partitions: known on the client for parallelize and shuffles; planned by the engine
        for file sources (textFile's Hadoop splits, wholeTextFiles' file groups)."""
        if self._num_partitions is None:
            client = self.ctx._session._client_checked()
            msg = protocol.execute_rdd(client.next_id(), client.session_id, self._source, "numPartitions")
            for reply in client.stream(msg):
                if reply.get("kind") == "done":
                    self._num_partitions = int(reply.get("numRows", 0))
        return self._num_partitions or 0

    # --- narrow transformations ---
    def mapPartitionsWithIndex(self, f: PartitionFunc, preservesPartitioning: bool = False) -> "RDD":
        """Apply f(splitIndex, iterator) -> iterable to each partition."""
        prev = self._func
        if prev is None:
            fused = f
        else:
            def fused(i: int, it: Iterator[Any], prev: PartitionFunc = prev, f: PartitionFunc = f) -> Iterable[Any]:
                return f(i, iter(prev(i, it)))
        return RDD(self.ctx, self._source, fused, self._num_partitions)

    def mapPartitions(self, f: Callable[[Iterator[Any]], Iterable[Any]], preservesPartitioning: bool = False) -> "RDD":
        """Apply f(iterator) -> iterable to each partition."""
        return self.mapPartitionsWithIndex(lambda _, it: f(it))

    def map(self, f: Callable[[Any], Any], preservesPartitioning: bool = False) -> "RDD":
        """Apply f to every element."""
        return self.mapPartitionsWithIndex(lambda _, it: map(f, it))

    def flatMap(self, f: Callable[[Any], Iterable[Any]], preservesPartitioning: bool = False) -> "RDD":
        """Apply f and flatten the results."""
        return self.mapPartitionsWithIndex(lambda _, it: itertools.chain.from_iterable(map(f, it)))

    def filter(self, f: Callable[[Any], bool]) -> "RDD":
        """Elements where f is true."""
        return self.mapPartitionsWithIndex(lambda _, it: filter(f, it))

    def keys(self) -> "RDD":
        """First item of each pair."""
        return self.map(lambda kv: kv[0])

    def values(self) -> "RDD":
        """Second item of each pair."""
        return self.map(lambda kv: kv[1])

    def mapValues(self, f: Callable[[Any], Any]) -> "RDD":
        """Apply f to each pair's value."""
        return self.map(lambda kv: (kv[0], f(kv[1])))

    def flatMapValues(self, f: Callable[[Any], Iterable[Any]]) -> "RDD":
        """Apply f to each value and flatten, keeping the key."""
        return self.flatMap(lambda kv: ((kv[0], v) for v in f(kv[1])))

    def glom(self) -> "RDD":
        """Each partition as one list."""
        return self.mapPartitionsWithIndex(lambda _, it: [list(it)])

    # --- shuffles ---
    def partitionBy(self, numPartitions: Optional[int] = None) -> "RDD":
        """Route (key, value) pairs by portable_hash(key) % numPartitions."""
        n = numPartitions or self.getNumPartitions() or self.ctx.defaultParallelism
        node = {"kind": "PythonShuffle", "input": self._plan(), "numPartitions": int(n)}
        return RDD(self.ctx, node, None, int(n))

    def combineByKey(self, createCombiner: Callable[[Any], Any], mergeValue: Callable[[Any, Any], Any],
                     mergeCombiners: Callable[[Any, Any], Any], numPartitions: Optional[int] = None) -> "RDD":
        """Combine locally, shuffle by key, then merge combiners."""
        def combine_local(_: int, it: Iterator[Any]) -> Iterable[Any]:
            acc: Dict[Any, Any] = {}
            for k, v in it:
                acc[k] = mergeValue(acc[k], v) if k in acc else createCombiner(v)
            return acc.items()

        def merge(_: int, it: Iterator[Any]) -> Iterable[Any]:
            acc: Dict[Any, Any] = {}
            for k, c in it:
                acc[k] = mergeCombiners(acc[k], c) if k in acc else c
            return acc.items()
        return self.mapPartitionsWithIndex(combine_local).partitionBy(numPartitions).mapPartitionsWithIndex(merge)

    def reduceByKey(self, func: Callable[[Any, Any], Any], numPartitions: Optional[int] = None,
                    partitionFunc: Any = None) -> "RDD":
        """Merge the values of each key with func (combined per partition before the shuffle)."""
        return self.combineByKey(lambda v: v, func, func, numPartitions)

    def groupByKey(self, numPartitions: Optional[int] = None, partitionFunc: Any = None) -> "RDD":
        """All values per key, as a list."""
        return self.combineByKey(lambda v: [v], lambda c, v: c + [v], lambda a, b: a + b, numPartitions)

    def countByKey(self) -> Dict[Any, int]:
        """Number of elements per key."""
        return dict(self.map(lambda kv: (kv[0], 1)).reduceByKey(lambda a, b: a + b).collect())

    def distinct(self, numPartitions: Optional[int] = None) -> "RDD":
        """Distinct elements."""
        return self.map(lambda x: (x, None)).reduceByKey(lambda a, _: a, numPartitions).keys()

    # --- actions ---
    def _collect_partials(self) -> List[Any]:
        client = self.ctx._session._client_checked()
        out: List[Any] = []
        msg = protocol.execute_rdd(client.next_id(), client.session_id, self._plan(), "collect")
        was_enabled = gc.isenabled()
        gc.disable()  # as in DataFrame.collect: no full collections while millions of objects arrive
        try:
            for reply in client.stream(msg):
                if reply.get("kind") == "rddBatch":
                    out.extend(pickle.loads(reply["blob"]))
        finally:
            if was_enabled:
                gc.enable()
        return out

    def collect(self) -> List[Any]:
        """All elements, in partition order."""
        return self._collect_partials()

    def count(self) -> int:
        """Number of elements (counted per partition by the workers)."""
        return sum(self.mapPartitionsWithIndex(lambda _, it: [sum(1 for _ in it)])._collect_partials())

    def sum(self) -> Any:
        """Sum of the elements."""
        return sum(self.mapPartitionsWithIndex(lambda _, it: [sum(it)])._collect_partials())

    def reduce(self, f: Callable[[Any, Any], Any]) -> Any:
        """Fold the elements with f (per partition, then the partials)."""
        def part(_: int, it: Iterator[Any]) -> Iterable[Any]:
            it = iter(it)
            for first in it:
                return [_reduce(f, it, first)]
            return []
        partials = self.mapPartitionsWithIndex(part)._collect_partials()
        if not partials:
            raise ValueError("Can not reduce() empty RDD")
        return _reduce(f, partials)

    def fold(self, zeroValue: Any, op: Callable[[Any, Any], Any]) -> Any:
        """Fold with a zero value per partition and for the partials."""
        partials = self.mapPartitionsWithIndex(lambda _, it: [_reduce(op, it, zeroValue)])._collect_partials()
        return _reduce(op, partials, zeroValue)

    def take(self, num: int) -> List[Any]:
        """The first `num` elements."""
        if num <= 0:
            return []
        return self.mapPartitionsWithIndex(lambda _, it: itertools.islice(it, num))._collect_partials()[:num]

    def first(self) -> Any:
        """The first element; ValueError when empty, as in PySpark."""
        rs = self.take(1)
        if rs:
            return rs[0]
        raise ValueError("RDD is empty")

    def isEmpty(self) -> bool:
        """Whether there are no elements."""
        return len(self.take(1)) == 0

    def collectAsMap(self) -> Dict[Any, Any]:
        """Pairs as a dict."""
        return dict(self.collect())

    def foreach(self, f: Callable[[Any], None]) -> None:
        """Run f on every element in the workers."""
        def run(_: int, it: Iterator[Any]) -> Iterable[Any]:
            for x in it:
                f(x)
            return []
        self.mapPartitionsWithIndex(run)._collect_partials()

    def cache(self) -> "RDD":
        """Accepted for compatibility; returns self."""
        return self

    persist = cache

    def toDF(self, schema: Any = None, sampleRatio: Optional[float] = None) -> Any:
        """A DataFrame from the collected elements."""
        return self.ctx._session.createDataFrame(self.collect(), schema)

    def __repr__(self) -> str:
        return "PythonRDD[%s]" % self._source.get("kind")
