"""Hadoop SequenceFiles (version 6) as Spark reads and writes them through PySpark: the file
layout, the Writable classes PySpark converts Python values to and from, and Hadoop's split
reading. Run by tasks in the workers (sc.sequenceFile, rdd.saveAsSequenceFile, the Hadoop
input/output formats, and saveAsPickleFile's object files), so files pass between tspark and
Spark both ways.

Layout: ``SEQ\\x06``, the key and value class names (Hadoop Text), two compression flags,
metadata, a random 16-byte sync marker; then records ``int length, int keyLength, key,
value`` with ``-1`` + the sync marker written before the first record that starts
SYNC_INTERVAL bytes or more past the last marker. Compressed files (record or block) are
not read or written here.
"""
import os
import struct
from typing import Any, BinaryIO, Callable, Dict, Iterator, List, Optional, Tuple

_INT = struct.Struct(">i")
_LONG = struct.Struct(">q")
_DOUBLE = struct.Struct(">d")
_FLOAT = struct.Struct(">f")

#: bytes between sync markers (Hadoop 3's SequenceFile.SYNC_INTERVAL: 5 KiB sync entries of 20 bytes)
SYNC_INTERVAL = 5 * 1024 * 20
#: the smallest split SequenceFileInputFormat makes (FileInputFormat's minSplitSize, set to SYNC_INTERVAL)
MIN_SPLIT_SIZE = SYNC_INTERVAL

TEXT = "org.apache.hadoop.io.Text"
INT = "org.apache.hadoop.io.IntWritable"
LONG = "org.apache.hadoop.io.LongWritable"
DOUBLE = "org.apache.hadoop.io.DoubleWritable"
FLOAT = "org.apache.hadoop.io.FloatWritable"
BOOLEAN = "org.apache.hadoop.io.BooleanWritable"
BYTES = "org.apache.hadoop.io.BytesWritable"
NULL = "org.apache.hadoop.io.NullWritable"
BYTE = "org.apache.hadoop.io.ByteWritable"


# --- Hadoop's variable-length integers (WritableUtils.writeVLong / readVLong) ---
def vlong(i: int) -> bytes:
    """WritableUtils.writeVLong: one byte for -112..127, else a length byte and big-endian bytes."""
    if -112 <= i <= 127:
        return struct.pack(">b", i)
    size = -112
    if i < 0:
        i = ~i
        size = -120
    n = (i.bit_length() + 7) // 8
    return struct.pack(">b", size - n) + i.to_bytes(n, "big")


def read_vlong(data: bytes, pos: int) -> Tuple[int, int]:
    """(value, position after it) of a VLong at ``pos``."""
    first = struct.unpack_from(">b", data, pos)[0]
    if first >= -112:
        return first, pos + 1
    negative = first < -120
    n = (-120 - first) if negative else (-112 - first)
    value = int.from_bytes(data[pos + 1:pos + 1 + n], "big")
    return (~value if negative else value), pos + 1 + n


def text(s: str) -> bytes:
    """A Hadoop Text: VInt byte length, then UTF-8."""
    b = s.encode("utf-8")
    return vlong(len(b)) + b


def _read_text(data: bytes, pos: int) -> Tuple[str, int]:
    n, pos = read_vlong(data, pos)
    return data[pos:pos + n].decode("utf-8", errors="replace"), pos + n


# --- Writables: Python value <-> serialized bytes, as PySpark converts them ---
def _int32(v: Any) -> bool:
    return type(v) is int and -(1 << 31) <= v < (1 << 31)


def writable_class(v: Any) -> str:
    """The Writable class a Python value becomes when PySpark saves it: the JVM unpickles it
    (an int as Integer within 32 bits, else Long; bytes as byte[]) and JavaToWritableConverter
    maps that to a Writable. Other values are refused as Spark refuses their Java classes."""
    if v is None:
        return NULL
    if isinstance(v, bool):
        return BOOLEAN
    if isinstance(v, int):
        if _int32(v):
            return INT
        if -(1 << 63) <= v < (1 << 63):
            return LONG
        raise ValueError("Data of type java.math.BigInteger cannot be used")
    if isinstance(v, float):
        return DOUBLE
    if isinstance(v, str):
        return TEXT
    if isinstance(v, (bytes, bytearray)):
        return BYTES
    java = {dict: "java.util.HashMap", list: "java.util.ArrayList", tuple: "[Ljava.lang.Object;"}.get(type(v))
    raise ValueError("Data of type %s cannot be used" % (java or type(v).__name__))


