"""Frames on the worker's pipes: a 4-byte big-endian length, then one msgpack map."""
import struct
from typing import Any, BinaryIO, Optional

import msgpack

_LEN = struct.Struct(">I")


def read_frame(stream: BinaryIO) -> Optional[Any]:
    """The next decoded frame, or None at a clean end of input."""
    head = _read_exact(stream, 4)
    if head is None:
        return None
    (n,) = _LEN.unpack(head)
    body = _read_exact(stream, n)
    if body is None:
        raise EOFError("truncated frame: expected %d bytes" % n)
    return msgpack.unpackb(body, raw=False, strict_map_key=False)


def write_frame(stream: BinaryIO, msg: Any) -> None:
    """Encode and send one frame, flushed."""
    body = msgpack.packb(msg, use_bin_type=True)
    stream.write(_LEN.pack(len(body)))
    stream.write(body)
    stream.flush()


def _read_exact(stream: BinaryIO, n: int) -> Optional[bytes]:
    buf = stream.read(n)
    if not buf:
        return None
    while len(buf) < n:
        more = stream.read(n - len(buf))
        if not more:
            return None
        buf += more
    return buf
