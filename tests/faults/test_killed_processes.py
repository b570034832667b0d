"""Killed processes: the engine, a Python worker, a client in the middle of a collect."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from faults_support import RawClient, rss_kb, start_engine_server, wait_for
# the e2e suite's embedded-engine kill (a clear error, a fresh engine at the next getOrCreate), run here too
from test_faults import test_engine_killed_mid_query_raises_quickly_and_next_session_is_fresh  # noqa: F401


def _children(pid: int, needle: bytes) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry, "rb") as f:
                stat = f.read()
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                cmd = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2:].split()
        if fields[0] != b"Z" and int(fields[1]) == pid and needle in cmd:
            out.append(int(entry))
    return out


def test_remote_engine_sigkilled_mid_query_gives_a_clear_error_within_5s() -> None:
    """engine SIGKILLed mid-query (remote serve): the client gets a clear error within 5 s"""
    from tspark.sql import SparkSession

    proc, addr = start_engine_server()
    spark = SparkSession.builder.remote(addr).create()
    assert spark.range(3).count() == 3
    errors: list[BaseException] = []

    def long_query() -> None:
        try:
            spark.range(0, 10 ** 12).selectExpr("sum(id)").collect()
        except BaseException as e:  # noqa: BLE001 - asserted below
            errors.append(e)

    t = threading.Thread(target=long_query)
    t.start()
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    t0 = time.monotonic()
    t.join(timeout=30)
    took = time.monotonic() - t0
    assert not t.is_alive(), "the client hung after its engine died"
    assert took < 5.0, "the client took %.1f s to notice its engine died" % took
    assert errors and "TSPARK_ENGINE_UNREACHABLE" in str(errors[0]), errors


def test_python_worker_killed_mid_task_is_retried() -> None:
    """a Python worker SIGKILLed mid-UDF: its task is retried and the job succeeds; the engine serves on"""
    from tspark.sql import SparkSession, functions as F

    proc, addr = start_engine_server()
    spark = SparkSession.builder.remote(addr).create()
    try:
        slow = F.udf(lambda x: (__import__("time").sleep(0.002), x * 2)[1], "long")
        result: list[int] = []
        errors: list[BaseException] = []

        def job() -> None:
            try:
                result.append(spark.range(0, 3000, 1, 2).select(F.sum(slow("id")).alias("s")).collect()[0].s)
            except BaseException as e:  # noqa: BLE001 - asserted below
                errors.append(e)

        t = threading.Thread(target=job)
        t.start()
        assert wait_for(lambda: bool(_children_deep(proc.pid, b"tspark.worker")), 30), "no Python worker started"
        victim = _children_deep(proc.pid, b"tspark.worker")[0]
        os.kill(victim, signal.SIGKILL)
        t.join(timeout=120)
        assert not t.is_alive()
        assert not errors, errors
        assert result == [2 * sum(range(3000))]
        assert spark.range(5).count() == 5
    finally:
        spark.stop()
        proc.terminate()
        proc.wait(timeout=15)


def test_worker_thread_killed_mid_task_is_retried() -> None:
    """a worker thread that dies mid-task (process.exit or a fatal error in the thread): the task runs again on a fresh thread; past spark.task.maxFailures the job fails naming it"""
    from tspark.sql import SparkSession, functions as F

    proc, addr = start_engine_server()
    spark = SparkSession.builder.remote(addr).create()
    try:
        df = spark.range(0, 200_000, 1, 4).groupBy((F.col("id") % 11).alias("k")).agg(F.sum("id").alias("s"))
        expected = sorted((k, sum(range(k, 200_000, 11))) for k in range(11))
        for fault in ("exit:1", "throw:1"):
            # every task that reads the shuffle loses its thread on its first attempt(s)
            spark.conf.set("spark.tspark.test.workerExitOnShuffleRead", fault)
            assert sorted((r.k, r.s) for r in df.collect()) == expected, fault
        spark.conf.set("spark.tspark.test.workerExitOnShuffleRead", "true")
        spark.conf.set("spark.task.maxFailures", "2")
        with pytest.raises(Exception, match=r"Task \d+ in stage \d+\.0 failed 2 times, most recent failure: Lost task \d+\.1 .*ExecutorLostFailure \(worker thread \d+ exited"):
            df.collect()
        spark.conf.unset("spark.tspark.test.workerExitOnShuffleRead")
        spark.conf.unset("spark.task.maxFailures")
        assert sorted((r.k, r.s) for r in df.collect()) == expected
    finally:
        spark.stop()
        proc.terminate()
        proc.wait(timeout=15)


def test_to_local_iterator_over_a_literal_column_streams_every_row() -> None:
    """toLocalIterator over a string literal column on the worker threads: every row arrives (a reused literal vector was once moved away)"""
    from tspark.sql import SparkSession

    proc, addr = start_engine_server()
    spark = SparkSession.builder.remote(addr).create()
    try:
        df = spark.range(0, 600_000, 1, 4).selectExpr("id", "repeat('x', 40) AS pad", "7 AS seven")
        n = 0
        for row in df.toLocalIterator():
            assert row.id == n and row.pad == "x" * 40 and row.seven == 7
            n += 1
        assert n == 600_000
    finally:
        spark.stop()
        proc.terminate()
        proc.wait(timeout=15)


def _children_deep(pid: int, needle: bytes) -> list[int]:
    """Processes under `pid` (children of its children too) whose command line holds `needle`."""
    found, frontier = [], [pid]
    while frontier:
        p = frontier.pop()
        for c in _children(p, b""):
            frontier.append(c)
            with open("/proc/%d/cmdline" % c, "rb") as f:
                if needle in f.read():
                    found.append(c)
    return found


COLLECTOR = r"""
import sys
from tspark.sql import SparkSession
spark = SparkSession.builder.remote(sys.argv[1]).getOrCreate()
df = spark.range(0, 20_000_000, 1, 4).selectExpr("id", "repeat('x', 40) AS pad")
print("started", flush=True)
for i, row in enumerate(df.toLocalIterator()):
    if i == 10:
        print("streaming", flush=True)
