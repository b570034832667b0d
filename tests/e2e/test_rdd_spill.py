"""groupByKey and sortByKey past spark.python.worker.memory: the Python workers spill to
spark.local.dir (PySpark's ExternalMerger / ExternalSorter) and the results are the same as
in memory, checked against plain Python."""
from __future__ import annotations

import pytest


@pytest.fixture
def tiny_worker_memory(spark, monkeypatch, tmp_path):
    # A SparkContext setting (read when the steps are built): 1 MiB is below any worker's own
    # footprint, so every memory check spills.
    monkeypatch.setitem(spark._options, "spark.python.worker.memory", "1m")
    monkeypatch.setitem(spark._options, "spark.local.dir", str(tmp_path))
    return tmp_path


def test_group_by_key_spills_and_groups_every_value(spark, tiny_worker_memory) -> None:
    pairs = [(i % 3001, i) for i in range(60000)]
    got = spark.sparkContext.parallelize(pairs, 4).groupByKey(3).mapValues(sorted).collect()
    expected = {}
    for k, v in pairs:
        expected.setdefault(k, []).append(v)
    assert dict(got) == expected
    assert len(got) == len(expected)
    assert list(tiny_worker_memory.iterdir()) == []  # spill files are removed after the merge
    # the merge really spilled: the worker that ran each reduce partition counted its spills
    def spills(it):
        from tspark.rdd import _external
        n = sum(1 for _ in it)
        return [(n, _external.SPILLS)]
    counts = spark.sparkContext.parallelize(pairs, 4).groupByKey(3).mapPartitions(spills).collect()
    assert sum(n for n, _ in counts) == len(expected)
    assert all(s > 0 for _, s in counts)


def test_sort_by_key_spills_and_sorts_globally(spark, tiny_worker_memory) -> None:
    keys = [(i * 7919) % 50021 for i in range(50021)]
    rdd = spark.sparkContext.parallelize([(k, str(k)) for k in keys], 4)
    assert rdd.sortByKey(True, 3).keys().collect() == sorted(keys)
    assert rdd.sortByKey(False, 2).keys().collect() == sorted(keys, reverse=True)
    assert rdd.repartitionAndSortWithinPartitions(2).glom().map(lambda p: [k for k, _ in p] == sorted(k for k, _ in p)).collect() == [True, True]
