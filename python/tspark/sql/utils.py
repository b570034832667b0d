"""``pyspark.sql.utils``: older scripts import the exception classes from here."""
from tspark.errors.exceptions import (AnalysisException, IllegalArgumentException, ParseException,  # noqa: F401
                                      PythonException, StreamingQueryException, UnknownException)
