"""Engine errors become PySpark exception classes with their class, SQLSTATE and text."""
from tspark.errors import AnalysisException, ParseException, PythonException, UnknownException
from tspark.errors._from_wire import from_wire


def test_analysis_exception():
    e = from_wire({"kind": "error", "id": "r1", "exceptionName": "AnalysisException",
                   "errorClass": "UNRESOLVED_COLUMN.WITH_SUGGESTION", "sqlState": "42703",
                   "message": "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column ... SQLSTATE: 42703",
                   "messageParameters": {"objectName": "`x`", "proposal": "`id`"}})
    assert isinstance(e, AnalysisException)
    assert e.getErrorClass() == "UNRESOLVED_COLUMN.WITH_SUGGESTION" and e.getCondition() == e.getErrorClass()
    assert e.getSqlState() == "42703" and e.getMessageParameters() == {"objectName": "`x`", "proposal": "`id`"}
    assert str(e) == "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column ... SQLSTATE: 42703"


def test_parse_exception_is_analysis_exception():
    e = from_wire({"exceptionName": "ParseException", "errorClass": "PARSE_SYNTAX_ERROR",
                   "sqlState": "42601", "message": "[PARSE_SYNTAX_ERROR] x", "messageParameters": {}})
    assert isinstance(e, ParseException) and isinstance(e, AnalysisException)


def test_python_exception_shows_traceback_like_pyspark():
    tb = 'Traceback (most recent call last):\n  File "x.py", line 1, in f\nZeroDivisionError: division by zero\n'
    e = from_wire({"exceptionName": "PythonException", "errorClass": "PYTHON_EXCEPTION", "sqlState": "38000",
                   "message": "ZeroDivisionError: division by zero", "messageParameters": {},
                   "pythonTraceback": tb})
    assert isinstance(e, PythonException) and e.getCondition() is None and e.getSqlState() is None
    assert str(e) == "\n  An exception was thrown from the Python worker. Please see the stack trace below.\n" + tb


def test_unknown_names_fall_back():
    e = from_wire({"exceptionName": "Weird", "errorClass": "X", "message": "boom"})
    assert isinstance(e, UnknownException) and "boom" in str(e)
