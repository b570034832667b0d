"""Collation functions (Spark 4's collationExpressions): collate, collation."""
from typing import Any

from tspark.sql._invoke import invoke, to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column
from tspark.sql.functions._family import family_all


def collate(col: Any, collation: str) -> Column:
    return Column(E.function("collate", [to_col_expr(col), make_literal(collation)]))


def collation(col: Any) -> Column:
    return invoke("collation", col)


__all__ = family_all(globals())
