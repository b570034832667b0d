"""What a task sees of its job besides its data: SparkFiles' directory, the job's
``addPyFile`` paths on sys.path, and TaskContext (partition, stage, local properties).
The client puts these into the partition function it pickles (tspark/rdd/_core.py), so
they reach every worker with the task and need no request field of their own."""
import sys
from typing import Dict, Optional, Sequence

from tspark.files import SparkFiles
from tspark.taskcontext import TaskContext, _thread


def enter_task(files_root: Optional[str], py_files: Sequence[str], properties: Dict[str, str],
               partition: int, stage: int) -> None:
    """Set up the running task's environment (before its function runs)."""
    if files_root is not None:
        SparkFiles._root_directory = files_root
    for p in py_files:
        if p not in sys.path:
            sys.path.insert(1, p)
    barrier = getattr(_thread, "context", None)
    if barrier is not None:
        # a barrier task (worker/barrier.py), one thread of several: its own context gets the job's details
        barrier._stageId = stage
        barrier._localProperties = dict(properties)
        return
    TaskContext._taskContext = TaskContext(partition, stage, 0, partition, properties)
