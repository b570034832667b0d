"""``spark.sql(text, args, **kwargs)``: the Sql relation, as PySpark's SQLStringFormatter fills ``{name}``."""
import string
from typing import Any, Dict, List, Optional, Tuple

from tspark.errors import PySparkTypeError
from tspark.sql._plan import relations as R
from tspark.sql._plan.expressions import Expr

__all__ = ["sql_relation"]


class _Formatter(string.Formatter):
    """``{df}`` becomes a relation name whose plan travels as a reference; other values become text."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: Dict[str, Any] = {}

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> Tuple[Any, str]:
        obj, first = super().get_field(field_name, args, kwargs)
        return self._convert(obj, field_name), first

    def _convert(self, value: Any, field_name: str) -> Any:
        from tspark.sql.column import Column
        from tspark.sql.dataframe import DataFrame
        if isinstance(value, DataFrame):
            name = "_tspark_ref_%s" % "".join(c if c.isalnum() else "_" for c in field_name)
            self.refs[name] = value._plan
            return "`%s`" % name
        if isinstance(value, Column):
            # PySpark inserts the column's SQL text; a named column reference is its name.
            expr = value._expr
            if expr.get("kind") == "UnresolvedAttribute":
                return ".".join("`%s`" % p.replace("`", "``") for p in expr["nameParts"])
            raise PySparkTypeError(errorClass="NOT_IMPLEMENTED",
                                   messageParameters={"feature": "a computed Column in spark.sql kwargs"})
        return value


def _arg_expr(v: Any) -> Expr:
    from tspark.sql.column import to_expr
    return to_expr(v)


def sql_relation(query: str, args: Any = None, kwargs: Optional[Dict[str, Any]] = None) -> R.Plan:
    """The wire Sql relation for ``spark.sql(query, args, **kwargs)``."""
    refs: Dict[str, Any] = {}
    text = query
    if kwargs:
        f = _Formatter()
        text = f.format(query, **kwargs)
        refs = f.refs
    named: Optional[Dict[str, Expr]] = None
    positional: Optional[List[Expr]] = None
    if isinstance(args, dict):
        named = {str(k): _arg_expr(v) for k, v in args.items()}
    elif isinstance(args, (list, tuple)):
        positional = [_arg_expr(v) for v in args]
    elif args is not None:
        raise PySparkTypeError(errorClass="INVALID_TYPE",
                               messageParameters={"arg_name": "args", "arg_type": type(args).__name__})
    return R.sql(text, named, positional, refs)
