"""Property tests of the digest and xxhash64 kernels against independent references: Python's
hashlib and zlib, and a plain-Python XXH64 (Spark's xxhash64 is XXH64 with seed 42 over the
value's bytes; ints hash as 4 little-endian bytes, longs as 8). Inputs are random strings (ASCII,
Latin, CJK, emoji, empty) and longs across the int64 range, replayable from TSPARK_FUZZ_SEED."""
from __future__ import annotations

import hashlib
import os
import random
import struct
import zlib

from tspark.sql import functions as F

M = (1 << 64) - 1
P1, P2, P3, P4, P5 = 0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5


def _rotl(x: int, r: int) -> int:
    return ((x << r) | (x >> (64 - r))) & M


def _round(acc: int, lane: int) -> int:
    return (_rotl((acc + lane * P2) & M, 31) * P1) & M


def xxh64(data: bytes, seed: int) -> int:
    """The reference XXH64 (xxhash spec), as a signed Java long."""
    n, i, seed = len(data), 0, seed & M
    if n >= 32:
        v = [(seed + P1 + P2) & M, (seed + P2) & M, seed, (seed - P1) & M]
        while i + 32 <= n:
            v = [_round(v[k], struct.unpack_from("<Q", data, i + 8 * k)[0]) for k in range(4)]
            i += 32
        h = (_rotl(v[0], 1) + _rotl(v[1], 7) + _rotl(v[2], 12) + _rotl(v[3], 18)) & M
        for x in v:
            h = ((h ^ _round(0, x)) * P1 + P4) & M
    else:
        h = (seed + P5) & M
    h = (h + n) & M
    while i + 8 <= n:
        h = (_rotl(h ^ _round(0, struct.unpack_from("<Q", data, i)[0]), 27) * P1 + P4) & M
        i += 8
    if i + 4 <= n:
        h = (_rotl(h ^ (struct.unpack_from("<I", data, i)[0] * P1 & M), 23) * P2 + P3) & M
        i += 4
    while i < n:
        h = (_rotl(h ^ (data[i] * P5 & M), 11) * P1) & M
        i += 1
    h ^= h >> 33
    h = (h * P2) & M
    h ^= h >> 29
    h = (h * P3) & M
    h ^= h >> 32
    return h - (1 << 64) if h >= 1 << 63 else h


ALPHABET = "abcXYZ019 ,.-_éßøЖ中文😀\u0000\t"


def _seeded() -> random.Random:
    env = os.environ.get("TSPARK_FUZZ_SEED")
    seed = int(env) if env else random.randrange(1 << 30)
    print("fuzz seed: replay with TSPARK_FUZZ_SEED=%d" % seed)
    return random.Random(seed)


def test_digests_match_hashlib_and_zlib(spark):
    rnd = _seeded()
    strings = [""] + ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randrange(0, 80))) for _ in range(300)]
    df = spark.createDataFrame([(i, s) for i, s in enumerate(strings)], "i int, s string")
    rows = df.select("i", F.md5("s"), F.sha1("s"), F.sha2("s", 224), F.sha2("s", 256), F.sha2("s", 384), F.sha2("s", 512),
                     F.crc32("s"), F.xxhash64("s")).collect()
    for r in rows:
        b = strings[r[0]].encode("utf-8")
        assert r[1] == hashlib.md5(b).hexdigest(), strings[r[0]]
        assert r[2] == hashlib.sha1(b).hexdigest()
        assert r[3] == hashlib.sha224(b).hexdigest()
        assert r[4] == hashlib.sha256(b).hexdigest()
        assert r[5] == hashlib.sha384(b).hexdigest()
        assert r[6] == hashlib.sha512(b).hexdigest()
        assert r[7] == zlib.crc32(b)
        assert r[8] == xxh64(b, 42), strings[r[0]]


def test_xxhash64_of_ints_and_longs_matches_the_reference(spark):
    rnd = _seeded()
    longs = [0, 1, -1, (1 << 63) - 1, -(1 << 63), (1 << 53) + 1] + [rnd.randrange(-(1 << 63), 1 << 63) for _ in range(200)]
    ints = [rnd.randrange(-(1 << 31), 1 << 31) for _ in longs]
    df = spark.createDataFrame(list(zip(range(len(longs)), ints, longs)), "k int, i int, l bigint")
    for k, hi, hl, both in df.select("k", F.xxhash64("i"), F.xxhash64("l"), F.xxhash64("i", "l")).collect():
        i, l = ints[k], longs[k]
        assert hi == xxh64(struct.pack("<i", i), 42)
        assert hl == xxh64(struct.pack("<q", l), 42)
        assert both == xxh64(struct.pack("<q", l), xxh64(struct.pack("<i", i), 42))
