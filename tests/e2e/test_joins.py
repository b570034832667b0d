"""Joins through the Python client: every strategy (broadcast hash, shuffled hash, sort-merge)
gives the same rows for every join type; joins of inputs far past the memory budget complete by
spilling (a sort-merge join's sorts and key groups, a shuffled hash join falling back to
sort-merge), and hints and conf choose the strategy that explain shows."""
from __future__ import annotations

import contextlib
import io
import pathlib

import pytest

from conftest import start_engine_server

JOIN_TYPES = ["inner", "left", "right", "full", "left_semi", "left_anti"]


@pytest.fixture()
def spark():
    from tspark.sql import SparkSession

    proc, addr = start_engine_server()
    session = SparkSession.builder.remote(addr).getOrCreate()
    yield session
    session.stop()
    proc.terminate()
    proc.wait(timeout=10)


def _explain(df) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    return buf.getvalue()


def _frames(spark):
    from tspark.sql import functions as F

    # duplicate keys on both sides, null keys on both sides, keys only one side has
    left = spark.range(3000).select(F.when(F.col("id") % 11 == 0, None).otherwise(F.col("id") % 400).alias("k"), F.col("id").alias("v"))
    right = spark.range(1000).select(F.when(F.col("id") % 7 == 0, None).otherwise(F.col("id") % 600).alias("k2"), F.col("id").alias("w"))
    return left, right


def _rows(df):
    return sorted((tuple(r) for r in df.collect()), key=repr)


def test_every_strategy_gives_the_same_rows_for_every_join_type(spark) -> None:
    from tspark.sql import functions as F

    left, right = _frames(spark)
    spark.conf.set("spark.sql.shuffle.partitions", "4")
    for how in JOIN_TYPES:
        cond = (left.k == right.k2) & (left.v < right.w * 3)
        want = None
        for name, l, r in [("broadcast", left, F.broadcast(right)), ("merge", left.hint("merge"), right),
                           ("shuffle_hash", left, right.hint("shuffle_hash")) if how != "right" else ("shuffle_hash", left.hint("shuffle_hash"), right)]:
            df = l.join(r, cond, how)
            text = _explain(df)
            shown = {"broadcast": "BroadcastHashJoin", "merge": "SortMergeJoin", "shuffle_hash": "ShuffledHashJoin"}[name]
            if not (name == "broadcast" and how in ("right", "full")):  # Spark cannot broadcast the right side of these
                assert shown in text, (how, name, text)
            got = _rows(df)
            if want is None:
                want = got
            assert got == want, (how, name)
        assert want, how


def test_a_dimension_keyed_by_a_range_joins_alike_in_every_strategy(spark) -> None:
    from tspark.sql import functions as F

    # the broadcast side's keys are 100..599 once each (a surrogate key: the dense layout);
    # the stream has keys below, inside and past that range, and nulls
    left = spark.range(3000).select(F.when(F.col("id") % 13 == 0, None).otherwise(F.col("id") % 700).alias("k"), F.col("id").alias("v"))
    right = spark.range(100, 600).select(F.col("id").alias("k2"), (F.col("id") * 2).alias("w"))
    spark.conf.set("spark.sql.shuffle.partitions", "4")
    for how in ["inner", "left", "left_semi", "left_anti"]:
        want = None
        for l, r in [(left, F.broadcast(right)), (left.hint("merge"), right), (left, right.hint("shuffle_hash"))]:
            got = _rows(l.join(r, left.k == right.k2, how))
            if want is None:
                want = got
            assert got == want, how
        matched = sum(1 for i in range(3000) if i % 13 != 0 and 100 <= i % 700 < 600)
        assert len(want) == {"inner": matched, "left": 3000, "left_semi": matched, "left_anti": 3000 - matched}[how], how
        if how == "inner":
            assert all(w == 2 * k for k, _, _, w in want)


def test_sort_merge_join_is_the_default_past_the_broadcast_threshold(spark) -> None:
    left, right = _frames(spark)
    assert "BroadcastHashJoin" in _explain(left.join(right, left.k == right.k2))
    spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1")
    text = _explain(left.join(right, left.k == right.k2, "left"))
    assert "SortMergeJoin [k#" in text and "LeftOuter" in text and "Sort [k2#" in text
    spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "1000")
    spark.conf.set("spark.sql.join.preferSortMergeJoin", "false")
    assert "ShuffledHashJoin" in _explain(left.join(right, left.k == right.k2))


def _spilled(root: pathlib.Path) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file()]


@pytest.mark.parametrize("hint", [None, "shuffle_hash"])
def test_join_far_past_the_budget_completes_by_spilling(spark, tmp_path: pathlib.Path, hint) -> None:
    from tspark.sql import functions as F

    spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1")
    spark.conf.set("spark.sql.shuffle.partitions", "2")
    spark.conf.set("spark.local.dir", str(tmp_path))
    n = 300_000
    left = spark.range(n).select((F.col("id") * 7919 % n).alias("k"), F.col("id").alias("v"))
    right = spark.range(n).select(F.col("id").alias("k2"), (F.col("id") % 13).alias("w"))
    if hint is not None:
        right = right.hint(hint)
    spark.conf.set("spark.executor.memory", "24m")
    df = left.join(right, left.k == right.k2).agg(F.count("*").alias("c"), F.sum("w").alias("s"))
    assert ("ShuffledHashJoin" if hint else "SortMergeJoin") in _explain(df)
    row = df.collect()[0]
    assert (row.c, row.s) == (n, sum(i % 13 for i in range(n)))
    assert any(tmp_path.iterdir()), "the join should have spilled to spark.local.dir"
    assert _spilled(tmp_path) == []
