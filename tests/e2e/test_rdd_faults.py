"""RDD faults end to end: a raising lambda is py4j's Py4JJavaError under install_as_pyspark
(and a PythonException), an unpicklable closure is PySpark's PicklingError raised before
anything runs, and a Python worker that dies is replaced and its task retried up to
spark.task.maxFailures before the job fails naming the task; the session serves on."""
from __future__ import annotations

import pickle
import threading

import pytest

from conftest import run_python
from tests_support import die_first


def test_a_raising_lambda_is_py4j_java_error_under_the_pyspark_alias() -> None:
    out = run_python(
        "import tspark; tspark.install_as_pyspark()\n"
        "from pyspark.sql import SparkSession\n"
        "from py4j.protocol import Py4JJavaError\n"
        "from pyspark.errors import PythonException\n"
        "sc = SparkSession.builder.getOrCreate().sparkContext\n"
        "try:\n"
        "    sc.parallelize([1, 0], 1).map(lambda x: 1 // x).collect()\n"
        "except Py4JJavaError as e:\n"
        "    print(type(e).__module__, isinstance(e, PythonException))\n"
        "    print(e.errmsg.strip())\n"
        "    print('ZeroDivisionError: integer division or modulo by zero' in str(e.java_exception))\n"
        "    print(str(e).startswith('An error occurred while calling z:org.apache.spark.api.python.PythonRDD.collectAndServe.\\n: org.apache.spark.SparkException'))\n"
        "print(sc.parallelize([1, 2]).sum())\n")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "py4j.protocol True",
        "An error occurred while calling z:org.apache.spark.api.python.PythonRDD.collectAndServe.",
        "True",
        "True",
        "3",
    ]


def test_an_unpicklable_closure_is_a_pickling_error_in_the_client(spark) -> None:
    lock = threading.Lock()
    rdd = spark.sparkContext.parallelize([1])
    with pytest.raises(pickle.PicklingError, match=r"^Could not serialize object: TypeError: cannot pickle '_thread.lock' object$"):
        rdd.map(lambda x: (lock, x)).collect()
    from tspark.sql import functions as F
    with pytest.raises(pickle.PicklingError, match="Could not serialize object"):
        F.udf(lambda x: (lock, x))("id")
    assert rdd.count() == 1


def test_a_dying_worker_is_retried_then_the_job_succeeds(spark, tmp_path) -> None:
    f = die_first(str(tmp_path), 2)
    assert spark.sparkContext.parallelize([1, 2, 3], 1).map(f).collect() == [2, 4, 6]
    # two attempts died on their first element, the third ran all three elements
    assert len(list(tmp_path.iterdir())) == 2 + 3


def test_a_worker_dying_every_time_fails_after_max_failures(spark, tmp_path) -> None:
    f = die_first(str(tmp_path), 100)
    spark.conf.set("spark.task.maxFailures", "3")
    try:
        with pytest.raises(Exception, match=r"Task 0 in stage \d+\.0 failed 3 times, most recent failure: .*Python worker exited unexpectedly"):
            spark.sparkContext.parallelize([1], 1).map(f).collect()
    finally:
        spark.conf.unset("spark.task.maxFailures")
    assert len(list(tmp_path.iterdir())) == 3
    assert spark.sparkContext.parallelize([1, 2]).map(lambda x: x + 1).collect() == [2, 3]


def test_a_client_on_another_python_minor_is_python_version_mismatch() -> None:
    out = run_python(
        "from tspark.sql import SparkSession, functions as F\n"
        "import tspark.rdd._core as core\n"
        "sc = SparkSession.builder.getOrCreate().sparkContext\n"
        "core._DRIVER_VERSION = '3.0'\n"
        "for job in (lambda: sc.parallelize([1]).map(lambda x: x).collect(),\n"
        "            lambda: sc._session.range(1).select(F.udf(lambda x: x, 'long')('id')).collect()):\n"
        "    try:\n"
        "        job()\n"
        "    except Exception as e:\n"
        "        print([l for l in str(e).splitlines() if 'PYTHON_VERSION_MISMATCH' in l][-1].split('tspark.errors.exceptions.')[-1])\n")
    assert out.returncode == 0, out.stderr
    import sys
    worker = "%d.%d" % sys.version_info[:2]
    line = ("PySparkRuntimeError: [PYTHON_VERSION_MISMATCH] Python in worker has different version: %s than that "
            "in driver: 3.0, PySpark cannot run with different minor versions." % worker)
    assert out.stdout.splitlines() == [line, line]
