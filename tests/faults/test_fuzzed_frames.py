"""Fuzzed frames and plans: a seeded structured fuzzer (bridge/schema) and byte garbage."""
from __future__ import annotations

import os
import pathlib
import random
import time

import msgpack
import pytest

from faults_support import RawClient, alive, env_int, start_engine_server
from schema_fuzz import SchemaFuzzer, hostile_headers

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "bridge" / "vectors"
SAFE_METHODS = ["schema", "treeString", "explain", "semanticHash"]


@pytest.fixture()
def engine():
    proc, addr = start_engine_server()
    yield proc, addr
    proc.terminate()
    proc.wait(timeout=15)


def _seed() -> int:
    env = os.environ.get("TSPARK_FUZZ_SEED")
    seed = int(env) if env else random.randrange(2 ** 32)
    print("fuzz seed: replay with TSPARK_FUZZ_SEED=%d" % seed)
    return seed


def _mutate(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(3)
        if op == 0 and b:
            b[rng.randrange(len(b))] = rng.getrandbits(8)
        elif op == 1 and b:
            del b[rng.randrange(len(b)):]
        else:
            b.insert(rng.randrange(len(b) + 1), rng.getrandbits(8))
    return bytes(b)


def test_100k_fuzzed_frames_and_plans_leave_the_engine_serving(engine) -> None:
    """100k seeded fuzzed frames and plans (schema-shaped, mutated vectors, garbage, huge length claims): zero engine deaths"""
    proc, addr = engine
    seed = _seed()
    rng = random.Random(seed)
    fuzz = SchemaFuzzer(rng)
    total = env_int("TSPARK_FUZZ_FRAMES", 100_000)
    vectors = [p.read_bytes() for p in VECTORS.rglob("*.msgpack")]
    headers = hostile_headers()
    c = RawClient(addr)
    sid = c.handshake()
    t0 = time.monotonic()
    window = 500
    sent = 0
    kinds = {"plan": 0, "vector": 0, "garbage": 0, "header": 0}
    while sent < total:
        for _ in range(min(window, total - sent)):
            r = rng.random()
            if r < 0.6:
                kinds["plan"] += 1
                msg = {"kind": "analyze", "id": "f%d" % sent, "sessionId": sid, "method": rng.choice(SAFE_METHODS),
                       "plan": fuzz.plan()}
                if msg["method"] == "explain":
                    msg["mode"] = rng.choice(["simple", "extended", "formatted"])
                try:
                    frame = msgpack.packb(msg, use_bin_type=True)
                except (ValueError, OverflowError, TypeError):
                    frame = msgpack.packb({"kind": "analyze", "id": "f%d" % sent, "sessionId": sid, "method": "schema",
                                           "plan": {"kind": "Range", "start": 0, "end": 1, "step": 1}})
            elif r < 0.85:
                kinds["vector"] += 1
                frame = _mutate(rng, rng.choice(vectors))
            elif r < 0.99:
                kinds["garbage"] += 1
                frame = bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 128)))
            else:
                kinds["header"] += 1
                frame = rng.choice(headers)
            c.sock.send(frame)
            sent += 1
        assert c.ping("w%d" % sent, timeout=60), "the engine stopped answering pings after %d frames (seed %d)" % (sent, seed)
        assert alive(proc), "the engine died after %d frames (seed %d)" % (sent, seed)
    elapsed = time.monotonic() - t0
    print("fuzz: %d frames in %.1f s (%s), seed %d" % (sent, elapsed, kinds, seed))
    # still a working engine: a real query from the real client
    from tspark.sql import SparkSession

    spark = SparkSession.builder.remote(addr).create()
    try:
        assert spark.range(10).selectExpr("sum(id) AS s").collect()[0].s == 45
    finally:
        spark.stop()
    assert alive(proc)
    c.close()


def test_huge_length_claims_are_invalid_plan_input_without_allocating(engine) -> None:
    """msgpack headers claiming a 2 GiB string or a 2^31-element batch: INVALID_PLAN_INPUT at decode, no allocation"""
    from faults_support import rss_kb

    proc, addr = engine
    c = RawClient(addr)
    c.handshake()
    before = rss_kb(proc.pid)
    for frame in hostile_headers():
        c.sock.send(frame)
        reply = c.recv()
        assert reply["kind"] == "error" and reply["errorClass"] == "INVALID_PLAN_INPUT", reply
    # a LocalRelation whose rows claim 2^31 entries inside a real request
    sid = c.session_id
    head = msgpack.packb({"kind": "execute", "id": "lr", "sessionId": sid, "format": "rows"})
    # re-open the map with one more entry: plan = LocalRelation{schema, rows: array32(2^31)}
    body = bytes([head[0] + 1]) + head[1:] + msgpack.packb("plan") + b"\x82" + msgpack.packb("kind") + msgpack.packb("LocalRelation") \
        + msgpack.packb("rows") + b"\xdd\x80\x00\x00\x00" + b"\x90"
    c.sock.send(body)
    reply = c.recv()
    assert reply["kind"] == "error" and reply["errorClass"] == "INVALID_PLAN_INPUT", reply
    assert rss_kb(proc.pid) - before < 200_000, "decoding the claims grew the engine by more than 200 MB"
    assert c.ping()
    c.close()
