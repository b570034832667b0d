"""Spark's misc_funcs group: row ids, partition ids, random numbers, session information."""
from typing import Any, Optional

from tspark.errors import PySparkTypeError
from tspark.sql._invoke import invoke, invoke_with_literals

from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column, to_expr
from tspark.sql.functions._family import family_all


def monotonically_increasing_id() -> Column:
    return Column(E.function("monotonically_increasing_id", []))


def rand(seed: Optional[int] = None) -> Column:
    return Column(E.function("rand", [] if seed is None else [make_literal(seed)]))


def spark_partition_id() -> Column:
    return Column(E.function("spark_partition_id", []))


def version() -> Column:
    return Column(E.function("version", []))


def current_user() -> Column:
    return Column(E.function("current_user", []))


def user() -> Column:
    return Column(E.function("user", []))


def session_user() -> Column:
    return Column(E.function("session_user", []))


def current_database() -> Column:
    return Column(E.function("current_database", []))


def current_catalog() -> Column:
    return Column(E.function("current_catalog", []))


def current_schema() -> Column:
    return Column(E.function("current_schema", []))


def input_file_name() -> Column:
    return Column(E.function("input_file_name", []))


def input_file_block_start() -> Column:
    return Column(E.function("input_file_block_start", []))


def input_file_block_length() -> Column:
    return Column(E.function("input_file_block_length", []))


def randn(seed: Optional[int] = None) -> Column:
    return Column(E.function("randn", [] if seed is None else [make_literal(seed)]))


def reflect(*cols: Any) -> Column:
    return invoke("reflect", *cols)


def java_method(*cols: Any) -> Column:
    return invoke("java_method", *cols)


def try_reflect(*cols: Any) -> Column:
    return invoke("try_reflect", *cols)


def uniform(min: Any, max: Any, seed: Any = None) -> Column:
    return Column(E.function("uniform", [to_expr(min), to_expr(max)] + ([] if seed is None else [to_expr(seed)])))


def randstr(length: Any, seed: Any = None) -> Column:
    return Column(E.function("randstr", [to_expr(length)] + ([] if seed is None else [to_expr(seed)])))


def typeof(col: Any) -> Column:
    return invoke("typeof", col)


def assert_true(col: Any, errMsg: Any = None) -> Column:
    if errMsg is None:
        return invoke("assert_true", col)
    if not isinstance(errMsg, (str, Column)):
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR",
                               messageParameters={"arg_name": "errMsg", "arg_type": type(errMsg).__name__})
    return invoke_with_literals("assert_true", col, errMsg)


def raise_error(errMsg: Any) -> Column:
    if not isinstance(errMsg, (str, Column)):
        raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR",
                               messageParameters={"arg_name": "errMsg", "arg_type": type(errMsg).__name__})
    return Column(E.function("raise_error", [to_expr(errMsg)]))


__all__ = family_all(globals())
