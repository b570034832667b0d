"""JSON through the Python client beyond the PySpark goldens (tests/golden/cases/files_json.py):
FAILFAST, JSON lines read in many splits, and what pyarrow, DuckDB and pandas make of the files
tspark writes (and tspark of theirs)."""
from __future__ import annotations

import json
import os
import pathlib

import pytest

from tspark.errors import PySparkException
from tspark.sql import functions as F


def test_failfast_names_the_file(spark, tmp_path: pathlib.Path):
    p = tmp_path / "bad.json"
    p.write_text('{"a": 1}\nnot json\n')
    with pytest.raises(PySparkException) as e:
        spark.read.json(str(p), schema="a int", mode="FAILFAST").collect()
    assert "FAILED_READ_FILE.NO_HINT" in str(e.value) and "MALFORMED_RECORD_IN_PARSING" in str(e.value)


def test_json_lines_in_many_splits_read_every_record_once(spark, tmp_path: pathlib.Path):
    n = 20_000
    p = tmp_path / "big.json"
    with open(p, "w") as f:
        for i in range(n):
            f.write(json.dumps({"id": i, "s": "v%d" % i, "nested": {"k": i % 7}}) + "\n")
    spark.conf.set("spark.sql.files.maxPartitionBytes", "64k")
    try:
        df = spark.read.json(str(p))
        assert df.dtypes == [("id", "bigint"), ("nested", "struct<k:bigint>"), ("s", "string")]
        got = df.agg(F.count("*"), F.sum("id"), F.countDistinct("s"), F.sum("nested.k")).collect()[0]
        assert tuple(got) == (n, n * (n - 1) // 2, n, sum(i % 7 for i in range(n)))
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")


def test_other_tools_read_tspark_json_and_the_reverse(spark, tmp_path: pathlib.Path):
    pa_json = pytest.importorskip("pyarrow.json")
    duckdb = pytest.importorskip("duckdb")
    pd = pytest.importorskip("pandas")
    out = tmp_path / "out"
    df = spark.createDataFrame([(1, "a", [1, 2], 0.5), (2, 'q"x', [], None)], "id bigint, s string, arr array<int>, x double")
    df.coalesce(1).write.json(str(out))
    path = str(out / [f for f in os.listdir(out) if f.startswith("part-")][0])
    assert pa_json.read_json(path).to_pylist()[0] == {"id": 1, "s": "a", "arr": [1, 2], "x": 0.5}
    assert duckdb.sql("select id, s, x from read_json_auto('%s') order by id" % path).fetchall() == [(1, "a", 0.5), (2, 'q"x', None)]
    assert list(pd.read_json(path, lines=True)["s"]) == ["a", 'q"x']
    duckdb.sql("copy (select * from (values (1, 'a', 0.5), (2, 'b', null)) t(id, s, x)) to '%s' (format json)" % (tmp_path / "duck.json"))
    pd.DataFrame({"id": [1, 2], "s": ["a", "b"], "x": [0.5, None]}).to_json(tmp_path / "pandas.json", orient="records", lines=True)
    for name in ["duck.json", "pandas.json"]:
        back = spark.read.json(str(tmp_path / name))
        assert [tuple(r) for r in back.select("id", "s", "x").orderBy("id").collect()] == [(1, "a", 0.5), (2, "b", None)], name
