"""A UDF's returned Python value → wire value of its declared return type, as PySpark converts it.

Classic PySpark pickles the result and the JVM converts it (EvaluatePython.makeFromJava):
a value of the wrong Python type gives null (a str for IntegerType, an int for DoubleType),
integers wrap to the column width (300 as ByteType → 44), StringType accepts anything
through Java's toString (True → "true"), decimals round HALF_UP to the scale. Dates and
timestamps go through the type's ``toInternal`` on the Python side, so a wrong type there
raises (AttributeError), exactly as in PySpark.
"""
import calendar
import datetime
import time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable, Dict, List, Optional

Conv = Callable[[Any], Any]

_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()
_WIDTH = {"byte": 8, "short": 16, "integer": 32, "long": 64}


def _wrap(bits: int) -> Conv:
    half, full = 1 << (bits - 1), 1 << bits
    lo, hi = -(1 << 63), (1 << 63) - 1  # a Python int past int64 is a BigInteger on the JVM: null

    def conv(v: Any) -> Any:
        if type(v) is not int or v < lo or v > hi:
            return None
        return ((v + half) % full) - half if bits < 64 else v
    return conv


def _float32(v: Any) -> Any:
    import struct
    return struct.unpack("f", struct.pack("f", v))[0] if type(v) is float else None


def _double(v: Any) -> Any:
    return v if type(v) is float else None


def _boolean(v: Any) -> Any:
    return v if type(v) is bool else None


def java_string(v: Any) -> str:
    """Java's toString of the value the JVM unpickles from `v` (what StringType stores)."""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return _java_double(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join("null" if x is None else java_string(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join("%s=%s" % (java_string(k), "null" if x is None else java_string(x))
                               for k, x in v.items()) + "}"
    return str(v)


def _java_double(v: float) -> str:
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    a = abs(v)
    if a == 0 or 1e-3 <= a < 1e7:
        r = repr(v)
        return r if "." in r else r + ".0"
    sign, digits, exp = Decimal(repr(v)).normalize().as_tuple()
    ds = "".join(map(str, digits))
    e10 = len(ds) - 1 + int(exp)
    return "%s%s.%sE%d" % ("-" if sign else "", ds[0], ds[1:] or "0", e10)


def _string(v: Any) -> Any:
    return java_string(v)


def _binary(v: Any) -> Any:
    if isinstance(v, (bytes, bytearray)):
        return bytes(v)
    if isinstance(v, str):
        return v.encode("utf-8")
    return None


def _date(v: Any) -> Any:
    return v.toordinal() - _EPOCH_ORDINAL  # DateType.toInternal: raises for a non-date, as PySpark


def _timestamp(v: Any) -> Any:
    seconds = calendar.timegm(v.utctimetuple()) if v.tzinfo else time.mktime(v.timetuple())
    return int(seconds) * 1000000 + v.microsecond


def _timestamp_ntz(v: Any) -> Any:
    return int(calendar.timegm(v.timetuple())) * 1000000 + v.microsecond


def _decimal(precision: int, scale: int) -> Conv:
    quantum = Decimal(1).scaleb(-scale)

    def conv(v: Any) -> Any:
        if not isinstance(v, Decimal) or not v.is_finite():
            return None
        q = v.quantize(quantum, rounding=ROUND_HALF_UP)
        if len(q.as_tuple().digits) > precision and q != 0:
            return None
        return format(q, "f")
    return conv


_ATOMIC: Dict[str, Conv] = {
    "boolean": _boolean, "float": _float32, "double": _double, "string": _string,
    "binary": _binary, "date": _date, "timestamp": _timestamp, "timestamp_ntz": _timestamp_ntz,
    "null": lambda v: None,
}


def to_wire_converter(t: Any) -> Conv:
    """A function converting one non-null returned value to a wire value of Spark JSON type `t`."""
    if isinstance(t, str):
        if t in _WIDTH:
            return _wrap(_WIDTH[t])
        if t.startswith("decimal"):
            p, s = t[t.index("(") + 1:-1].split(",")
            return _decimal(int(p), int(s))
        conv = _ATOMIC.get(t)
        if conv is None:
            raise ValueError("unknown data type %r" % (t,))
        return conv
    kind = t.get("type")
    if kind == "array":
        el = to_wire_converter(t["elementType"])
        return lambda v: [None if x is None else el(x) for x in v] if isinstance(v, (list, tuple)) else None
    if kind == "map":
        kc, vc = to_wire_converter(t["keyType"]), to_wire_converter(t["valueType"])
        return lambda v: [[kc(k), None if x is None else vc(x)] for k, x in v.items()] if isinstance(v, dict) else None
    if kind == "struct":
        return _struct(t)
    raise ValueError("unknown data type %r" % (t,))


def _struct(t: Any) -> Conv:
    names = [f["name"] for f in t["fields"]]
    convs = [to_wire_converter(f["type"]) for f in t["fields"]]

    def conv(v: Any) -> Any:
        if isinstance(v, dict):
            vals: List[Any] = [v.get(n) for n in names]
        elif isinstance(v, (list, tuple)) and len(v) == len(names):
            vals = list(v)
        elif hasattr(v, "__dict__"):
            vals = [getattr(v, n, None) for n in names]
        else:
            return None
        return [None if x is None else c(x) for c, x in zip(convs, vals)]
    return conv


def column_to_wire(t: Any, values: List[Any], conv: Optional[Conv] = None) -> List[Any]:
    """A whole result column converted (None stays None)."""
    c = conv or to_wire_converter(t)
    return [None if v is None else c(v) for v in values]
