"""The interpreter that runs a session's Python is the engine's configuration (`serve --python`),
never a path a client sends (issue 11)."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import start_engine_server

CLIENT = """
import sys
from tspark.sql import SparkSession, functions as F
spark = SparkSession.builder.remote(sys.argv[1]).config("spark.pyspark.python", sys.argv[2]).getOrCreate()
exe = F.udf(lambda _: __import__("sys").executable, "string")
print("RAN", spark.range(1).select(exe("id").alias("e")).collect()[0].e)
spark.stop()
"""


def test_a_client_cannot_choose_an_unlisted_interpreter(tmp_path) -> None:
    marker = tmp_path / "ran"
    evil = tmp_path / "evil-python"
    evil.write_text("#!/bin/sh\ntouch %s\nexec %s \"$@\"\n" % (marker, sys.executable))
    os.chmod(evil, 0o755)
    proc, addr = start_engine_server()
    try:
        out = subprocess.run([sys.executable, "-c", CLIENT, addr, str(evil)], capture_output=True, text=True, timeout=120)
        assert "RAN " in out.stdout, out.stdout + out.stderr
        ran = out.stdout.split("RAN ", 1)[1].strip()
        assert os.path.realpath(ran) == os.path.realpath(sys.executable) or ran == sys.executable
        assert not marker.exists(), "the engine ran the interpreter the client named"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=15)
    assert "not in the engine's allow-list" in err


def test_a_listed_interpreter_the_client_asks_for_is_used(tmp_path) -> None:
    proc, addr = start_engine_server()  # --python sys.executable
    try:
        out = subprocess.run([sys.executable, "-c", CLIENT, addr, sys.executable], capture_output=True, text=True, timeout=120)
        assert "RAN " in out.stdout, out.stdout + out.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_the_embedded_engine_runs_the_clients_own_interpreter_only() -> None:
    out = subprocess.run([sys.executable, "-c", """
import sys
from tspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
cmd = open('/proc/%d/cmdline' % spark._engine.proc.pid, 'rb').read().split(b'\\0')
i = cmd.index(b'--python')
print('PY', cmd[i + 1].decode() == sys.executable)
spark.stop()
"""], capture_output=True, text=True, timeout=60)
    assert "PY True" in out.stdout, out.stdout + out.stderr
