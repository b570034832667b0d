"""Faults in DataFrame Python stages: a Python worker that dies mid-UDF (os._exit) has its task
retried up to spark.task.maxFailures, as Spark retries a lost task, then the job fails naming
the task; a raising UDF fails at once; the session serves on."""
from __future__ import annotations

import pandas as pd
import pytest


def _die_first(attempts_dir: str, times: int):
    def f(x):
        import os
        marker = os.path.join(attempts_dir, "attempt-%d" % len(os.listdir(attempts_dir)))
        open(marker, "w").close()
        if len(os.listdir(attempts_dir)) <= times:
            os._exit(3)
        return x * 2
    return f


def test_a_udf_whose_worker_dies_is_retried_then_succeeds(spark, tmp_path) -> None:
    from tspark.sql import functions as F
    f = F.udf(_die_first(str(tmp_path), 2), "long")
    assert [r[0] for r in spark.range(0, 3, 1, 1).select(f("id")).collect()] == [0, 2, 4]
    # two attempts died on their first row, the third ran the batch (one call per row)
    assert len(list(tmp_path.iterdir())) == 2 + 3


def test_a_pandas_stage_is_retried_too(spark, tmp_path) -> None:
    die = _die_first(str(tmp_path), 1)

    def f(it):
        for pdf in it:
            die(0)
            yield pdf.assign(id=pdf.id + 1)
    assert sorted(r.id for r in spark.range(0, 4, 1, 1).mapInPandas(f, "id long").collect()) == [1, 2, 3, 4]


def test_a_worker_dying_every_time_fails_naming_the_task(spark, tmp_path) -> None:
    from tspark.sql import functions as F
    f = F.udf(_die_first(str(tmp_path), 100), "long")
    spark.conf.set("spark.task.maxFailures", "3")
    try:
        with pytest.raises(Exception, match=r"Task 0 in stage \d+\.0 failed 3 times, most recent failure: Lost task 0\.2 .*Python worker exited unexpectedly"):
            spark.range(0, 1, 1, 1).select(f("id")).collect()
    finally:
        spark.conf.unset("spark.task.maxFailures")
    assert len(list(tmp_path.iterdir())) == 3
    assert spark.range(3).select(F.udf(lambda x: x + 1, "long")("id")).collect()[-1][0] == 3


def test_a_raising_udf_is_not_retried(spark, tmp_path) -> None:
    from tspark.errors import PythonException
    from tspark.sql import functions as F

    def boom(x, d=str(tmp_path)):
        import os
        open(os.path.join(d, "call-%d" % len(os.listdir(d))), "w").close()
        raise ValueError("no")
    with pytest.raises(PythonException, match="ValueError: no"):
        spark.range(0, 1, 1, 1).select(F.udf(boom, "long")("id")).collect()
    assert len(list(tmp_path.iterdir())) == 1
    assert spark.range(2).groupBy().applyInPandas(lambda pdf: pd.DataFrame({"n": [len(pdf)]}), "n long").collect()[0].n == 2
