"""Helpers turning function arguments into expressions for one-line wrappers."""
from typing import Any, Dict

from tspark.errors import PySparkTypeError
from tspark.sql._plan import expressions as E
from tspark.sql.column import Column


def to_col_expr(c: Any, arg_name: str = "col") -> Dict[str, Any]:
    """A Column's expression, or a column name as ``col()`` reads it."""
    if isinstance(c, Column):
        return c._expr
    if isinstance(c, str):
        return E.column_from_name(c)
    raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR",
                           messageParameters={"arg_name": arg_name, "arg_type": type(c).__name__})


def invoke(name: str, *cols: Any) -> Column:
    """``name(cols...)`` where each argument is a Column or a column name."""
    return Column(E.function(name, [to_col_expr(c) for c in cols]))


def invoke_distinct(name: str, *cols: Any) -> Column:
    """``name(DISTINCT cols...)``."""
    return Column(E.function(name, [to_col_expr(c) for c in cols], True))


def num_or_col(v: Any) -> Dict[str, Any]:
    """A Column or column name as a column; a plain number as a literal (``pow(2, "x")``)."""
    from tspark.sql._plan.literals import make_literal
    return to_col_expr(v) if isinstance(v, (str, Column)) else make_literal(v)


def lit_or_col(v: Any, *lit_types: type) -> Dict[str, Any]:
    """A literal when ``v`` is one of ``lit_types`` (``int`` for ``days: ColumnOrName | int``), else a column
    or column name, as PySpark's ``lit(x) if isinstance(x, int) else x``."""
    from tspark.sql._plan.literals import make_literal
    if isinstance(v, lit_types) and not isinstance(v, Column):
        return make_literal(v)
    return to_col_expr(v)


def invoke_with_literals(name: str, col: Any, *lits: Any) -> Column:
    """``name(col, lit1, ...)``: first argument a column, the rest constants or Columns."""
    from tspark.sql.column import to_expr
    return Column(E.function(name, [to_col_expr(col)] + [to_expr(v) for v in lits]))
