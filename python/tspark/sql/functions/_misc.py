"""Spark's misc_funcs group: row ids, partition ids, random numbers, session information."""
from typing import Optional

from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column
from tspark.sql.functions._family import family_all


def monotonically_increasing_id() -> Column:
    return Column(E.function("monotonically_increasing_id", []))


def rand(seed: Optional[int] = None) -> Column:
    return Column(E.function("rand", [] if seed is None else [make_literal(seed)]))


__all__ = family_all(globals())
