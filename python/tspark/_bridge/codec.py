"""msgpack encoding of every bridge message (bridge/PROTOCOL.md): bin type on, str decoded.

These exact options are what the golden vectors in bridge/vectors/ are recorded with.
"""
from typing import Any

import msgpack


def pack(obj: Any) -> bytes:
    """Encode one message: str as msgpack str, bytes as bin, tuples as arrays, floats as float64."""
    return msgpack.packb(obj, use_bin_type=True)


def unpack(data: bytes) -> Any:
    """Decode one message: str stays str, bin becomes bytes, arrays become lists."""
    return msgpack.unpackb(data, raw=False, strict_map_key=False)
