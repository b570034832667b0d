"""Sketch aggregates and their scalar helpers (Spark's datasketches and count-min functions)."""
import random
import sys
from typing import Any, Optional

from tspark.sql._invoke import invoke, to_col_expr
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column, to_expr
from tspark.sql.functions._family import family_all


def _lit(v: Any) -> Any:
    """lit(v): a Column passes through, anything else is a literal."""
    return to_expr(v) if isinstance(v, Column) else make_literal(v)


def count_min_sketch(col: Any, eps: Any, confidence: Any, seed: Any = None) -> Column:
    # PySpark draws a random seed when none is given.
    s = make_literal(random.randint(0, sys.maxsize)) if seed is None else _lit(seed)
    return Column(E.function("count_min_sketch", [to_col_expr(col), _lit(eps), _lit(confidence), s]))


def hll_sketch_agg(col: Any, lgConfigK: Optional[Any] = None) -> Column:
    if lgConfigK is None:
        return invoke("hll_sketch_agg", col)
    return Column(E.function("hll_sketch_agg", [to_col_expr(col), _lit(lgConfigK)]))


def hll_union_agg(col: Any, allowDifferentLgConfigK: Optional[Any] = None) -> Column:
    if allowDifferentLgConfigK is None:
        return invoke("hll_union_agg", col)
    return Column(E.function("hll_union_agg", [to_col_expr(col), _lit(allowDifferentLgConfigK)]))


def hll_sketch_estimate(col: Any) -> Column:
    return invoke("hll_sketch_estimate", col)


def hll_union(col1: Any, col2: Any, allowDifferentLgConfigK: Optional[bool] = None) -> Column:
    args = [to_col_expr(col1), to_col_expr(col2)]
    if allowDifferentLgConfigK is not None:
        args.append(make_literal(allowDifferentLgConfigK))
    return Column(E.function("hll_union", args))


__all__ = family_all(globals())