def _java_class_of(v: Any) -> str:
    """The Writable a value would be, for Hadoop's wrong-class error."""
    try:
        return writable_class(v)
    except ValueError:
        return type(v).__name__


_ENCODERS: Dict[str, Callable[[Any], bytes]] = {
    TEXT: lambda v: text(v),
    INT: _INT.pack,
    LONG: _LONG.pack,
    DOUBLE: _DOUBLE.pack,
    FLOAT: _FLOAT.pack,
    BOOLEAN: lambda v: b"\x01" if v else b"\x00",
    BYTES: lambda v: _INT.pack(len(v)) + bytes(v),
    NULL: lambda v: b"",
    BYTE: lambda v: struct.pack(">b", v),
}

_DECODERS: Dict[str, Callable[[bytes], Any]] = {
    TEXT: lambda b: _read_text(b, 0)[0],
    INT: lambda b: _INT.unpack_from(b)[0],
    LONG: lambda b: _LONG.unpack_from(b)[0],
    DOUBLE: lambda b: _DOUBLE.unpack_from(b)[0],
    FLOAT: lambda b: _FLOAT.unpack_from(b)[0],
    BOOLEAN: lambda b: b[0] != 0,
    BYTES: lambda b: bytearray(b[4:4 + _INT.unpack_from(b)[0]]),
    NULL: lambda b: None,
    BYTE: lambda b: struct.unpack_from(">b", b)[0],
}


def encoder(cls: str, role: str) -> Callable[[Any], bytes]:
    """Serializes the ``role`` ("key"/"value") values of a file of Writable class ``cls``; a
    value of another class fails as Hadoop's SequenceFile.Writer fails ("wrong key class")."""
    enc = _ENCODERS.get(cls)
    if enc is None:
        raise ValueError("tspark does not write %s values to SequenceFiles" % cls)

    def encode(v: Any) -> bytes:
        actual = _java_class_of(v)
        if actual != cls:
            raise IOError("wrong %s class: %s is not class %s" % (role, actual, cls))
        return enc(v)
    return encode


def decoder(cls: str) -> Callable[[bytes], Any]:
    """Deserializes a Writable of class ``cls`` into the Python value PySpark gives for it."""
    dec = _DECODERS.get(cls)
    if dec is None:
        raise ValueError("tspark does not read %s values from SequenceFiles (supported: %s)"
                         % (cls, ", ".join(sorted(c.rsplit(".", 1)[1] for c in _DECODERS))))
    return dec


# --- the container ---
def write_sequence_file(path: str, key_class: str, value_class: str, records: Iterator[Tuple[bytes, bytes]]) -> None:
    """An uncompressed SequenceFile of serialized (key, value) records."""
    sync = os.urandom(16)
    with open(path, "wb") as f:
        f.write(b"SEQ\x06" + text(key_class) + text(value_class) + b"\x00\x00" + _INT.pack(0) + sync)
        pos = f.tell()
        last_sync = 0  # Hadoop's Writer starts counting at 0, not after the header
        for k, v in records:
            if pos >= last_sync + SYNC_INTERVAL:
                f.write(_INT.pack(-1) + sync)
                pos += 20
                last_sync = pos
            f.write(_INT.pack(len(k) + len(v)) + _INT.pack(len(k)) + k + v)
            pos += 8 + len(k) + len(v)


class _Header:
    """A SequenceFile's header: its classes, sync marker and where the records start."""

    def __init__(self, path: str, f: BinaryIO):
        head = f.read(1 << 16)
        if head[:3] != b"SEQ" or len(head) < 4:
            raise IOError("%s not a SequenceFile" % path)
        if head[3] != 6:
            raise IOError("%s is a version %d SequenceFile, which tspark does not read" % (path, head[3]))
        self.key_class, pos = _read_text(head, 4)
        self.value_class, pos = _read_text(head, pos)
        compressed, block = head[pos] != 0, head[pos + 1] != 0
        pos += 2
        if compressed or block:
            raise IOError("%s is a %s-compressed SequenceFile, which tspark does not read"
                          % (path, "block" if block else "record"))
        (meta,) = _INT.unpack_from(head, pos)
        pos += 4
        for _ in range(meta * 2):  # metadata: Text key, Text value pairs
            _, pos = _read_text(head, pos)
        self.sync = head[pos:pos + 16]
        self.end = pos + 16


