"""Rebuild a typed exception from the engine's `error` reply (bridge/PROTOCOL.md)."""
from typing import Any, Dict, Mapping

from tspark.errors import exceptions as exc

#: wire `exceptionName` -> Python class. Unknown names fall back by error class below.
EXCEPTION_CLASSES: Dict[str, type] = {
    name: getattr(exc, name)
    for name in dir(exc)
    if isinstance(getattr(exc, name), type) and issubclass(getattr(exc, name), exc.PySparkException)
}

_PYTHON_PREAMBLE = "\n  An exception was thrown from the Python worker. Please see the stack trace below.\n"


def from_wire(msg: Mapping[str, Any]) -> exc.PySparkException:
    """The exception to raise for one wire error map (never raises itself)."""
    name = str(msg.get("exceptionName") or "")
    error_class = msg.get("errorClass") or None
    cls = EXCEPTION_CLASSES.get(name)
    if cls is None:
        cls = exc.PythonException if error_class == "PYTHON_EXCEPTION" else exc.UnknownException
    params = {str(k): str(v) for k, v in (msg.get("messageParameters") or {}).items()}
    message = str(msg.get("message") or "")
    sql_state = msg.get("sqlState") or None
    tb = msg.get("pythonTraceback")
    if cls is exc.PythonException or tb:
        # PySpark prints the worker's traceback verbatim under this preamble.
        # As in PySpark, a worker's exception has no condition or SQLSTATE of its own.
        full = _PYTHON_PREAMBLE + (tb if tb else message)
        return cls(message=message, errorClass=None, messageParameters=None,
                   sqlState=None, _full_message=full)
    # Spark prints a legacy error (_LEGACY_ERROR_TEMP_*) as its bare message, without the class.
    if error_class and not error_class.startswith("_LEGACY_ERROR_") and not message.lstrip().startswith("[%s]" % error_class):
        message = "[%s] %s" % (error_class, message)
    return cls(message=message, errorClass=error_class, messageParameters=params,
               sqlState=sql_state, _full_message=message)
