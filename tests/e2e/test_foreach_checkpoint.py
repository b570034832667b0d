"""df.foreach / foreachPartition and checkpoint / localCheckpoint from Python (issue 9 §8, §9):
the function runs in the engine's Python workers over each partition streamed in chunks (never
the whole frame in the client), accumulators come back once, a raising function is PySpark's
error; a checkpoint's rows stay in the engine (the client's plan only names them) until the
session ends, through unpersist and clearCache."""
from __future__ import annotations

import pytest

from tspark.errors import PythonException
from tspark.sql import functions as F


def test_foreach_runs_every_row_once_as_a_row(spark):
    acc = spark.sparkContext.accumulator(0)
    df = spark.range(0, 30000, 1, 3).withColumn("s", F.concat(F.lit("x"), F.col("id").cast("string")))
    df.foreach(lambda r: acc.add(r.id + (len(r["s"]) - len(str(r.id)) - 1)))
    assert acc.value == sum(range(30000))


def test_foreach_partition_sees_each_partition_once_lazily(spark):
    sizes = spark.sparkContext.accumulator(0)
    calls = spark.sparkContext.accumulator(0)

    def count(it):
        calls.add(1)
        sizes.add(sum(1 for _ in it))
    df = spark.range(0, 25000, 1, 4)
    df.foreachPartition(count)
    assert (calls.value, sizes.value) == (4, 25000)

    firsts = spark.sparkContext.accumulator(0)

    def first_only(it):
        # a function that stops early ends its partition: the rest is never sent
        r = next(it, None)
        firsts.add(0 if r is None else 1)
    df.foreachPartition(first_only)
    assert firsts.value == 4


def test_foreach_over_a_limit_and_an_empty_frame(spark):
    acc = spark.sparkContext.accumulator(0)
    spark.range(100).limit(7).foreach(lambda r: acc.add(1))
    assert acc.value == 7
    calls = spark.sparkContext.accumulator(0)
    spark.range(0).foreachPartition(lambda it: calls.add(1 + sum(1 for _ in it)))
    assert calls.value >= 1


def test_a_raising_function_is_a_python_exception_with_its_traceback(spark):
    df = spark.range(0, 100, 1, 2)
    with pytest.raises(PythonException) as e:
        df.foreach(lambda r: 1 / (r.id - 42))
    assert "ZeroDivisionError" in str(e.value)
    # the engine keeps serving
    assert df.count() == 100


def test_checkpoint_rows_stay_in_the_engine_for_the_session(spark):
    big = spark.range(0, 50000, 1, 3).withColumn("y", F.col("id") * 2)
    c = big.checkpoint()
    # the client's plan names the saved rows: none of them travel in it
    assert c._plan["kind"] == "LocalRelation" and c._plan["rows"] == [] and c._plan["checkpointId"]
    assert c.count() == 50000
    assert c.rdd.getNumPartitions() == 3
    spark.catalog.clearCache()
    c.unpersist()
    assert c.agg(F.sum("y")).collect()[0][0] == 2 * sum(range(50000))
    lazy = spark.range(10).repartition(2).localCheckpoint(eager=False)
    assert lazy.rdd.getNumPartitions() == 2
    assert sorted(r.id for r in lazy.collect()) == list(range(10))


def _stuck_foreach(df, pid_file: str, errors: list, per_row: bool):
    """Runs df.foreach(Partition) with a function that records its worker's pid and never returns."""
    def stuck(_x, path=pid_file):
        import os, time
        with open(path, "w") as f:
            f.write(str(os.getpid()))
        time.sleep(600)

    def query() -> None:
        try:
            (df.foreach if per_row else df.foreachPartition)(stuck)
        except BaseException as e:  # noqa: BLE001 - asserted by the caller
            errors.append(e)
    import threading
    t = threading.Thread(target=query)
    t.start()
    return t


def _gone(pid: int) -> bool:
    from tests_support import process_gone
    return process_gone(pid)


@pytest.mark.parametrize("how", ["group", "tag", "all"])
def test_a_foreach_job_is_cancelled_by_its_group_or_tag_9(spark, tmp_path, how):
    """Issue 9 regression: foreach / foreachPartition are jobs of the SparkContext, so
    cancelJobGroup / cancelJobsWithTag / cancelAllJobs stop them and kill their Python worker."""
    import os
    import time

    from tests_support import wait_until
    sc = spark.sparkContext
    pid_file = str(tmp_path / "pid")
    errors: list = []
    if how == "group":
        sc.setJobGroup("frame-g", "a foreach that never ends")
    elif how == "tag":
        sc.addJobTag("frame-t")
    try:
        started = time.monotonic()
        t = _stuck_foreach(spark.range(0, 10, 1, 1), pid_file, errors, per_row=how != "tag")
        assert wait_until(lambda: os.path.exists(pid_file) and open(pid_file).read() != "", 60)
        pid = int(open(pid_file).read())
        if how == "group":
            sc.cancelJobGroup("other-group")  # another group's cancel leaves it running
            time.sleep(0.5)
            assert t.is_alive() and not _gone(pid)
            sc.cancelJobGroup("frame-g")
        elif how == "tag":
            sc.cancelJobsWithTag("frame-t")
        else:
            sc.cancelAllJobs()
        t.join(timeout=60)
        assert not t.is_alive() and errors and "cancel" in str(errors[0]).lower()
        assert wait_until(lambda: _gone(pid), 20)
        assert time.monotonic() - started < 120
    finally:
        sc.setLocalProperty("spark.jobGroup.id", None)
        sc.clearJobTags()
    acc = sc.accumulator(0)
    spark.range(5).foreach(lambda r: acc.add(r.id))
    assert acc.value == 10


