"""RDD requests: run a partition function over pickled elements, and route pairs to buckets.

Elements travel as "blobs": each blob is a pickled Python list. Output is re-chunked into
blobs of at most ``CHUNK`` elements so that no single message gets huge.
"""
import itertools
import pickle
import re
from typing import Any, Dict, Iterable, Iterator, List

import cloudpickle

from tspark.accumulators import _begin_task, _task_updates
from tspark.worker.func_cache import load_function
from tspark.worker.portable_hash import portable_hash

CHUNK = 4096


def dump_list(items: List[Any]) -> bytes:
    """Pickle one chunk; fall back to cloudpickle for values plain pickle cannot handle (lambdas, local classes)."""
    try:
        return pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError):
        return cloudpickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)


_LINE_END = re.compile(r"\r\n|\n|\r")


def text_lines(chunk: bytes) -> List[str]:
    """The lines of UTF-8 text holding whole lines, without terminators: split at \\n, \\r\\n
    and \\r only (Hadoop's LineRecordReader; str.splitlines also splits at \\v, \\f, \\x1c,
    U+2028 ...), a final terminator ending the last line rather than starting an empty one."""
    s = chunk.decode("utf-8", errors="replace")
    lines = s.split("\n") if "\r" not in s else _LINE_END.split(s)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def input_elements(req: Dict[str, Any]) -> Iterator[Any]:
    """The partition's elements, lazily: ``strings`` (text lines), ``texts`` (chunks of
    UTF-8 text whose lines are the elements), ``wholeFiles`` with ``wholeFilePaths``
    (wholeTextFiles: ``(path, content)`` pairs, content decoded as UTF-8 with U+FFFD for bad
    bytes, as Hadoop's Text.toString; bytes with ``wholeFilesBinary``, binaryFiles) or ``blobs``
    (pickled lists)."""
    strings = req.get("strings")
    if strings is not None:
        return iter(strings)
    whole = req.get("wholeFiles")
    if whole is not None:
        paths = req.get("wholeFilePaths") or []
        if req.get("wholeFilesBinary"):
            return ((p, bytes(c)) for p, c in zip(paths, whole))
        return ((p, bytes(c).decode("utf-8", errors="replace")) for p, c in zip(paths, whole))
    texts = req.get("texts")
    if texts is not None:
        return itertools.chain.from_iterable(text_lines(t) for t in texts)
    blobs = req.get("blobs") or []
    return itertools.chain.from_iterable(pickle.loads(b) for b in blobs)


def apply_func(req: Dict[str, Any]) -> Iterable[Any]:
    """Elements after the optional partition function ``func(splitIndex, iterator)``."""
    elements = input_elements(req)
    blob = req.get("func")
    if blob is None:
        return elements
    f = load_function(blob)
    out = f(int(req.get("splitIndex", 0)), elements)
    return out if out is not None else ()


def chunked(items: Iterable[Any], size: int = CHUNK) -> List[bytes]:
    """Pickled blobs of at most `size` elements each."""
    blobs: List[bytes] = []
    it = iter(items)
    while True:
        part = list(itertools.islice(it, size))
        if not part:
            return blobs
        blobs.append(dump_list(part))


def with_accumulators(reply: Dict[str, Any]) -> Dict[str, Any]:
    """The reply of a task that succeeded, with what it added to accumulators (pickled
    ``[(id, value)]``), which the engine forwards to the client to merge once."""
    updates = _task_updates()
    if updates:
        reply["accumulators"] = dump_list(updates)
    return reply


def map_partitions(req: Dict[str, Any]) -> Dict[str, Any]:
    """{func, splitIndex, blobs|strings} → {blobs}: f(splitIndex, iterator) over the partition."""
    _begin_task()
    return with_accumulators({"kind": "ok", "blobs": chunked(apply_func(req))})


def shuffle_write(req: Dict[str, Any]) -> Dict[str, Any]:
    """{numPartitions, blobs|strings, func?, splitIndex?} → {buckets: [[blob]…]} by portable_hash(key) % n.

    When ``func`` is given the partition function runs first (the engine fuses a
    PythonMapPartitions into the shuffle's map side this way). ``partitionFunc`` (cloudpickled)
    replaces portable_hash, as PySpark's partitionBy(n, partitionFunc) does.
    """
    _begin_task()
    n = int(req["numPartitions"])
    pf = req.get("partitionFunc")
    part = portable_hash if pf is None else load_function(pf)
    buckets: List[List[Any]] = [[] for _ in range(n)]
    out: List[List[bytes]] = [[] for _ in range(n)]
    for k, v in apply_func(req):
        j = part(k) % n
        b = buckets[j]
        b.append((k, v))
        if len(b) >= CHUNK:
            out[j].append(dump_list(b))
            b.clear()
    for i, b in enumerate(buckets):
        if b:
            out[i].append(dump_list(b))
    return with_accumulators({"kind": "ok", "buckets": out})
