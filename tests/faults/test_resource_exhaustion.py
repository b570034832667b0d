"""Resources running out: a query far larger than the memory budget, a full disk on write."""
from __future__ import annotations

import os
import subprocess

import pytest

from faults_support import alive, start_engine_server


@pytest.fixture()
def remote():
    from tspark.sql import SparkSession

    proc, addr = start_engine_server()
    spark = SparkSession.builder.remote(addr).create()
    yield proc, spark
    spark.stop()
    proc.terminate()
    proc.wait(timeout=15)


def test_query_over_the_memory_budget_spills_or_fails_cleanly(remote) -> None:
    """a sort and an aggregate 20x over the memory budget: they spill (or fail cleanly) and the engine serves on"""
    from tspark.errors import PySparkException

    proc, spark = remote
    spark.conf.set("spark.executor.memory", "16m")
    df = spark.range(0, 400_000, 1, 4).selectExpr("id", "repeat(cast(id AS STRING), 20) AS pad")
    try:
        top = df.orderBy(df.pad.desc()).limit(1).collect()
        assert len(top) == 1
        groups = df.groupBy((df.id % 100_000).alias("k")).count().count()
        assert groups == 100_000
    except PySparkException as e:
        assert "INTERNAL_ERROR" not in str(e), str(e)[:500]
    assert alive(proc)
    spark.conf.unset("spark.executor.memory")
    assert spark.range(4).count() == 4


def _tmpfs(path: str, size: str) -> bool:
    """Mounts a small tmpfs at `path` when this process may (root with CAP_SYS_ADMIN)."""
    os.makedirs(path, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s" % size, "tmpfs", path], capture_output=True)
    return r.returncode == 0


def test_disk_full_on_write_is_a_clear_error_with_no_partial_output(remote, tmp_path) -> None:
    """disk full on write (a 1 MiB tmpfs): a clear error, no partial output visible, the engine serves on"""
    from tspark.errors import PySparkException

    proc, spark = remote
    mnt = str(tmp_path / "small")
    if not _tmpfs(mnt, "1m"):
        pytest.skip("cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN); no quota-free full disk available")
    try:
        out = os.path.join(mnt, "out")
        with pytest.raises(PySparkException) as info:
            spark.range(0, 2_000_000).selectExpr("id", "repeat('x', 20) AS pad").write.csv(out)
        text = str(info.value)
        assert "ENOSPC" in text or "no space" in text.lower(), text[:500]
        assert not os.path.exists(os.path.join(out, "_SUCCESS"))
        visible = [f for f in os.listdir(out) if not f.startswith(("_", "."))] if os.path.isdir(out) else []
        assert visible == [], visible
        assert alive(proc)
        assert spark.range(3).count() == 3
    finally:
        subprocess.run(["umount", "-l", mnt], capture_output=True)


def test_python_worker_over_its_memory_limit_raises_memory_error_and_the_session_serves_on(remote) -> None:
    """a UDF and an RDD lambda allocating past spark.executor.pyspark.memory: MemoryError with its
    traceback reaches the user (as PySpark's worker limit gives), no machine-wide OOM, and the
    session's next Python query runs on fresh workers"""
    from tspark.errors import PythonException
    from tspark.sql import functions as F
    from tspark.sql.types import LongType

    proc, spark = remote
    spark.conf.set("spark.executor.pyspark.memory", "256m")
    try:
        @F.udf(LongType())
        def hog(x):
            return len(bytearray(4 * 1024 ** 3))

        with pytest.raises(PythonException) as info:
            spark.range(2).select(hog("id")).collect()
        assert "MemoryError" in str(info.value) and "in hog" in str(info.value), str(info.value)[:500]
        with pytest.raises(Exception) as rdd_info:
            spark.sparkContext.parallelize([1, 2], 2).map(lambda x: len(bytearray(4 * 1024 ** 3))).collect()
        assert "MemoryError" in str(rdd_info.value), str(rdd_info.value)[:500]
        assert spark.range(3).select(F.udf(lambda x: x * 2, LongType())("id")).collect()[2][0] == 4
    finally:
        spark.conf.unset("spark.executor.pyspark.memory")
    assert alive(proc)
    # without the limit the same workers' pool is another one: a small allocation still runs
    assert spark.range(1).select(F.udf(lambda x: len(bytearray(1024)), LongType())("id")).collect()[0][0] == 1024
