"""mapInPandas / mapInArrow, groupBy().applyInPandas / applyInArrow and cogroup().applyInPandas /
applyInArrow over many partitions and groups, checked against pandas doing the same work, with
maxRecordsPerBatch honoured and the functions run on several workers."""
from __future__ import annotations

import os
import random

import pandas as pd
import pyarrow as pa


def _frame(spark, n=4000, groups=50, parts=4):
    rnd = random.Random(3)
    rows = [(rnd.randrange(groups), float(rnd.randrange(1000)), "s%d" % rnd.randrange(7)) for _ in range(n)]
    return rows, spark.createDataFrame(rows, "k long, v double, s string").repartition(parts)


def test_map_in_pandas_sees_every_row_once(spark) -> None:
    rows, df = _frame(spark)

    def f(it):
        for pdf in it:
            yield pdf.assign(v=pdf.v + 1, pid=os.getpid())

    got = df.mapInPandas(f, "k long, v double, s string, pid long").collect()
    assert sorted((r.k, r.v, r.s) for r in got) == sorted((k, v + 1, s) for k, v, s in rows)
    assert len({r.pid for r in got}) >= 1


def test_max_records_per_batch_cuts_the_batches(spark) -> None:
    def sizes(it):
        for pdf in it:
            yield pd.DataFrame({"n": [len(pdf)]})

    def arrow_sizes(it):
        for b in it:
            yield pa.RecordBatch.from_pydict({"n": pa.array([b.num_rows], pa.int64())})
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "3")
    try:
        df = spark.range(0, 8, 1, 1)
        assert [r.n for r in df.mapInPandas(sizes, "n long").collect()] == [3, 3, 2]
        assert [r.n for r in df.mapInArrow(arrow_sizes, "n long").collect()] == [3, 3, 2]
    finally:
        spark.conf.unset("spark.sql.execution.arrow.maxRecordsPerBatch")


def test_apply_in_pandas_matches_pandas_groupby_apply(spark) -> None:
    rows, df = _frame(spark)

    def stats(key, pdf):
        return pd.DataFrame({"k": [key[0]], "n": [len(pdf)], "mean": [pdf.v.mean()], "kinds": [pdf.s.nunique()]})

    got = {r.k: (r.n, r.mean, r.kinds) for r in df.groupBy("k").applyInPandas(stats, "k long, n long, mean double, kinds long").collect()}
    pdf = pd.DataFrame(rows, columns=["k", "v", "s"])
    want = pdf.groupby("k").agg(n=("v", "size"), mean=("v", "mean"), kinds=("s", "nunique"))
    assert set(got) == set(want.index)
    for k, (n, mean, kinds) in got.items():
        assert n == want.loc[k, "n"] and abs(mean - want.loc[k, "mean"]) < 1e-9 and kinds == want.loc[k, "kinds"]


def test_apply_in_arrow_and_expression_keys(spark) -> None:
    rows, df = _frame(spark)

    def top(table):
        t = table.sort_by([("v", "descending")]).slice(0, 2)
        return t.select(["k", "v"])

    got = sorted(tuple(r) for r in df.groupBy("k").applyInArrow(top, "k long, v double").collect())
    pdf = pd.DataFrame(rows, columns=["k", "v", "s"])
    want = sorted((int(k), float(v)) for k, g in pdf.groupby("k") for v in sorted(g.v, reverse=True)[:2])
    assert got == want

    def parity(key, pdf):
        return pd.DataFrame({"m": [key[0]], "n": [len(pdf)]})
    got = sorted(tuple(r) for r in df.groupBy((df.k % 2).alias("m")).applyInPandas(parity, "m long, n long").collect())
    assert got == sorted((int(m), int(n)) for m, n in pdf.groupby(pdf.k % 2).size().items())


