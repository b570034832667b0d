"""``pyspark.conf``: SparkConf, the key/value settings handed to the session builder."""
from typing import Any, Dict, Iterable, List, Optional, Tuple

__all__ = ["SparkConf"]


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
