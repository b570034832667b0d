"""Client-side limits and addresses end in PySpark-named errors, at once, and never in a hang."""
from __future__ import annotations

import time

import pytest

import tspark.sql.functions as F
from tspark.errors import PySparkNotImplementedError
from tspark.sql import SparkSession

from tspark._bridge import codec


def _chain(n: int):
    c = F.col("id")
    for _ in range(n):
        c = c + 1
    return c.alias("x")


def test_a_column_nested_past_msgpacks_limit_runs(spark) -> None:
    # 1,000 chained `+` nest 2,000 levels: past the Python packer's 511, so the message is split
    assert [r.x for r in spark.range(3).select(_chain(1_000)).collect()] == [1_000, 1_001, 1_002]


def test_a_column_nested_past_the_engines_ceiling_is_refused_clearly(spark) -> None:
    with pytest.raises(Exception) as ei:
        spark.range(3).select(_chain(2_000)).collect()
    assert type(ei.value).__name__ == "SparkConnectGrpcException"
    assert "INVALID_PLAN_INPUT" in str(ei.value) and "nests deeper than 2500 levels" in str(ei.value)
    assert spark.range(4).count() == 4  # the session stays usable


def test_split_packing_round_trips() -> None:
    deep: object = 7
    for _ in range(1_500):
        deep = {"kind": "Wrap", "args": [deep]}
    data = codec.pack({"kind": "ping", "id": "r1", "x": deep})
    # Python's own unpacker does not expand extension 1 (only the engine does); the top level is intact
    top = codec.unpack(data)
    assert top["id"] == "r1" and top["kind"] == "ping"


def test_spark_connect_url_fails_at_once_naming_the_feature() -> None:
    t = time.monotonic()
    with pytest.raises(PySparkNotImplementedError) as ei:
        SparkSession.builder.remote("sc://127.0.0.1:15002").getOrCreate()
    assert time.monotonic() - t < 2
    assert "Spark Connect server (sc://127.0.0.1:15002)" in str(ei.value)


def test_a_port_where_nothing_listens_names_the_engine_not_an_attribute() -> None:
    with pytest.raises(Exception) as ei:
        (SparkSession.builder.remote("tcp://127.0.0.1:9")
         .config("spark.tspark.client.livenessTimeout", "1").create())
    assert type(ei.value).__name__ == "EngineUnreachable", repr(ei.value)
    assert "TSPARK_ENGINE_UNREACHABLE" in str(ei.value)


@pytest.mark.parametrize("make", [
    lambda s: s.range(0, 10, 1, 10**9),
    lambda s: s.range(10).repartition(2**31),
    lambda s: s.range(10).repartition(10**9, "id"),
])
def test_a_billion_partitions_is_refused_at_once_and_the_engine_keeps_serving(spark, make) -> None:
    t = time.monotonic()
    with pytest.raises(Exception) as ei:
        make(spark).count()
    assert time.monotonic() - t < 10
    assert "INVALID_PLAN_INPUT" in str(ei.value) and "more than the engine's limit of 100000" in str(ei.value)
    assert spark.range(0, 10, 1, 3).count() == 10
