"""The token off the command line (issue 11): a standalone `serve` on loopback with no token
generates one into a 0600 file that only its user's clients read; `--token-file` and
TSPARK_AUTH_TOKEN give one without it showing in `ps`."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

from conftest import start_engine_server

CLIENT = """
import sys
from tspark.sql import SparkSession
try:
    spark = SparkSession.builder.remote(sys.argv[1]).getOrCreate()
    print("COUNT", spark.range(3).count())
    spark.stop()
except Exception as e:
    print("ERROR", e)
"""


def _client(addr: str, env: dict[str, str] | None = None) -> str:
    p = subprocess.run([sys.executable, "-c", CLIENT, addr], capture_output=True, text=True, timeout=60, env={**os.environ, **(env or {})})
    return p.stdout + p.stderr


def _cmdline(pid: int) -> bytes:
    with open("/proc/%d/cmdline" % pid, "rb") as f:
        return f.read()


def test_generated_token_file_is_private_and_found_by_this_users_client(tmp_path) -> None:
    run = tmp_path / "run"
    proc, addr = start_engine_server(env={"TSPARK_RUNTIME_DIR": str(run)})
    try:
        path = run / ("engine-%s.token" % addr.rsplit(":", 1)[1])
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(run).st_mode) == 0o700
        token = path.read_text().strip()
        assert len(token) == 64
        assert token.encode() not in _cmdline(proc.pid)
        assert "COUNT 3" in _client(addr, {"TSPARK_RUNTIME_DIR": str(run)})
        # a client that cannot read the file (another user: here, another runtime dir) is refused
        assert "AUTHENTICATION_FAILED" in _client(addr, {"TSPARK_RUNTIME_DIR": str(tmp_path / "elsewhere")})
        # and a loose file is not trusted by the client: it says how to fix it
        os.chmod(path, 0o644)
        assert "chmod 600" in _client(addr, {"TSPARK_RUNTIME_DIR": str(run)})
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert not path.exists(), "the token file outlived its engine"


def test_token_from_env_or_file_never_on_the_command_line(tmp_path) -> None:
    tok = tmp_path / "tok"
    tok.write_text("t0ken-from-file\n")
    os.chmod(tok, 0o600)
    proc, addr = start_engine_server("--token-file", str(tok))
    try:
        assert b"t0ken-from-file" not in _cmdline(proc.pid)
        assert "AUTHENTICATION_FAILED" in _client(addr, {"TSPARK_RUNTIME_DIR": str(tmp_path / "none")})
        assert "COUNT 3" in _client(addr + "/;token=t0ken-from-file")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_embedded_engine_keeps_its_token_out_of_ps() -> None:
    out = subprocess.run([sys.executable, "-c", """
import os
from tspark.sql import SparkSession
spark = SparkSession.builder.getOrCreate()
pid = spark._engine.proc.pid
cmd = open('/proc/%d/cmdline' % pid, 'rb').read()
print('LEAK' if spark._engine.token.encode() in cmd else 'CLEAN', spark.range(2).count())
spark.stop()
"""], capture_output=True, text=True, timeout=60)
    assert "CLEAN 2" in out.stdout, out.stdout + out.stderr
