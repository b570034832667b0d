"""df.transform as PySpark 4.0.1 gives it (recorded by hand on PySpark: the chained frame's
columns, and its AssertionError text when the function returns no DataFrame)."""
import pytest


def test_transform_chains_functions_with_arguments(spark):
    df = spark.createDataFrame([("a", 1)], ["s", "i"])
    assert df.transform(lambda d: d.select("s")).columns == ["s"]
    assert df.transform(lambda d, c: d.select(c), "i").columns == ["i"]
    assert df.transform(lambda d, c=None: d.select(c), c="s").columns == ["s"]


def test_transform_rejects_a_function_that_returns_no_dataframe(spark):
    df = spark.createDataFrame([("a", 1)], ["s", "i"])
    with pytest.raises(AssertionError, match=r"^Func returned an instance of type \[<class 'int'>\], should have been DataFrame\.$"):
        df.transform(lambda d: 5)
