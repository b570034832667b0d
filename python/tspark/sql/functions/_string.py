"""String and regular-expression functions (Spark's string_funcs group)."""
from typing import Any

from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column
from tspark.sql._invoke import invoke, invoke_with_literals, to_col_expr
from tspark.sql.functions._family import family_all


def upper(col: Any) -> Column:
    return invoke("upper", col)


def lower(col: Any) -> Column:
    return invoke("lower", col)


def length(col: Any) -> Column:
    return invoke("length", col)


def trim(col: Any) -> Column:
    return invoke("trim", col)


def ltrim(col: Any) -> Column:
    return invoke("ltrim", col)


def rtrim(col: Any) -> Column:
    return invoke("rtrim", col)


def concat(*cols: Any) -> Column:
    return invoke("concat", *cols)


def concat_ws(sep: str, *cols: Any) -> Column:
    return Column(E.function("concat_ws", [make_literal(sep)] + [to_col_expr(c) for c in cols]))


def substring(str: Any, pos: int, len: int) -> Column:
    return invoke_with_literals("substring", str, pos, len)


def substr(str: Any, pos: Any, len: Any = None) -> Column:
    return invoke("substr", str, pos) if len is None else invoke("substr", str, pos, len)


def split(str: Any, pattern: str, limit: int = -1) -> Column:
    return invoke_with_literals("split", str, pattern, limit)


def contains(left: Any, right: Any) -> Column:
    return invoke("contains", left, right)


def startswith(str: Any, prefix: Any) -> Column:
    return invoke("startswith", str, prefix)


def endswith(str: Any, suffix: Any) -> Column:
    return invoke("endswith", str, suffix)


def like(str: Any, pattern: Any, escapeChar: Any = None) -> Column:
    return invoke("like", str, pattern) if escapeChar is None else invoke("like", str, pattern, escapeChar)


def ilike(str: Any, pattern: Any, escapeChar: Any = None) -> Column:
    return invoke("ilike", str, pattern) if escapeChar is None else invoke("ilike", str, pattern, escapeChar)


def rlike(str: Any, regexp: Any) -> Column:
    return invoke("rlike", str, regexp)


__all__ = family_all(globals())
