"""ResourceProfile and its builder. A built profile takes the next id (the default profile is
0, as in Spark); a profile without executor resources is Spark's TaskResourceProfile."""
import itertools
import threading
from typing import Dict, Optional, Union

from tspark.resource.requests import (ExecutorResourceRequest, ExecutorResourceRequests, TaskResourceRequest,
                                      TaskResourceRequests)

__all__ = ["ResourceProfile", "ResourceProfileBuilder"]

#: Ids of the profiles this process builds (Spark's ResourceProfile.getNextProfileId, 0 being the default profile).
_next_id = itertools.count(1)
_id_lock = threading.Lock()


class ResourceProfile:
    """The executor and task resources a stage asks for (``ResourceProfileBuilder().build``)."""

    def __init__(self, _java_resource_profile: object = None,
                 _exec_req: Optional[Dict[str, ExecutorResourceRequest]] = None,
                 _task_req: Optional[Dict[str, TaskResourceRequest]] = None):
        self._executor_resource_requests = dict(_exec_req or {})
        self._task_resource_requests = dict(_task_req or {})
        with _id_lock:
            self._id = next(_next_id)

    @property
    def id(self) -> int:
        return self._id

    @property
    def taskResources(self) -> Dict[str, TaskResourceRequest]:
        return dict(self._task_resource_requests)

    @property
    def executorResources(self) -> Dict[str, ExecutorResourceRequest]:
        return dict(self._executor_resource_requests)

    def _unsupported_error(self, dynamic_allocation: bool) -> Exception:
        """What Spark's ResourceProfileManager raises for this profile when the master is local
        (the only master tspark has): the JVM's SparkException, as PySpark's Py4JJavaError."""
        from tspark.py4j.protocol import JavaExceptionStandIn, Py4JJavaError
        if not self._executor_resource_requests and not dynamic_allocation:
            msg = ("TaskResourceProfiles are only supported for Standalone, Yarn and Kubernetes cluster for now "
                   "when dynamic allocation is disabled.")
        else:
            msg = "ResourceProfiles are only supported on YARN and Kubernetes and Standalone with dynamic allocation enabled."
        return Py4JJavaError("An error occurred while calling o0.withResources.\n",
                             JavaExceptionStandIn("org.apache.spark.SparkException: " + msg))


class ResourceProfileBuilder:
    """Collects executor and task requests; ``build`` (a property, as in PySpark) makes the profile."""

    def __init__(self) -> None:
        self._executor_resource_requests: Dict[str, ExecutorResourceRequest] = {}
        self._task_resource_requests: Dict[str, TaskResourceRequest] = {}

    def require(self, resourceRequest: Union[ExecutorResourceRequests, TaskResourceRequests]) -> "ResourceProfileBuilder":
        if isinstance(resourceRequest, TaskResourceRequests):
            self._task_resource_requests.update(resourceRequest.requests)
        else:
            self._executor_resource_requests.update(resourceRequest.requests)
        return self

    def clearExecutorResourceRequests(self) -> None:
        self._executor_resource_requests = {}

    def clearTaskResourceRequests(self) -> None:
        self._task_resource_requests = {}

    @property
    def taskResources(self) -> Dict[str, TaskResourceRequest]:
        return dict(self._task_resource_requests)

    @property
    def executorResources(self) -> Dict[str, ExecutorResourceRequest]:
        return dict(self._executor_resource_requests)

    @property
    def build(self) -> ResourceProfile:
        return ResourceProfile(_exec_req=self._executor_resource_requests, _task_req=self._task_resource_requests)