"""


def test_client_killed_mid_collect_frees_its_memory_within_seconds() -> None:
    """a client SIGKILLed mid-collect: its query is cancelled and the engine's memory freed within seconds"""
    proc, addr = start_engine_server()
    try:
        probe = RawClient(addr)
        baseline = rss_kb(proc.pid)
        client = subprocess.Popen([sys.executable, "-c", COLLECTOR, addr], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert client.stdout is not None
        assert wait_for(lambda: "streaming" in (client.stdout.readline() or ""), 60)
        time.sleep(1.0)
        peak = rss_kb(proc.pid)
        client.send_signal(signal.SIGKILL)
        client.wait(timeout=10)
        t0 = time.monotonic()
        # the session is released (its client process is gone) and the stream cancelled
        assert wait_for(lambda: "released: its client process is gone" in _log_of(proc), 10), "the dead client's session was not released"
        released = time.monotonic() - t0
        assert probe.ping(), "the engine stopped answering"
        time.sleep(2.0)
        after = rss_kb(proc.pid)
        print("client kill: engine RSS baseline %d MB, streaming %d MB, 2 s after release %d MB; released after %.1f s"
              % (baseline // 1024, peak // 1024, after // 1024, released))
        assert released < 5.0
    finally:
        proc.terminate()
        proc.wait(timeout=15)


_logs: dict[int, str] = {}


def _log_of(proc: subprocess.Popen) -> str:
    """What the engine wrote to stderr so far (read without blocking)."""
    import fcntl

    assert proc.stderr is not None
    fd = proc.stderr.fileno()
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)
    try:
        chunk = os.read(fd, 1 << 20).decode("utf-8", "replace")
    except BlockingIOError:
        chunk = ""
    _logs[proc.pid] = _logs.get(proc.pid, "") + chunk
    return _logs[proc.pid]


def test_remote_client_that_vanishes_mid_stream_has_its_stream_dropped_within_seconds() -> None:
    """a client with no pid on this host vanishes mid-stream: its closed connection cancels the stream within seconds, not 10 min"""
    proc, addr = start_engine_server()
    try:
        c = RawClient(addr)
        sid = c.handshake()  # no clientPid: the engine cannot watch this client's process
        c.send({"kind": "execute", "id": "big", "sessionId": sid, "format": "rows",
                "plan": {"kind": "Range", "start": 0, "end": 50_000_000, "step": 1}})
        first = c.recv()
        assert first["kind"] in ("schema", "batch"), first
        c.close()  # never acks again, never pings: gone
        t0 = time.monotonic()
        assert wait_for(lambda: "disconnected and stayed silent" in _log_of(proc), 30), _log_of(proc)[-2000:]
        took = time.monotonic() - t0
        print("vanished remote client: stream cancelled after %.1f s" % took)
        assert took < 8  # the 3 s grace for a reconnect, the 0.5 s checks and a loaded machine
        probe = RawClient(addr)
        assert probe.ping()
    finally:
        proc.terminate()
        proc.wait(timeout=15)
