"""The files of ``rdd.saveAsPickleFile`` / ``sc.pickleFile``, as Spark writes them: a Hadoop
SequenceFile (sequence_file.py) of NullWritable keys and BytesWritable values, each
value a Java-serialized ``byte[][]`` of up to 10 pickled batches (Spark's saveAsObjectFile
of PySpark's batched pickles). Written and read by tasks in the workers, so files pass
between tspark and Spark both ways."""
import os
import struct
from typing import Iterator, List

from tspark.worker.sequence_file import BYTES, NULL, read_split, write_sequence_file

_INT = struct.Struct(">i")

# java.io.ObjectOutputStream's encoding of byte[][] (class descriptors with their serialVersionUIDs)
_MAGIC = b"\xac\xed\x00\x05"
_TC_ARRAY, _TC_CLASSDESC, _TC_REFERENCE, _TC_NULL, _TC_ENDBLOCKDATA = 0x75, 0x72, 0x71, 0x70, 0x78
_OUTER_DESC = b"\x72\x00\x03[[B\x4b\xfd\x19\x15\x67\x67\xdb\x37\x02\x00\x00\x78\x70"
_INNER_DESC = b"\x72\x00\x02[B\xac\xf3\x17\xf8\x06\x08\x54\xe0\x02\x00\x00\x78\x70"
_INNER_DESC_HANDLE = 0x7E0002  # handles: outer desc 0, outer array 1, inner desc 2


def java_byte_arrays(parts: List[bytes]) -> bytes:
    """ObjectOutputStream.writeObject(byte[][]) of ``parts``."""
    out = [_MAGIC, b"\x75", _OUTER_DESC, _INT.pack(len(parts))]
    for i, p in enumerate(parts):
        out.append(b"\x75")
        out.append(_INNER_DESC if i == 0 else b"\x71" + _INT.pack(_INNER_DESC_HANDLE))
        out.append(_INT.pack(len(p)))
        out.append(p)
    return b"".join(out)


def _class_desc(data: bytes, pos: int) -> int:
    """Skip a class descriptor (new or a back reference) at ``pos``; the position after it."""
    tag = data[pos]
    if tag == _TC_REFERENCE:
        return pos + 5
    if tag != _TC_CLASSDESC:
        raise ValueError("not a Java-serialized byte array (class descriptor tag 0x%02x)" % tag)
    (n,) = struct.unpack_from(">H", data, pos + 1)
    pos += 3 + n + 8 + 1  # name, serialVersionUID, flags
    (fields,) = struct.unpack_from(">H", data, pos)
    if fields != 0:
        raise ValueError("not a Java-serialized byte array (array class with fields)")
    pos += 2
    if data[pos] != _TC_ENDBLOCKDATA or data[pos + 1] != _TC_NULL:
        raise ValueError("not a Java-serialized byte array (class annotations)")
    return pos + 2


def read_java_byte_arrays(data: bytes) -> List[bytes]:
    """The byte arrays of an ObjectOutputStream-serialized ``byte[][]``."""
    if data[:4] != _MAGIC or data[4] != _TC_ARRAY:
        raise ValueError("not a Java-serialized byte[][]")
    pos = _class_desc(data, 5)
    (n,) = _INT.unpack_from(data, pos)
    pos += 4
    out: List[bytes] = []
    for _ in range(n):
        if data[pos] != _TC_ARRAY:
            raise ValueError("not a Java-serialized byte[][] (element tag 0x%02x)" % data[pos])
        pos = _class_desc(data, pos + 1)
        (size,) = _INT.unpack_from(data, pos)
        pos += 4
        out.append(data[pos:pos + size])
        pos += size
    return out


def write_object_file(path: str, values: Iterator[bytes]) -> None:
    """A SequenceFile of NullWritable → BytesWritable(value) records."""
    write_sequence_file(path, NULL, BYTES, ((b"", _INT.pack(len(v)) + v) for v in values))


def read_object_file(path: str) -> Iterator[bytes]:
    """The BytesWritable values of an uncompressed SequenceFile (its keys are NullWritable)."""
    for _, value_class, _, v in read_split(path, 0, os.path.getsize(path)):
        if value_class != BYTES:
            raise ValueError("%s holds %s values, not a pickle file's BytesWritable" % (path, value_class))
        (size,) = _INT.unpack_from(v)
        yield v[4:4 + size]
