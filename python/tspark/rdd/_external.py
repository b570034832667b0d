"""Spilling for the key-value steps that hold a whole partition in a Python worker: the merge
of combiners after a shuffle (groupByKey, reduceByKey, combineByKey …) and the sort of each
range of sortByKey. As PySpark's ExternalMerger / ExternalSorter (pyspark/shuffle.py) do,
they watch the worker's resident memory every few thousand elements and, past
``spark.python.worker.memory``, write what they hold to files under ``spark.local.dir``:
the merger by key hash into buckets merged one at a time at the end, the sorter as sorted
runs merged lazily with heapq. Results are the in-memory ones, in the same order.

``SPILLS`` counts the spills this process made (tests check that a small limit spills).
"""
import heapq
import os
import pickle
import re
import shutil
import tempfile
from typing import Any, Callable, Dict, Iterable, Iterator, List

#: Spills made by this process (a test hook, as Spark counts spill metrics).
SPILLS = 0

#: Elements between two memory checks.
CHECK_EVERY = 1000

#: Buckets a spilling merger splits keys into.
BUCKETS = 16

_UNITS = {"": 1, "b": 1.0 / (1 << 20), "k": 1.0 / 1024, "m": 1, "g": 1024, "t": 1 << 20, "p": 1 << 30}


def memory_limit_mb(value: str) -> float:
    """Spark's byteStringAsMb: '512m', '2g', '1024k'; a bare number is MiB."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([bkmgtp]?)(?:i?b)?\s*", str(value).lower())
    if m is None:
        raise ValueError("spark.python.worker.memory must be a size such as 512m, got %r" % (value,))
    return float(m.group(1)) * _UNITS[m.group(2)]


def used_memory_mb() -> float:
    """This process's resident memory (VmRSS) in MiB, as pyspark.shuffle.get_used_memory reads it; 0 where unknown."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def _spill_dir(local_dir: str) -> str:
    base = local_dir if local_dir and os.path.isdir(local_dir) else tempfile.gettempdir()
    return tempfile.mkdtemp(prefix="tspark-python-spill-", dir=base)


def _dump(path: str, items: List[Any]) -> None:
    with open(path, "ab") as f:
        pickle.dump(items, f, protocol=pickle.HIGHEST_PROTOCOL)


def _load(path: str) -> Iterator[List[Any]]:
    with open(path, "rb") as f:
        while True:
            try:
                yield pickle.load(f)
            except EOFError:
                return


def external_merge(pairs: Iterable[Any], merge: Callable[[Any, Any], Any], limit_mb: float, local_dir: str) -> Iterator[Any]:
    """(key, combiner) pairs merged per key with ``merge``, spilling by key hash past the limit."""
    global SPILLS
    acc: Dict[Any, Any] = {}
    spill_dir = None
    n = 0
    for k, c in pairs:
        acc[k] = merge(acc[k], c) if k in acc else c
        n += 1
        if n % CHECK_EVERY == 0 and used_memory_mb() >= limit_mb:
            spill_dir = spill_dir or _spill_dir(local_dir)
            buckets: List[List[Any]] = [[] for _ in range(BUCKETS)]
            for item in acc.items():
                buckets[hash(item[0]) % BUCKETS].append(item)
            for b, items in enumerate(buckets):
                if items:
                    _dump(os.path.join(spill_dir, str(b)), items)
            acc = {}
            SPILLS += 1
    if spill_dir is None:
        yield from acc.items()
        return
    try:
        # what is still held joins the buckets' files, then each bucket is merged alone
        rest: List[List[Any]] = [[] for _ in range(BUCKETS)]
        for item in acc.items():
            rest[hash(item[0]) % BUCKETS].append(item)
        acc = {}
        for b in range(BUCKETS):
            merged: Dict[Any, Any] = {}
            path = os.path.join(spill_dir, str(b))
            for items in (_load(path) if os.path.exists(path) else iter(())):
                for k, c in items:
                    merged[k] = merge(merged[k], c) if k in merged else c
            for k, c in rest[b]:
                merged[k] = merge(merged[k], c) if k in merged else c
            rest[b] = []
            yield from merged.items()
    finally:
        shutil.rmtree(spill_dir, ignore_errors=True)


def external_sort(items: Iterable[Any], key: Callable[[Any], Any], reverse: bool, limit_mb: float, local_dir: str) -> Iterator[Any]:
    """``sorted(items, key=key, reverse=reverse)``, lazily, spilling sorted runs past the limit (stable, as sorted)."""
    global SPILLS
    chunk: List[Any] = []
    runs: List[str] = []
    spill_dir = None
    for x in items:
        chunk.append(x)
        if len(chunk) % CHECK_EVERY == 0 and used_memory_mb() >= limit_mb:
            spill_dir = spill_dir or _spill_dir(local_dir)
            chunk.sort(key=key, reverse=reverse)
            path = os.path.join(spill_dir, "run-%d" % len(runs))
            for i in range(0, len(chunk), CHECK_EVERY):
                _dump(path, chunk[i:i + CHECK_EVERY])
            runs.append(path)
            chunk = []
            SPILLS += 1
    chunk.sort(key=key, reverse=reverse)
    if spill_dir is None:
        yield from chunk
        return
    try:
        def run(path: str) -> Iterator[Any]:
            for batch in _load(path):
                yield from batch
        # earlier runs first: heapq.merge keeps equal keys in run order, so the sort stays stable
        yield from heapq.merge(*[run(p) for p in runs], iter(chunk), key=key, reverse=reverse)
    finally:
        shutil.rmtree(spill_dir, ignore_errors=True)
