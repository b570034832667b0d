"""``pyspark.status``: StatusTracker, the jobs this SparkContext has run and their groups.

Every RDD action is one job, numbered from 0 per context as Spark numbers them; a job is
RUNNING until its result arrives, then SUCCEEDED, or FAILED when the action raised
(cancelled jobs included). Stages are not tracked: the engine plans them per request."""
import itertools
import threading
from collections import namedtuple
from typing import Dict, List, Optional

__all__ = ["StatusTracker", "SparkJobInfo", "SparkStageInfo"]

SparkJobInfo = namedtuple("SparkJobInfo", "jobId stageIds status")
SparkStageInfo = namedtuple("SparkStageInfo", "stageId currentAttemptId name numTasks numActiveTasks "
                            "numCompletedTasks numFailedTasks")


class JobRegistry:
    """The context's jobs: id → (group, status, request id of the running action)."""

    def __init__(self) -> None:
        self._ids = itertools.count()
        self._lock = threading.Lock()
        self.groups: Dict[int, Optional[str]] = {}
        self.tags: Dict[int, frozenset] = {}
        self.status: Dict[int, str] = {}
        self.requests: Dict[int, str] = {}

    def start(self, group: Optional[str], request_id: str, tags: frozenset = frozenset()) -> int:
        with self._lock:
            job = next(self._ids)
            self.groups[job] = group
            self.tags[job] = tags
            self.status[job] = "RUNNING"
            self.requests[job] = request_id
            return job

    def end(self, job: int, ok: bool) -> None:
        with self._lock:
            self.status[job] = "SUCCEEDED" if ok else "FAILED"
            self.requests.pop(job, None)

    def running(self, group: Optional[str] = None, any_group: bool = False) -> List[str]:
        """Request ids of the running jobs (of ``group``, or of every group)."""
        with self._lock:
            return [r for j, r in self.requests.items() if any_group or self.groups.get(j) == group]

    def running_with_tag(self, tag: str) -> List[str]:
        """Request ids of the running jobs that carry ``tag``."""
        with self._lock:
            return [r for j, r in self.requests.items() if tag in self.tags.get(j, frozenset())]


class StatusTracker:
    """``sc.statusTracker()``: job ids by group and their status."""

    def __init__(self, registry: JobRegistry):
        self._jobs = registry

    def getJobIdsForGroup(self, jobGroup: Optional[str] = None) -> List[int]:
        """Ids of the jobs of ``jobGroup`` (None: the jobs run outside any group)."""
        return [j for j, g in self._jobs.groups.items() if g == jobGroup]

    def getActiveStageIds(self) -> List[int]:
        return []

    def getActiveJobsIds(self) -> List[int]:
        return [j for j, s in self._jobs.status.items() if s == "RUNNING"]

    def getJobInfo(self, jobId: int) -> Optional[SparkJobInfo]:
        s = self._jobs.status.get(jobId)
        return None if s is None else SparkJobInfo(jobId, [], s)

    def getStageInfo(self, stageId: int) -> Optional[SparkStageInfo]:
        return None
