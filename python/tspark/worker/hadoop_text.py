"""Hadoop's text formats with their keys, as ``sc.hadoopFile`` / ``saveAsHadoopFile`` use them
(textFile drops the keys and the engine reads its lines itself):

- TextInputFormat: ``(byte offset, line)`` per line of a split, as LineRecordReader reads it
  (a split not at the file's start skips its first, partial line; a split reads every line
  that starts at or before its end; compressed files are one split, offsets in the
  decompressed text). Lines end at ``\\n`` or ``\\r\\n``.
- TextOutputFormat: ``key<TAB>value`` lines of the Writables' ``toString`` (a null key or
  value is left out with its tab, a pair of nulls is no line).
"""
import bz2
import gzip
import io
import lzma
import zlib
from typing import Any, BinaryIO, Iterator, Tuple

from tspark.worker import sequence_file as sf
from tspark.worker.to_wire import java_string

_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
#: codecs the engine reads (one split per file) that this reader does not
_UNREAD = (".zst", ".snappy", ".lz4")


def _open(path: str) -> Tuple[BinaryIO, bool]:
    """The file's bytes (decompressed by extension) and whether it may be read from the middle."""
    for ext, opener in _OPENERS.items():
        if path.endswith(ext):
            return opener(path, "rb"), False  # type: ignore[operator]
    if path.endswith(".deflate"):
        with open(path, "rb") as f:
            return io.BytesIO(zlib.decompress(f.read())), False
    if path.endswith(_UNREAD):
        raise IOError("tspark's TextInputFormat does not read %s (gzip, bzip2, deflate and xz files it does)" % path)
    return open(path, "rb"), True


def read_text_pairs(split: str) -> Iterator[Tuple[int, str]]:
    """(offset, line) of a split given as ``path\\tstart\\tlength`` (the engine's HadoopSplits element)."""
    path, start_s, length_s = split.split("\t")
    start, end = int(start_s), int(start_s) + int(length_s)
    f, seekable = _open(path)
    with f:
        if not seekable:
            start, end = 0, float("inf")  # type: ignore[assignment]
        f.seek(start)
        pos = start
        if start != 0:
            pos += len(f.readline())
        while pos <= end:
            line = f.readline()
            if not line:
                return
            n = len(line)
            body = line[:-2] if line.endswith(b"\r\n") else line[:-1] if line.endswith(b"\n") else line
            yield pos, body.decode("utf-8", errors="replace")
            pos += n


def _writable_text(v: Any) -> str:
    """Writable.toString of the Writable a value converts to (sequence_file.writable_class)."""
    cls = sf.writable_class(v)
    if cls == sf.BOOLEAN:
        return "true" if v else "false"
    if cls == sf.BYTES:
        return " ".join("%02x" % b for b in bytes(v))
    return java_string(v)


def text_lines(pairs: Iterator[Any]) -> Iterator[bytes]:
    """TextOutputFormat's lines of (key, value) pairs."""
    for kv in pairs:
        k, v = sf.key_value(kv)
        if k is None and v is None:
            continue
        parts = ([] if k is None else [_writable_text(k)]) + ([] if v is None else [_writable_text(v)])
        yield ("\t".join(parts) + "\n").encode("utf-8")
