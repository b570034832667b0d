"""``pyspark.resource``: stage-level scheduling's resource requests and profiles.

tspark runs on one machine in local mode, where Spark refuses custom resource profiles
(``rdd.withResources`` raises its SparkException); the classes still build, compare and
report profiles as PySpark's do, so code that prepares them runs unchanged."""
from tspark.resource.information import ResourceInformation
from tspark.resource.profile import ResourceProfile, ResourceProfileBuilder
from tspark.resource.requests import (ExecutorResourceRequest, ExecutorResourceRequests, TaskResourceRequest,
                                      TaskResourceRequests)

__all__ = [
    "TaskResourceRequest",
    "TaskResourceRequests",
    "ExecutorResourceRequest",
    "ExecutorResourceRequests",
    "ResourceProfile",
    "ResourceInformation",
    "ResourceProfileBuilder",
]
