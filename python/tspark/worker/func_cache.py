"""Unpickled user functions, keyed by their pickled bytes: a UDF arrives with every batch."""
from collections import OrderedDict
from typing import Any

import cloudpickle

_MAX = 64
_cache: "OrderedDict[bytes, Any]" = OrderedDict()


def load_function(blob: bytes) -> Any:
    """cloudpickle.loads(blob), memoized (the most recently used 64 functions)."""
    hit = _cache.get(blob)
    if hit is not None:
        _cache.move_to_end(blob)
        return hit
    obj = cloudpickle.loads(blob)
    _cache[blob] = obj
    if len(_cache) > _MAX:
        _cache.popitem(last=False)
    return obj
