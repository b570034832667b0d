"""Array, map and struct functions and generators (Spark's collection, array, map, struct and generator groups)."""
from typing import Any

from tspark.sql.column import Column
from tspark.sql._invoke import invoke
from tspark.sql.functions._family import family_all


def explode(col: Any) -> Column:
    return invoke("explode", col)


def array(*cols: Any) -> Column:
    if len(cols) == 1 and isinstance(cols[0], (list, set)):
        cols = tuple(cols[0])
    return invoke("array", *cols)


def struct(*cols: Any) -> Column:
    if len(cols) == 1 and isinstance(cols[0], (list, set)):
        cols = tuple(cols[0])
    return invoke("struct", *cols)


__all__ = family_all(globals())
