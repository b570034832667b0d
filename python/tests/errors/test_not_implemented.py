"""APIs PySpark has and tspark does not yet raise NOT_IMPLEMENTED at once, before any engine call."""
import pytest

from tspark.errors import PySparkNotImplementedError
from tspark.sql import functions as F


def test_feature_error_names_what_is_missing():
    e = PySparkNotImplementedError.feature("spark.sql()")
    assert isinstance(e, NotImplementedError)
    assert e.getErrorClass() == "NOT_IMPLEMENTED"
    assert e.getMessageParameters() == {"feature": "spark.sql()"}
    assert str(e) == "[NOT_IMPLEMENTED] spark.sql() is not supported by tspark yet."


def test_alias_without_a_name_is_not_implemented():
    # alias with several names is Spark's MultiAlias now (test_column_methods.py); with none it is not.
    with pytest.raises(PySparkNotImplementedError, match="alias"):
        F.col("a").alias()
