"""tspark: PySpark's API on an engine written in TypeScript.

``from tspark.sql import SparkSession`` works like PySpark; ``tspark.install_as_pyspark()``
(or the ``tspark-submit`` command) makes ``import pyspark`` resolve to tspark.
"""
__version__ = "0.1.0"


def install_as_pyspark() -> None:
    """Make ``import pyspark`` / ``from pyspark.sql import ...`` load tspark for this process."""
    from tspark._pyspark_alias import install
    install()


#: PySpark's other top-level names and the tspark modules that define them
_SHARED = {
    "Broadcast": "tspark.broadcast", "Accumulator": "tspark.accumulators",
    "AccumulatorParam": "tspark.accumulators", "SparkFiles": "tspark.files",
    "TaskContext": "tspark.taskcontext", "StatusTracker": "tspark.status",
    "BarrierTaskContext": "tspark.taskcontext", "BarrierTaskInfo": "tspark.taskcontext",
    "SparkJobInfo": "tspark.status", "SparkStageInfo": "tspark.status",
}


def __getattr__(name: str):  # PySpark exposes these at top level
    if name in ("SparkContext", "SparkConf"):
        from tspark import context
        return getattr(context, name)
    if name == "RDD":
        from tspark.rdd import RDD
        return RDD
    if name in ("Row",):
        from tspark.sql.row import Row
        return Row
    if name == "StorageLevel":
        from tspark.storagelevel import StorageLevel
        return StorageLevel
    if name in _SHARED:
        import importlib
        return getattr(importlib.import_module(_SHARED[name]), name)
    raise AttributeError("module 'tspark' has no attribute %r" % name)


__all__ = ["install_as_pyspark", "SparkContext", "SparkConf", "RDD", "Row", "StorageLevel", "Broadcast",
           "Accumulator", "AccumulatorParam", "SparkFiles", "TaskContext", "StatusTracker", "SparkJobInfo",
           "SparkStageInfo", "BarrierTaskContext", "BarrierTaskInfo", "__version__"]
