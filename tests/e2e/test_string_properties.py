"""Property tests of string kernels against plain Python over UTF-8 text (ASCII, Latin, Greek,
CJK, emoji, empty): length and reverse count code points, substring follows
UTF8String.substringSQL's position rules, lower/upper are Java's for characters whose case
mapping Python shares (no final sigma, no dotted I). Replayable from TSPARK_FUZZ_SEED."""
from __future__ import annotations

import os
import random

from tspark.sql import functions as F

ALPHABET = list("abcXYZ019 _-") + ["é", "Ä", "ß", "ñ", "α", "Ω", "ж", "中", "文", "😀", "𝄞", "€"]


def substring_sql(s: str, pos: int, length: int) -> str:
    n = len(s)
    start = pos - 1 if pos > 0 else (n + pos if pos < 0 else 0)
    end = start + length
    start = max(start, 0)
    return "" if start >= end else s[start:min(end, n)]


def test_string_kernels_match_python(spark):
    seed = int(os.environ.get("TSPARK_FUZZ_SEED") or random.randrange(2 ** 32))
    rnd = random.Random(seed)
    rows = []
    for _ in range(300):
        s = "".join(rnd.choice(ALPHABET) for _ in range(rnd.choice([0, 1, 3, 8, 20])))
        rows.append((s, rnd.randint(-25, 25), rnd.randint(-3, 25)))
    df = spark.createDataFrame(rows, "s string, p int, l int")
    got = df.select(F.length("s"), F.reverse("s"), F.lower("s"), F.upper("s"), F.substring("s", F.col("p"), F.col("l"))).collect()
    for (s, p, l), r in zip(rows, got):
        # ß upper-cases to SS in Java and Python alike.
        assert tuple(r) == (len(s), s[::-1], s.lower(), s.upper(), substring_sql(s, p, l)), f"seed {seed}: {s!r} {p} {l}"
