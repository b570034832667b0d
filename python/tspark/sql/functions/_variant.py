"""Variant functions (Spark 4's variant_expressions): parse_json, variant_get, schema_of_variant …"""
from typing import Any, Union

from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column, to_expr
from tspark.sql._invoke import invoke, to_col_expr
from tspark.sql.functions._family import family_all


def parse_json(col: Any) -> Column:
    return invoke("parse_json", col)


def try_parse_json(col: Any) -> Column:
    return invoke("try_parse_json", col)


def _path(path: Union[Column, str]) -> Any:
    assert isinstance(path, (Column, str))
    return make_literal(path) if isinstance(path, str) else to_expr(path)


def variant_get(v: Any, path: Union[Column, str], targetType: str) -> Column:
    return Column(E.function("variant_get", [to_col_expr(v), _path(path), make_literal(targetType)]))


def try_variant_get(v: Any, path: Union[Column, str], targetType: str) -> Column:
    return Column(E.function("try_variant_get", [to_col_expr(v), _path(path), make_literal(targetType)]))


def is_variant_null(v: Any) -> Column:
    return invoke("is_variant_null", v)


def schema_of_variant(v: Any) -> Column:
    return invoke("schema_of_variant", v)


def schema_of_variant_agg(v: Any) -> Column:
    return invoke("schema_of_variant_agg", v)


def to_variant_object(col: Any) -> Column:
    return invoke("to_variant_object", col)


__all__ = family_all(globals())
