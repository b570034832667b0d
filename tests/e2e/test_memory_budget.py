"""The memory budget: a sort past it spills and stays correct; a query that cannot fit fails
with Spark's UNABLE_TO_ACQUIRE_MEMORY, and the engine keeps serving everyone."""
from __future__ import annotations

import os
import pathlib

import msgpack
import pytest
import zmq

from conftest import start_engine_server


@pytest.fixture()
def server():
    proc, addr = start_engine_server()
    yield addr
    proc.terminate()
    proc.wait(timeout=10)


def _ping(addr: str) -> str:
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.setsockopt(zmq.LINGER, 0)
    sock.setsockopt(zmq.RCVTIMEO, 5000)
    sock.connect(addr)
    try:
        sock.send(msgpack.packb({"kind": "ping", "id": "p"}, use_bin_type=True))
        return msgpack.unpackb(sock.recv(), raw=False)["kind"]
    finally:
        sock.close()


def _spill_files(root: pathlib.Path) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file()]


def test_sort_past_budget_spills_and_cleans_up(server, tmp_path: pathlib.Path) -> None:
    from tspark.sql import SparkSession

    spark = SparkSession.builder.remote(server).getOrCreate()
    try:
        spark.conf.set("spark.executor.memory", "8m")
        spark.conf.set("spark.local.dir", str(tmp_path))
        n = 120_000
        rows = spark.range(n).selectExpr("(id * 7919) % 1000 AS k", "id").orderBy("k", "id").collect()
        assert [(r.k, r.id) for r in rows] == sorted(((i * 7919) % 1000, i) for i in range(n))
        assert any(tmp_path.iterdir()), "the sort should have used spark.local.dir"
        assert _spill_files(tmp_path) == []
    finally:
        spark.stop()


def test_group_by_past_budget_spills_partitions_and_is_exact(server, tmp_path: pathlib.Path) -> None:
    from tspark.sql import SparkSession, functions as F

    spark = SparkSession.builder.remote(server).getOrCreate()
    try:
        spark.conf.set("spark.executor.memory", "8m")
        spark.conf.set("spark.local.dir", str(tmp_path))
        groups = 100_000
        df = spark.range(3 * groups).selectExpr(f"CAST(id % {groups} AS STRING) AS k", "id")
        rows = df.groupBy("k").agg(F.count("*").alias("c"), F.sum("id").alias("s")).collect()
        assert len(rows) == groups
        got = {r.k: (r.c, r.s) for r in rows}
        assert got == {str(k): (3, 3 * k + 3 * groups) for k in range(groups)}
        assert any(tmp_path.iterdir()), "the aggregate should have spilled to spark.local.dir"
        assert _spill_files(tmp_path) == []
    finally:
        spark.stop()


def test_query_that_cannot_fit_fails_with_spark_error_and_engine_keeps_serving(server) -> None:
    from tspark.sql import SparkSession

    spark = SparkSession.builder.remote(server).getOrCreate()
    try:
        spark.conf.set("spark.executor.memory", "1m")
        with pytest.raises(Exception) as info:
            spark.range(100_000).selectExpr("id % 10 AS k", "id").orderBy("k").collect()
        err = info.value
        assert err.getCondition() == "UNABLE_TO_ACQUIRE_MEMORY"
        assert err.getSqlState() == "53200"
        assert "Unable to acquire" in str(err) and "bytes of memory, got" in str(err)
        # A join no longer dies of the budget (it failed here while a hash join's build side could
        # not spill): past the broadcast threshold it sort-merges, and its sorts spill.
        left = spark.range(200_000)
        right = spark.range(200_000).withColumnRenamed("id", "id2")
        assert left.join(right, left.id == right.id2).count() == 200_000
        # Another client is served, and so is this one once the budget is back.
        assert _ping(server) == "pong"
        spark.conf.unset("spark.executor.memory")
        assert [r.k for r in spark.range(5).selectExpr("4 - id AS k").orderBy("k").collect()] == [0, 1, 2, 3, 4]
    finally:
        spark.stop()
