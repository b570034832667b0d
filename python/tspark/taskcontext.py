"""``pyspark.taskcontext``: TaskContext, what a running task knows about itself
(``TaskContext.get()`` inside an RDD function; None on the driver). Imported by the
workers: standard library only."""
from typing import ClassVar, Dict, Optional

__all__ = ["TaskContext"]


class TaskContext:
    """The partition, stage and attempt of the running task, and the job's local properties."""

    _taskContext: ClassVar[Optional["TaskContext"]] = None

    def __init__(self, partitionId: int = 0, stageId: int = 0, attemptNumber: int = 0,
                 taskAttemptId: int = 0, localProperties: Optional[Dict[str, str]] = None):
        self._partitionId = partitionId
        self._stageId = stageId
        self._attemptNumber = attemptNumber
        self._taskAttemptId = taskAttemptId
        self._localProperties = dict(localProperties or {})

    @classmethod
    def get(cls) -> Optional["TaskContext"]:
        """The running task's context, or None outside a task."""
        return cls._taskContext

    def partitionId(self) -> int:
        return self._partitionId

    def stageId(self) -> int:
        return self._stageId

    def attemptNumber(self) -> int:
        return self._attemptNumber

    def taskAttemptId(self) -> int:
        return self._taskAttemptId

    def getLocalProperty(self, key: str) -> Optional[str]:
        return self._localProperties.get(key)

    def cpus(self) -> int:
        return 1

    def resources(self) -> Dict[str, object]:
        return {}
