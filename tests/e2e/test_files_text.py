"""Files through the Python client, beyond what the PySpark goldens (tests/golden/cases/files_*.py)
show: large files read in splits by several tasks, exactly once each line; writes that fail
leave nothing visible and the earlier data intact; bad bytes and broken compressed files."""
from __future__ import annotations

import gzip
import os
import pathlib

import pytest

from tspark.errors import AnalysisException
from tspark.sql import functions as F


def _lines(n: int) -> list[str]:
    return ["line %06d %s" % (i, "x" * (i % 17)) for i in range(n)]


def test_a_file_read_in_many_splits_gives_every_line_once(spark, tmp_path: pathlib.Path):
    lines = _lines(20_000)
    p = tmp_path / "big.txt"
    p.write_text("\r\n".join(lines) + "\r\n")
    spark.conf.set("spark.sql.files.maxPartitionBytes", "16k")
    try:
        df = spark.read.text(str(p))
        got = [r.value for r in df.collect()]
        assert got == lines
        assert df.count() == len(lines)
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")


def test_a_failing_write_leaves_the_earlier_data_and_no_staging(spark, tmp_path: pathlib.Path):
    out = tmp_path / "out"
    spark.createDataFrame([("old",)], "value string").write.text(str(out))

    def boom(v):
        if v == "b":
            raise ValueError("no b")
        return v

    bad = spark.createDataFrame([("a",), ("b",)], "value string").select(F.udf(boom)("value").alias("value"))
    with pytest.raises(Exception, match="no b"):
        bad.write.mode("overwrite").text(str(out))
    assert [r.value for r in spark.read.text(str(out)).collect()] == ["old"]
    assert sorted(os.listdir(tmp_path)) == ["out"]


def test_overwrite_replaces_and_append_adds(spark, tmp_path: pathlib.Path):
    out = str(tmp_path / "out")
    df = spark.createDataFrame([("a",), ("b",)], "value string")
    df.write.text(out)
    df.write.mode("append").text(out)
    assert sorted(r.value for r in spark.read.text(out).collect()) == ["a", "a", "b", "b"]
    df.filter("value = 'b'").write.mode("overwrite").text(out)
    assert [r.value for r in spark.read.text(out).collect()] == ["b"]
    assert "_SUCCESS" in os.listdir(out)


def test_dynamic_partition_overwrite_replaces_only_written_partitions(spark, tmp_path: pathlib.Path):
    out = str(tmp_path / "byk")
    spark.createDataFrame([("a", 1), ("b", 2)], "value string, k int").write.partitionBy("k").text(out)
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    try:
        spark.createDataFrame([("c", 2)], "value string, k int").write.mode("overwrite").partitionBy("k").text(out)
    finally:
        spark.conf.unset("spark.sql.sources.partitionOverwriteMode")
    assert sorted((r.value, r.k) for r in spark.read.text(out).collect()) == [("a", 1), ("c", 2)]
    spark.createDataFrame([("d", 3)], "value string, k int").write.mode("overwrite").partitionBy("k").text(out)
    assert sorted((r.value, r.k) for r in spark.read.text(out).collect()) == [("d", 3)]


def test_text_keeps_bad_utf8_bytes_and_reads_gzip(spark, tmp_path: pathlib.Path):
    (tmp_path / "bad.txt").write_bytes(b"ok\n\xff\xfe\n")
    got = [r.value for r in spark.read.text(str(tmp_path / "bad.txt")).collect()]
    assert got[0] == "ok" and len(got) == 2
    (tmp_path / "z.txt.gz").write_bytes(gzip.compress(b"g1\ng2\n"))
    assert [r.value for r in spark.read.text(str(tmp_path / "z.txt.gz")).collect()] == ["g1", "g2"]


def test_a_truncated_gzip_is_an_error_naming_the_file(spark, tmp_path: pathlib.Path):
    data = gzip.compress(os.urandom(50_000))
    p = tmp_path / "cut.txt.gz"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(Exception, match="FAILED_READ_FILE.*cut.txt.gz"):
        spark.read.text(str(p)).collect()


def test_missing_path_and_existing_output(spark, tmp_path: pathlib.Path):
    with pytest.raises(AnalysisException, match="PATH_NOT_FOUND"):
        spark.read.text(str(tmp_path / "nope"))
    spark.createDataFrame([("a",)], "value string").write.text(str(tmp_path / "o"))
    with pytest.raises(AnalysisException, match="PATH_ALREADY_EXISTS"):
        spark.createDataFrame([("a",)], "value string").write.text(str(tmp_path / "o"))


def test_modified_before_and_after_filter_files(spark, tmp_path: pathlib.Path):
    (tmp_path / "old.txt").write_text("old\n")
    (tmp_path / "new.txt").write_text("new\n")
    os.utime(tmp_path / "old.txt", (1_000_000_000, 1_000_000_000))  # 2001-09-09
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    before = spark.read.text(str(tmp_path), modifiedBefore="2010-01-01T00:00:00")
    after = spark.read.text(str(tmp_path), modifiedAfter="2010-01-01T00:00:00")
    assert [r.value for r in before.collect()] == ["old"]
    assert [r.value for r in after.collect()] == ["new"]
