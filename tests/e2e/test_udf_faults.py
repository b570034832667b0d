"""Faults in DataFrame Python stages: a Python worker that dies mid-UDF (os._exit) has its task
retried up to spark.task.maxFailures, as Spark retries a lost task, then the job fails naming
the task; a raising UDF fails at once; the session serves on."""
from __future__ import annotations

import pandas as pd
import pytest

from tests_support import die_first, process_gone


def test_a_udf_whose_worker_dies_is_retried_then_succeeds(spark, tmp_path) -> None:
    from tspark.sql import functions as F
    f = F.udf(die_first(str(tmp_path), 2), "long")
    assert [r[0] for r in spark.range(0, 3, 1, 1).select(f("id")).collect()] == [0, 2, 4]
    # two attempts died on their first row, the third ran the batch (one call per row)
    assert len(list(tmp_path.iterdir())) == 2 + 3


def test_a_pandas_stage_is_retried_too(spark, tmp_path) -> None:
    die = die_first(str(tmp_path), 1)

    def f(it):
        for pdf in it:
            die(0)
            yield pdf.assign(id=pdf.id + 1)
    assert sorted(r.id for r in spark.range(0, 4, 1, 1).mapInPandas(f, "id long").collect()) == [1, 2, 3, 4]


def test_a_worker_dying_every_time_fails_naming_the_task(spark, tmp_path) -> None:
    from tspark.sql import functions as F
    f = F.udf(die_first(str(tmp_path), 100), "long")
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


_STUCK_CLIENT = r'''
import os, sys, time
from tspark.sql import SparkSession, functions as F
spark = SparkSession.builder.remote(sys.argv[1]).getOrCreate()
pid_dir = sys.argv[2]

def stuck(x, d=pid_dir):
    import os, time
    open(os.path.join(d, str(os.getpid())), "w").close()
    time.sleep(600)
    return x

spark.range(0, 1, 1, 1).select(F.udf(stuck, "long")("id")).collect()
'''


def test_dead_clients_do_not_exhaust_the_python_workers(tmp_path) -> None:
    """Issue 11: clients killed while their UDFs run (as many as the engine has workers) must not
    keep those workers busy; a later client's Python jobs still run."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from conftest import start_engine_server
    from tests_support import wait_until
    from tspark.sql import SparkSession, functions as F

    proc, addr = start_engine_server()
    clients = []
    try:
        cores = max(1, os.cpu_count() or 1)
        for i in range(cores):
            d = tmp_path / ("c%d" % i)
            d.mkdir()
            clients.append((subprocess.Popen([sys.executable, "-c", _STUCK_CLIENT, addr, str(d)]), d))
        assert wait_until(lambda: all(any(d.iterdir()) for _, d in clients), 60), "the stuck UDFs never started"
        for c, _ in clients:
            c.send_signal(signal.SIGKILL)
            c.wait(timeout=10)
        spark = SparkSession.builder.remote(addr).getOrCreate()
        try:
            started = time.monotonic()
            assert spark.range(0, 6, 1, 2).select(F.udf(lambda x: x + 1, "long")("id")).collect()[-1][0] == 6
            assert spark.range(4).mapInPandas(lambda it: it, "id long").count() == 4
            assert time.monotonic() - started < 60
            stuck = [int(p.name) for _, d in clients for p in d.iterdir()]
            # the dead clients' UDF processes were killed, not left sleeping
            assert wait_until(lambda: not any(not process_gone(p) for p in stuck), 30)
        finally:
            spark.stop()
    finally:
        for c, _ in clients:
            if c.poll() is None:
                c.kill()
        proc.terminate()
        proc.wait(timeout=10)


def test_cancel_all_jobs_kills_a_never_returning_udf(spark, tmp_path) -> None:
    import os
    import threading
    import time

    from tests_support import wait_until
    from tspark.sql import functions as F

    pid_file = str(tmp_path / "pid")

    def stuck(x, path=pid_file):
        import os, time
        with open(path, "w") as f:
            f.write(str(os.getpid()))
        time.sleep(600)
        return x

    errors: list = []

    def query() -> None:
        try:
            spark.range(0, 1, 1, 1).select(F.udf(stuck, "long")("id")).collect()
        except BaseException as e:  # noqa: BLE001 - asserted below
            errors.append(e)
    t = threading.Thread(target=query)
    started = time.monotonic()
    t.start()
    assert wait_until(lambda: os.path.exists(pid_file) and open(pid_file).read() != "", 60)
    pid = int(open(pid_file).read())
    spark.sparkContext.cancelAllJobs()
    t.join(timeout=60)
    assert not t.is_alive() and errors and "cancel" in str(errors[0]).lower()
    assert wait_until(lambda: process_gone(pid), 20)
    assert time.monotonic() - started < 120
    assert spark.range(3).select(F.udf(lambda x: x + 1, "long")("id")).collect()[-1][0] == 3
