"""The DEALER client: chunk streaming with acks, errors, parked replies, liveness."""
import time

import pytest

from tspark._bridge import protocol
from tspark._bridge.client import Client, EngineUnreachable
from tspark.errors import AnalysisException

from tests._bridge.fake_engine import FakeEngine


def batches(msg):
    if msg["kind"] == "execute":
        return [{"kind": "schema", "id": msg["id"], "schema": {"type": "struct", "fields": []}}] + [
            {"kind": "batch", "id": msg["id"], "seq": i, "numRows": 1, "columns": [[i]]} for i in range(3)
        ] + [{"kind": "done", "id": msg["id"]}]
    if msg["kind"] == "analyze":
        return [{"kind": "error", "id": msg["id"], "exceptionName": "AnalysisException",
                 "errorClass": "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "sqlState": "42703",
                 "message": "[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] nope SQLSTATE: 42703", "messageParameters": {}}]
    return []


@pytest.fixture()
def engine():
    e = FakeEngine(batches)
    yield e
    e.close()


def connect(engine, **kw):
    c = Client(engine.address, **kw)
    c.handshake("t", {})
    return c


def test_handshake_and_stream_acks_every_chunk(engine):
    c = connect(engine)
    assert c.session_id == "s1" and c.spark_version == "4.0.1"
    kinds = [m["kind"] for m in c.stream(protocol.execute(c.next_id(), c.session_id, {"kind": "Range"}))]
    assert kinds == ["schema", "batch", "batch", "batch", "done"]
    time.sleep(0.1)
    acks = [m for m in engine.received if m["kind"] == "ack"]
    assert [a["seq"] for a in acks] == [0, 1, 2] and all(a["sessionId"] == "s1" for a in acks)
    c.close()


def test_error_reply_raises_pyspark_class(engine):
    c = connect(engine)
    with pytest.raises(AnalysisException) as info:
        c.request(protocol.analyze(c.next_id(), c.session_id, {"kind": "Range"}, "schema"))
    assert info.value.getSqlState() == "42703"
    c.close()


def test_dead_embedded_engine_is_reported_quickly(engine):
    alive = [True]
    dead_called = []
    c = connect(engine, is_alive=lambda: alive[0], on_dead=lambda: dead_called.append(1))
    engine.silent = True
    alive[0] = False
    t0 = time.monotonic()
    with pytest.raises(EngineUnreachable) as info:
        list(c.stream(protocol.execute(c.next_id(), c.session_id, {"kind": "Range"})))
    assert time.monotonic() - t0 < 2 and "no longer reachable" in str(info.value) and dead_called


def test_silent_remote_engine_times_out(engine):
    c = connect(engine, liveness_timeout=1.0, ping_interval=0.3)
    engine.silent = True
    t0 = time.monotonic()
    with pytest.raises(EngineUnreachable):
        c.request(protocol.config(c.next_id(), c.session_id, "get", "k"))
    assert time.monotonic() - t0 < 3
    assert any(m["kind"] == "ping" for m in engine.received)


def test_abandoned_stream_sends_interrupt(engine):
    c = connect(engine)
    it = c.stream(protocol.execute(c.next_id(), c.session_id, {"kind": "Range"}))
    next(it)
    it.close()
    time.sleep(0.1)
    assert any(m["kind"] == "interrupt" for m in engine.received)
    c.close()
