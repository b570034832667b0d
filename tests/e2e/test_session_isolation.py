"""Two sessions on one engine see nothing of each other (issue 11 §2): temp views, UDF
registrations, conf and caches are per session; global temp views are shared, as in Spark;
one session's failing or cancelled job leaves the other's running."""
from __future__ import annotations

import threading

import pytest

from conftest import start_engine_server


@pytest.fixture(scope="module")
def two_sessions():
    from tspark.sql import SparkSession

    proc, addr = start_engine_server()
    a = SparkSession.builder.remote(addr).create()
    b = SparkSession.builder.remote(addr).create()
    yield a, b
    for s in (a, b):
        s.stop()
    proc.terminate()
    proc.wait(timeout=10)


def test_temp_views_are_per_session(two_sessions) -> None:
    from tspark.errors import AnalysisException

    a, b = two_sessions
    a.range(3).createOrReplaceTempView("iso_view")
    assert a.table("iso_view").count() == 3
    with pytest.raises(AnalysisException, match="TABLE_OR_VIEW_NOT_FOUND"):
        b.table("iso_view").count()
    assert not any(t.name == "iso_view" for t in b.catalog.listTables())


def test_global_temp_views_are_shared_as_in_spark(two_sessions) -> None:
    a, b = two_sessions
    a.range(4).createOrReplaceGlobalTempView("iso_global")
    assert b.table("global_temp.iso_global").count() == 4


def test_udf_registrations_are_per_session(two_sessions) -> None:
    from tspark.errors import AnalysisException

    a, b = two_sessions
    a.udf.register("iso_plus1", lambda x: x + 1, "long")
    assert a.sql("SELECT iso_plus1(1) AS v").collect()[0].v == 2
    with pytest.raises(AnalysisException, match="UNRESOLVED_ROUTINE"):
        b.sql("SELECT iso_plus1(1) AS v").collect()


def test_conf_is_per_session(two_sessions) -> None:
    a, b = two_sessions
    a.conf.set("spark.sql.shuffle.partitions", "7")
    assert a.conf.get("spark.sql.shuffle.partitions") == "7"
    assert b.conf.get("spark.sql.shuffle.partitions") == "200"
    a.conf.unset("spark.sql.shuffle.partitions")


def test_caches_are_per_session(two_sessions) -> None:
    a, b = two_sessions
    a.range(5).createOrReplaceTempView("iso_cached")
    b.range(50).createOrReplaceTempView("iso_cached")
    da = a.table("iso_cached")
    da.cache()
    assert da.count() == 5
    # the same plan text in the other session names its own view: never the other's cached rows
    db = b.table("iso_cached")
    assert db.count() == 50
    assert not db.storageLevel.useMemory
    # and clearing one session's cache leaves the other's
    b.catalog.clearCache()
    assert da.storageLevel.useMemory
    assert a.table("iso_cached").count() == 5
    da.unpersist()


def test_a_failing_or_cancelled_job_leaves_the_other_session_running(two_sessions) -> None:
    from tspark.errors import PySparkException

    a, b = two_sessions
    with pytest.raises(PySparkException):
        a.sql("SELECT assert_true(id < 0) FROM range(3)").collect()
    # b runs a job while a's is cancelled half way (its consumer stops: the client interrupts it)
    done: list[int] = []
    t = threading.Thread(target=lambda: done.append(b.range(0, 2_000_000, 1, 4).selectExpr("sum(id) AS s").collect()[0].s))
    t.start()
    it = a.range(0, 10 ** 12).toLocalIterator()
    assert next(it).id == 0
    it.close()
    t.join(timeout=60)
    assert done == [sum(range(2_000_000))]
    assert b.range(10).count() == 10
    assert a.range(2).count() == 2
