"""Python constant -> Literal expression, typed as Spark's ``lit()`` types it."""
import datetime
import decimal
from typing import Any

from tspark.sql import types as T
from tspark.sql._convert import to_wire, wire_type
from tspark.sql._infer import infer_type
from tspark.sql._plan.expressions import Expr, literal

_INT_MIN, _INT_MAX = -(2 ** 31), 2 ** 31 - 1


def literal_type(v: Any) -> T.DataType:
    """The type Spark gives a Python constant (ints fitting 32 bits are IntegerType)."""
    if v is None:
        return T.NullType()
    if isinstance(v, bool):
        return T.BooleanType()
    if isinstance(v, int):
        return T.IntegerType() if _INT_MIN <= v <= _INT_MAX else T.LongType()
    if isinstance(v, float):
        return T.DoubleType()
    if isinstance(v, str):
        return T.StringType()
    if isinstance(v, decimal.Decimal):
        sign, digits, exp = v.as_tuple()
        scale = max(0, -int(exp))
        precision = max(len(digits), scale, 1)
        return T.DecimalType(max(precision, scale), scale)
    if isinstance(v, datetime.datetime):
        return T.TimestampType()
    if isinstance(v, datetime.date):
        return T.DateType()
    if isinstance(v, (bytes, bytearray)):
        return T.BinaryType()
    if isinstance(v, list):
        if v:
            return T.ArrayType(literal_type(v[0]), True)
        return T.ArrayType(T.NullType(), True)
    return infer_type(v)


def make_literal(v: Any, data_type: "T.DataType | None" = None) -> Expr:
    """A Literal expression for `v` (type inferred unless given)."""
    dt = data_type if data_type is not None else literal_type(v)
    return literal(to_wire(v, dt), wire_type(dt))
