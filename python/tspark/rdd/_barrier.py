"""``rdd.barrier()``: PySpark's RDDBarrier, whose mapPartitions runs as a barrier stage (every
task at once; BarrierTaskContext.barrier() / allGather() inside wait for all of them)."""
from typing import Any, Callable, Iterable, Iterator

from tspark.rdd._core import dumps_command


class RDDBarrier:
    """Wraps an RDD whose next mapPartitions is a barrier stage."""

    def __init__(self, rdd: Any):
        self.rdd = rdd

    def mapPartitions(self, f: Callable[[Iterator[Any]], Iterable[Any]], preservesPartitioning: bool = False) -> Any:
        """``f(iterator)`` over every partition, all of them running at once."""
        return self.mapPartitionsWithIndex(lambda _, it: f(it), preservesPartitioning)

    def mapPartitionsWithIndex(self, f: Callable[[int, Iterator[Any]], Iterable[Any]], preservesPartitioning: bool = False) -> Any:
        """``f(splitIndex, iterator)`` over every partition, all of them running at once."""
        rdd = self.rdd
        files_root, py_files, properties = rdd.ctx._task_env()
        stage = rdd._id

        def as_iterator(i: int, it: Iterator[Any]) -> Iterator[Any]:
            from tspark.worker.task_env import enter_task
            enter_task(files_root, py_files, properties, i, stage)
            out = f(i, it)
            return iter(out) if out is not None else iter(())
        source = {"kind": "PythonMapPartitions", "input": rdd._plan(), "func": dumps_command(as_iterator), "barrier": True}
        out = rdd._new(source, None, rdd._num_partitions)
        out.partitioner = rdd.partitioner if preservesPartitioning else None
        return out
