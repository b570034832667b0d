"""The DEALER side of the bridge: request ids, streamed chunks with acks, liveness.

One Client serves one SparkSession. Any thread may issue requests: sends and receives
go through one lock (ZeroMQ sockets are not thread-safe) and replies for other
requests are parked until their owner asks. While waiting, the client checks that the
engine is alive (embedded: the child process; remote: ping/pong) so that a dead engine
becomes a clear error within seconds instead of a hang.
"""
import itertools
import os
import threading
import time
from collections import defaultdict, deque
from typing import Any, Callable, Deque, Dict, Iterator, Optional

import zmq

from tspark._bridge import codec, protocol
from tspark.errors import PySparkRuntimeError
from tspark.errors._from_wire import from_wire

Msg = Dict[str, Any]

_POLL_MS = 100


class EngineUnreachable(PySparkRuntimeError):
    """The engine died or stopped answering; the session is unusable afterwards."""


class Client:
    """A connection to one engine. `is_alive` (embedded only) says whether the child still runs."""

    def __init__(self, address: str, token: Optional[str] = None,
                 is_alive: Optional[Callable[[], bool]] = None,
                 describe_death: Optional[Callable[[], str]] = None,
                 liveness_timeout: float = 6.0, ping_interval: float = 1.5,
                 on_dead: Optional[Callable[[], None]] = None):
        self.address = address
        self._token = token
        self._is_alive = is_alive
        self._describe_death = describe_death
        self._liveness_timeout = liveness_timeout
        self._ping_interval = ping_interval
        self._ctx = zmq.Context.instance()
        self._sock = self._ctx.socket(zmq.DEALER)
        self._sock.setsockopt(zmq.LINGER, 0)
        # the engine binds a session to the identity that created it: a fixed random identity
        # survives a reconnect of the TCP connection, where ZeroMQ would otherwise pick a new one
        self._sock.setsockopt(zmq.ROUTING_ID, b"\x01" + os.urandom(15))
        self._sock.connect(address)
        self._lock = threading.Lock()
        self._parked: Dict[str, Deque[Msg]] = defaultdict(deque)
        self._abandoned: set = set()
        self._ids = itertools.count()
        self._dead: Optional[str] = None
        self._last_heard = time.monotonic()
        self._last_ping = 0.0
        self._on_dead = on_dead
        self.session_id: str = ""
        self.engine_version: str = ""
        self.spark_version: str = ""

    # --- ids and raw I/O ---
    def next_id(self) -> str:
        """A request id unique on this connection."""
        return "r%d" % next(self._ids)

    def _send(self, msg: Msg) -> None:
        data = codec.pack(msg)
        with self._lock:
            self._check_dead()
            self._sock.send(data)

    def _check_dead(self) -> None:
        if self._dead is not None:
            raise EngineUnreachable(errorClass="TSPARK_ENGINE_UNREACHABLE", messageParameters={
                "address": self.address, "reason": self._dead})

    def _mark_dead(self, reason: str) -> None:
        if self._dead is None:
            self._dead = reason
            if self._on_dead is not None:
                self._on_dead()
        self._check_dead()

    def _receive(self, req_id: str) -> Msg:
        """The next message for `req_id`, parking others; raises if the engine is gone."""
        while True:
            with self._lock:
                q = self._parked.get(req_id)
                if q:
                    return q.popleft()
                self._check_dead()
                if self._sock.poll(_POLL_MS, zmq.POLLIN):
                    msg = codec.unpack(self._sock.recv())
                    self._last_heard = time.monotonic()
                    if not isinstance(msg, dict):
                        continue
                    mid = str(msg.get("id", ""))
                    if mid == req_id:
                        return msg
                    if mid in self._abandoned:
                        if msg.get("kind") in protocol.TERMINAL:
                            self._abandoned.discard(mid)
                        continue
                    if mid == "" and msg.get("kind") == "error":
                        continue  # an undecodable frame of ours: nothing waits for it
                    self._parked[mid].append(msg)
                    continue
            self._check_liveness()

    def _check_liveness(self) -> None:
        """Embedded: is the child running? Remote: ping when silent, give up after the timeout."""
        now = time.monotonic()
        if self._is_alive is not None:
            if not self._is_alive():
                detail = self._describe_death() if self._describe_death else "the engine process exited"
                self._mark_dead(detail)
            return
        silent = now - self._last_heard
        if silent > self._liveness_timeout:
            self._mark_dead("no reply to ping within %.0f s" % self._liveness_timeout)
        if silent > self._ping_interval and now - self._last_ping >= self._ping_interval:
            self._last_ping = now
            pid = self.next_id()
            with self._lock:
                self._abandoned.add(pid)
            self._send(protocol.ping(pid))

    # --- requests ---
    def request(self, msg: Msg) -> Msg:
        """Send a request with a single reply; engine errors are raised as PySpark exceptions."""
        self._send(msg)
        self._last_heard = time.monotonic()
        reply = self._receive(msg["id"])
        if reply.get("kind") == "error":
            raise from_wire(reply)
        return reply

    def stream(self, msg: Msg) -> Iterator[Msg]:
        """Send a request and yield its replies up to `done`, acknowledging each chunk."""
        req_id = msg["id"]
        self._send(msg)
        self._last_heard = time.monotonic()
        finished = False
        try:
            while True:
                reply = self._receive(req_id)
                kind = reply.get("kind")
                if kind == "error":
                    finished = True
                    raise from_wire(reply)
                if kind == "done":
                    finished = True
                    yield reply
                    return
                if kind in protocol.CHUNKS:
                    self._send(protocol.ack(req_id, self.session_id, int(reply.get("seq", 0))))
                yield reply
        finally:
            if not finished and self._dead is None:
                self._abandon(req_id)

    def _abandon(self, req_id: str) -> None:
        """The consumer stopped early: cancel on the engine and drop what still arrives."""
        with self._lock:
            self._abandoned.add(req_id)
            self._parked.pop(req_id, None)
        try:
            iid = self.next_id()
            with self._lock:
                self._abandoned.add(iid)
            self._send(protocol.interrupt(iid, self.session_id, req_id))
        except Exception:
            pass

    def handshake(self, app_name: Optional[str], conf: Dict[str, str]) -> Msg:
        """Open the session; fills session_id and versions."""
        reply = self.request(protocol.handshake(self.next_id(), self._token, app_name, conf, _local_pid(self.address)))
        self.session_id = str(reply["sessionId"])
        self.engine_version = str(reply.get("engineVersion", ""))
        self.spark_version = str(reply.get("sparkVersion", ""))
        return reply

    def close(self, release: bool = True) -> None:
        """Release the session (best effort, short wait) and close the socket."""
        if release and self._dead is None and self.session_id:
            try:
                rid = self.next_id()
                self._send(protocol.release(rid, self.session_id))
                with self._lock:
                    self._sock.poll(500, zmq.POLLIN)
            except Exception:
                pass
        self._dead = self._dead or "the session was stopped"
        with self._lock:
            self._sock.close(0)


def _local_pid(address: str) -> Optional[int]:
    """This process's pid when the engine runs on this host (a loopback or ipc address), for the
    engine to notice the client died; None for a remote engine, where the pid means nothing."""
    import os
    import re
    m = re.match(r"^(tcp)://(\[?[^\]/]*\]?|[^:/]*):", address)
    if address.startswith("ipc://") or address.startswith("inproc://"):
        return os.getpid()
    if m is None:
        return None
    host = m.group(2).strip("[]").lower()
    return os.getpid() if host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.") else None
