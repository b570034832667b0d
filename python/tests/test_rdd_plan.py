"""RDD transformations build PROTOCOL.md RDD plans; fused functions run locally as the worker would."""
import pickle

import cloudpickle

from tspark.context import SparkContext


class FakeSession:
    _options: dict = {}


def sc():
    return SparkContext._for_session(FakeSession())


def run_plan(node):
    """Execute an RDD plan in-process (a stand-in for the engine + workers) to check functions."""
    kind = node["kind"]
    if kind == "Parallelize":
        return [pickle.loads(p) for p in node["partitions"]]
    if kind == "PythonMapPartitions":
        f = cloudpickle.loads(node["func"])
        return [list(f(i, iter(p))) for i, p in enumerate(run_plan(node["input"]))]
    if kind == "PythonShuffle":
        n = node["numPartitions"]
        out = [[] for _ in range(n)]
        for p in run_plan(node["input"]):
            for k, v in p:
                out[hash(k) % n].append((k, v))
        return out
    raise AssertionError(kind)


def test_parallelize_slices_like_pyspark():
    node = sc().parallelize(range(1, 11), 3)._plan()
    assert node["kind"] == "Parallelize" and [pickle.loads(p) for p in node["partitions"]] == \
        [[1, 2, 3], [4, 5, 6], [7, 8, 9, 10]]


def test_narrow_chain_is_fused_into_one_node():
    rdd = sc().parallelize(["a b", "c a"], 2).flatMap(str.split).map(lambda w: (w, 1)).filter(lambda kv: kv[0] != "c")
    node = rdd._plan()
    assert node["kind"] == "PythonMapPartitions" and node["input"]["kind"] == "Parallelize"
    assert run_plan(node) == [[("a", 1), ("b", 1)], [("a", 1)]]


def test_reduce_by_key_combines_shuffles_merges():
    rdd = sc().parallelize([("a", 1), ("b", 2), ("a", 3)], 2).reduceByKey(lambda a, b: a + b, 3)
    node = rdd._plan()
    assert node["kind"] == "PythonMapPartitions" and node["input"]["kind"] == "PythonShuffle"
    assert node["input"]["numPartitions"] == 3 and rdd.getNumPartitions() == 3
    assert node["input"]["input"]["kind"] == "PythonMapPartitions"
    assert sorted(x for p in run_plan(node) for x in p) == [("a", 4), ("b", 2)]


def test_text_file_node_uses_absolute_path():
    node = sc().textFile("words.txt", 3)._plan()
    assert node["kind"] == "TextFile" and node["path"].startswith("/") and node["minPartitions"] == 3


def test_reduce_partials_skip_empty_partitions():
    rdd = sc().parallelize([1, 2, 3], 4)
    node = rdd.map(lambda x: x)._plan()
    assert run_plan(node) == [[], [1], [2], [3]]
    part = rdd.mapPartitionsWithIndex(lambda _, it: it)
    from tspark import rdd as rdd_mod
    calls = []
    monkey = rdd_mod.RDD._collect_partials
    try:
        rdd_mod.RDD._collect_partials = lambda self: calls.append(1) or [x for p in run_plan(self._plan()) for x in p]
        assert part.reduce(lambda a, b: a + b) == 6
    finally:
        rdd_mod.RDD._collect_partials = monkey
