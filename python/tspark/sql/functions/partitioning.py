"""``pyspark.sql.functions.partitioning``: the partition transforms of
``df.writeTo(t).partitionedBy(...)`` (Spark 4.0's home for them; ``functions.years`` and the
others are deprecated aliases). Each builds a call of Spark's transform by name; only
``partitionedBy`` accepts them, as Spark's analyzer rejects them anywhere else."""
from typing import Any, Union

from tspark.errors import PySparkTypeError
from tspark.sql._invoke import invoke, to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column

__all__ = ["years", "months", "days", "hours", "bucket"]


def years(col: Any) -> Column:
    """Partition transform: a date or timestamp column's years since 1970."""
    return invoke("years", col)


def months(col: Any) -> Column:
    """Partition transform: a date or timestamp column's months since 1970-01."""
    return invoke("months", col)


def days(col: Any) -> Column:
    """Partition transform: a date or timestamp column's days since 1970-01-01."""
    return invoke("days", col)


def hours(col: Any) -> Column:
    """Partition transform: a timestamp column's hours since 1970-01-01 00:00."""
    return invoke("hours", col)


def bucket(numBuckets: Union[Column, int], col: Any) -> Column:
    """Partition transform: ``numBuckets`` buckets by a hash of the column (a bucketed table on
    the session catalog, as Spark's ``bucketBy``)."""
    if isinstance(numBuckets, bool) or not isinstance(numBuckets, (int, Column)):
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_INT", messageParameters={
            "arg_name": "numBuckets", "arg_type": type(numBuckets).__name__})
    n = numBuckets._expr if isinstance(numBuckets, Column) else make_literal(numBuckets)
    return Column(E.function("bucket", [n, to_col_expr(col)]))
