"""SparkContext's shared variables and files, end to end on a real engine: accumulators merged
once per successful task, broadcasts loaded once per worker process, addFile/SparkFiles,
binaryFiles, pickle files (also Spark's own), text output with codecs, job groups and their
cancellation, the status tracker, TaskContext, and the SPARK-5063 errors."""
from __future__ import annotations

import gzip
import os
import pathlib
import pickle
import threading
import time

import pytest

from tests_support import wait_until

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "rdd"


def test_accumulator_sums_every_task_once(spark) -> None:
    sc = spark.sparkContext
    acc = sc.accumulator(0)
    fl = sc.accumulator(1.5)
    sc.parallelize(range(100), 7).foreach(lambda x: acc.add(x))
    assert acc.value == sum(range(100))
    rdd = sc.parallelize(range(10), 3).map(lambda x: (fl.add(0.5), x)[1])
    assert rdd.count() == 10 and fl.value == 1.5 + 5.0
    assert rdd.count() == 10 and fl.value == 1.5 + 10.0  # a second action adds again, as Spark
    assert repr(acc) == "Accumulator<id=%d, value=4950>" % acc.aid


def test_a_failed_job_adds_nothing(spark) -> None:
    sc = spark.sparkContext
    acc = sc.accumulator(0)

    def f(x):
        acc.add(1)
        if x == 99:
            raise ValueError("boom")
        return x
    with pytest.raises(Exception, match="boom"):
        sc.parallelize(range(100), 4).map(f).collect()
    assert acc.value == 0
    sc.parallelize(range(10), 2).map(f).collect()
    assert acc.value == 10


def test_custom_accumulator_param_and_value_in_tasks(spark) -> None:
    from tspark.accumulators import AccumulatorParam

    class VectorParam(AccumulatorParam):
        def zero(self, value):
            return [0.0] * len(value)

        def addInPlace(self, a, b):
            return [x + y for x, y in zip(a, b)]
    sc = spark.sparkContext
    vec = sc.accumulator([1.0, 2.0], VectorParam())
    sc.parallelize([[1.0, 1.0], [2.0, 3.0]], 2).foreach(lambda v: vec.add(v))
    assert vec.value == [4.0, 6.0]
    with pytest.raises(Exception, match="VALUE_NOT_ACCESSIBLE"):
        sc.parallelize([1], 1).map(lambda _: vec.value).collect()
    with pytest.raises(TypeError):
        sc.accumulator("text")


def test_broadcast_is_loaded_once_per_worker(spark) -> None:
    sc = spark.sparkContext
    table = {i: i * i for i in range(1000)}
    b = sc.broadcast(table)
    assert b.value is table
    got = sc.parallelize(range(1000), 16).map(lambda x: b.value[x]).collect()
    assert got == [i * i for i in range(1000)]

    def loads(_):
        import os as _os
        from tspark import broadcast as bmod
        _ = b.value
        return [(_os.getpid(), bmod._load_counts.get(b._bid, 0))]
    per_worker = dict(sc.parallelize(range(16), 16).mapPartitions(loads).collect())
    assert per_worker and all(n == 1 for n in per_worker.values()), per_worker
    b.destroy()
    with pytest.raises(Exception, match="BROADCAST_VARIABLE_NOT_LOADED"):
        sc.parallelize([1]).map(lambda x: b.value).collect()


def test_add_file_and_py_file_reach_the_tasks(spark, tmp_path) -> None:
    sc = spark.sparkContext
    data = tmp_path / "lookup.txt"
    data.write_text("hello from a file\n")
    sc.addFile(str(data))
    from tspark.files import SparkFiles

    def read(_):
        from tspark.files import SparkFiles as SF
        with open(SF.get("lookup.txt")) as f:
            return [f.read().strip()]
    assert sc.parallelize([0], 1).flatMap(read).collect() == ["hello from a file"]
    assert open(SparkFiles.get("lookup.txt")).read() == "hello from a file\n"
    mod = tmp_path / "tspark_e2e_helper_mod.py"
    mod.write_text("def triple(x):\n    return 3 * x\n")
    sc.addPyFile(str(mod))

    def use(x):
        import tspark_e2e_helper_mod
        return tspark_e2e_helper_mod.triple(x)
    assert sc.parallelize([1, 2], 2).map(use).collect() == [3, 6]
    assert any(f.endswith("lookup.txt") for f in sc.listFiles())


