"""Spilling merge and sort (tspark/rdd/_external.py): with a limit below the process's own
memory they spill at every check, and still give the in-memory results in the same order."""
import os
import random

import pytest

from tspark.rdd import _external
from tspark.rdd._external import external_merge, external_sort, memory_limit_mb


def test_memory_limits_read_as_spark_byte_strings():
    assert memory_limit_mb("512m") == 512
    assert memory_limit_mb("2g") == 2048
    assert memory_limit_mb("1024k") == 1
    assert memory_limit_mb("64") == 64
    with pytest.raises(ValueError, match="spark.python.worker.memory"):
        memory_limit_mb("lots")


def test_merge_spills_by_key_and_merges_every_key_once(tmp_path):
    pairs = [(i % 5000, [i]) for i in range(20000)]
    before = _external.SPILLS
    out = dict(external_merge(iter(pairs), lambda a, b: a + b, 0, str(tmp_path)))
    assert _external.SPILLS > before
    expected = {}
    for k, v in pairs:
        expected.setdefault(k, []).extend(v)
    assert out == expected  # values in arrival order, as without spilling
    assert os.listdir(tmp_path) == []  # spill files removed


def test_sort_spills_sorted_runs_and_stays_stable(tmp_path):
    rng = random.Random(7)
    items = [(rng.randrange(100), i) for i in range(25000)]
    for reverse in (False, True):
        before = _external.SPILLS
        out = list(external_sort(iter(items), lambda kv: kv[0], reverse, 0, str(tmp_path)))
        assert _external.SPILLS > before
        assert out == sorted(items, key=lambda kv: kv[0], reverse=reverse)
    assert os.listdir(tmp_path) == []


def test_nothing_spills_under_the_limit(tmp_path):
    before = _external.SPILLS
    assert list(external_sort(iter([(3, "c"), (1, "a")]), lambda kv: kv[0], False, 1 << 20, str(tmp_path))) == [(1, "a"), (3, "c")]
    assert dict(external_merge(iter([(1, 2), (1, 3)]), lambda a, b: a + b, 1 << 20, str(tmp_path))) == {1: 5}
    assert _external.SPILLS == before