def test_cogroup_pairs_every_key_of_either_side(spark) -> None:
    left = spark.createDataFrame([(k, float(k) * i) for k in range(0, 30, 2) for i in range(3)], "k long, v double").repartition(3)
    right = spark.createDataFrame([(k, "r%d" % k) for k in range(0, 30, 3)], "k long, w string").repartition(2)

    def merge(key, l, r):
        return pd.DataFrame({"k": [key[0]], "nl": [len(l)], "nr": [len(r)], "sv": [l.v.sum()]})

    got = {r.k: (r.nl, r.nr, r.sv) for r in left.groupBy("k").cogroup(right.groupBy("k")).applyInPandas(merge, "k long, nl long, nr long, sv double").collect()}
    keys = set(range(0, 30, 2)) | set(range(0, 30, 3))
    assert set(got) == keys
    for k in keys:
        nl = 3 if k % 2 == 0 else 0
        assert got[k] == (nl, 1 if k % 3 == 0 else 0, float(k) * 3 if nl else 0.0)

    def arrow_merge(l, r):
        return pa.table({"n": pa.array([l.num_rows + 10 * r.num_rows], pa.int64())})
    got = sorted(r.n for r in left.groupBy("k").cogroup(right.groupBy("k")).applyInArrow(arrow_merge, "n long").collect())
    assert got == sorted((3 if k % 2 == 0 else 0) + (10 if k % 3 == 0 else 0) for k in keys)


def test_cogroup_over_many_runs_of_groups_pairs_every_key(spark) -> None:
    # one partition per side, over 2 runs of 65,536 rows each on the left: co-groups are cut
    # at run boundaries, and a key's rows on both sides must still meet in one call
    spark.conf.set("spark.sql.shuffle.partitions", "1")
    try:
        left = spark.range(0, 140000).selectExpr("id % 3000 AS k", "id AS v")
        right = spark.range(0, 20000).selectExpr("(id * 7) % 4000 AS k", "id AS w")

        def merge(key, l, r):
            return pd.DataFrame({"k": [key[0]], "nl": [len(l)], "nr": [len(r)]})
        got = left.groupBy("k").cogroup(right.groupBy("k")).applyInPandas(merge, "k long, nl long, nr long").collect()
    finally:
        spark.conf.unset("spark.sql.shuffle.partitions")
    expected = {}
    for v in range(140000):
        expected.setdefault(v % 3000, [0, 0])[0] += 1
    for w in range(20000):
        expected.setdefault((w * 7) % 4000, [0, 0])[1] += 1
    assert len(got) == len(expected)
    assert {r.k: [r.nl, r.nr] for r in got} == expected


def test_map_in_pandas_streams_a_partition_it_reads_only_part_of(spark) -> None:
    # the function reads two batches of a 1M-row partition and stops: the rest is never sent
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
    try:
        def first_two(it):
            yield next(it).head(1)
            yield next(it).head(1)
        got = spark.range(0, 1000000, 1, 1).mapInPandas(first_two, "id long").collect()
    finally:
        spark.conf.unset("spark.sql.execution.arrow.maxRecordsPerBatch")
    assert [r.id for r in got] == [0, 1000]


def test_a_bad_result_is_a_python_exception_and_the_session_survives(spark) -> None:
    import pytest
    from tspark.errors import PythonException

    with pytest.raises(PythonException, match="RESULT_COLUMNS_MISMATCH_FOR_PANDAS_UDF"):
        spark.range(4).groupBy("id").applyInPandas(lambda pdf: pd.DataFrame({"x": [1]}), "id long").collect()
    with pytest.raises(PythonException, match="UDF_RETURN_TYPE"):
        spark.range(4).mapInPandas(lambda it: 1, "id long").collect()
    assert spark.range(5).mapInPandas(lambda it: it, "id long").count() == 5


def test_cogroup_keys_of_different_counts_raise_what_pyspark_raises(spark) -> None:
    # PySpark 4.0.1 (recorded): IllegalArgumentException when the frame is made, before any action
    import pytest
    from tspark.errors import IllegalArgumentException

    a = spark.createDataFrame([(1, 2, 3.0)], "k1 long, k2 long, v double")
    b = spark.createDataFrame([(1, 4.0)], "k1 long, w double")
    with pytest.raises(IllegalArgumentException) as e:
        a.groupby("k1", "k2").cogroup(b.groupby("k1")).applyInPandas(lambda l, r: l, "n long")
    assert str(e.value) == "requirement failed: Cogroup keys must have same size: 2 != 1"
