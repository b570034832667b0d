"""DataFrame behaviour across the bridge that goldens do not cover well: big results, types, errors."""
from __future__ import annotations

import pytest


def test_collect_ten_million_rows_streams(spark) -> None:
    rows = spark.range(10_000_000).collect()
    assert len(rows) == 10_000_000
    assert rows[0].id == 0 and rows[-1].id == 9_999_999


def test_long_stays_exact_past_2_pow_53(spark) -> None:
    big = 2**63 - 1
    df = spark.createDataFrame([(big,), (-(2**63),), (2**53 + 1,)], ["v"])
    assert [r.v for r in df.collect()] == [big, -(2**63), 2**53 + 1]
    assert spark.range(2**53, 2**53 + 3).collect()[-1].id == 2**53 + 2


def test_lambda_error_carries_python_traceback_and_session_survives(spark) -> None:
    from tspark.errors import PythonException

    def explode(x):
        raise ValueError(f"bad value {x}")

    with pytest.raises(PythonException) as info:
        spark.sparkContext.parallelize([1, 2, 3]).map(explode).collect()
    text = str(info.value)
    assert "Traceback (most recent call last)" in text and "ValueError: bad value" in text and "explode" in text
    assert spark.sparkContext.parallelize([1, 2, 3]).map(lambda x: x * 2).collect() == [2, 4, 6]


def test_udf_error_is_python_exception(spark) -> None:
    from tspark.errors import PythonException
    from tspark.sql import functions as F

    boom = F.udf(lambda x: {}[x], "int")
    with pytest.raises(PythonException) as info:
        spark.range(3).select(boom("id")).collect()
    assert "KeyError" in str(info.value)
    assert spark.range(3).count() == 3


def test_bad_rows_raise_pyspark_errors_and_engine_stays_up(spark) -> None:
    from tspark.errors import PySparkTypeError, PySparkValueError

    with pytest.raises(PySparkValueError):
        spark.createDataFrame([(1, 2, 3)], "a INT, b INT")
    with pytest.raises(PySparkTypeError):
        spark.createDataFrame([("x",)], "a INT")
    assert spark.createDataFrame([(1, 2)], "a INT, b INT").count() == 1


def test_unknown_column_error_class(spark) -> None:
    from tspark.errors import AnalysisException

    with pytest.raises(AnalysisException) as info:
        spark.range(3).select("idd").collect()
    assert info.value.getErrorClass() == "UNRESOLVED_COLUMN.WITH_SUGGESTION"
    assert info.value.getSqlState() == "42703"


def test_to_pandas(spark) -> None:
    pd = pytest.importorskip("pandas")
    pdf = spark.createDataFrame([("a", 1, 1.5), ("b", None, None)], ["s", "i", "d"]).toPandas()
    assert isinstance(pdf, pd.DataFrame)
    assert list(pdf.columns) == ["s", "i", "d"]
    assert pdf["s"].tolist() == ["a", "b"]
    assert pdf["i"].iloc[0] == 1 and pd.isna(pdf["i"].iloc[1])


def test_text_file_word_count(spark, tmp_path) -> None:
    p = tmp_path / "words.txt"
    p.write_text("a b a\nc a\n\nb\n")
    counts = dict(
        spark.sparkContext.textFile(str(p), 2).flatMap(lambda l: l.split()).map(lambda w: (w, 1)).reduceByKey(lambda x, y: x + y).collect()
    )
    assert counts == {"a": 3, "b": 2, "c": 1}



def test_text_file_word_count_of_300k_lines(spark, tmp_path) -> None:
    # One file past ~100k lines failed with "Maximum call stack size exceeded" (lines spread
    # into one push in the reader).
    n = 300_000
    p = tmp_path / "big.txt"
    p.write_text("".join("w%d common\n" % (i % 1000) for i in range(n)))
    counts = dict(
        spark.sparkContext.textFile(str(p)).flatMap(lambda l: l.split()).map(lambda w: (w, 1)).reduceByKey(lambda x, y: x + y).collect()
    )
    assert len(counts) == 1001
    assert counts["common"] == n
    assert counts["w0"] == n // 1000 and counts["w999"] == n // 1000
    assert spark.sparkContext.textFile(str(p)).count() == n

def test_parallel_queries_on_one_session(spark) -> None:
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda n: spark.range(n).count(), [10, 100, 1000, 10000]))
    assert results == [10, 100, 1000, 10000]


def test_a_star_among_function_arguments_expands_in_a_projection(spark) -> None:
    """Issue 9: struct("*"), concat(*) in SQL, as Spark's ResolveReferences expands them; a star
    outside a projection list is still INVALID_USAGE_OF_STAR_OR_REGEX with its message."""
    from tspark.errors import AnalysisException
    from tspark.sql import functions as F
    df = spark.createDataFrame([(1, "a")], "x int, y string")
    s = df.select(F.struct("*"))
    assert s.columns == ["struct(x, y)"]
    assert s.collect()[0][0].asDict() == {"x": 1, "y": "a"}
    assert df.select(F.struct(F.col("*")).alias("s")).schema.simpleString() == "struct<s:struct<x:int,y:string>>"
    assert df.groupBy("x").agg(F.first(F.struct("*")).alias("f")).collect()[0].f.y == "a"
    df.createOrReplaceTempView("star_args")
    row = spark.sql("select concat(*) as c, struct(*) as s from star_args").collect()[0]
    assert (row.c, row.s.y) == ("1a", "a")
    with pytest.raises(AnalysisException, match=r"\[INVALID_USAGE_OF_STAR_OR_REGEX\] Invalid usage of '\*' in expression"):
        df.filter(F.coalesce(F.col("*")) > 0).collect()
