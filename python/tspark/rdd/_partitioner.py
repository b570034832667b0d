"""How a pair RDD's keys are placed: ``partitionFunc(key) % numPartitions`` (PySpark's Partitioner)."""
from typing import Any, Callable


class Partitioner:
    """Two partitioners are equal when they have the same count and the same function, so a
    shuffle onto the partitioning an RDD already has is skipped, as in PySpark."""

    def __init__(self, numPartitions: int, partitionFunc: Callable[[Any], int]):
        self.numPartitions = numPartitions
        self.partitionFunc = partitionFunc

    def __eq__(self, other: Any) -> bool:
        return (isinstance(other, Partitioner) and self.numPartitions == other.numPartitions
                and self.partitionFunc == other.partitionFunc)

    def __hash__(self) -> int:
        return hash((self.numPartitions, id(self.partitionFunc)))

    def __call__(self, k: Any) -> int:
        return self.partitionFunc(k) % self.numPartitions
