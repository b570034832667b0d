"""Unpickled user functions, keyed by their pickled bytes: a UDF arrives with every batch."""
import pickle
import sys
from collections import OrderedDict
from typing import Any

import cloudpickle

_MAX = 64
_cache: "OrderedDict[bytes, Any]" = OrderedDict()


def _loads(blob: bytes) -> Any:
    """The function of a client command (tspark/rdd/_core.py dumps_command: the client's
    Python version and the cloudpickled function, in a pickle any version reads), or of a
    bare cloudpickled blob. A client on another minor version is PySpark's
    PYTHON_VERSION_MISMATCH, raised before its code objects are touched."""
    obj = pickle.loads(blob)
    if isinstance(obj, tuple) and len(obj) == 3 and obj[0] == "tspark-command":
        _, driver, inner = obj
        worker = "%d.%d" % sys.version_info[:2]
        if driver != worker:
            from tspark.errors import PySparkRuntimeError
            raise PySparkRuntimeError(errorClass="PYTHON_VERSION_MISMATCH", messageParameters={
                "worker_version": worker, "driver_version": driver})
        return cloudpickle.loads(inner)
    return obj


def load_function(blob: bytes) -> Any:
    """The function of a command blob (see _loads), memoized (the most recently used 64)."""
    hit = _cache.get(blob)
    if hit is not None:
        _cache.move_to_end(blob)
        return hit
    obj = _loads(blob)
    _cache[blob] = obj
    if len(_cache) > _MAX:
        _cache.popitem(last=False)
    return obj
