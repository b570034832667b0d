"""Property tests of exact decimal arithmetic against Python's decimal module: random operands of
random DECIMAL(p, s) types, + - * /, Spark's result types (DecimalPrecision with
spark.sql.decimalOperations.allowPrecisionLoss=true) computed here independently, values rounded
HALF_UP to the result scale, and null on overflow past the result precision (ANSI off). Replayable
from TSPARK_FUZZ_SEED, as the other property tests; bounded to a few seconds."""
from __future__ import annotations

import decimal
import os
import random

from tspark.sql import functions as F
from tspark.sql.types import DecimalType, StructField, StructType

MAX = 38
CTX = decimal.Context(prec=200, rounding=decimal.ROUND_HALF_UP)


def _adjust(p: int, s: int) -> tuple[int, int]:
    """DecimalType.adjustPrecisionScale: keep the integral digits, give up scale down to 6."""
    if p <= MAX:
        return p, s
    int_digits = p - s
    min_scale = min(s, 6)
    return MAX, max(MAX - int_digits, min_scale)


def result_type(op: str, p1: int, s1: int, p2: int, s2: int) -> tuple[int, int]:
    if op in "+-":
        s = max(s1, s2)
        return _adjust(max(p1 - s1, p2 - s2) + s + 1, s)
    if op == "*":
        return _adjust(p1 + p2 + 1, s1 + s2)
    s = max(6, s1 + p2 + 1)
    return _adjust(p1 - s1 + s2 + s, s)


def expected(op: str, a: decimal.Decimal, b: decimal.Decimal, p: int, s: int):
    if op == "/" and b == 0:
        return None
    exact = {"+": CTX.add, "-": CTX.subtract, "*": CTX.multiply, "/": CTX.divide}[op](a, b)
    v = exact.quantize(decimal.Decimal(1).scaleb(-s), rounding=decimal.ROUND_HALF_UP, context=CTX)
    # Overflow: more integral digits than DECIMAL(p, s) holds gives null (ANSI off).
    return None if abs(v) >= CTX.power(decimal.Decimal(10), p - s) else v

def _random_decimal(rnd: random.Random, p: int, s: int) -> decimal.Decimal:
    digits = rnd.choice([1, p // 2 or 1, p])
    unscaled = rnd.randrange(10 ** digits) * rnd.choice([1, -1])
    return decimal.Decimal(unscaled).scaleb(-s)


def test_decimal_arithmetic_matches_pythons_decimal(spark):
    seed = int(os.environ.get("TSPARK_FUZZ_SEED") or random.randrange(2 ** 32))
    rnd = random.Random(seed)
    spark.conf.set("spark.sql.ansi.enabled", "false")
    try:
        for _ in range(6):
            p1, p2 = rnd.randint(1, MAX), rnd.randint(1, MAX)
            s1, s2 = rnd.randint(0, p1), rnd.randint(0, p2)
            rows = [(_random_decimal(rnd, p1, s1), _random_decimal(rnd, p2, s2)) for _ in range(40)]
            rows.append((decimal.Decimal(0).scaleb(-s1), decimal.Decimal(0).scaleb(-s2)))
            schema = StructType([StructField("a", DecimalType(p1, s1)), StructField("b", DecimalType(p2, s2))])
            df = spark.createDataFrame(rows, schema)
            ops = {"+": F.col("a") + F.col("b"), "-": F.col("a") - F.col("b"), "*": F.col("a") * F.col("b"), "/": F.col("a") / F.col("b")}
            out = df.select(*[c.alias(k) for k, c in ops.items()])
            types = {f.name: f.dataType for f in out.schema.fields}
            got = out.collect()
            for op in ops:
                p, s = result_type(op, p1, s1, p2, s2)
                assert (types[op].precision, types[op].scale) == (p, s), (seed, op, p1, s1, p2, s2)
                for (a, b), row in zip(rows, got):
                    want = expected(op, a, b, p, s)
                    assert row[op] == want, f"seed {seed}: {a} {op} {b} as DECIMAL({p},{s}): {row[op]} != {want}"
    finally:
        spark.conf.set("spark.sql.ansi.enabled", "true")
