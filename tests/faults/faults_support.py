"""Helpers of the fault suite: the e2e suite's engine launcher (shared, not copied), a raw
DEALER that speaks the bridge, and process probes."""
from __future__ import annotations

import importlib.util
import os
import pathlib
import sys
import time
from typing import Any, Dict, Optional

import msgpack
import zmq

E2E = pathlib.Path(__file__).resolve().parents[1] / "e2e"
sys.path.insert(0, str(E2E))
_spec = importlib.util.spec_from_file_location("e2e_conftest", E2E / "conftest.py")
assert _spec is not None and _spec.loader is not None
_e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_e2e)

start_engine_server = _e2e.start_engine_server
CLI = _e2e.CLI
ROOT = _e2e.ROOT


def rss_kb(pid: int) -> int:
    """Resident set size of a process, in KiB."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class RawClient:
    """A DEALER speaking msgpack to the engine, authenticated with the loopback token file."""

    def __init__(self, addr: str, timeout_ms: int = 10_000):
        from tspark._bridge.security import local_engine_token

        self.addr = addr
        self.sock = zmq.Context.instance().socket(zmq.DEALER)
        self.sock.setsockopt(zmq.LINGER, 0)
        self.sock.setsockopt(zmq.RCVTIMEO, timeout_ms)
        self.sock.connect(addr)
        self.token = local_engine_token(addr)
        self.session_id = ""

    def send(self, msg: Dict[str, Any]) -> None:
        self.sock.send(msgpack.packb(msg, use_bin_type=True))

    def recv(self) -> Dict[str, Any]:
        return msgpack.unpackb(self.sock.recv(), raw=False, strict_map_key=False)

    def handshake(self) -> str:
        self.send({"kind": "handshake", "id": "h", "protocolVersion": 1, "client": "faults", "pythonExec": sys.executable,
                   "pythonVersion": "3", "token": self.token})
        reply = self.recv()
        assert reply["kind"] == "handshakeOk", reply
        self.session_id = reply["sessionId"]
        return self.session_id

    def ping(self, pid: str = "p", timeout: float = 10.0) -> bool:
        """Whether a ping is answered within `timeout` (other replies are drained meanwhile)."""
        self.send({"kind": "ping", "id": pid})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.sock.poll(100, zmq.POLLIN):
                reply = self.recv()
                if reply.get("kind") == "pong" and reply.get("id") == pid:
                    return True
        return False

    def drain(self) -> int:
        n = 0
        while self.sock.poll(0, zmq.POLLIN):
            self.sock.recv()
            n += 1
        return n

    def close(self) -> None:
        self.sock.close(0)


def alive(proc: Any) -> bool:
    return proc.poll() is None


def wait_for(pred, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(step)
    return bool(pred())


def env_int(name: str, default: int) -> int:
    v: Optional[str] = os.environ.get(name)
    return int(v) if v else default
