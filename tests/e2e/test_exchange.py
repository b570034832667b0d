"""Wide operators run on the engine's worker threads: the thread serving ZeroMQ stays free."""
from __future__ import annotations

import statistics
import threading
import time

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


def _ping_rtt(sock: zmq.Socket, i: int) -> float:
    t0 = time.perf_counter()
    sock.send(msgpack.packb({"kind": "ping", "id": f"p{i}"}, use_bin_type=True))
    reply = msgpack.unpackb(sock.recv(), raw=False)
    assert reply["kind"] == "pong"
    return time.perf_counter() - t0


def test_ping_is_answered_quickly_while_a_10m_row_join_runs(server) -> None:
    from tspark.sql import SparkSession

    spark = SparkSession.builder.remote(server).getOrCreate()
    result: dict[str, object] = {}

    def join() -> None:
        try:
            big = spark.range(10_000_000)
            small = spark.range(1_000_000)
            result["count"] = big.join(small, "id").count()
        except BaseException as e:  # surfaced by the assertion below
            result["error"] = e

    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.setsockopt(zmq.LINGER, 0)
    sock.setsockopt(zmq.RCVTIMEO, 5000)
    sock.connect(server)
    try:
        _ping_rtt(sock, -1)  # connection set up before the clock matters
        t = threading.Thread(target=join)
        t.start()
        time.sleep(0.5)  # the join is under way: planned, its tasks on the workers
        rtts: list[float] = []
        i = 0
        while t.is_alive() and len(rtts) < 40:
            rtt = _ping_rtt(sock, i)
            if t.is_alive():
                rtts.append(rtt)
            i += 1
            time.sleep(0.05)
        t.join(timeout=300)
        assert "error" not in result, result.get("error")
        assert result["count"] == 1_000_000
        assert len(rtts) >= 5, f"the join ended before enough pings were measured ({len(rtts)})"
        assert statistics.median(rtts) < 0.010, sorted(rtts)
    finally:
        sock.close()
        spark.stop()


def test_a_crashed_worker_thread_fails_its_query_and_the_next_query_runs(server) -> None:
    from tspark.sql import SparkSession, functions as F

    spark = SparkSession.builder.remote(server).getOrCreate()
    try:
        df = spark.range(100_000).groupBy((F.col("id") % 7).alias("k")).count()
        assert len(df.collect()) == 7
        spark.conf.set("spark.tspark.test.workerExitOnShuffleRead", "true")
        with pytest.raises(Exception) as err:
            df.collect()
        assert "INTERNAL_ERROR" in str(err.value) and "worker thread failed" in str(err.value)
        spark.conf.unset("spark.tspark.test.workerExitOnShuffleRead")
        assert sorted(r["k"] for r in df.collect()) == list(range(7))
        assert spark.range(10).count() == 10
    finally:
        spark.stop()
