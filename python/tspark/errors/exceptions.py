"""Exception classes with PySpark's names, so `except AnalysisException` works unchanged.

Errors raised in the client (schema verification, bad arguments) carry an error class
and message parameters like PySpark's Python-side errors (no SQLSTATE). Errors sent by
the engine are rebuilt by `_from_wire.from_wire` and keep the engine's SQLSTATE and
full message text.
"""
from typing import Any, Dict, Optional

from tspark.errors.error_conditions import ERROR_CONDITIONS


def _format(error_class: Optional[str], params: Optional[Dict[str, str]]) -> str:
    template = ERROR_CONDITIONS.get(error_class or "", "<message>")
    for k, v in (params or {}).items():
        template = template.replace("<%s>" % k, str(v))
    return template


class PySparkException(Exception):
    """Base of every tspark error, like pyspark.errors.PySparkException."""

    def __init__(
        self,
        message: Optional[str] = None,
        errorClass: Optional[str] = None,
        messageParameters: Optional[Dict[str, str]] = None,
        sqlState: Optional[str] = None,
        _full_message: Optional[str] = None,
    ):
        self._message = message if message is not None else _format(errorClass, messageParameters)
        self._errorClass = errorClass
        self._messageParameters = messageParameters
        self._sqlState = sqlState
        # Engine errors arrive already formatted ("[CLASS] ... SQLSTATE: x"); keep them verbatim.
        self._full_message = _full_message
        super().__init__(str(self))

    def getCondition(self) -> Optional[str]:
        """The error condition (error class), e.g. ``UNRESOLVED_COLUMN.WITH_SUGGESTION``."""
        return self._errorClass

    def getErrorClass(self) -> Optional[str]:
        """Deprecated alias of getCondition, as in PySpark."""
        return self._errorClass

    def getMessageParameters(self) -> Optional[Dict[str, str]]:
        """The parameters filled into the error's message template."""
        return self._messageParameters

    def getSqlState(self) -> Optional[str]:
        """SQLSTATE of engine errors; None for errors raised in Python, as in PySpark."""
        return self._sqlState

    def getMessage(self) -> str:
        """``[CLASS] message`` as PySpark formats it."""
        if self._full_message is not None:
            return self._full_message
        return "[%s] %s" % (self._errorClass, self._message)

    def getQueryContext(self) -> list:
        """Query contexts are not reported by the tspark engine yet."""
        return []

    def __str__(self) -> str:
        if self._full_message is not None:
            return self._full_message
        if self._errorClass is not None:
            return self.getMessage()
        return self._message


class AnalysisException(PySparkException):
    """Failed to analyze a query plan (unknown column, type mismatch, ...)."""


class SessionNotSameException(PySparkException):
    """A DataFrame from one session was used with another."""


class TempTableAlreadyExistsException(AnalysisException):
    """A temporary view already exists."""


class ParseException(AnalysisException):
    """SQL text could not be parsed."""


class IllegalArgumentException(PySparkException):
    """An argument passed to the engine was illegal."""


class ArithmeticException(PySparkException):
    """Arithmetic error such as overflow or division by zero (ANSI mode)."""


class UnsupportedOperationException(PySparkException):
    """The operation is not supported."""


class ArrayIndexOutOfBoundsException(PySparkException):
    """Array index out of bounds."""


class DateTimeException(PySparkException):
    """Invalid date/time value or operation."""


class NumberFormatException(IllegalArgumentException):
    """A string could not be converted to a number."""


class StreamingQueryException(PySparkException):
    """A streaming query failed."""


class QueryExecutionException(PySparkException):
    """A query failed while executing."""


class PythonException(PySparkException):
    """User Python code (a lambda or UDF) raised; the message carries its traceback."""


class SparkRuntimeException(PySparkException):
    """A runtime error in the engine."""


class SparkException(PySparkException):
    """An error the engine raised as Spark's org.apache.spark.SparkException (FAILED_READ_FILE,
    MALFORMED_RECORD_IN_PARSING ...), as Spark Connect's pyspark.errors.exceptions.connect.SparkException."""


class SparkUpgradeException(PySparkException):
    """Behaviour changed with an upgrade."""


class SparkNoSuchElementException(PySparkException):
    """A requested element does not exist."""


class UnknownException(PySparkException):
    """An engine error with no more specific class."""


class PySparkValueError(PySparkException, ValueError):
    """A bad value, raised in Python."""


class PySparkTypeError(PySparkException, TypeError):
    """A bad type, raised in Python."""


class PySparkIndexError(PySparkException, IndexError):
    """A bad index, raised in Python."""


class PySparkAttributeError(PySparkException, AttributeError):
    """A missing attribute, raised in Python."""


class PySparkRuntimeError(PySparkException, RuntimeError):
    """A runtime failure on the client side (engine unreachable, engine failed to start)."""


class PySparkAssertionError(PySparkException, AssertionError):
    """An assertion in the testing utilities failed; ``data`` holds the differing row pairs when asked for."""

    def __init__(self, message: Optional[str] = None, errorClass: Optional[str] = None,
                 messageParameters: Optional[Dict[str, str]] = None, data: Optional[Any] = None):
        super().__init__(message=message, errorClass=errorClass, messageParameters=messageParameters)
        self.data = data


class PySparkNotImplementedError(PySparkException, NotImplementedError):
    """The API exists in PySpark but tspark does not implement it yet."""

    @classmethod
    def feature(cls, what: str) -> "PySparkNotImplementedError":
        """NOT_IMPLEMENTED for `what` (e.g. "spark.sql()"), with tspark's wording."""
        return cls(errorClass="NOT_IMPLEMENTED", messageParameters={"feature": what},
                   message="%s is not supported by tspark yet." % what)


class PySparkKeyError(PySparkException, KeyError):
    """A missing key, raised in Python."""


class PySparkImportError(PySparkException, ImportError):
    """An optional dependency is missing."""


class PySparkPicklingError(PySparkException, __import__("pickle").PicklingError):
    """A function or class could not be pickled for the engine (UDTF_SERIALIZATION_ERROR)."""


class SparkConnectException(PySparkException):
    """Base of bridge-level failures (PySpark's Spark Connect name)."""


class SparkConnectGrpcException(SparkConnectException):
    """The engine rejected a request at the protocol level (bad plan, auth)."""
