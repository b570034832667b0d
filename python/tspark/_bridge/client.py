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
from tspark._bridge.security import CurveKeys
from tspark.errors import PySparkRuntimeError
from tspark.errors._from_wire import from_wire

Msg = Dict[str, Any]

_POLL_MS = 100

#: seconds between keepalive pings while a result stream is open; the engine cancels a stream
#: whose client sent nothing for several times this (ts-engine/src/server/flow-control.ts)
KEEPALIVE_S = 2.0

# ZMTP handshake outcomes and disconnects: without them a client whose key the engine refuses
# (or a plaintext client at a CURVE engine) would retry silently until the liveness timeout, and
# say only that the engine does not answer; and a remote engine that died would be noticed only
# after the whole liveness timeout, not within a couple of seconds.
_HANDSHAKE_EVENTS = (zmq.EVENT_HANDSHAKE_SUCCEEDED | zmq.EVENT_HANDSHAKE_FAILED_NO_DETAIL
                     | zmq.EVENT_HANDSHAKE_FAILED_PROTOCOL | zmq.EVENT_HANDSHAKE_FAILED_AUTH
                     | zmq.EVENT_DISCONNECTED)


class EngineUnreachable(PySparkRuntimeError):
    """The engine died or stopped answering; the session is unusable afterwards."""


class Client:
    """A connection to one engine. `is_alive` (embedded only) says whether the child still runs."""

    def __init__(self, address: str, token: Optional[str] = None,
                 is_alive: Optional[Callable[[], bool]] = None,
                 describe_death: Optional[Callable[[], str]] = None,
                 liveness_timeout: float = 6.0, ping_interval: float = 1.5,
                 on_dead: Optional[Callable[[], None]] = None,
                 curve: Optional[CurveKeys] = None):
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
        self._curve = curve is not None
        if curve is not None:
            self._sock.curve_serverkey = curve.server_public
            self._sock.curve_publickey = curve.public
            self._sock.curve_secretkey = curve.secret
        self._refused: Optional[BaseException] = None
        self._disconnects = 0
        self._handshaken = False
        self._monitor: Optional[zmq.Socket] = self._sock.get_monitor_socket(_HANDSHAKE_EVENTS)
        self._sock.connect(address)
        self._lock = threading.Lock()
        self._parked: Dict[str, Deque[Msg]] = defaultdict(deque)
        self._abandoned: set = set()
        self._ids = itertools.count()
        self._dead: Optional[str] = None
        self._last_heard = time.monotonic()
        self._last_ping = 0.0
        self._last_sent = time.monotonic()
        # open result streams; while one is suspended (a toLocalIterator the caller pulls from
        # slowly) a keepalive thread pings, so that the engine can tell a slow reader from a
        # vanished one and cancel a vanished reader's stream within seconds
        self._open_streams = 0
        self._keepalive: Optional[threading.Thread] = None
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
            self._last_sent = time.monotonic()

    def _keepalive_loop(self) -> None:
        """Pings every KEEPALIVE_S while a stream is open and nothing else was sent (daemon)."""
        while self._dead is None:
            time.sleep(KEEPALIVE_S)
            if self._open_streams > 0 and time.monotonic() - self._last_sent >= KEEPALIVE_S:
                try:
                    pid = self.next_id()
                    with self._lock:
                        self._abandoned.add(pid)
                    self._send(protocol.ping(pid))
                except Exception:
                    return

    def _check_dead(self) -> None:
        if self._refused is not None:
            raise self._refused
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
                if self._monitor is not None:
                    self._check_transport()
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

    def _check_transport(self) -> None:
        """Reads the connection's events (under the lock). A refused key or a mechanism mismatch
        fails every request at once with AUTHENTICATION_FAILED; a disconnect of a remote engine
        leaves it two seconds to answer a ping before the session counts as lost."""
        from zmq.utils.monitor import recv_monitor_message
        mon = self._monitor
        assert mon is not None
        reason = None
        while reason is None and mon.poll(0, zmq.POLLIN):
            event = recv_monitor_message(mon)["event"]
            if event == zmq.EVENT_HANDSHAKE_SUCCEEDED:
                self._handshaken = True
            elif event == zmq.EVENT_HANDSHAKE_FAILED_AUTH:
                reason = ("the engine refused this client's CURVE key: it is not in the engine's "
                          "allow-list (tspark-engine serve --allow FILE)")
            elif event in (zmq.EVENT_HANDSHAKE_FAILED_PROTOCOL, zmq.EVENT_HANDSHAKE_FAILED_NO_DETAIL):
                reason = ("the CURVE handshake failed: the engine does not use CURVE, or its key is not "
                          "spark.tspark.curve.serverKey" if self._curve else
                          "the engine requires CURVE: set spark.tspark.curve.serverKey (the engine's "
                          "public key) and spark.tspark.curve.clientKey (this client's .key file), or "
                          "TSPARK_CURVE_SERVER_KEY / TSPARK_CURVE_CLIENT_KEY")
            elif event == zmq.EVENT_DISCONNECTED:
                if self._handshaken:
                    if self._is_alive is None:
                        # ZeroMQ reconnects by itself (same routing id, same session) if the engine
                        # is still there; a dead one must not cost the whole liveness timeout
                        self._last_heard = min(self._last_heard, time.monotonic() - max(0.0, self._liveness_timeout - 2.0))
                elif self._curve:
                    # an engine that cannot decrypt our HELLO (we hold the wrong server key) hangs up
                    self._disconnects += 1
                    if self._disconnects >= 2:
                        reason = ("the engine closed the connection during the CURVE handshake: "
                                  "spark.tspark.curve.serverKey is not this engine's public key")
        if reason is not None:
            self._refused = from_wire({
                "exceptionName": "SparkConnectGrpcException", "errorClass": "AUTHENTICATION_FAILED",
                "message": "%s (%s)" % (reason, self.address)})
            self._dead = reason
            self._stop_monitor()
            if self._on_dead is not None:
                self._on_dead()
            raise self._refused

    def _stop_monitor(self) -> None:
        if self._monitor is not None:
            try:
                self._sock.disable_monitor()
            except zmq.ZMQError:
                pass
            self._monitor.close(0)
            self._monitor = None

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
        with self._lock:
            self._open_streams += 1
        if self._keepalive is None:
            self._keepalive = threading.Thread(target=self._keepalive_loop, name="tspark-keepalive", daemon=True)
            self._keepalive.start()
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
            with self._lock:
                self._open_streams -= 1
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
            self._stop_monitor()
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