def test_task_context_in_tasks(spark) -> None:
    sc = spark.sparkContext
    sc.setLocalProperty("my.prop", "v1")

    def info(it):
        from tspark.taskcontext import TaskContext
        tc = TaskContext.get()
        return [(tc.partitionId(), tc.getLocalProperty("my.prop"), sum(1 for _ in it))]
    assert sc.parallelize(range(5), 3).mapPartitions(info).collect() == [(0, "v1", 1), (1, "v1", 2), (2, "v1", 2)]
    sc.setLocalProperty("my.prop", None)
    from tspark.taskcontext import TaskContext
    assert TaskContext.get() is None


def test_binary_files(spark, tmp_path) -> None:
    (tmp_path / "a.bin").write_bytes(b"\x00\x01\xff")
    (tmp_path / "b.bin").write_bytes(b"text")
    (tmp_path / "_skip").write_bytes(b"hidden")
    rdd = spark.sparkContext.binaryFiles(str(tmp_path))
    got = sorted(rdd.collect())
    assert got == [("file:" + str(tmp_path / "a.bin"), b"\x00\x01\xff"), ("file:" + str(tmp_path / "b.bin"), b"text")]
    assert rdd.getNumPartitions() == 1  # small files fill one split of at least spark.files.openCostInBytes


def test_pickle_file_round_trip_and_spark_written_files(spark, tmp_path) -> None:
    sc = spark.sparkContext
    data = list(range(37)) + [("x", 1.5), {"k": [1]}, None]
    out = tmp_path / "pickled"
    sc.parallelize(data, 3).saveAsPickleFile(str(out), 4)
    assert sorted(os.listdir(out)) == ["_SUCCESS", "part-00000", "part-00001", "part-00002"]
    back = sc.pickleFile(str(out))
    assert back.getNumPartitions() == 3 and back.collect() == data
    spark_written = FIXTURES / "spark_pickle_file"
    expected = list(range(25)) + [("tuple", 1.5), {"k": [1, 2]}, None, "text"]
    assert sc.pickleFile(str(spark_written)).collect() == expected
    with pytest.raises(FileExistsError, match="already exists"):
        sc.parallelize([1]).saveAsPickleFile(str(out))


def test_save_as_text_file_with_and_without_a_codec(spark, tmp_path) -> None:
    sc = spark.sparkContext
    out = tmp_path / "text"
    sc.parallelize(["a", 1, b"raw", (2, "b")], 2).saveAsTextFile(str(out))
    assert sorted(os.listdir(out)) == ["_SUCCESS", "part-00000", "part-00001"]
    assert (out / "part-00000").read_text() == "a\n1\n" and (out / "part-00001").read_text() == "raw\n(2, 'b')\n"
    assert sc.textFile(str(out)).collect() == ["a", "1", "raw", "(2, 'b')"]
    gz = tmp_path / "gz"
    sc.parallelize(range(3), 1).saveAsTextFile(str(gz), "org.apache.hadoop.io.compress.GzipCodec")
    assert gzip.decompress((gz / "part-00000.gz").read_bytes()) == b"0\n1\n2\n"
    assert sc.textFile(str(gz)).collect() == ["0", "1", "2"]


def test_job_group_cancel_and_status_tracker(spark, tmp_path) -> None:
    sc = spark.sparkContext
    marker = tmp_path / "started"

    def stuck(x, path=str(marker)):
        open(path, "w").close()
        import time as t
        t.sleep(600)
        return x
    errors: list[BaseException] = []

    def run() -> None:
        sc.setJobGroup("slow-group", "a job that never ends")
        try:
            sc.parallelize([1, 2], 2).map(stuck).collect()
        except BaseException as e:  # noqa: BLE001 - the cancelled action's error is the point
            errors.append(e)
    t = threading.Thread(target=run)
    t.start()
    wait_until(lambda: marker.exists(), timeout=60)
    tracker = sc.statusTracker()
    [job] = tracker.getJobIdsForGroup("slow-group")
    assert tracker.getJobInfo(job).status == "RUNNING" and job in tracker.getActiveJobsIds()
    started = time.monotonic()
    sc.cancelJobGroup("slow-group")
    t.join(timeout=60)
    assert not t.is_alive() and errors, "the cancelled action did not return"
    assert time.monotonic() - started < 30
    assert tracker.getJobInfo(job).status == "FAILED"
    sc.setLocalProperty("spark.jobGroup.id", None)
    assert sc.parallelize([1, 2, 3]).sum() == 6  # the session serves on


