"""Hash functions (Spark's hash_funcs group), bit-exact with Spark's."""
from typing import Any

from tspark.sql.column import Column
from tspark.sql._invoke import invoke
from tspark.sql.functions._family import family_all


def hash(*cols: Any) -> Column:
    """Spark's Murmur3 hash of the columns (seed 42), an int column."""
    return invoke("hash", *cols)


__all__ = family_all(globals())
