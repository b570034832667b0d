"""Grouped-aggregate pandas UDFs (Series -> scalar) in groupBy().agg, global aggregates and over
windows (whole partitions, ROWS and RANGE frames), checked against pandas computing the same
thing on the same rows."""
from __future__ import annotations

import random

import pandas as pd


def _data(spark, n=3000, groups=37, parts=4):
    rnd = random.Random(7)
    rows = [(rnd.randrange(groups), rnd.randrange(1000) if rnd.random() > 0.1 else None, i) for i in range(n)]
    return rows, spark.createDataFrame(rows, "k long, v long, i long").repartition(parts)


def test_grouped_agg_matches_pandas_groupby(spark) -> None:
    from tspark.sql import functions as F

    @F.pandas_udf("double")
    def mean(v: pd.Series) -> float:
        return v.mean()

    @F.pandas_udf("long")
    def count_rows(v: pd.Series, i: pd.Series) -> int:
        return len(v) + 0 * len(i)

    rows, df = _data(spark)
    pdf = pd.DataFrame(rows, columns=["k", "v", "i"])
    got = {r["k"]: (r["m"], r["c"]) for r in df.groupBy("k").agg(mean("v").alias("m"), count_rows("v", "i").alias("c")).collect()}
    want = pdf.groupby("k").agg(m=("v", "mean"), c=("v", "size"))
    assert set(got) == set(want.index)
    for k, (m, c) in got.items():
        assert abs(m - want.loc[k, "m"]) < 1e-9 and c == want.loc[k, "c"]


def test_global_and_expression_keys(spark) -> None:
    from tspark.sql import functions as F

    @F.pandas_udf("long")
    def total(v: pd.Series) -> int:
        return int(v.sum())

    rows, df = _data(spark)
    pdf = pd.DataFrame(rows, columns=["k", "v", "i"])
    assert df.select(total("v")).collect()[0][0] == int(pdf["v"].sum())
    assert df.agg((total("i") + 1).alias("t")).collect()[0]["t"] == int(pdf["i"].sum()) + 1
    got = sorted(tuple(r) for r in df.groupBy((F.col("k") % 3).alias("m")).agg(total(F.col("v") * 2)).collect())
    want = sorted((int(m), int(s)) for m, s in (pdf.assign(m=pdf.k % 3, w=pdf.v * 2).groupby("m")["w"].sum()).items())
    assert got == want
    # an empty input gives no row, as Spark's AggregateInPandasExec
    assert df.filter("k < 0").select(total("v")).collect() == []


def test_window_frames_match_pandas(spark) -> None:
    from tspark.sql import Window, functions as F

    @F.pandas_udf("double")
    def mean(v: pd.Series) -> float:
        return v.mean()

    rows, df = _data(spark, n=600, groups=9)
    pdf = pd.DataFrame(rows, columns=["k", "v", "i"]).sort_values(["k", "i"]).reset_index(drop=True)
    whole = Window.partitionBy("k")
    rows_frame = Window.partitionBy("k").orderBy("i").rowsBetween(-2, 1)
    running = Window.partitionBy("k").orderBy("i").rowsBetween(Window.unboundedPreceding, Window.currentRow)
    out = df.select("k", "i", mean("v").over(whole).alias("w"), mean("v").over(rows_frame).alias("r"),
                    mean("v").over(running).alias("u"), F.sum("v").over(whole).alias("s"))
    got = {(r["k"], r["i"]): r for r in out.collect()}
    g = pdf.groupby("k")["v"]
    pdf["w"] = g.transform("mean")
    pdf["r"] = g.transform(lambda s: pd.Series([s.iloc[max(0, j - 2):j + 2].mean() for j in range(len(s))], index=s.index))
    pdf["u"] = g.transform(lambda s: s.expanding().mean())
    for rec in pdf.itertuples():
        r = got[(rec.k, rec.i)]
        for name in ("w", "r", "u"):
            want = getattr(rec, name)
            if pd.isna(want):
                assert r[name] is None
            else:
                assert abs(r[name] - want) < 1e-9, (name, rec)


def test_range_frame_uses_order_key_values(spark) -> None:
    from tspark.sql import Window, functions as F

    @F.pandas_udf("long")
    def n(v: pd.Series) -> int:
        return len(v)

    df = spark.createDataFrame([(1, 1), (1, 2), (1, 4), (1, 7), (2, 1)], "k int, x int")
    w = Window.partitionBy("k").orderBy("x").rangeBetween(-2, 0)
    assert sorted(tuple(r) for r in df.select("k", "x", n("x").over(w)).collect()) == [
        (1, 1, 1), (1, 2, 2), (1, 4, 2), (1, 7, 1), (2, 1, 1)]


def test_a_raising_aggregate_is_a_python_exception(spark) -> None:
    import pytest
    from tspark.errors import PythonException
    from tspark.sql import functions as F

    @F.pandas_udf("double")
    def boom(v: pd.Series) -> float:
        raise ValueError("no mean for you")

    with pytest.raises(PythonException, match="no mean for you"):
        spark.range(10).groupBy((F.col("id") % 2).alias("k")).agg(boom("id")).collect()
    assert spark.range(3).count() == 3
