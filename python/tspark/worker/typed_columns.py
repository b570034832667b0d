"""Fixed-width columns as raw bytes: ``{t: "i32"|"f64"|"f32"|"u8", data: bin, validity?: bin}``.

The engine sends numeric, boolean, date and timestamp argument columns this way and
reads result columns of those types back the same way (native byte order: both ends
run on the same machine). ``memoryview.cast(...).tolist()`` and ``array`` do the work in
C, far cheaper than one msgpack value per row.
"""
from array import array
from typing import Any, Dict, List, Optional

_CODES = {"i32": "i", "f64": "d", "f32": "f", "u8": "B"}
_LONG_SAFE = (1 << 53) - 1

#: Result types sent typed, and their format (longs go as f64 while within ±2^53).
RESULT_FORMAT = {
    "boolean": "u8", "byte": "i32", "short": "i32", "integer": "i32", "date": "i32",
    "long": "f64", "timestamp": "f64", "timestamp_ntz": "f64", "double": "f64", "float": "f32",
}


def decode_typed(col: Dict[str, Any]) -> List[Any]:
    """The column's values as Python numbers, None where the validity byte is 0."""
    vals = memoryview(col["data"]).cast(_CODES[col["t"]]).tolist()
    validity = col.get("validity")
    if validity is not None:
        vals = [v if ok else None for v, ok in zip(vals, validity)]
    return vals


def encode_typed(type_name: Any, vals: List[Any]) -> Optional[Dict[str, Any]]:
    """`vals` (already converted to the return type) as a typed column, or None to send a list."""
    fmt = RESULT_FORMAT.get(type_name) if isinstance(type_name, str) else None
    if fmt is None:
        return None
    has_null = None in vals
    dense = [0 if v is None else v for v in vals] if has_null else vals
    if fmt == "f64" and type_name != "double":
        if any(v > _LONG_SAFE or v < -_LONG_SAFE for v in dense):
            return None  # exact ints past 2^53 go as msgpack ints
    try:
        data = array(_CODES[fmt], dense).tobytes()
    except (OverflowError, TypeError):
        return None
    out: Dict[str, Any] = {"t": fmt, "data": data}
    if has_null:
        out["validity"] = bytes(0 if v is None else 1 for v in vals)
    return out


_FAST_TYPES = {"long": int, "integer": int, "double": float, "boolean": bool, "string": str}
_INT32 = (-(1 << 31), (1 << 31) - 1)


def fast_result(type_name: Any, results: List[Any]) -> Optional[Any]:
    """The result column when every value already has the exact Python type of the return type
    (no nulls, no conversion needed), built in C; None to take the general path."""
    want = _FAST_TYPES.get(type_name) if isinstance(type_name, str) else None
    if want is None or not results or set(map(type, results)) != {want}:
        return None
    if type_name == "string":
        return results
    if type_name == "long":
        if max(results) > _LONG_SAFE or min(results) < -_LONG_SAFE:
            return None
        return {"t": "f64", "data": array("d", results).tobytes()}
    if type_name == "integer":
        if max(results) > _INT32[1] or min(results) < _INT32[0]:
            return None
        return {"t": "i32", "data": array("i", results).tobytes()}
    if type_name == "double":
        return {"t": "f64", "data": array("d", results).tobytes()}
    return {"t": "u8", "data": bytes(results)}
