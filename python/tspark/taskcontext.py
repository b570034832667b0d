"""``pyspark.taskcontext``: TaskContext, what a running task knows about itself
(``TaskContext.get()`` inside an RDD function; None on the driver). Imported by the
workers: standard library only."""
import threading
from typing import Any, ClassVar, Dict, List, Optional

__all__ = ["TaskContext", "BarrierTaskContext", "BarrierTaskInfo"]

#: The context of a barrier task running in this thread (a barrier stage runs its tasks as
#: threads of one worker, python/tspark/worker/barrier.py); ahead of the process-wide one.
_thread = threading.local()


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
        return getattr(_thread, "context", None) or cls._taskContext

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


class BarrierTaskInfo:
    """A barrier task's information (PySpark's: its executor's address)."""

    def __init__(self, address: str):
        self.address = address


class _Rendezvous:
    """What a barrier stage's tasks share: a barrier for all of them and one message slot each."""

    def __init__(self, n: int):
        self.n = n
        self.wall = threading.Barrier(n)
        self.slots: List[str] = [""] * n


class BarrierTaskContext(TaskContext):
    """The TaskContext of a task in a barrier stage (``rdd.barrier().mapPartitions``): every task
    of the stage runs at once, and ``barrier()`` / ``allGather()`` wait for all of them."""

    def __init__(self, partitionId: int, stageId: int, localProperties: Optional[Dict[str, str]],
                 rendezvous: Any):
        super().__init__(partitionId, stageId, 0, partitionId, localProperties)
        self._rendezvous = rendezvous

    @classmethod
    def get(cls) -> "BarrierTaskContext":  # type: ignore[override]
        """The running barrier task's context; outside a barrier stage PySpark's NOT_IN_BARRIER_STAGE."""
        ctx = getattr(_thread, "context", None)
        if not isinstance(ctx, BarrierTaskContext):
            from tspark.errors import PySparkRuntimeError
            raise PySparkRuntimeError(errorClass="NOT_IN_BARRIER_STAGE", messageParameters={})
        return ctx

    def barrier(self) -> None:
        """Waits until every task of the stage has called barrier()."""
        self._rendezvous.wall.wait()

    def allGather(self, message: str = "") -> List[str]:
        """Waits for every task of the stage; each gets all tasks' messages, by partition."""
        if not isinstance(message, str):
            raise TypeError("Argument `message` must be of type `str`")
        r = self._rendezvous
        r.slots[self._partitionId] = message
        r.wall.wait()
        out = list(r.slots)
        r.wall.wait()  # nobody writes the next round's message before everyone has read this one
        return out

    def getTaskInfos(self) -> List[BarrierTaskInfo]:
        """One BarrierTaskInfo per task of the stage, by partition (all on this machine)."""
        return [BarrierTaskInfo("localhost") for _ in range(self._rendezvous.n)]
