"""df.write as a job of the SparkContext (issue 9 §8): saveAsTable, insertInto, save and writeTo
run while counted as a job of the caller's job group and tags, so cancelJobGroup /
cancelJobsWithTag stop a write stuck in a Python UDF. Nothing of it is visible afterwards (no
table, no files), and the engine keeps serving writes."""
from __future__ import annotations

import os
import threading
import time

import pytest

from tspark.sql import functions as F
from tspark.sql.types import LongType


def _stuck_frame(spark, pid_file: str):
    """Ten rows whose UDF records its worker's pid and then never returns."""
    def stuck(x, path=pid_file):
        import os, time
        with open(path, "w") as f:
            f.write(str(os.getpid()))
        time.sleep(600)
        return x
    return spark.range(0, 10, 1, 1).select(F.udf(stuck, LongType())("id").alias("id"))


def _gone(pid: int) -> bool:
    from tests_support import process_gone
    return process_gone(pid)


@pytest.mark.parametrize("how", ["saveAsTable", "insertInto", "save", "writeTo"])
def test_a_write_is_cancelled_by_its_job_group_9(spark, tmp_path, how):
    from tests_support import wait_until
    sc = spark.sparkContext
    pid_file = str(tmp_path / "pid")
    out = str(tmp_path / "out")
    table = "frame_cancel_%s" % how.lower()
    spark.sql("DROP TABLE IF EXISTS %s" % table)
    if how == "insertInto":
        spark.sql("CREATE TABLE %s (id BIGINT) USING parquet" % table)
    df = _stuck_frame(spark, pid_file)
    write = {
        "saveAsTable": lambda: df.write.saveAsTable(table),
        "insertInto": lambda: df.write.insertInto(table),
        "save": lambda: df.write.parquet(out),
        "writeTo": lambda: df.writeTo(table).using("parquet").create(),
    }[how]
    errors: list = []

    def run() -> None:
        try:
            write()
        except BaseException as e:  # noqa: BLE001 - asserted below
            errors.append(e)
    sc.setJobGroup("frame-write", "a write that never ends")
    try:
        started = time.monotonic()
        t = threading.Thread(target=run)
        t.start()
        assert wait_until(lambda: os.path.exists(pid_file) and open(pid_file).read() != "", 60)
        pid = int(open(pid_file).read())
        sc.cancelJobGroup("other-group")  # another group's cancel leaves it running
        time.sleep(0.5)
        assert t.is_alive()
        sc.cancelJobGroup("frame-write")
        t.join(timeout=60)
        assert not t.is_alive() and errors and "cancel" in str(errors[0]).lower()
        assert wait_until(lambda: _gone(pid), 20)
        assert time.monotonic() - started < 120
    finally:
        sc.setLocalProperty("spark.jobGroup.id", None)
    # nothing of the cancelled write is visible
    if how == "insertInto":
        assert spark.table(table).count() == 0
    elif how == "save":
        assert not os.path.exists(out) or not [f for f in os.listdir(out) if f.endswith(".parquet")]
    else:
        assert not spark.catalog.tableExists(table)
    # and the next write goes through
    spark.range(3).write.mode("overwrite").saveAsTable(table)
    assert sorted(r.id for r in spark.table(table).collect()) == [0, 1, 2]
    spark.sql("DROP TABLE IF EXISTS %s" % table)
