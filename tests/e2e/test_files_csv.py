"""CSV through the Python client beyond the PySpark goldens (tests/golden/cases/files_csv.py):
FAILFAST errors, large files read in splits, and what pyarrow, DuckDB and pandas make of the
files tspark writes (and tspark of theirs)."""
from __future__ import annotations

import datetime
import decimal
import os
import pathlib

import pytest

from tspark.errors import PySparkException
from tspark.sql import functions as F


def test_failfast_names_the_file_and_the_bad_record(spark, tmp_path: pathlib.Path):
    p = tmp_path / "ragged.csv"
    p.write_text("a,b,c\n1,2,3\n4,5\n")
    df = spark.read.csv(str(p), header=True, schema="a int, b int, c int", mode="FAILFAST")
    with pytest.raises(PySparkException) as e:
        df.collect()
    msg = str(e.value)
    assert "[FAILED_READ_FILE.NO_HINT] Encountered error while reading file file://%s." % p in msg
    assert "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: [4,5,null]." in msg


def test_a_large_csv_in_many_splits_reads_every_record_once(spark, tmp_path: pathlib.Path):
    n = 30_000
    p = tmp_path / "big.csv"
    with open(p, "w") as f:
        f.write("id,name,score\n")
        for i in range(n):
            f.write('%d,"name, %d",%d.5\n' % (i, i, i % 100))
    spark.conf.set("spark.sql.files.maxPartitionBytes", "32k")
    try:
        df = spark.read.csv(str(p), header=True, inferSchema=True)
        assert df.dtypes == [("id", "int"), ("name", "string"), ("score", "double")]
        got = df.agg(F.count("*"), F.sum("id"), F.countDistinct("name"), F.sum("score")).collect()[0]
        assert tuple(got) == (n, n * (n - 1) // 2, n, sum(i % 100 + 0.5 for i in range(n)))
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")


def _rows():
    return [
        (1, "plain", 1.5, True, datetime.date(2024, 1, 2), decimal.Decimal("12.50")),
        (2, 'has "quote", and comma', -2.25, False, datetime.date(1999, 12, 31), decimal.Decimal("-0.01")),
        (3, None, None, None, None, None),
    ]


def test_pyarrow_duckdb_and_pandas_read_what_tspark_writes(spark, tmp_path: pathlib.Path):
    pa_csv = pytest.importorskip("pyarrow.csv")
    duckdb = pytest.importorskip("duckdb")
    pd = pytest.importorskip("pandas")
    out = tmp_path / "out"
    df = spark.createDataFrame(_rows(), "id int, s string, x double, b boolean, d date, m decimal(6,2)")
    df.coalesce(1).write.csv(str(out), header=True)
    part = [f for f in os.listdir(out) if f.startswith("part-")][0]
    path = str(out / part)
    t = pa_csv.read_csv(path, parse_options=pa_csv.ParseOptions(escape_char="\\", double_quote=False),
                        convert_options=pa_csv.ConvertOptions(strings_can_be_null=True)).to_pylist()
    assert [r["s"] for r in t] == ["plain", 'has "quote", and comma', None]
    assert [r["id"] for r in t] == [1, 2, 3]
    rows = duckdb.sql("select id, s, x, b, d from read_csv('%s', header=true, escape='\\', quote='\"') order by id" % path).fetchall()
    assert rows[0] == (1, "plain", 1.5, True, datetime.date(2024, 1, 2))
    assert rows[1][1] == 'has "quote", and comma' and rows[2][1:] == (None, None, None, None)
    p = pd.read_csv(path, escapechar="\\")
    assert list(p["s"].fillna("<na>")) == ["plain", 'has "quote", and comma', "<na>"]


def test_tspark_reads_what_pyarrow_duckdb_and_pandas_write(spark, tmp_path: pathlib.Path):
    pa = pytest.importorskip("pyarrow")
    pa_csv = pytest.importorskip("pyarrow.csv")
    duckdb = pytest.importorskip("duckdb")
    pd = pytest.importorskip("pandas")
    table = pa.table({"id": [1, 2, 3], "s": ["a", "b, c", 'q"q'], "x": [0.5, None, 2.0]})
    pa_csv.write_csv(table, str(tmp_path / "arrow.csv"))
    duckdb.sql("copy (select * from (values (1, 'a', 0.5), (2, 'b, c', null), (3, 'q\"q', 2.0)) t(id, s, x)) to '%s' (header, delimiter ',')" % (tmp_path / "duck.csv"))
    pd.DataFrame({"id": [1, 2, 3], "s": ["a", "b, c", 'q"q'], "x": [0.5, None, 2.0]}).to_csv(tmp_path / "pandas.csv", index=False)
    for name in ["arrow.csv", "duck.csv", "pandas.csv"]:
        # these tools double quotes inside quoted values (RFC 4180): Spark reads that with escape='"'
        df = spark.read.csv(str(tmp_path / name), header=True, inferSchema=True, escape='"')
        assert df.dtypes == [("id", "int"), ("s", "string"), ("x", "double")], name
        assert [tuple(r) for r in df.orderBy("id").collect()] == [(1, "a", 0.5), (2, "b, c", None), (3, 'q"q', 2.0)], name
