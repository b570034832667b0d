"""Python UDFs and RDD lambdas run inside worker-thread tasks: the thread serving ZeroMQ stays
free, and every fault (a raising UDF, a killed Python worker, an interrupt, a stopped
session) ends cleanly with no Python process left behind."""
from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import threading
import time

import msgpack
import pytest
import zmq

from conftest import start_engine_server
from tests_support import engine_pids_for_parent, wait_until


@pytest.fixture()
def server():
    proc, addr = start_engine_server()
    yield proc, addr
    proc.terminate()
    proc.wait(timeout=10)


def python_workers_of(engine_pid: int) -> list[int]:
    """Live `python -m tspark.worker` processes whose parent is the engine process."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        # fields after the parenthesised command name: state, ppid, ...
        fields = stat[stat.rindex(b")") + 2:].split()
        if fields[0] != b"Z" and int(fields[1]) == engine_pid and b"tspark.worker" in args:
            found.append(int(entry))
    return found


def _ping_rtt(sock: zmq.Socket, i: int) -> float:
    t0 = time.perf_counter()
    sock.send(msgpack.packb({"kind": "ping", "id": f"p{i}"}, use_bin_type=True))
    reply = msgpack.unpackb(sock.recv(), raw=False)
    assert reply["kind"] == "pong"
    return time.perf_counter() - t0


UDF_CLIENT = """
import sys
from tspark.sql import SparkSession, functions as F
spark = SparkSession.builder.remote(sys.argv[1]).getOrCreate()
# strings both ways: the argument and result columns cost real encoding work per batch,
# which must happen on the worker threads, not on the thread that answers pings
tag = F.udf(lambda s: s + "!", "string")
df = spark.range(int(sys.argv[2])).select(F.sum(F.length(tag(F.col("id").cast("string")))).alias("s"))
print("started", flush=True)
print(df.collect()[0].s, flush=True)
spark.stop()
"""


def test_ping_is_answered_quickly_while_a_python_udf_query_runs(server) -> None:
    proc, addr = server
    n = 3_000_000
    # The UDF query runs from another process so the pings measure the engine, not this
    # interpreter's GIL hand-offs between a pinging and a waiting thread.
    udf = subprocess.Popen([sys.executable, "-c", UDF_CLIENT, addr, str(n)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.setsockopt(zmq.LINGER, 0)
    sock.setsockopt(zmq.RCVTIMEO, 5000)
    sock.connect(addr)
    try:
        _ping_rtt(sock, -1)
        idle = statistics.median(_ping_rtt(sock, -2 - k) for k in range(15))
        assert udf.stdout is not None
        assert udf.stdout.readline().strip() == "started"
        # under way once the worker threads' Python processes exist
        assert wait_until(lambda: len(python_workers_of(proc.pid)) > 0, 30)
        rtts: list[float] = []
        i = 0
        while udf.poll() is None and len(rtts) < 60:
            rtt = _ping_rtt(sock, i)
            if udf.poll() is None:
                rtts.append(rtt)
            i += 1
            time.sleep(0.005)
        out, err = udf.communicate(timeout=300)
        assert udf.returncode == 0, err
        assert int(out.strip()) == sum(len(str(i)) + 1 for i in range(n))
        assert len(rtts) >= 5, f"the UDF query ended before enough pings were measured ({len(rtts)})"
        busy = statistics.median(rtts)
        assert busy < 0.010 + idle, (busy, idle, sorted(rtts))
    finally:
        sock.close()
        if udf.poll() is None:
            udf.kill()


def test_a_raising_udf_gives_python_exception_with_traceback_and_the_engine_serves_on(server) -> None:
    from tspark.errors import PythonException
    from tspark.sql import SparkSession, functions as F

    _, addr = server
    spark = SparkSession.builder.remote(addr).getOrCreate()
    try:
        def lookup(x):
            return {}[x]

        with pytest.raises(PythonException) as info:
            spark.range(100).select(F.udf(lookup, "int")("id")).collect()
        text = str(info.value)
        assert "Traceback (most recent call last)" in text and "KeyError" in text and "lookup" in text
        with pytest.raises(PythonException) as info:
            spark.sparkContext.parallelize(range(10), 2).map(lambda x: 1 // (x - x)).collect()
        assert "ZeroDivisionError" in str(info.value)
        assert spark.range(5).select(F.udf(lambda x: x * 3, "long")("id").alias("y")).collect()[-1].y == 12
        assert spark.sparkContext.parallelize([1, 2, 3], 2).map(lambda x: x + 1).collect() == [2, 3, 4]
    finally:
        spark.stop()


def test_a_python_worker_killed_mid_query_fails_the_query_cleanly_and_the_next_runs(server) -> None:
    from tspark.sql import SparkSession, functions as F

    proc, addr = server
    spark = SparkSession.builder.remote(addr).getOrCreate()
    # one attempt per task: a killed worker fails the query (with retries it would run again)
    spark.conf.set("spark.task.maxFailures", "1")
    errors: list[BaseException] = []
    slow = F.udf(lambda x: __import__("time").sleep(0.01) or x, "long")

    def query() -> None:
        try:
            spark.range(100_000).select(F.sum(slow("id"))).collect()
        except BaseException as e:  # noqa: BLE001 - asserted below
            errors.append(e)

    try:
        t = threading.Thread(target=query)
        t.start()
        assert wait_until(lambda: len(python_workers_of(proc.pid)) > 0, 30)
        time.sleep(0.5)
        victims = python_workers_of(proc.pid)
        for pid in victims:
            os.kill(pid, signal.SIGKILL)
        t.join(timeout=30)
        assert not t.is_alive(), "the query hung after its Python worker was killed"
        assert errors and "PYTHON_WORKER_EXITED_UNEXPECTEDLY" in str(errors[0]) and "SIGKILL" in str(errors[0])
        assert spark.range(10).select(F.sum(F.udf(lambda x: x + 1, "long")("id"))).collect()[0][0] == 55
        assert spark.sparkContext.parallelize(range(4), 2).map(lambda x: x * x).collect() == [0, 1, 4, 9]
        assert not set(victims) & set(python_workers_of(proc.pid))
    finally:
        spark.stop()


def test_interrupt_stops_the_python_work(server, tmp_path) -> None:
    from tspark.sql import SparkSession, functions as F

    proc, addr = server
    spark = SparkSession.builder.remote(addr).getOrCreate()
    pid_file = str(tmp_path / "pid")

    def stuck(x, path=pid_file):
        import os, time
        with open(path, "w") as f:
            f.write(str(os.getpid()))
        time.sleep(120)
        return x

    try:
        def interrupt_when_running() -> None:
            wait_until(lambda: os.path.exists(pid_file) and open(pid_file).read() != "", 30)
            os.kill(os.getpid(), signal.SIGINT)

        interrupter = threading.Thread(target=interrupt_when_running)
        interrupter.start()
        started = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            spark.range(1).select(F.udf(stuck, "long")("id")).collect()
        interrupter.join()
        pid = int(open(pid_file).read())
        # the client's KeyboardInterrupt reached the engine, which killed the process running the UDF
        assert wait_until(lambda: pid not in python_workers_of(proc.pid), 10)
        assert time.monotonic() - started < 60
        assert spark.range(3).select(F.udf(lambda x: x + 1, "long")("id")).collect()[-1][0] == 3
    finally:
        spark.stop()


def test_no_python_process_is_left_after_the_session_stops() -> None:
    from tspark.sql import SparkSession, functions as F

    # a session of its own (getOrCreate could hand out another test's), so its engine is known
    spark = SparkSession.builder.appName("python-leak").create()
    assert spark._engine is not None
    engines = [spark._engine.proc.pid]
    assert engines[0] in engine_pids_for_parent(os.getpid())
    assert spark.range(10_000).select(F.sum(F.udf(lambda x: x + 1, "long")("id"))).collect()[0][0] == 50_005_000
    assert spark.sparkContext.parallelize(range(100), 4).map(lambda x: x % 7).reduce(lambda a, b: a + b) == sum(x % 7 for x in range(100))
    workers = [w for e in engines for w in python_workers_of(e)]
    assert workers, "the queries ran in Python workers of the engine"
    spark.stop()

    def gone(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                return f.read().split(b") ")[1][:1] == b"Z"
        except OSError:
            return True

    assert wait_until(lambda: all(gone(p) for p in workers + engines), 10), [p for p in workers + engines if not gone(p)]
