"""``barrierMapPartitions``: a barrier stage (``rdd.barrier().mapPartitions(f)``), every partition
at once as a thread of this worker, so that ``BarrierTaskContext.barrier()`` and ``allGather()``
can wait for all of them as Spark's barrier scheduling runs all of a stage's tasks together.

Request: ``{func, partitions: [{blobs|strings|texts|wholeFiles…}]}``; reply: ``{buckets: [[blob]…]}``,
each partition's output blobs. The first task to raise fails the stage; the others are
released (their barrier is broken) rather than left waiting.
"""
import threading
from typing import Any, Dict, List, Optional

from tspark.accumulators import _begin_task
from tspark.taskcontext import BarrierTaskContext, _Rendezvous, _thread
from tspark.worker.func_cache import load_function
from tspark.worker.rdd_ops import chunked, input_elements, with_accumulators


def barrier_map_partitions(req: Dict[str, Any]) -> Dict[str, Any]:
    """Run ``func(i, iterator)`` over every partition concurrently; reply with their blobs."""
    _begin_task()
    f = load_function(req["func"])
    parts = req["partitions"]
    n = len(parts)
    rendezvous = _Rendezvous(n)
    out: List[List[bytes]] = [[] for _ in range(n)]
    errors: List[Optional[BaseException]] = [None] * n

    def run(i: int) -> None:
        _thread.context = BarrierTaskContext(i, 0, None, rendezvous)
        try:
            res = f(i, input_elements(parts[i]))
            out[i] = chunked(res if res is not None else ())
        except threading.BrokenBarrierError as e:
            errors[i] = e
        except BaseException as e:  # noqa: BLE001 - the user's function may raise anything
            errors[i] = e
            rendezvous.wall.abort()  # the others stop waiting for a task that will never come
        finally:
            _thread.context = None

    threads = [threading.Thread(target=run, args=(i,), name="barrier-task-%d" % i, daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # the task that raised first (not one whose barrier was broken by it)
    first = next((e for e in errors if e is not None and not isinstance(e, threading.BrokenBarrierError)), None)
    if first is None:
        first = next((e for e in errors if e is not None), None)
    if first is not None:
        raise first
    return with_accumulators({"kind": "ok", "buckets": out})
