"""Functions and Column methods end to end where a golden cannot show it (a golden prints only
an error's first line): the whole of Spark's multi-line messages."""
import pytest

from tspark.errors import AnalysisException
from tspark.sql import functions as F


def test_multi_alias_names_a_generators_columns_and_counts_them(spark):
    df = spark.createDataFrame([({"a": 1},)], "m map<string,int>")
    assert df.select(F.explode("m").alias("k", "v")).collect()[0].asDict() == {"k": "a", "v": 1}
    with pytest.raises(AnalysisException) as e:
        df.select(F.explode("m").alias("k", "v", "w")).columns
    assert str(e.value).startswith(
        "[UDTF_ALIAS_NUMBER_MISMATCH] The number of aliases supplied in the AS clause does not match the number of "
        "columns output by the UDTF.\nExpected 2 aliases, but got k,v,w.\nPlease ensure that the number of aliases "
        "provided matches the number of columns output by the UDTF. SQLSTATE: 42802")