def _die_first(attempts_dir: str, times: int):
    def f(it):
        import os
        marker = os.path.join(attempts_dir, "attempt-%d" % len(os.listdir(attempts_dir)))
        open(marker, "w").close()
        rows = list(it)
        if len(os.listdir(attempts_dir)) <= times:
            os._exit(3)
        return rows
    return f


def test_a_foreach_partition_whose_worker_dies_is_retried_9(spark, tmp_path):
    """A Python worker that dies during foreach loses its task, which runs again on a fresh worker
    (spark.task.maxFailures, as the DataFrame UDF stages); only the successful attempt's accumulator
    updates count."""
    acc = spark.sparkContext.accumulator(0)
    die = _die_first(str(tmp_path), 2)

    def f(it):
        for r in die(it):
            acc.add(r.id)
    spark.range(0, 5000, 1, 1).foreachPartition(f)
    assert acc.value == sum(range(5000))
    assert len(list(tmp_path.iterdir())) == 3


def test_a_foreach_after_a_shuffle_retried_reads_its_rows_again_9(spark, tmp_path):
    # the retried task reads the same shuffle blocks again (they are not handed out for good)
    acc = spark.sparkContext.accumulator(0)
    die = _die_first(str(tmp_path), 1)
    df = spark.range(0, 3000, 1, 3).groupBy((F.col("id") % 7).alias("k")).agg(F.sum("id").alias("s")).coalesce(1)

    def f(it):
        for r in die(it):
            acc.add(r.s)
    df.foreachPartition(f)
    assert acc.value == sum(range(3000))
    assert len(list(tmp_path.iterdir())) == 2


def test_a_foreach_over_a_limit_is_retried_and_a_killed_worker_too_9(spark, tmp_path):
    import os
    import signal
    import threading

    from tests_support import wait_until
    acc = spark.sparkContext.accumulator(0)
    pid_file = str(tmp_path / "pid")

    def f(r, path=pid_file):
        import os, time
        if r.id == 3 and not os.path.exists(path):
            with open(path, "w") as out:
                out.write(str(os.getpid()))
            time.sleep(600)
        acc.add(r.id)
    errors: list = []

    def query() -> None:
        try:
            spark.range(0, 100, 1, 4).limit(10).foreach(f)
        except BaseException as e:  # noqa: BLE001 - asserted below
            errors.append(e)
    t = threading.Thread(target=query)
    t.start()
    assert wait_until(lambda: os.path.exists(pid_file) and open(pid_file).read() != "", 60)
    os.kill(int(open(pid_file).read()), signal.SIGKILL)
    t.join(timeout=60)
    assert not t.is_alive() and errors == []
    assert acc.value == sum(range(10))


def test_a_foreach_whose_worker_always_dies_fails_naming_the_task_9(spark, tmp_path):
    die = _die_first(str(tmp_path), 100)
    spark.conf.set("spark.task.maxFailures", "2")
    try:
        with pytest.raises(Exception, match=r"Task 0 in stage \d+\.0 failed 2 times, most recent failure: Lost task 0\.1 .*Python worker exited unexpectedly"):
            spark.range(0, 10, 1, 1).foreachPartition(die)
    finally:
        spark.conf.unset("spark.task.maxFailures")
    assert len(list(tmp_path.iterdir())) == 2
    assert spark.range(3).count() == 3


@pytest.mark.parametrize("prefetch", [False, True])
def test_to_local_iterator_runs_one_partition_at_a_time_9(spark, tmp_path, prefetch):
    """toLocalIterator is bounded engine-side: for a slow reader the engine runs only the partition
    being read (and the next with prefetchPartitions), as PySpark runs one job per partition; a
    collect would run them all at once."""
    import time

    from tests_support import wait_until
    per, parts, d = 60000, 5, str(tmp_path)

    def mark(x, d=d, per=per):
        # the first row of each partition (ids are contiguous per range partition) leaves a file
        if x % per == 0:
            import os
            open(os.path.join(d, str(x // per)), "w").close()
        return x
    df = spark.range(0, per * parts, 1, parts).select(F.udf(mark, "long")("id").alias("id"))
    it = df.toLocalIterator(prefetchPartitions=prefetch)
    assert next(it).id == 0
    expected = [0, 1] if prefetch else [0]
    if prefetch:
        assert wait_until(lambda: len(list(tmp_path.iterdir())) >= 2, 30)
    time.sleep(1.5)  # a slow reader: the engine has every chance to run ahead
    assert sorted(int(p.name) for p in tmp_path.iterdir()) == expected
    rest = [r.id for r in it]
    assert rest == list(range(1, per * parts))
    assert sorted(int(p.name) for p in tmp_path.iterdir()) == list(range(parts))
