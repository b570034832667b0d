"""repartition / repartitionByRange / coalesce / sortWithinPartitions and df.rdd partitions, end to end."""
from __future__ import annotations

import pytest

from tspark.sql import functions as F


def _parts(df):
    """Rows per partition (spark_partition_id), in partition order."""
    return [(r["p"], r["count"]) for r in df.select(F.spark_partition_id().alias("p")).groupBy("p").count().orderBy("p").collect()]


def test_repartition_deals_rows_over_n_partitions(spark):
    df = spark.range(0, 10_000, 1, 3)
    r = df.repartition(7)
    assert r.rdd.getNumPartitions() == 7
    parts = _parts(r)
    assert [p for p, _ in parts] == list(range(7))
    assert sum(c for _, c in parts) == 10_000
    # round robin: no partition is more than one row per map partition off the mean
    assert max(c for _, c in parts) - min(c for _, c in parts) <= 3
    assert sorted(x.id for x in r.collect()) == list(range(10_000))


def test_hash_repartition_places_rows_by_spark_hash(spark):
    df = spark.range(0, 2000).select((F.col("id") % 13).alias("k"), F.col("id").cast("string").alias("s"))
    rows = df.repartition(5, "k", "s").select(F.spark_partition_id().alias("p"), F.pmod(F.hash("k", "s"), F.lit(5)).alias("h")).collect()
    assert len(rows) == 2000
    assert all(r.p == r.h for r in rows)


def test_repartition_by_columns_is_coalesced_by_aqe(spark):
    df = spark.range(0, 500).withColumn("k", F.col("id") % 4)
    assert df.repartition("k").rdd.getNumPartitions() < 200
    spark.conf.set("spark.sql.adaptive.enabled", "false")
    try:
        assert df.repartition("k").rdd.getNumPartitions() == 200
    finally:
        spark.conf.set("spark.sql.adaptive.enabled", "true")


def test_range_repartition_orders_partitions(spark):
    df = spark.range(0, 5000, 1, 4).select((F.col("id") * 7919 % 5000).alias("x"))
    b = df.repartitionByRange(5, "x").select(F.spark_partition_id().alias("p"), "x").groupBy("p").agg(F.min("x").alias("lo"), F.max("x").alias("hi")).orderBy("p").collect()
    assert len(b) == 5
    assert all(b[i].lo > b[i - 1].hi for i in range(1, len(b)))
    assert sum(r.hi - r.lo + 1 for r in b) == 5000


def test_coalesce_keeps_partition_order_without_exchange(spark):
    df = spark.range(0, 12, 1, 4)
    assert df.coalesce(2).rdd.getNumPartitions() == 2
    assert [r.id for r in df.coalesce(1).collect()] == list(range(12))
    assert _parts(df.coalesce(2)) == [(0, 6), (1, 6)]
    assert df.coalesce(9).rdd.getNumPartitions() == 4


def test_sort_within_partitions(spark):
    rows = spark.range(0, 10, 1, 2).sortWithinPartitions(F.col("id").desc()).collect()
    assert [r.id for r in rows] == [4, 3, 2, 1, 0, 9, 8, 7, 6, 5]


def test_bad_arguments(spark):
    from tspark.errors import PySparkTypeError, PySparkValueError
    df = spark.range(3)
    with pytest.raises(PySparkTypeError):
        df.repartition(2.5)
    with pytest.raises(PySparkValueError):
        df.repartitionByRange(3)
    with pytest.raises(Exception, match="Number of partitions \\(0\\) must be positive"):
        df.repartition(0).collect()
