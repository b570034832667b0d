"""The worker's request loop: one frame in, one frame out, until stdin closes.

stdout carries frames only, so user ``print`` output (and anything written to fd 1 by C
code) is redirected to stderr before any user code runs. An exception in user code
becomes an ``error`` frame with the class name, message and full traceback; the worker
then serves the next request.
"""
import os
import sys
import traceback
from typing import Any, BinaryIO, Callable, Dict, Tuple

from tspark.worker.barrier import barrier_map_partitions
from tspark.worker.eval_udfs import eval_udfs
from tspark.worker import foreach_ops
from tspark.worker.framing import read_frame, write_frame
from tspark.worker.grouped_agg import agg_pandas
from tspark.worker.python_map import python_map, python_map_stream
from tspark.worker.rdd_ops import map_partitions, shuffle_write
from tspark.worker.udtf import udtf, udtf_stream

Handler = Callable[[Dict[str, Any]], Dict[str, Any]]

HANDLERS: Dict[str, Handler] = {
    "evalUdfs": eval_udfs,
    "aggPandas": agg_pandas,
    "pythonMap": python_map,
    "pythonMapStream": python_map_stream,
    "mapPartitions": map_partitions,
    "barrierMapPartitions": barrier_map_partitions,
    "shuffleWrite": shuffle_write,
    "foreachPartition": foreach_ops.foreach_partition,
    "udtf": udtf,
    "udtfStream": udtf_stream,
    "ping": lambda req: {"kind": "pong"},
}


def _take_pipes() -> Tuple[BinaryIO, BinaryIO]:
    """Keep private handles on the frame pipes; point fd 1 / sys.stdout at stderr, stdin at /dev/null."""
    frames_in = os.fdopen(os.dup(0), "rb", buffering=1 << 16)
    frames_out = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    sys.stdout = sys.stderr
    sys.stdin = open(os.devnull, "r")
    return frames_in, frames_out


_WORKER_DIR = os.path.dirname(os.path.abspath(__file__))


def user_traceback(e: BaseException) -> str:
    """The traceback without the worker's own leading frames (PySpark's simplified traceback)."""
    tb = e.__traceback__
    while tb is not None and os.path.dirname(os.path.abspath(tb.tb_frame.f_code.co_filename)) == _WORKER_DIR:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(e), e, tb if tb is not None else e.__traceback__))


def error_frame(e: BaseException) -> Dict[str, Any]:
    """What the engine turns into a PythonException."""
    return {
        "kind": "error",
        "exceptionName": type(e).__name__,
        "message": str(e),
        "traceback": user_traceback(e),
    }


def handle(req: Any) -> Dict[str, Any]:
    """Run one request; any exception (user code included) becomes an error frame."""
    try:
        if not isinstance(req, dict):
            raise TypeError("worker request must be a map, got %s" % type(req).__name__)
        handler = HANDLERS.get(req.get("kind"))
        if handler is None:
            raise ValueError("unknown worker request kind %r" % (req.get("kind"),))
        return handler(req)
    except Exception as e:  # noqa: BLE001 - user code may raise anything; report it, keep serving
        return error_frame(e)


def _limit_memory() -> None:
    """Caps this process's address space at PYSPARK_EXECUTOR_MEMORY_MB (spark.executor.pyspark.memory),
    as PySpark's worker does: an allocation past it raises MemoryError in the user's code."""
    mb = os.environ.get("PYSPARK_EXECUTOR_MEMORY_MB", "")
    if not mb.isdigit():
        return
    try:
        import resource
        limit = int(mb) * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if soft == resource.RLIM_INFINITY or limit < soft:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit if hard == resource.RLIM_INFINITY or limit < hard else hard))
    except (ImportError, OSError, ValueError) as e:  # no resource module (Windows) or not permitted: run unlimited
        print("WARN: failed to set memory limit: %s" % e, file=sys.stderr)


def main() -> None:
    """Serve frames until the engine closes stdin."""
    _limit_memory()
    frames_in, frames_out = _take_pipes()
    foreach_ops.PIPES = (frames_in, frames_out)  # its conversation reads chunks mid-request
    while True:
        req = read_frame(frames_in)
        if req is None:
            return
        reply = handle(req)
        try:
            write_frame(frames_out, reply)
        except (TypeError, ValueError, OverflowError) as e:  # result not encodable
            write_frame(frames_out, error_frame(e))
