"""User-defined types (PySpark's UserDefinedType): unwrap_udt."""
from typing import Any

from tspark.sql._invoke import invoke
from tspark.sql.column import Column
from tspark.sql.functions._family import family_all


def unwrap_udt(col: Any) -> Column:
    return invoke("unwrap_udt", col)


__all__ = family_all(globals())
