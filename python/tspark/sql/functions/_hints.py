"""Plan hints written as functions: ``broadcast(df)`` marks a frame to be broadcast in a join."""
from typing import TYPE_CHECKING

from tspark.sql.functions._family import family_all

if TYPE_CHECKING:
    from tspark.sql.dataframe import DataFrame


def broadcast(df: "DataFrame") -> "DataFrame":
    """``df`` with the BROADCAST join hint: a join on it broadcasts it whatever its size."""
    return df.hint("broadcast")


__all__ = family_all(globals())
