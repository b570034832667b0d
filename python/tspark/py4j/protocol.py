"""``py4j.protocol``'s exceptions as classic PySpark scripts catch them.

A failed RDD action raises Py4JJavaError, as PySpark 4.0.1's does (its message starts "An
error occurred while calling z:org.apache.spark.api.python.PythonRDD.collectAndServe."); it
is also a PythonException, so code written for Spark Connect's errors catches it too.
``java_exception`` stands for the JVM's SparkException: its text carries the worker's
Python traceback (there is no Java stack trace to show)."""
from typing import Any

from tspark.errors.exceptions import PythonException

__all__ = ["Py4JError", "Py4JJavaError", "Py4JNetworkError"]

_CALL = "An error occurred while calling z:org.apache.spark.api.python.PythonRDD.collectAndServe.\n"


class Py4JError(Exception):
    """Base of py4j's errors."""


class Py4JNetworkError(Py4JError):
    """py4j could not reach the JVM (never raised by tspark, which has none)."""


class JavaExceptionStandIn:
    """What ``Py4JJavaError.java_exception`` is: the job's SparkException, as text."""

    def __init__(self, text: str):
        self._text = text

    def toString(self) -> str:
        return self._text

    def getMessage(self) -> str:
        return self._text.split(": ", 1)[1] if ": " in self._text else self._text

    def __str__(self) -> str:
        return self._text


class Py4JJavaError(Py4JError, PythonException):
    """An RDD action whose Python code failed: ``errmsg``, ``java_exception``, and the
    PythonException's message (the worker's traceback)."""

    # Tracebacks name it as PySpark's do (py4j.protocol.Py4JJavaError: An error occurred …).
    __module__ = "py4j.protocol"

    def __init__(self, msg: str = _CALL, java_exception: Any = None):
        self.errmsg = msg
        self.java_exception = java_exception
        self.exception_cmd = None
        PythonException.__init__(self, message=str(java_exception))

    def __str__(self) -> str:
        return "%s: %s" % (self.errmsg, self.java_exception)


def from_python_exception(traceback: str) -> Py4JJavaError:
    """The Py4JJavaError an RDD action raises for a worker's exception with ``traceback``."""
    java = JavaExceptionStandIn("org.apache.spark.SparkException: Job aborted due to stage failure: "
                                "org.apache.spark.api.python.PythonException: " + traceback)
    return Py4JJavaError(_CALL, java)
