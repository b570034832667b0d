"""rdd.barrier(): every task of a barrier stage runs at once (allGather sees all of them), and a
task that raises fails the stage with its PythonException instead of leaving the others waiting."""
from __future__ import annotations

import pytest


def test_all_gather_sees_every_task_of_a_wide_stage(spark) -> None:
    from tspark import BarrierTaskContext

    def f(i, it):
        ctx = BarrierTaskContext.get()
        ctx.barrier()
        yield i, ctx.allGather(str(sum(it)))
    got = spark.sparkContext.parallelize(range(12), 6).barrier().mapPartitionsWithIndex(f).collect()
    sums = [str(sum(range(12)[i * 2:i * 2 + 2])) for i in range(6)]
    assert got == [(i, sums) for i in range(6)]


def test_a_raising_barrier_task_fails_the_stage_and_frees_the_others(spark) -> None:
    from tspark import BarrierTaskContext
    from tspark.errors import PythonException

    def f(i, it):
        if i == 1:
            raise ValueError("task one gave up")
        BarrierTaskContext.get().barrier()
        yield i
    with pytest.raises(PythonException, match="task one gave up"):
        spark.sparkContext.parallelize(range(4), 3).barrier().mapPartitionsWithIndex(f).collect()
    assert spark.sparkContext.parallelize(range(4), 2).barrier().mapPartitions(lambda it: [sum(it)]).collect() == [1, 5]
