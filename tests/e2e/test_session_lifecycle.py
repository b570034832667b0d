"""The client starts, finds and stops its engine the way a user's program needs."""
from __future__ import annotations

import os
import signal
import time

from conftest import ROOT, run_python, start_engine_server

from tests_support import engine_pids_for_parent, wait_until


def test_works_from_any_directory_without_env_hints(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TSPARK_")}
    proc = run_python(
        "from tspark.sql import SparkSession\n"
        "spark = SparkSession.builder.appName('anywhere').getOrCreate()\n"
        "print(spark.range(5).count())\n"
        "spark.stop()\n",
        cwd=str(tmp_path),
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "5"


def test_missing_node_says_how_to_fix(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TSPARK_")}
    env["PATH"] = str(tmp_path)  # no node on PATH
    proc = run_python(
        "from tspark.sql import SparkSession\nSparkSession.builder.getOrCreate()\n",
        cwd=str(tmp_path),
        env=env,
    )
    assert proc.returncode != 0
    assert "Node.js" in proc.stderr and "install" in proc.stderr.lower()


def test_engine_exits_when_parent_dies() -> None:
    code = (
        "import os, time\n"
        "from tspark.sql import SparkSession\n"
        "spark = SparkSession.builder.getOrCreate()\n"
        "print(spark.range(3).count(), flush=True)\n"
        "time.sleep(60)\n"
    )
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "3"
        pids = engine_pids_for_parent(child.pid)
        assert pids, "embedded engine process not found"
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert wait_until(lambda: not any(_alive(p) for p in pids), timeout=10), "engine outlived its parent"
    finally:
        if child.poll() is None:
            child.kill()


def test_remote_attach_and_stop_leaves_server_running() -> None:
    server, addr = start_engine_server()
    try:
        from tspark.sql import SparkSession

        spark = SparkSession.builder.remote(addr).getOrCreate()
        assert spark.range(10).filter("id > 4").count() == 5
        spark.stop()
        time.sleep(0.2)
        assert server.poll() is None, "stopping a remote session must not stop the server"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_install_as_pyspark_from_code() -> None:
    proc = run_python(
        "import tspark\n"
        "tspark.install_as_pyspark()\n"
        "from pyspark.sql import SparkSession, functions as F\n"
        "from pyspark.sql.types import LongType\n"
        "spark = SparkSession.builder.getOrCreate()\n"
        "print(type(spark).__module__.split('.')[0])\n"
        "print(spark.range(4).agg(F.sum('id')).collect()[0][0])\n"
        "spark.stop()\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["tspark", "6"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead for our purposes
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


del ROOT
