"""CURVE on the bridge, with real processes: an engine started by `tspark-engine serve
--curve-keys DIR --allow FILE`, and clients holding keys from `tspark-engine keys generate`.
A listed key works; an unlisted key, a wrong server key and a plaintext client each fail at
once with AUTHENTICATION_FAILED, never a hang (issue 11)."""
from __future__ import annotations

import os
import stat
import subprocess
import time

import pytest

from conftest import CLI, start_engine_server


def _keys(dir_: str, name: str) -> str:
    out = subprocess.run(["node", str(CLI), "keys", "generate", dir_, "--name", name], capture_output=True, text=True, timeout=60, check=True)
    return out.stdout.split("=", 1)[1].strip()


@pytest.fixture(scope="module")
def curve_engine(tmp_path_factory):
    d = str(tmp_path_factory.mktemp("curve"))
    server_dir, client_dir, other_dir = (os.path.join(d, x) for x in ("server", "clients", "other"))
    _keys(server_dir, "server")
    alice = _keys(client_dir, "alice")
    _keys(other_dir, "mallory")
    allow = os.path.join(d, "allowed_clients")
    with open(allow, "w") as f:
        f.write("# admitted clients\n%s alice\n" % alice)
    proc, addr = start_engine_server("--curve-keys", server_dir, "--allow", allow)
    yield {"addr": addr, "server_pub": os.path.join(server_dir, "server.pub"),
           "alice": os.path.join(client_dir, "alice.key"), "mallory": os.path.join(other_dir, "mallory.key"),
           "alice_pub": os.path.join(client_dir, "alice.pub"), "proc": proc}
    proc.terminate()
    proc.wait(timeout=10)


CLIENT = """
import sys, time
from tspark.sql import SparkSession
b = SparkSession.builder.remote(sys.argv[1])
for kv in sys.argv[2:]:
    k, v = kv.split("=", 1)
    b = b.config(k, v)
t0 = time.monotonic()
try:
    spark = b.getOrCreate()
    print("COUNT", spark.range(5).count())
    spark.stop()
except Exception as e:
    print("ERROR %.1f %s: %s" % (time.monotonic() - t0, type(e).__name__, e))
"""


def _client(addr: str, **conf: str) -> str:
    import sys
    p = subprocess.run([sys.executable, "-c", CLIENT, addr, *("%s=%s" % kv for kv in conf.items())], capture_output=True, text=True, timeout=60)
    return p.stdout + p.stderr


def test_listed_client_key_connects_over_curve(curve_engine) -> None:
    out = _client(curve_engine["addr"], **{"spark.tspark.curve.serverKey": curve_engine["server_pub"],
                                           "spark.tspark.curve.clientKey": curve_engine["alice"]})
    assert "COUNT 5" in out, out


def test_server_key_inline_and_keys_from_env(curve_engine) -> None:
    with open(curve_engine["server_pub"]) as f:
        inline = f.read().split("=", 1)[1].strip()
    import sys
    env = {**os.environ, "TSPARK_CURVE_SERVER_KEY": inline, "TSPARK_CURVE_CLIENT_KEY": curve_engine["alice"]}
    p = subprocess.run([sys.executable, "-c", CLIENT, curve_engine["addr"]], capture_output=True, text=True, timeout=60, env=env)
    assert "COUNT 5" in p.stdout, p.stdout + p.stderr


def _assert_refused_fast(out: str, *needles: str) -> None:
    assert out.startswith("ERROR "), out
    seconds = float(out.split()[1])
    assert seconds < 5.0, out
    assert "AUTHENTICATION_FAILED" in out, out
    for n in needles:
        assert n in out, out


def test_unlisted_client_key_fails_fast(curve_engine) -> None:
    out = _client(curve_engine["addr"], **{"spark.tspark.curve.serverKey": curve_engine["server_pub"],
                                           "spark.tspark.curve.clientKey": curve_engine["mallory"]})
    _assert_refused_fast(out, "allow-list")


def test_wrong_server_key_fails_fast(curve_engine) -> None:
    out = _client(curve_engine["addr"], **{"spark.tspark.curve.serverKey": curve_engine["alice_pub"],
                                           "spark.tspark.curve.clientKey": curve_engine["alice"]})
    _assert_refused_fast(out, "CURVE")


def test_plaintext_client_against_curve_engine_fails_fast(curve_engine) -> None:
    out = _client(curve_engine["addr"])
    _assert_refused_fast(out, "requires CURVE")


def test_client_refuses_a_key_file_other_users_can_read(curve_engine, tmp_path) -> None:
    loose = tmp_path / "alice.key"
    loose.write_bytes(open(curve_engine["alice"], "rb").read())
    os.chmod(loose, 0o644)
    out = _client(curve_engine["addr"], **{"spark.tspark.curve.serverKey": curve_engine["server_pub"],
                                           "spark.tspark.curve.clientKey": str(loose)})
    assert "chmod 600" in out, out
    assert stat.S_IMODE(os.stat(curve_engine["alice"]).st_mode) == 0o600


def test_engine_keeps_serving_after_a_refused_key(curve_engine) -> None:
    t0 = time.monotonic()
    _client(curve_engine["addr"], **{"spark.tspark.curve.serverKey": curve_engine["server_pub"],
                                     "spark.tspark.curve.clientKey": curve_engine["mallory"]})
    out = _client(curve_engine["addr"], **{"spark.tspark.curve.serverKey": curve_engine["server_pub"],
                                           "spark.tspark.curve.clientKey": curve_engine["alice"]})
    assert "COUNT 5" in out and time.monotonic() - t0 < 30, out


def test_non_loopback_bind_needs_curve_and_starts_with_it(curve_engine, tmp_path) -> None:
    refused = subprocess.run(["node", str(CLI), "serve", "--host", "0.0.0.0", "--port", "0"], capture_output=True,
                             text=True, timeout=30, env={**os.environ, "TSPARK_AUTH_TOKEN": "tok"})
    assert refused.returncode == 2 and "--curve-keys" in refused.stderr
    server_dir = os.path.dirname(curve_engine["server_pub"])
    allow = tmp_path / "allow"
    allow.write_text(open(curve_engine["alice_pub"]).read())
    ok = subprocess.Popen(["node", str(CLI), "serve", "--host", "0.0.0.0", "--port", "0", "--curve-keys", server_dir,
                           "--allow", str(allow)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert ok.stdout is not None
        line = ok.stdout.readline()
        assert line.startswith("TSPARK_ENGINE_READY tcp://0.0.0.0:"), line + (ok.stderr.read() if ok.poll() is not None and ok.stderr else "")
    finally:
        ok.terminate()
        ok.wait(timeout=10)
