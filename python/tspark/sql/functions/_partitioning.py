"""``functions.years`` / ``months`` / ``days`` / ``hours`` / ``bucket``: PySpark 4.0's
deprecated aliases of ``functions.partitioning``'s transforms, warning as PySpark's do."""
import warnings
from typing import Any, Union

from tspark.sql.column import Column
from tspark.sql.functions import partitioning as _p
from tspark.sql.functions._family import family_all


def years(col: Any) -> Column:
    """Deprecated in 4.0.0: ``partitioning.years``."""
    warnings.warn("Deprecated in 4.0.0, use partitioning.years instead.", FutureWarning)
    return _p.years(col)


def months(col: Any) -> Column:
    """Deprecated in 4.0.0: ``partitioning.months``."""
    warnings.warn("Deprecated in 4.0.0, use partitioning.months instead.", FutureWarning)
    return _p.months(col)


def days(col: Any) -> Column:
    """Deprecated in 4.0.0: ``partitioning.days``."""
    warnings.warn("Deprecated in 4.0.0, use partitioning.days instead.", FutureWarning)
    return _p.days(col)


def hours(col: Any) -> Column:
    """Deprecated in 4.0.0: ``partitioning.hours``."""
    warnings.warn("Deprecated in 4.0.0, use partitioning.hours instead.", FutureWarning)
    return _p.hours(col)


def bucket(numBuckets: Union[Column, int], col: Any) -> Column:
    """Deprecated in 4.0.0: ``partitioning.bucket``."""
    warnings.warn("Deprecated in 4.0.0, use partitioning.bucket instead.", FutureWarning)
    return _p.bucket(numBuckets, col)


__all__ = family_all(globals())
