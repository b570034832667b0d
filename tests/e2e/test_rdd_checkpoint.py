"""RDD checkpoints end to end: setCheckpointDir makes a UUID directory, checkpoint() saves the
partitions after the next job (rdd-<id>/part-NNNNN, as PySpark 4.0.1 lays them out) and later
jobs read them instead of the lineage; PySpark's error without a directory."""
from __future__ import annotations

import os

import pytest


def test_checkpoint_saves_after_a_job_and_cuts_the_lineage(spark, tmp_path) -> None:
    sc = spark.sparkContext
    sc.setCheckpointDir(str(tmp_path))
    d = sc.getCheckpointDir()
    assert d.startswith("file:" + str(tmp_path) + os.sep) and os.path.isdir(d[5:])
    calls = sc.accumulator(0)

    def double(x):
        calls.add(1)
        return x * 2
    rdd = sc.parallelize(range(10), 3).map(double)
    rdd.checkpoint()
    assert not rdd.isCheckpointed() and rdd.getCheckpointFile() is None
    assert rdd.count() == 10
    assert rdd.isCheckpointed()
    f = rdd.getCheckpointFile()
    assert f == "%s/rdd-%d" % (d, rdd.id())
    assert sorted(n for n in os.listdir(f[5:]) if n.startswith("part-")) == ["part-00000", "part-00001", "part-00002"]
    after_save = calls.value  # the job, then the save (Spark computes a checkpointed RDD twice too)
    assert rdd.collect() == [x * 2 for x in range(10)]
    assert rdd.getNumPartitions() == 3
    assert rdd.map(lambda x: x + 1).sum() == sum(x * 2 + 1 for x in range(10))
    assert calls.value == after_save  # read from the files: double() ran no more


def test_checkpoint_needs_a_directory(spark) -> None:
    from tspark.py4j.protocol import Py4JJavaError

    sc = spark.sparkContext
    saved = sc._checkpoint_dir
    sc._checkpoint_dir = None
    try:
        with pytest.raises(Py4JJavaError, match="Checkpoint directory has not been set in the SparkContext"):
            sc.parallelize([1]).checkpoint()
    finally:
        sc._checkpoint_dir = saved


def test_local_checkpoint_keeps_partitions_in_the_engine(spark) -> None:
    sc = spark.sparkContext
    calls = sc.accumulator(0)

    def ident(x):
        calls.add(1)
        return x
    rdd = sc.parallelize(range(6), 2).map(ident)
    rdd.localCheckpoint()
    assert rdd.isLocallyCheckpointed()
    assert rdd.collect() == list(range(6)) and calls.value == 6
    assert rdd.count() == 6 and calls.value == 6
