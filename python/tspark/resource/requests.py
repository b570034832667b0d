"""Executor and task resource requests, as Spark's JVM classes keep them: executor memory
amounts in MiB (``"2g"`` is 2048), task amounts as floats."""
import re
from typing import Dict, Optional

__all__ = ["ExecutorResourceRequest", "ExecutorResourceRequests", "TaskResourceRequest", "TaskResourceRequests"]

_MIB = {"b": 1.0 / (1 << 20), "k": 1.0 / 1024, "kb": 1.0 / 1024, "m": 1, "mb": 1, "g": 1024, "gb": 1024,
        "t": 1 << 20, "tb": 1 << 20, "p": 1 << 30, "pb": 1 << 30}


def _mebibytes(amount: str) -> int:
    """JavaUtils.byteStringAsMb: a size with an optional unit (a bare number is MiB), truncated to whole MiB."""
    m = re.fullmatch(r"\s*([0-9]+)\s*([a-z]*)\s*", str(amount).lower())
    if m is None or (m.group(2) and m.group(2) not in _MIB):
        from tspark.errors import NumberFormatException
        raise NumberFormatException(
            "Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), tebibytes (t), "
            "or pebibytes(p). E.g. 50b, 100k, or 250m.\nFailed to parse byte string: %s" % amount)
    return int(int(m.group(1)) * _MIB[m.group(2) or "m"])


class ExecutorResourceRequest:
    """One executor resource: an amount (MiB for the memories), and for custom resources the
    script that discovers them and their vendor."""

    def __init__(self, resourceName: str, amount: int, discoveryScript: str = "", vendor: str = ""):
        self._name = resourceName
        self._amount = amount
        self._discovery_script = discoveryScript
        self._vendor = vendor

    @property
    def resourceName(self) -> str:
        return self._name

    @property
    def amount(self) -> int:
        return self._amount

    @property
    def discoveryScript(self) -> str:
        return self._discovery_script

    @property
    def vendor(self) -> str:
        return self._vendor


class ExecutorResourceRequests:
    """A builder of executor resource requests, keyed by Spark's names (``cores``, ``memory``,
    ``memoryOverhead``, ``pyspark.memory``, ``offHeap`` and custom resource names)."""

    _CORES = "cores"
    _MEMORY = "memory"
    _OVERHEAD_MEM = "memoryOverhead"
    _PYSPARK_MEM = "pyspark.memory"
    _OFFHEAP_MEM = "offHeap"

    def __init__(self, _jvm: object = None, _requests: Optional[Dict[str, ExecutorResourceRequest]] = None):
        self._executor_resources: Dict[str, ExecutorResourceRequest] = dict(_requests or {})

    def _put(self, name: str, amount: int, discoveryScript: str = "", vendor: str = "") -> "ExecutorResourceRequests":
        self._executor_resources[name] = ExecutorResourceRequest(name, amount, discoveryScript, vendor)
        return self

    def memory(self, amount: str) -> "ExecutorResourceRequests":
        return self._put(self._MEMORY, _mebibytes(amount))

    def memoryOverhead(self, amount: str) -> "ExecutorResourceRequests":
        return self._put(self._OVERHEAD_MEM, _mebibytes(amount))

    def pysparkMemory(self, amount: str) -> "ExecutorResourceRequests":
        return self._put(self._PYSPARK_MEM, _mebibytes(amount))

    def offheapMemory(self, amount: str) -> "ExecutorResourceRequests":
        return self._put(self._OFFHEAP_MEM, _mebibytes(amount))

    def cores(self, amount: int) -> "ExecutorResourceRequests":
        return self._put(self._CORES, int(amount))

    def resource(self, resourceName: str, amount: int, discoveryScript: str = "", vendor: str = "") -> "ExecutorResourceRequests":
        return self._put(resourceName, int(amount), discoveryScript, vendor)

    @property
    def requests(self) -> Dict[str, ExecutorResourceRequest]:
        return dict(self._executor_resources)


class TaskResourceRequest:
    """One task resource: whole units, or a fraction of one that several tasks share."""

    def __init__(self, resourceName: str, amount: float):
        self._name = resourceName
        self._amount = float(amount)

    @property
    def resourceName(self) -> str:
        return self._name

    @property
    def amount(self) -> float:
        return self._amount


class TaskResourceRequests:
    """A builder of task resource requests (``cpus`` and custom resource names)."""

    _CPUS = "cpus"

    def __init__(self, _jvm: object = None, _requests: Optional[Dict[str, TaskResourceRequest]] = None):
        self._task_resources: Dict[str, TaskResourceRequest] = dict(_requests or {})

    def cpus(self, amount: int) -> "TaskResourceRequests":
        self._task_resources[self._CPUS] = TaskResourceRequest(self._CPUS, int(amount))
        return self

    def resource(self, resourceName: str, amount: float) -> "TaskResourceRequests":
        self._task_resources[resourceName] = TaskResourceRequest(resourceName, float(amount))
        return self

    @property
    def requests(self) -> Dict[str, TaskResourceRequest]:
        return dict(self._task_resources)