def test_get_conf_and_context_properties(spark) -> None:
    sc = spark.sparkContext
    conf = sc.getConf()
    assert conf.get("spark.app.name") == sc.appName and conf.get("spark.master") == sc.master
    assert sc.applicationId.startswith("local-") and sc.startTime > 0
    assert sc.defaultParallelism >= 2 and sc.defaultMinPartitions == 2
    assert sc.uiWebUrl is None and isinstance(sc.sparkUser(), str)


def test_rdds_and_the_context_cannot_be_used_inside_tasks(spark) -> None:
    sc = spark.sparkContext
    inner = sc.parallelize([1])
    with pytest.raises(Exception, match="RDD_TRANSFORM_ONLY_VALID_ON_DRIVER"):
        sc.parallelize([1]).map(lambda x: inner.count()).collect()
    with pytest.raises(Exception, match="CONTEXT_ONLY_VALID_ON_DRIVER"):
        sc.parallelize([1]).map(lambda x: sc.defaultParallelism).collect()
    assert pickle.loads(pickle.dumps(3)) == 3


def test_a_persisted_rdd_is_computed_once_until_unpersisted(spark) -> None:
    from tspark.storagelevel import StorageLevel
    sc = spark.sparkContext
    calls = sc.accumulator(0)

    def f(x):
        calls.add(1)
        return x * 10
    rdd = sc.parallelize(range(8), 3).map(f).cache()
    assert rdd.is_cached and rdd.getStorageLevel() == StorageLevel.MEMORY_ONLY
    assert rdd.sum() == 280 and calls.value == 8
    assert rdd.map(lambda x: x + 1).collect() == [x * 10 + 1 for x in range(8)]
    assert rdd.glom().collect() == [[0, 10], [20, 30, 40], [50, 60, 70]]
    assert sorted(rdd.map(lambda x: (x % 20, 1)).reduceByKey(lambda a, b: a + b).collect()) == [(0, 4), (10, 4)]
    assert calls.value == 8  # every later job read the kept partitions
    rdd.unpersist()
    assert not rdd.is_cached and rdd.count() == 8 and calls.value == 16


def test_run_job_job_tags_and_system_properties(spark, tmp_path) -> None:
    sc = spark.sparkContext
    rdd = sc.parallelize(range(10), 4)
    assert sc.runJob(rdd, lambda it: [sum(it)], [3, 0]) == [7 + 8 + 9, 0 + 1]
    assert sc.runJob(rdd, lambda it: [len(list(it))]) == [2, 3, 2, 3]
    sc.setSystemProperty("tspark.test.prop", "v")
    assert sc.getSystemProperty("tspark.test.prop") == "v"
    marker = tmp_path / "started"

    def stuck(x, path=str(marker)):
        open(path, "w").close()
        import time as t
        t.sleep(600)
        return x
    sc.addJobTag("slow-tag")
    assert sc.getJobTags() == {"slow-tag"}
    errors: list[BaseException] = []

    def run() -> None:
        try:
            sc.parallelize([1], 1).map(stuck).collect()
        except BaseException as e:  # noqa: BLE001 - the cancelled action's error is the point
            errors.append(e)
    t = threading.Thread(target=run)
    t.start()
    wait_until(lambda: marker.exists(), timeout=60)
    sc.cancelJobsWithTag("slow-tag")
    t.join(timeout=60)
    sc.clearJobTags()
    assert not t.is_alive() and errors and sc.getJobTags() == set()
    assert rdd.sum() == 45
