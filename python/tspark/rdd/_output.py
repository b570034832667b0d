"""Writing RDDs to files as Hadoop's output formats lay them out: one ``part-NNNNN`` file per
partition, written by the tasks into ``<path>/_temporary/0`` and moved into ``<path>`` with an
empty ``_SUCCESS`` once every task has succeeded (FileOutputCommitter's v1 layout), so a
failed job leaves no part files in place. The engine's workers share the client's file system
(the embedded engine), so the client checks and commits the directory."""
import os
import shutil
from typing import Any, Iterator, Optional

from tspark.rdd._actions import Actions

#: Hadoop codec class → (file extension, Python module that writes it)
_CODECS = {
    "org.apache.hadoop.io.compress.GzipCodec": (".gz", "gzip"),
    "org.apache.hadoop.io.compress.BZip2Codec": (".bz2", "bz2"),
    "org.apache.hadoop.io.compress.DefaultCodec": (".deflate", "zlib"),
    "org.apache.hadoop.io.compress.DeflateCodec": (".deflate", "zlib"),
}


def _local(path: str) -> str:
    p = path[len("file:"):] if path.startswith("file:") else path
    return os.path.abspath(p)


class OutputOps(Actions):
    """saveAsTextFile, saveAsPickleFile."""

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
            import bz2
            import gzip
            import zlib
            name = os.path.join(staging, "part-%05d%s" % (split, ext))
            lines = (x if isinstance(x, bytes) else bytes(x) if isinstance(x, bytearray)
                     else str(x).encode("utf-8") for x in it)
            data = b"".join(line + b"\n" for line in lines)
            if module == "gzip":
                data = gzip.compress(data)
            elif module == "bz2":
                data = bz2.compress(data)
            elif module == "zlib":
                data = zlib.compress(data)
            with open(name, "wb") as f:
                f.write(data)
            return iter(())
        self._save(path, write)
