"""Wire values (bridge/PROTOCOL.md "Wire values") → the Python objects a UDF receives, as PySpark gives them.

Dates arrive as int days and become ``datetime.date``; timestamps (µs) become naive local
``datetime.datetime`` (timestamp_ntz: naive wall clock); decimals ``Decimal``; binary
``bytearray``; arrays lists; maps dicts; structs ``Row``s.
"""
import datetime
from decimal import Decimal
from typing import Any, Callable, List, Optional

from tspark.worker.typed_columns import decode_typed

Conv = Optional[Callable[[Any], Any]]

_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()
_EPOCH_NTZ = datetime.datetime(1970, 1, 1)


def _date(v: int) -> datetime.date:
    return datetime.date.fromordinal(v + _EPOCH_ORDINAL)


def _timestamp(v: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(v // 1000000).replace(microsecond=v % 1000000)


def _timestamp_ntz(v: int) -> datetime.datetime:
    return _EPOCH_NTZ + datetime.timedelta(microseconds=v)


def _integral(v: Any) -> int:
    # msgpackr writes integral JS numbers past 32 bits as float64: restore the int
    return v if type(v) is int else int(v)


_INTEGRAL = ("byte", "short", "integer", "long")


def _atomic(kind: str) -> Conv:
    if kind in _INTEGRAL:
        return _integral
    if kind in ("float", "double"):
        return float
    if kind == "date":
        return _date
    if kind == "timestamp":
        return _timestamp
    if kind == "timestamp_ntz":
        return _timestamp_ntz
    if kind == "binary":
        return bytearray
    if kind.startswith("decimal"):
        return Decimal
    return None  # null, boolean, string: the wire value is already the Python value


def from_wire_converter(t: Any) -> Conv:
    """A function converting one non-null wire value of Spark JSON type `t`, or None when identity."""
    if isinstance(t, str):
        return _atomic(t)
    kind = t.get("type")
    if kind == "array":
        el = from_wire_converter(t["elementType"])
        if el is None:
            return list
        return lambda v: [None if x is None else el(x) for x in v]
    if kind == "map":
        kc = from_wire_converter(t["keyType"]) or (lambda x: x)
        vc = from_wire_converter(t["valueType"]) or (lambda x: x)
        return lambda v: {kc(k): (None if x is None else vc(x)) for k, x in v}
    if kind == "struct":
        return _struct_converter(t)
    raise ValueError("unknown data type %r" % (t,))


def _struct_converter(t: Any) -> Callable[[Any], Any]:
    from tspark._row import _create_row  # lazily: only structs need Row

    names = [f["name"] for f in t["fields"]]
    convs = [from_wire_converter(f["type"]) for f in t["fields"]]

    def conv(v: List[Any]) -> Any:
        vals = tuple(x if (c is None or x is None) else c(x) for c, x in zip(convs, v))
        return _create_row(names, vals)
    return conv


def column_from_wire(t: Any, values: Any) -> List[Any]:
    """A whole argument column (a wire-value list or a typed column) converted; None stays None."""
    if isinstance(values, dict):
        fmt = values.get("t")
        values = decode_typed(values)
        if t in _INTEGRAL and fmt == "i32":
            return values  # already Python ints
        if fmt == "f64" and t in ("long", "timestamp", "timestamp_ntz"):
            values = [None if v is None else int(v) for v in values]  # exact: |v| < 2^53
            if t == "long":
                return values
        if t == "boolean":
            return [None if v is None else bool(v) for v in values]
    conv = from_wire_converter(t)
    if conv is None:
        return values
    return [None if v is None else conv(v) for v in values]
