"""A scripted ROUTER standing in for the engine, to test the client's protocol handling."""
import threading
from typing import Any, Callable, Dict, List

import zmq

from tspark._bridge import codec

Handler = Callable[[Dict[str, Any]], List[Dict[str, Any]]]


class FakeEngine:
    """Answers each request with the replies `handler` returns; records everything received."""

    def __init__(self, handler: Handler):
        self.handler = handler
        self.received: List[Dict[str, Any]] = []
        self.silent = False
        self._sock = zmq.Context.instance().socket(zmq.ROUTER)
        self._sock.setsockopt(zmq.LINGER, 0)
        port = self._sock.bind_to_random_port("tcp://127.0.0.1")
        self.address = "tcp://127.0.0.1:%d" % port
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self._sock.poll(50):
                continue
            ident, data = self._sock.recv_multipart()
            msg = codec.unpack(data)
            self.received.append(msg)
            if self.silent:
                continue
            if msg["kind"] == "handshake":
                replies = [{"kind": "handshakeOk", "id": msg["id"], "sessionId": "s1",
                            "engineVersion": "0.1.0", "sparkVersion": "4.0.1"}]
            elif msg["kind"] == "ping":
                replies = [{"kind": "pong", "id": msg["id"]}]
            else:
                replies = self.handler(msg)
            for r in replies:
                self._sock.send_multipart([ident, codec.pack(r)])

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._sock.close(0)
