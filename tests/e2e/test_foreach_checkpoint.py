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
