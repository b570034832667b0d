"""Property tests of the issue-6.2 aggregates against plain-Python references (statistics,
sorted ranks, functools.reduce), on seeded random groups with nulls and several partitions,
so partial/merge paths run too. Bounded to a few seconds: a few seeds, one query each."""
from __future__ import annotations

import functools
import math
import operator
import random
import statistics

import pytest

from tspark.sql import functions as F

SEEDS = [1, 7, 42]


def _rows(seed: int):
    rnd = random.Random(seed)
    rows = []
    for _ in range(300):
        g = rnd.randrange(6)
        x = None if rnd.random() < 0.15 else rnd.randint(-50, 50)
        y = None if rnd.random() < 0.15 else round(rnd.uniform(-10, 10), 3)
        b = None if rnd.random() < 0.1 else rnd.random() < 0.5
        rows.append((g, x, y, b))
    return rows


def _close(a, b, tol=1e-9):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=tol, abs_tol=tol)


def _pct_exact(vals, p):
    s = sorted(vals)
    pos = p * (len(s) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    return float(s[lo]) if lo == hi else (hi - pos) * s[lo] + (pos - lo) * s[hi]


@pytest.mark.parametrize("seed", SEEDS)
def test_aggregates_match_python_reference(spark, seed):
    rows = _rows(seed)
    df = spark.createDataFrame(rows, "g INT, x INT, y DOUBLE, b BOOLEAN").repartition(3)
    got = {r["g"]: r for r in df.groupBy("g").agg(
        F.corr("x", "y").alias("corr"), F.covar_samp("x", "y").alias("cs"), F.covar_pop("x", "y").alias("cp"),
        F.regr_slope("y", "x").alias("slope"), F.regr_count("y", "x").alias("rc"),
        F.count_if(F.col("x") > 0).alias("ci"), F.bool_and("b").alias("band"), F.bool_or("b").alias("bor"),
        F.bit_xor("x").alias("bx"), F.max_by("y", "x").alias("mb"), F.median("y").alias("med"),
        F.percentile_approx("x", 0.3).alias("pa"), F.skewness("y").alias("sk"), F.kurtosis("y").alias("ku"),
    ).collect()}
    for g in range(6):
        grp = [r for r in rows if r[0] == g]
        pairs = [(x, y) for _, x, y, _ in grp if x is not None and y is not None]
        xs = [float(p[0]) for p in pairs]
        ys = [p[1] for p in pairs]
        r = got[g]
        assert _close(r["corr"], statistics.correlation(xs, ys) if len(pairs) > 1 else None, 1e-7)
        assert _close(r["cs"], statistics.covariance(xs, ys) if len(pairs) > 1 else None, 1e-7)
        assert _close(r["cp"], statistics.covariance(xs, ys) * (len(xs) - 1) / len(xs) if pairs else None, 1e-7)
        sxx = sum((a - statistics.fmean(xs)) ** 2 for a in xs) if pairs else 0
        assert _close(r["slope"], (statistics.covariance(xs, ys) * (len(xs) - 1) / sxx) if pairs and sxx else None, 1e-7)
        assert r["rc"] == len(pairs)
        assert r["ci"] == sum(1 for _, x, _, _ in grp if x is not None and x > 0)
        bs = [b for *_, b in grp if b is not None]
        assert r["band"] == (all(bs) if bs else None) and r["bor"] == (any(bs) if bs else None)
        xi = [x for _, x, _, _ in grp if x is not None]
        assert r["bx"] == (functools.reduce(operator.xor, xi) if xi else None)
        ally = [y for _, _, y, _ in grp if y is not None]
        assert _close(r["med"], _pct_exact(ally, 0.5) if ally else None)
        assert r["pa"] == (sorted(xi)[max(0, math.ceil(0.3 * len(xi)) - 1)] if xi else None)
        withx = [(x, y) for _, x, y, _ in grp if x is not None]
        best = max((x for x, _ in withx), default=None)
        # max_by: the y of a row with the greatest x (which one among ties depends on the partitioning)
        assert (r["mb"] in [y for x, y in withx if x == best]) if withx else r["mb"] is None
        n = len(ally)
        if n > 1 and statistics.pvariance(ally) > 0:
            m = statistics.fmean(ally)
            m2 = sum((v - m) ** 2 for v in ally)
            m3 = sum((v - m) ** 3 for v in ally)
            m4 = sum((v - m) ** 4 for v in ally)
            assert _close(r["sk"], math.sqrt(n) * m3 / m2 ** 1.5, 1e-7)
            assert _close(r["ku"], n * m4 / m2 ** 2 - 3, 1e-7)
