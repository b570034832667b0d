"""RDD transformations build PROTOCOL.md RDD plans; fused functions run locally as the worker would."""
import pickle

from tspark.context import SparkContext
from tspark.taskcontext import TaskContext
from tspark.worker.func_cache import load_function


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
        f = load_function(node["func"])
        try:
            return [list(f(i, iter(p))) for i, p in enumerate(run_plan(node["input"]))]
        finally:
            TaskContext._taskContext = None  # the functions ran here, not in a worker
    if kind == "PythonShuffle":
        n = node["numPartitions"]
        part = load_function(node["partitionFunc"]) if "partitionFunc" in node else hash
        out = [[] for _ in range(n)]
        for p in run_plan(node["input"]):
            for k, v in p:
                out[part(k) % n].append((k, v))
        return out
    if kind == "Union":
        return [p for child in node["inputs"] for p in run_plan(child)]
    if kind == "CoalescePartitions":
        parts = run_plan(node["input"])
        return [[x for i in g for x in parts[i]] for g in node["groups"]]
    raise AssertionError(kind)


def test_parallelize_slices_like_pyspark():
    node = sc().parallelize(list(range(1, 11)), 3)._plan()
    assert node["kind"] == "Parallelize" and [pickle.loads(p) for p in node["partitions"]] == \
        [[1, 2, 3], [4, 5, 6], [7, 8, 9, 10]]


def test_a_range_is_made_by_its_tasks_not_shipped():
    """parallelize(range) ships empty partitions and a function that makes each slice, with
    PySpark's bounds start + int(i * len / n) * step."""
    node = sc().parallelize(range(1, 11), 3)._plan()
    assert node["kind"] == "PythonMapPartitions" and node["input"]["kind"] == "Parallelize"
    assert [pickle.loads(p) for p in node["input"]["partitions"]] == [[], [], []]
    assert [list(p) for p in run_plan(node)] == [[1, 2, 3], [4, 5, 6], [7, 8, 9, 10]]
    stepped = sc().range(0, 20, 3, 4)._plan()
    assert [list(p) for p in run_plan(stepped)] == [[0], [3, 6], [9, 12], [15, 18]]


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


def test_union_flattens_and_zip_pairs_partitions():
    a = sc().parallelize([1, 2, 3], 2)
    b = sc().parallelize("abc", 2)
    u = a.union(b).union(a)
    assert u._plan()["kind"] == "Union" and len(u._plan()["inputs"]) == 3 and u.getNumPartitions() == 6
    z = a.zip(b)._plan()
    assert z["input"]["kind"] == "CoalescePartitions" and z["input"]["groups"] == [[0, 2], [1, 3]]
    assert run_plan(z) == [[(1, "a")], [(2, "b"), (3, "c")]]


def test_coalesce_groups_consecutive_partitions_as_spark():
    node = sc().parallelize(range(20), 7).coalesce(3)._plan()
    assert node["kind"] == "CoalescePartitions" and node["groups"] == [[0, 1], [2, 3], [4, 5, 6]]


def test_partition_by_keeps_the_partitioner_and_skips_a_second_shuffle():
    rdd = sc().parallelize([("a", 1)], 2).partitionBy(3)
    assert rdd.partitionBy(3) is rdd and rdd.mapValues(str).partitioner == rdd.partitioner
    assert rdd.map(lambda kv: kv).partitioner is None
    assert "partitionFunc" not in rdd._plan() and "partitionFunc" in sc().parallelize([(1, 1)]).partitionBy(2, lambda k: k)._plan()
