"""Transformations without a shuffle by key: element and partition functions (fused into one
worker pass), union, coalesce, repartition, zip, cartesian, sampling and pipe."""
import itertools
import random
import shlex
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence

from tspark.rdd._core import PartitionFunc, RDDCore
from tspark.rddsampler import RDDRangeSampler, RDDSampler


class NarrowOps(RDDCore):
    """Narrow transformations; every one returns a new RDD."""

    def mapPartitionsWithIndex(self, f: PartitionFunc, preservesPartitioning: bool = False) -> Any:
        """Apply f(splitIndex, iterator) -> iterable to each partition (fused with the pending
        function, so consecutive steps are one worker pass)."""
        if self._cache_id is not None or self._checkpoint_rdd is not None:
            # A persisted RDD is read from its kept partitions, a checkpointed one from its
            # files: nothing fuses through it.
            rdd = self._new(self._plan(), f, self._num_partitions)
            rdd.partitioner = self.partitioner if preservesPartitioning else None
            return rdd
        prev = self._func
        if prev is None:
            fused = f
        else:
            def fused(i: int, it: Iterator[Any], prev: PartitionFunc = prev, f: PartitionFunc = f) -> Iterable[Any]:
                out = prev(i, it)
                return f(i, iter(out) if out is not None else iter(()))
        rdd = self._new(self._source, fused, self._num_partitions)
        rdd.partitioner = self.partitioner if preservesPartitioning else None
        return rdd

    def mapPartitionsWithSplit(self, f: PartitionFunc, preservesPartitioning: bool = False) -> Any:
        """Deprecated name of mapPartitionsWithIndex."""
        return self.mapPartitionsWithIndex(f, preservesPartitioning)

    def mapPartitions(self, f: Callable[[Iterator[Any]], Iterable[Any]], preservesPartitioning: bool = False) -> Any:
        """Apply f(iterator) -> iterable to each partition."""
        return self.mapPartitionsWithIndex(lambda _, it: f(it), preservesPartitioning)

    def map(self, f: Callable[[Any], Any], preservesPartitioning: bool = False) -> Any:
        """Apply f to every element."""
        return self.mapPartitionsWithIndex(lambda _, it: map(f, it), preservesPartitioning)

    def flatMap(self, f: Callable[[Any], Iterable[Any]], preservesPartitioning: bool = False) -> Any:
        """Apply f and flatten the results."""
        return self.mapPartitionsWithIndex(lambda _, it: itertools.chain.from_iterable(map(f, it)),
                                           preservesPartitioning)

    def filter(self, f: Callable[[Any], bool]) -> Any:
        """Elements where f is true."""
        return self.mapPartitionsWithIndex(lambda _, it: filter(f, it), True)

    def barrier(self) -> Any:
        """An RDDBarrier: its mapPartitions runs as a barrier stage (BarrierTaskContext)."""
        from tspark.rdd._barrier import RDDBarrier
        return RDDBarrier(self)

    def glom(self) -> Any:
        """Each partition as one list."""
        return self.mapPartitionsWithIndex(lambda _, it: [list(it)])

    def keyBy(self, f: Callable[[Any], Any]) -> Any:
        """(f(x), x) pairs."""
        return self.map(lambda x: (f(x), x))

    def keys(self) -> Any:
        """First item of each pair."""
        return self.map(lambda kv: kv[0])

    def values(self) -> Any:
        """Second item of each pair."""
        return self.map(lambda kv: kv[1])

    def mapValues(self, f: Callable[[Any], Any]) -> Any:
        """Apply f to each pair's value, keeping the key (and the partitioning)."""
        return self.mapPartitionsWithIndex(lambda _, it: ((kv[0], f(kv[1])) for kv in it), True)

    def flatMapValues(self, f: Callable[[Any], Iterable[Any]]) -> Any:
        """Apply f to each value and flatten, keeping the key (and the partitioning)."""
        return self.mapPartitionsWithIndex(lambda _, it: ((kv[0], v) for kv in it for v in f(kv[1])), True)

    # --- combining RDDs without a key shuffle ---
    def union(self, other: Any) -> Any:
        """This RDD's partitions, then other's (Spark's UnionRDD)."""
        return self._new_union([self, other])

    def _new_union(self, rdds: Sequence[Any]) -> Any:
        inputs: List[Dict[str, Any]] = []
        for r in rdds:
            plan = r._plan()
            inputs.extend(plan["inputs"] if plan["kind"] == "Union" else [plan])
        counts = [r._num_partitions for r in rdds]
        n = sum(c for c in counts if c is not None) if None not in counts else None
        return self._new({"kind": "Union", "inputs": inputs}, None, n)

    def _grouped(self, groups: List[List[int]]) -> Any:
        """Output partition j = this RDD's partitions groups[j], concatenated (no shuffle)."""
        return self._new({"kind": "CoalescePartitions", "input": self._plan(), "groups": groups}, None, len(groups))

    def coalesce(self, numPartitions: int, shuffle: bool = False) -> Any:
        """Fewer partitions: without a shuffle consecutive partitions are concatenated (Spark's
        CoalescedRDD without locality: output i holds inputs [i*n/t, (i+1)*n/t)); with
        ``shuffle``, repartition."""
        if not numPartitions > 0:
            raise ValueError("Number of partitions must be positive.")
        if shuffle:
            return self._round_robin(int(numPartitions))
        n = self.getNumPartitions()
        t = min(int(numPartitions), n) or 1
        return self._grouped([list(range(i * n // t, (i + 1) * n // t)) for i in range(t)])

    def repartition(self, numPartitions: int) -> Any:
        """Exactly numPartitions partitions through a shuffle (coalesce(n, shuffle=True))."""
        return self.coalesce(numPartitions, shuffle=True)

    def _round_robin(self, n: int) -> Any:
        """Spark's RDD.coalesce(shuffle=True): each map partition deals its elements, in batches
        of 10 (PySpark reserializes them so), to consecutive output partitions, starting from
        XORShiftRandom(splitIndex).nextInt(n)."""
        def distribute(index: int, it: Iterator[Any]) -> Iterator[Any]:
            from tspark.worker.xorshift_random import XORShiftRandom
            position = XORShiftRandom(index).nextInt(n)
            it = iter(it)
            while True:
                batch = list(itertools.islice(it, 10))
                if not batch:
                    return
                position += 1
                yield position, batch
        shuffled = self.mapPartitionsWithIndex(distribute)._shuffle(n, lambda p: p)
        return shuffled.mapPartitionsWithIndex(lambda _, it: (x for _, batch in it for x in batch))

    def zip(self, other: Any) -> Any:
        """Pairs of the i-th elements of both RDDs, partition by partition (same partition
        counts and same element counts per partition, as Spark requires)."""
        n = self.getNumPartitions()
        if n != other.getNumPartitions():
            raise ValueError("Can only zip with RDD which has the same number of partitions")

        def pair(_: int, it: Iterator[Any]) -> Iterator[Any]:
            left, right = list(it)
            if len(left) != len(right):
                raise ValueError("Can only zip RDDs with same number of elements in each partition")
            return zip(left, right)
        both = self._new_union([self.glom(), other.glom()])
        return both._grouped([[i, n + i] for i in range(n)]).mapPartitionsWithIndex(pair)

    def cartesian(self, other: Any) -> Any:
        """All (a, b) pairs: partition i * other's count + j pairs this RDD's partition i with
        other's partition j (Spark's CartesianRDD)."""
        na, nb = self.getNumPartitions(), other.getNumPartitions()

        def product(_: int, it: Iterator[Any]) -> Iterator[Any]:
            left, right = list(it)
            return ((a, b) for a in left for b in right)
        both = self._new_union([self.glom(), other.glom()])
        return both._grouped([[i, na + j] for i in range(na) for j in range(nb)]).mapPartitionsWithIndex(product)

    def zipWithIndex(self) -> Any:
        """(element, index) with indexes in partition order (counts the partitions first when
        there are several, as Spark does)."""
        starts = [0]
        if self.getNumPartitions() > 1:
            nums = self.mapPartitions(lambda it: [sum(1 for _ in it)])._collect_partials()
            for c in nums[:-1]:
                starts.append(starts[-1] + c)
        return self.mapPartitionsWithIndex(lambda k, it: ((v, i) for i, v in enumerate(it, starts[k])))

    def zipWithUniqueId(self) -> Any:
        """(element, id): the i-th element of partition k gets i * numPartitions + k."""
        n = self.getNumPartitions()
        return self.mapPartitionsWithIndex(lambda k, it: ((v, i * n + k) for i, v in enumerate(it)))

    # --- sampling ---
    def sample(self, withReplacement: bool, fraction: float, seed: Optional[int] = None) -> Any:
        """A sample of about ``fraction`` of the elements (Poisson counts with replacement);
        the same seed selects the same elements as PySpark."""
        if not fraction >= 0:
            raise ValueError("Fraction must be nonnegative.")
        return self.mapPartitionsWithIndex(RDDSampler(withReplacement, fraction, seed).func, True)

    def randomSplit(self, weights: Sequence[float], seed: Optional[int] = None) -> List[Any]:
        """Disjoint samples in the proportions of ``weights``."""
        if not all(w >= 0 for w in weights):
            raise ValueError("Weights must be nonnegative")
        s = float(sum(weights))
        if not s > 0:
            raise ValueError("Sum of weights must be positive")
        cweights = [0.0]
        for w in weights:
            cweights.append(cweights[-1] + w / s)
        if seed is None:
            seed = random.randint(0, 2 ** 32 - 1)
        return [self.mapPartitionsWithIndex(RDDRangeSampler(lb, ub, seed).func, True)
                for lb, ub in zip(cweights, cweights[1:])]

    # --- external processes ---
    def pipe(self, command: str, env: Optional[Dict[str, str]] = None, checkCode: bool = False) -> Any:
        """Each partition's elements, one per line (str), through ``command``'s stdin; its
        stdout lines are the new elements. ``env`` is the whole environment (empty by
        default, as PySpark's); ``checkCode`` raises on a non-zero exit."""
        environment = dict(env) if env is not None else {}

        def run(_: int, iterator: Iterator[Any]) -> Iterator[str]:
            import subprocess
            import threading
            proc = subprocess.Popen(shlex.split(command), env=environment, stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE)

            def feed() -> None:
                assert proc.stdin is not None
                for obj in iterator:
                    proc.stdin.write((str(obj).rstrip("\n") + "\n").encode("utf-8"))
                proc.stdin.close()
            threading.Thread(target=feed, daemon=True).start()
            assert proc.stdout is not None
            for line in iter(proc.stdout.readline, b""):
                yield line.rstrip(b"\n").decode("utf-8")
            proc.wait()
            if checkCode and proc.returncode:
                from tspark.errors import PySparkRuntimeError
                raise PySparkRuntimeError(errorClass="PIPE_FUNCTION_EXITED", messageParameters={
                    "func_name": command, "error_code": str(proc.returncode)})
        return self.mapPartitionsWithIndex(run)
