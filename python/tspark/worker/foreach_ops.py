"""``foreachPartition``: ``df.foreach(f)`` / ``df.foreachPartition(f)`` over one partition,
streamed in chunks so that neither the engine nor this worker holds the whole partition.

The engine opens the conversation with ``{kind: "foreachPartition", func, perRow, splitIndex,
names, types, columns, numRows, last}``: the first chunk of rows as typed argument columns
(eval_udfs' wire form). The rows reach the user function as ``Row``s, lazily: when the
iterator has used up a chunk and it was not the ``last``, the worker answers ``{kind:
"more"}`` and reads the next chunk frame (same fields, ``kind: "chunk"``). When the function
returns (or raises) the worker answers the chunk it is on with ``ok`` (or ``error``) and the
engine sends no more, as a Python function that stops reading early ends the partition in
PySpark. Only the requests of this one conversation reach the worker meanwhile (the engine
holds the worker exclusively).
"""
from typing import Any, BinaryIO, Dict, Iterator, List, Optional, Tuple

from tspark._row import _create_row
from tspark.accumulators import _begin_task
from tspark.worker.framing import read_frame, write_frame
from tspark.worker.from_wire import column_from_wire
from tspark.worker.func_cache import load_function
from tspark.worker.rdd_ops import with_accumulators

#: The worker's frame pipes, set by main() before it serves requests.
PIPES: Optional[Tuple[BinaryIO, BinaryIO]] = None


def chunk_rows(req: Dict[str, Any], names: List[str], types: List[Any]) -> List[Any]:
    """The rows of one chunk frame, as Rows with the partition's column names (PySpark's df.rdd rows)."""
    cols = [column_from_wire(t, c) for t, c in zip(types, req["columns"])]
    n = int(req["numRows"])
    if not cols:
        return [_create_row(names, ()) for _ in range(n)]
    return [_create_row(names, vals) for vals in zip(*cols)]


class _Chunks:
    """The partition's rows across chunk frames, asking the engine for the next one on demand."""

    def __init__(self, first: Dict[str, Any]) -> None:
        self.current = first
        self.names = list(first["names"])
        self.types = list(first["types"])

    def rows(self) -> Iterator[Any]:
        while True:
            yield from chunk_rows(self.current, self.names, self.types)
            if self.current.get("last", True):
                return
            if PIPES is None:
                raise RuntimeError("foreachPartition needs the worker's pipes")
            frames_in, frames_out = PIPES
            write_frame(frames_out, {"kind": "more"})
            nxt = read_frame(frames_in)
            if not isinstance(nxt, dict) or nxt.get("kind") != "chunk":
                raise RuntimeError("foreachPartition expected the next chunk of its partition")
            self.current = nxt


def foreach_partition(req: Dict[str, Any]) -> Dict[str, Any]:
    """Runs ``f(row)`` for each row (``perRow``) or ``f(iterator)`` once over the partition."""
    _begin_task()
    f = load_function(req["func"])
    rows = _Chunks(req).rows()
    if req.get("perRow"):
        for r in rows:
            f(r)
    else:
        f(rows)
    return with_accumulators({"kind": "ok"})
