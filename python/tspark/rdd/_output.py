"""Writing RDDs to files as Hadoop's output formats lay them out: one ``part-NNNNN`` file per
partition, written by the tasks into ``<path>/_temporary/0`` and moved into ``<path>`` with an
empty ``_SUCCESS`` once every task has succeeded (FileOutputCommitter's v1 layout), so a
failed job leaves no part files in place. The engine's workers share the client's file system
(the embedded engine), so the client checks and commits the directory."""
import os
import shutil
from typing import Any, Dict, Iterator, Optional

from tspark.rdd._actions import Actions

#: Hadoop codec class → (file extension, Python module that writes it)
_CODECS = {
    "org.apache.hadoop.io.compress.GzipCodec": (".gz", "gzip"),
    "org.apache.hadoop.io.compress.BZip2Codec": (".bz2", "bz2"),
    "org.apache.hadoop.io.compress.DefaultCodec": (".deflate", "zlib"),
    "org.apache.hadoop.io.compress.DeflateCodec": (".deflate", "zlib"),
}


#: the Hadoop output formats tspark writes: (kind, API) by class
_OUTPUT_FORMATS = {
    "org.apache.hadoop.mapred.SequenceFileOutputFormat": ("sequence", "mapred"),
    "org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat": ("sequence", "mapreduce"),
    "org.apache.hadoop.mapred.TextOutputFormat": ("text", "mapred"),
    "org.apache.hadoop.mapreduce.lib.output.TextOutputFormat": ("text", "mapreduce"),
}


def _local(path: str) -> str:
    p = path[len("file:"):] if path.startswith("file:") else path
    return os.path.abspath(p)


def _write_bytes(name: str, data: bytes, module: Optional[str]) -> None:
    """A part file's bytes, compressed by the codec's module (gzip, bz2, zlib) when given."""
    import bz2
    import gzip
    import zlib
    if module == "gzip":
        data = gzip.compress(data)
    elif module == "bz2":
        data = bz2.compress(data)
    elif module == "zlib":
        data = zlib.compress(data)
    with open(name, "wb") as f:
        f.write(data)


