"""msgpack encoding of every bridge message (bridge/PROTOCOL.md): bin type on, str decoded.

These exact options are what the golden vectors in bridge/vectors/ are recorded with.
"""
import sys
from typing import Any

import msgpack

# msgpack's packer refuses containers nested deeper than 511 ("recursion limit exceeded"), but
# a plan may nest deeper: a column built by 700 chained `+` is 1,400 levels of maps and arrays.
# Such a message is re-packed with every subtree at depth _SPLIT_DEPTH packed on its own and
# carried as an extension value of type NESTED_EXT (bridge/PROTOCOL.md, Conventions); the engine
# unpacks it in place, so the decoded message is the same as if it had been packed in one piece.
NESTED_EXT = 1
_SPLIT_DEPTH = 256


def pack(obj: Any) -> bytes:
    """Encode one message: str as msgpack str, bytes as bin, tuples as arrays, floats as float64."""
    try:
        return msgpack.packb(obj, use_bin_type=True)
    except ValueError as e:
        if "recursion limit" not in str(e):
            raise
    limit = sys.getrecursionlimit()
    # the split walk recurses once per level; Python 3.11's Python-to-Python calls do not grow
    # the C stack, so a higher limit for this walk is safe
    sys.setrecursionlimit(max(limit, 100_000))
    try:
        return msgpack.packb(_split(obj, 0), use_bin_type=True)
    finally:
        sys.setrecursionlimit(limit)


def _split(o: Any, depth: int) -> Any:
    """`o` with each container at `_SPLIT_DEPTH` levels below the last split packed on its own."""
    if isinstance(o, dict):
        if depth >= _SPLIT_DEPTH:
            return msgpack.ExtType(NESTED_EXT, msgpack.packb(_split(o, 0), use_bin_type=True))
        return {k: _split(v, depth + 1) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        if depth >= _SPLIT_DEPTH:
            return msgpack.ExtType(NESTED_EXT, msgpack.packb(_split(o, 0), use_bin_type=True))
        return [_split(v, depth + 1) for v in o]
    return o


def unpack(data: bytes) -> Any:
    """Decode one message: str stays str, bin becomes bytes, arrays become lists.

    A string value may hold bytes that are not UTF-8 (a CSV or text file read as UTF-8 keeps its
    bytes in the engine); they become U+FFFD, as Spark's UTF8String.toString decodes them (Java
    replaces malformed input), instead of a UnicodeDecodeError that would lose the whole result.
    """
    return msgpack.unpackb(data, raw=False, strict_map_key=False, unicode_errors="replace")
