"""Number format functions (Spark's to_number / to_char family): strings ↔ decimals by a format
string such as ``'$99,999.99S'``; ``to_char`` also formats dates (datetime patterns) and binaries."""
from typing import Any

from tspark.sql._invoke import invoke
from tspark.sql.column import Column
from tspark.sql.functions._family import family_all


def to_number(col: Any, format: Any) -> Column:
    return invoke("to_number", col, format)


def try_to_number(col: Any, format: Any) -> Column:
    return invoke("try_to_number", col, format)


def to_char(col: Any, format: Any) -> Column:
    return invoke("to_char", col, format)


def to_varchar(col: Any, format: Any) -> Column:
    return invoke("to_varchar", col, format)


__all__ = family_all(globals())