class OutputOps(Actions):
    """saveAsTextFile, saveAsPickleFile, saveAsSequenceFile and the Hadoop output formats."""

    def _save(self, path: str, write: Any) -> None:
        """Run ``write(staging_dir, split, iterator)`` per partition, then commit the files."""
        out = _local(path)
        if os.path.exists(out):
            raise FileExistsError("Output directory file:%s already exists" % out)
        staging = os.path.join(out, "_temporary", "0")
        os.makedirs(staging)
        try:
            self.mapPartitionsWithIndex(lambda split, it: write(staging, split, it)).count()
        except BaseException:
            shutil.rmtree(out, ignore_errors=True)
            raise
        for name in sorted(os.listdir(staging)):
            os.replace(os.path.join(staging, name), os.path.join(out, name))
        shutil.rmtree(os.path.join(out, "_temporary"))
        open(os.path.join(out, "_SUCCESS"), "wb").close()

    def saveAsPickleFile(self, path: str, batchSize: int = 10) -> None:
        """Elements pickled in batches of ``batchSize``, ten batches per SequenceFile record,
        as Spark's saveAsObjectFile writes them (``sc.pickleFile`` reads them back, here or
        in Spark)."""
        size = int(batchSize) if batchSize else 1024

        def write(staging: str, split: int, it: Iterator[Any]) -> Iterator[Any]:
            import itertools
            import pickle
            from tspark.worker.object_file import java_byte_arrays, write_object_file
            it = iter(it)
            batches = iter(lambda: list(itertools.islice(it, size)), [])
            pickled = (pickle.dumps(b, protocol=pickle.HIGHEST_PROTOCOL) for b in batches)
            groups = iter(lambda: list(itertools.islice(pickled, 10)), [])
            write_object_file(os.path.join(staging, "part-%05d" % split), (java_byte_arrays(g) for g in groups))
            return iter(())
        self._save(path, write)

    def saveAsTextFile(self, path: str, compressionCodecClass: Optional[str] = None) -> None:
        """Each element as a line (``str(x)``, bytes as they are), one part file per partition,
        compressed with a Hadoop codec class when given (Gzip, BZip2, Default/Deflate)."""
        ext, module = "", None
        if compressionCodecClass is not None:
            codec = _CODECS.get(compressionCodecClass)
            if codec is None:
                raise ValueError("Compression codec %s is not available (supported: %s)"
                                 % (compressionCodecClass, ", ".join(sorted(_CODECS))))
            ext, module = codec

        def write(staging: str, split: int, it: Iterator[Any]) -> Iterator[Any]:
            name = os.path.join(staging, "part-%05d%s" % (split, ext))
            lines = (x if isinstance(x, bytes) else bytes(x) if isinstance(x, bytearray)
                     else str(x).encode("utf-8") for x in it)
            _write_bytes(name, b"".join(line + b"\n" for line in lines), module)
            return iter(())
        self._save(path, write)

    def saveAsSequenceFile(self, path: str, compressionCodecClass: Optional[str] = None) -> None:
        """(key, value) pairs as an uncompressed Hadoop SequenceFile per partition, their
        Writable classes those of the first pair (int → IntWritable, or LongWritable past 32
        bits; float → DoubleWritable; str → Text; bool → BooleanWritable; bytes →
        BytesWritable; None → NullWritable), as PySpark writes them."""
        self.saveAsHadoopFile(path, "org.apache.hadoop.mapred.SequenceFileOutputFormat",
                              compressionCodecClass=compressionCodecClass)

    def saveAsHadoopFile(self, path: str, outputFormatClass: str, keyClass: Optional[str] = None,
                         valueClass: Optional[str] = None, keyConverter: Optional[str] = None,
                         valueConverter: Optional[str] = None, conf: Optional[Dict[str, str]] = None,
                         compressionCodecClass: Optional[str] = None) -> None:
        """Pairs through an old-API (mapred) output format: SequenceFileOutputFormat or
        TextOutputFormat (``key<TAB>value`` lines), files ``part-NNNNN``."""
        self._save_hadoop(path, outputFormatClass, "mapred", keyClass, valueClass, keyConverter, valueConverter,
                          compressionCodecClass)

    def saveAsNewAPIHadoopFile(self, path: str, outputFormatClass: str, keyClass: Optional[str] = None,
                               valueClass: Optional[str] = None, keyConverter: Optional[str] = None,
                               valueConverter: Optional[str] = None, conf: Optional[Dict[str, str]] = None) -> None:
        """Pairs through a new-API (mapreduce) output format, files ``part-r-NNNNN``."""
        self._save_hadoop(path, outputFormatClass, "mapreduce", keyClass, valueClass, keyConverter, valueConverter, None)

    def _save_hadoop(self, path: str, outputFormatClass: str, api: str, keyClass: Optional[str],
                     valueClass: Optional[str], keyConverter: Optional[str], valueConverter: Optional[str],
                     codec: Optional[str]) -> None:
        from tspark.errors import PySparkNotImplementedError, UnsupportedOperationException
        from tspark.rdd._context_ops import _no_converters
        from tspark.worker import sequence_file
        _no_converters(keyConverter, valueConverter)
        fmt = _OUTPUT_FORMATS.get(outputFormatClass)
        if fmt is None or fmt[1] != api:
            raise PySparkNotImplementedError.feature("the Hadoop output format %s (tspark writes %s)" % (
                outputFormatClass, ", ".join(sorted(k for k, v in _OUTPUT_FORMATS.items() if v[1] == api))))
        if codec is not None and fmt[0] == "sequence":
            raise PySparkNotImplementedError.feature("compressed SequenceFiles (%s)" % codec)
        # the classes of the first pair, for every partition's file (PySpark's inferKeyValueTypes runs rdd.first())
        first = self.take(1)
        if not first:
            raise UnsupportedOperationException("empty collection")
        kc, vc = sequence_file.first_classes(first[0])
        kc, vc = keyClass or kc, valueClass or vc
        prefix = "part-r-" if api == "mapreduce" else "part-"
        ext, module = "", None
        if codec is not None:
            if codec not in _CODECS:
                raise ValueError("Compression codec %s is not available (supported: %s)" % (codec, ", ".join(sorted(_CODECS))))
            ext, module = _CODECS[codec]
        kind = fmt[0]

        def write(staging: str, split: int, it: Iterator[Any]) -> Iterator[Any]:
            name = os.path.join(staging, "%s%05d%s" % (prefix, split, ext))
            if kind == "sequence":
                from tspark.worker.sequence_file import write_pairs
                write_pairs(name, it, kc, vc)
            else:
                from tspark.worker.hadoop_text import text_lines
                _write_bytes(name, b"".join(text_lines(it)), module)
            return iter(())
        self._save(path, write)
