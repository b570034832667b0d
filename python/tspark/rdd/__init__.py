"""``pyspark.rdd``: RDD, whose lambdas are cloudpickled into an RDD plan (bridge/PROTOCOL.md
"RDD plans") that the engine runs through Python workers; elements stay opaque pickled blobs
to the engine, and shuffles route them by PySpark's portable_hash.

The class is assembled from one module per family: the plan and running (_core), narrow
transformations (_narrow), key-value transformations (_pairs), actions (_actions) and file output (_output).
"""
from tspark.rdd._actions import BoundedFloat
from tspark.rdd._output import OutputOps
from tspark.rdd._partitioner import Partitioner
from tspark.worker.portable_hash import portable_hash

__all__ = ["RDD", "PipelinedRDD", "Partitioner", "BoundedFloat", "portable_hash"]


class RDD(OutputOps):
    """A lazily evaluated, partitioned collection of Python objects."""


#: PySpark's class for an RDD with pending Python functions; here every RDD fuses them.
PipelinedRDD = RDD
