"""SparkContext and SparkConf: the RDD entry point, bound to a SparkSession's engine."""
import os
from typing import Any, Dict, Iterable, List, Optional, Tuple

import cloudpickle

from tspark.rdd import RDD

__all__ = ["SparkContext", "SparkConf"]


class SparkConf:
    """Key/value settings handed to the session builder."""

    def __init__(self, loadDefaults: bool = True, **_: Any):
        self._conf: Dict[str, str] = {}

    def set(self, key: str, value: Any) -> "SparkConf":
        self._conf[key] = str(value)
        return self

    def setAppName(self, value: str) -> "SparkConf":
        return self.set("spark.app.name", value)

    def setMaster(self, value: str) -> "SparkConf":
        return self.set("spark.master", value)

    def setAll(self, pairs: Iterable[Tuple[str, Any]]) -> "SparkConf":
        for k, v in pairs:
            self.set(k, v)
        return self

    def get(self, key: str, defaultValue: Optional[str] = None) -> Optional[str]:
        return self._conf.get(key, defaultValue)

    def contains(self, key: str) -> bool:
        return key in self._conf

    def getAll(self) -> List[Tuple[str, str]]:
        return list(self._conf.items())


class SparkContext:
    """``spark.sparkContext``: parallelize and textFile start RDD plans."""

    _active: Optional["SparkContext"] = None

    def __init__(self, master: Optional[str] = None, appName: Optional[str] = None,
                 conf: Optional[SparkConf] = None, **_: Any):
        from tspark.sql.session import SparkSession
        b = SparkSession.builder
        if conf is not None:
            b = b.config(conf=conf)
        if master:
            b = b.master(master)
        if appName:
            b = b.appName(appName)
        self._init(b.getOrCreate())

    def _init(self, session: Any) -> None:
        self._session = session
        SparkContext._active = self

    @classmethod
    def _for_session(cls, session: Any) -> "SparkContext":
        sc = object.__new__(cls)
        sc._init(session)
        return sc

    @classmethod
    def getOrCreate(cls, conf: Optional[SparkConf] = None) -> "SparkContext":
        """The active session's context."""
        from tspark.sql.session import SparkSession
        b = SparkSession.builder
        if conf is not None:
            b = b.config(conf=conf)
        return b.getOrCreate().sparkContext

    @property
    def defaultParallelism(self) -> int:
        """Default partition count: the machine's cores, like local[*]."""
        return max(os.cpu_count() or 1, 2)

    @property
    def appName(self) -> str:
        return self._session._options.get("spark.app.name", "tspark")

    @property
    def master(self) -> str:
        return self._session._options.get("spark.master", "local[*]")

    @property
    def version(self) -> str:
        return self._session.version

    def setLogLevel(self, logLevel: str) -> None:
        """Accepted for compatibility."""

    def parallelize(self, c: Iterable[Any], numSlices: Optional[int] = None) -> RDD:
        """Distribute a local collection into numSlices partitions (each one pickled list)."""
        data = list(c) if not isinstance(c, range) else c
        n = max(1, int(numSlices) if numSlices else self.defaultParallelism)
        size = len(data)
        parts = [list(data[(i * size) // n:((i + 1) * size) // n]) for i in range(n)]
        node = {"kind": "Parallelize", "partitions": [cloudpickle.dumps(p) for p in parts]}
        return RDD(self, node, None, n)

    def range(self, start: int, end: Optional[int] = None, step: int = 1, numSlices: Optional[int] = None) -> RDD:
        """parallelize(range(...))."""
        if end is None:
            start, end = 0, start
        return self.parallelize(range(start, end, step), numSlices)

    def textFile(self, name: str, minPartitions: Optional[int] = None, use_unicode: bool = True) -> RDD:
        """Lines of a text file (or directory) as str elements."""
        path = name if "://" in name else os.path.abspath(name)
        mp = int(minPartitions) if minPartitions else min(self.defaultParallelism, 2)
        node = {"kind": "TextFile", "path": path, "minPartitions": mp}
        return RDD(self, node, None, mp)

    def emptyRDD(self) -> RDD:
        """An RDD with no elements."""
        return self.parallelize([], 1)

    def stop(self) -> None:
        """Stop the session."""
        self._session.stop()
