"""JSON and CSV functions (Spark's json_funcs and csv_funcs)."""
from typing import Any, Dict, List, Optional

from tspark.errors import PySparkTypeError
from tspark.sql import types as T
from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column, to_expr
from tspark.sql._invoke import invoke, to_col_expr
from tspark.sql.functions._family import family_all


def _options(options: Optional[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Reader/writer options as one map<string,string> literal argument (none when empty)."""
    if not options:
        return []
    return [make_literal({str(k): str(v) for k, v in options.items()}, T.MapType(T.StringType(), T.StringType()))]


def _schema(schema: Any, arg_name: str = "schema") -> Dict[str, Any]:
    """A schema argument: a DDL string, a DataType (sent as its type string) or a Column."""
    if isinstance(schema, T.DataType):
        return make_literal(schema.simpleString())
    if isinstance(schema, (str, Column)):
        return to_expr(schema)
    raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR",
                           messageParameters={"arg_name": arg_name, "arg_type": type(schema).__name__})


def from_json(col: Any, schema: Any, options: Optional[Dict[str, str]] = None) -> Column:
    return Column(E.function("from_json", [to_col_expr(col), _schema(schema)] + _options(options)))


def to_json(col: Any, options: Optional[Dict[str, str]] = None) -> Column:
    return Column(E.function("to_json", [to_col_expr(col)] + _options(options)))


def json_tuple(col: Any, *fields: str) -> Column:
    if len(fields) == 0:
        from tspark.errors import PySparkValueError
        raise PySparkValueError(errorClass="CANNOT_BE_EMPTY", messageParameters={"item": "field"})
    return Column(E.function("json_tuple", [to_col_expr(col)] + [make_literal(f) for f in fields]))


def get_json_object(col: Any, path: str) -> Column:
    return Column(E.function("get_json_object", [to_col_expr(col), make_literal(path)]))


def json_array_length(col: Any) -> Column:
    return invoke("json_array_length", col)


def json_object_keys(col: Any) -> Column:
    return invoke("json_object_keys", col)


def schema_of_json(json: Any, options: Optional[Dict[str, str]] = None) -> Column:
    if not isinstance(json, (str, Column)):
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR",
                               messageParameters={"arg_name": "json", "arg_type": type(json).__name__})
    return Column(E.function("schema_of_json", [to_expr(json)] + _options(options)))


def from_csv(col: Any, schema: Any, options: Optional[Dict[str, str]] = None) -> Column:
    if not isinstance(schema, (str, Column)):
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR",
                               messageParameters={"arg_name": "schema", "arg_type": type(schema).__name__})
    return Column(E.function("from_csv", [to_col_expr(col), to_expr(schema)] + _options(options)))


def to_csv(col: Any, options: Optional[Dict[str, str]] = None) -> Column:
    return Column(E.function("to_csv", [to_col_expr(col)] + _options(options)))


def schema_of_csv(csv: Any, options: Optional[Dict[str, str]] = None) -> Column:
    if not isinstance(csv, (str, Column)):
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR",
                               messageParameters={"arg_name": "csv", "arg_type": type(csv).__name__})
    return Column(E.function("schema_of_csv", [to_expr(csv)] + _options(options)))


__all__ = family_all(globals())
