"""Wire columns ↔ pyarrow arrays, for the operators that hand user code whole batches
(mapInPandas, mapInArrow, applyInPandas, applyInArrow and their cogrouped forms).

Fixed-width columns arrive as raw little-endian buffers (typed_columns.py) and become Arrow
arrays through numpy without a Python object per value; other columns are wire values
converted as a row UDF sees them, then given to ``pa.array`` with the column's Arrow type
(pandas_udfs.arrow_type, PySpark's to_arrow_type). Results go back the same two ways.
"""
from typing import Any, Dict, List

from tspark.worker.from_wire import column_from_wire
from tspark.worker.pandas_udfs import arrow_type
from tspark.worker.to_wire import column_to_wire, to_wire_converter
from tspark.worker.typed_columns import RESULT_FORMAT

_LONG_SAFE = (1 << 53) - 1

_NUMPY = {"i32": "<i4", "f64": "<f8", "f32": "<f4", "u8": "u1"}
#: Spark types whose Arrow form is a plain numpy-convertible buffer of this numpy dtype.
_FIXED = {"long": "int64", "integer": "int32", "short": "int16", "byte": "int8", "double": "float64",
          "float": "float32", "boolean": "bool", "date": "int32", "timestamp": "int64", "timestamp_ntz": "int64"}


def arrow_from_wire(t: Any, col: Any, n: int) -> Any:
    """One argument column as a pyarrow Array of Spark type ``t``."""
    import numpy as np
    import pyarrow as pa
    at = arrow_type(t)
    if isinstance(col, dict) and isinstance(t, str) and t in _FIXED:
        raw = np.frombuffer(col["data"], dtype=_NUMPY[col["t"]], count=n)
        vals = raw.astype(_FIXED[t]) if raw.dtype != np.dtype(_FIXED[t]) else raw
        validity = col.get("validity")
        mask = None if validity is None else np.frombuffer(validity, dtype="u1", count=n) == 0
        if t == "date" or t.startswith("timestamp"):
            return pa.array(vals, mask=mask, type=pa.int32() if t == "date" else pa.int64()).cast(at)
        return pa.array(vals, mask=mask, type=at)
    return pa.array(column_from_wire(t, col), type=at)


def batch_from_wire(names: List[str], types: List[Any], cols: List[Any], n: int) -> Any:
    """Argument columns as one pyarrow RecordBatch named ``names``."""
    import pyarrow as pa
    arrays = [arrow_from_wire(t, c, n) for t, c in zip(types, cols)]
    return pa.RecordBatch.from_arrays(arrays, names=names)


def wire_from_arrow(t: Any, arr: Any) -> Any:
    """One result column (a pyarrow Array or ChunkedArray of type ``t``) as a wire column."""
    import numpy as np
    import pyarrow as pa
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    fmt = RESULT_FORMAT.get(t) if isinstance(t, str) else None
    if fmt is not None and t not in ("long", "timestamp", "timestamp_ntz"):
        if t == "date":
            arr = arr.cast(pa.int32())
        filled = arr.fill_null(False if t == "boolean" else 0) if arr.null_count else arr
        dtype = {"u8": "u1", "i32": "<i4", "f64": "<f8", "f32": "<f4"}[fmt]
        out: Dict[str, Any] = {"t": fmt, "data": np.asarray(filled.to_numpy(zero_copy_only=False)).astype(dtype).tobytes()}
        if arr.null_count:
            out["validity"] = np.asarray(arr.is_valid().to_numpy(zero_copy_only=False)).astype("u1").tobytes()
        return out
    if t in ("timestamp", "timestamp_ntz"):
        arr = arr.cast(pa.timestamp("us")).cast(pa.int64())
    if t in ("long", "timestamp", "timestamp_ntz"):
        # exact as doubles within ±2^53 (the engine's Number fast path), through numpy: no
        # Python int per value; past that, msgpack ints
        ints = np.asarray(arr.cast(pa.int64()).fill_null(0).to_numpy(zero_copy_only=False))
        if len(ints) == 0 or int(np.abs(ints).max()) <= _LONG_SAFE:
            out = {"t": "f64", "data": ints.astype("<f8").tobytes()}
            if arr.null_count:
                out["validity"] = np.asarray(arr.is_valid().to_numpy(zero_copy_only=False)).astype("u1").tobytes()
            return out
        return arr.to_pylist()
    vals = arr.to_pylist()
    return column_to_wire(t, vals, to_wire_converter(t))
