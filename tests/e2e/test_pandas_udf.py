"""Scalar pandas UDFs see Arrow batches of at most spark.sql.execution.arrow.maxRecordsPerBatch
rows, per call (scalar) or per iterator item (scalar iterator), as in PySpark."""
from __future__ import annotations

from typing import Iterator

import pandas as pd


def test_batches_are_cut_at_max_records_per_batch(spark) -> None:
    from tspark.sql import functions as F

    @F.pandas_udf("long")
    def size(s: pd.Series) -> pd.Series:
        return pd.Series([len(s)] * len(s))

    @F.pandas_udf("long")
    def sizes(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        for b in batches:
            yield pd.Series([len(b)] * len(b))
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "3")
    try:
        df = spark.range(0, 7, 1, 1)
        assert [r[0] for r in df.select(size("id")).collect()] == [3, 3, 3, 3, 3, 3, 1]
        assert [r[0] for r in df.select(sizes("id")).collect()] == [3, 3, 3, 3, 3, 3, 1]
    finally:
        spark.conf.unset("spark.sql.execution.arrow.maxRecordsPerBatch")
    assert [r[0] for r in spark.range(0, 7, 1, 1).select(size("id")).collect()] == [7] * 7


def test_an_iterator_udf_must_return_every_row(spark) -> None:
    import pytest
    from tspark.sql import functions as F

    @F.pandas_udf("long")
    def drop_one(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        for b in batches:
            yield b.iloc[1:]
    with pytest.raises(Exception, match="RESULT_LENGTH_MISMATCH_FOR_SCALAR_ITER_PANDAS_UDF"):
        spark.range(0, 4, 1, 1).select(drop_one("id")).collect()
