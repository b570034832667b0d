"""Corrupt input files of every format the readers support: a clear error (or, for the
line formats, PERMISSIVE rows), never a hang, never an engine death."""
from __future__ import annotations

import glob
import gzip
import os
import random

import pytest

from faults_support import alive, start_engine_server

FORMATS = ["csv", "json", "text", "parquet", "xml"]


@pytest.fixture(scope="module")
def remote():
    from tspark.sql import SparkSession

    proc, addr = start_engine_server()
    spark = SparkSession.builder.remote(addr).create()
    yield proc, spark
    spark.stop()
    proc.terminate()
    proc.wait(timeout=15)


def _write(spark, fmt: str, path: str) -> str:
    df = spark.range(0, 2000).selectExpr("id", "concat('v', id) AS value")
    if fmt == "text":
        df = df.select("value")
    w = df.coalesce(1).write.mode("overwrite")
    if fmt == "xml":
        w = w.option("rowTag", "row")
    getattr(w, "format")(fmt).save(path)
    files = [f for f in glob.glob(os.path.join(path, "part-*")) if not f.endswith(".crc")]
    assert files, os.listdir(path)
    return files[0]


def _read(spark, fmt: str, path: str):
    r = spark.read.format(fmt)
    if fmt == "xml":
        r = r.option("rowTag", "row")
    if fmt in ("csv", "json", "xml"):
        r = r.schema("id LONG, value STRING")
    return r.load(path).collect()


CORRUPTIONS = {
    "truncated": lambda b, rng: b[: len(b) // 2],
    "flipped": lambda b, rng: bytes(x ^ (0xFF if rng.random() < 0.05 else 0) for x in b),
    "garbage": lambda b, rng: bytes(rng.getrandbits(8) for _ in range(len(b))),
    "empty": lambda b, rng: b"",
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_corrupt_files_give_a_clear_error_or_permissive_rows(remote, fmt: str, tmp_path) -> None:
    """corrupt files (truncated, bit-flipped, garbage, empty) in every reader format: a clear error or permissive rows"""
    from tspark.errors import PySparkException

    proc, spark = remote
    rng = random.Random(11)
    part = _write(spark, fmt, str(tmp_path / "good"))
    good = open(part, "rb").read()
    outcomes = {}
    for name, corrupt in CORRUPTIONS.items():
        d = tmp_path / name
        d.mkdir()
        ext = os.path.splitext(part)[1]
        with open(d / ("part-00000" + ext), "wb") as f:
            f.write(corrupt(good, rng))
        try:
            rows = _read(spark, fmt, str(d))
            outcomes[name] = "%d rows" % len(rows)
        except PySparkException as e:
            text = str(e)
            assert "INTERNAL_ERROR" not in text, (name, text[:500])
            outcomes[name] = text.split("\n")[0][:120]
        assert alive(proc), "the engine died reading a %s %s file" % (name, fmt)
    print(fmt, outcomes)
    assert spark.range(3).count() == 3


def test_corrupt_gzip_input_gives_a_clear_error(remote, tmp_path) -> None:
    """a truncated gzip-compressed CSV: a clear error, the engine serves on"""
    from tspark.errors import PySparkException

    proc, spark = remote
    data = gzip.compress(b"".join(b"%d,v%d\n" % (i, i) for i in range(100_000)))
    (tmp_path / "bad.csv.gz").write_bytes(data[: len(data) // 2])
    with pytest.raises(PySparkException):
        spark.read.schema("id LONG, value STRING").csv(str(tmp_path / "bad.csv.gz")).collect()
    assert alive(proc)
    assert spark.range(2).count() == 2