def _read_exact(f: BinaryIO, n: int) -> bytes:
    b = f.read(n)
    if len(b) != n:
        raise EOFError("truncated SequenceFile")
    return b


def _seek_sync(f: BinaryIO, header: _Header, start: int, size: int) -> int:
    """Reader.sync(start): the position of the first sync entry whose marker begins at
    start + 4 or later (the file's end when there is none)."""
    if start + 20 >= size:
        return size
    f.seek(start + 4)
    window = b""
    while True:
        chunk = f.read(1 << 16)
        if not chunk:
            return size
        base = f.tell() - len(chunk) - len(window)
        window += chunk
        i = window.find(header.sync)
        if i >= 0:
            return base + i - 4
        window = window[-15:]


def read_split(path: str, start: int, length: int) -> Iterator[Tuple[str, str, bytes, bytes]]:
    """The records of one input split as SequenceFileRecordReader reads them: from the first
    sync entry at or after ``start`` (the file's first record for a split at its head), up
    to the first record that starts at or after ``start + length`` right after a sync entry.
    Each is (key class, value class, key bytes, value bytes)."""
    size = os.path.getsize(path)
    end = start + length
    with open(path, "rb") as f:
        header = _Header(path, f)
        if start > header.end:
            pos = _seek_sync(f, header, start, size)
            sync_seen = False
        else:
            pos = header.end
            sync_seen = True
        f.seek(pos)
        if pos >= end:
            return
        while pos < size:
            record_start = pos
            (n,) = _INT.unpack(_read_exact(f, 4))
            pos += 4
            if n == -1:
                if _read_exact(f, 16) != header.sync:
                    raise IOError("File is corrupt!")
                pos += 16
                sync_seen = True
                if pos >= size:
                    return
                (n,) = _INT.unpack(_read_exact(f, 4))
                pos += 4
            else:
                sync_seen = False
            if record_start >= end and sync_seen:
                return
            (key_len,) = _INT.unpack(_read_exact(f, 4))
            record = _read_exact(f, n)
            pos += 4 + n
            yield header.key_class, header.value_class, record[:key_len], record[key_len:]


def read_pairs(split: str) -> Iterator[Tuple[Any, Any]]:
    """(key, value) of a split given as ``path\\tstart\\tlength`` (the engine's HadoopSplits
    element), converted as PySpark converts Writables."""
    path, start, length = split.split("\t")
    decoders: Optional[Tuple[Callable[[bytes], Any], Callable[[bytes], Any]]] = None
    for kc, vc, k, v in read_split(path, int(start), int(length)):
        if decoders is None:
            decoders = (decoder(kc), decoder(vc))
        yield decoders[0](k), decoders[1](v)


def first_classes(first: Any) -> Tuple[str, str]:
    """The (key, value) Writable classes of a whole RDD's output: those of its first pair, as
    PySpark infers them (every partition's file then has them)."""
    k, v = key_value(first)
    return writable_class(k), writable_class(v)


def key_value(kv: Any) -> Tuple[Any, Any]:
    """An element written by a Hadoop output format: a (key, value) pair."""
    if not isinstance(kv, (tuple, list)) or len(kv) != 2:
        raise ValueError("RDD element of type %s cannot be used" % type(kv).__name__)
    return kv[0], kv[1]


def write_pairs(path: str, pairs: Iterator[Any], key_class: str, value_class: str) -> None:
    """A partition's (key, value) pairs as a SequenceFile of the given Writable classes."""
    ek, ev = encoder(key_class, "key"), encoder(value_class, "value")

    def records() -> Iterator[Tuple[bytes, bytes]]:
        for kv in pairs:
            k, v = key_value(kv)
            yield ek(k), ev(v)
    write_sequence_file(path, key_class, value_class, records())
