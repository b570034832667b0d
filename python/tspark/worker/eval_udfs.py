"""``evalUdfs``: apply row-at-a-time Python UDFs to a batch of argument columns.

Request: ``{udfs: [{func, returnType, argOffsets, evalType}], argTypes: [type], columns: [[v…]…], numRows}``
where ``func`` is cloudpickled ``(function, returnType)`` as the client pickles it (a bare
function is accepted too) and ``argOffsets`` index ``columns``. Reply: ``{columns: [[v…]…]}``,
one result column per UDF, in wire values of its ``returnType``. Scalar pandas UDFs
(evalType 200 and 204) get pandas Series per batch (pandas_udfs.py). Fixed-width columns
travel as typed byte columns both ways (typed_columns.py).
"""
from typing import Any, Callable, Dict, List

from tspark.worker.from_wire import column_from_wire
from tspark.worker.func_cache import load_function
from tspark.worker.pandas_udfs import PANDAS_EVAL_TYPES, eval_pandas_udf
from tspark.worker.typed_columns import encode_typed, fast_result
from tspark.worker.to_wire import column_to_wire, to_wire_converter


def user_function(blob: bytes) -> Callable[..., Any]:
    obj = load_function(blob)
    if isinstance(obj, tuple):
        obj = obj[0]
    if not callable(obj):
        raise TypeError("UDF payload is not callable: %s" % type(obj).__name__)
    return obj


def eval_udfs(req: Dict[str, Any]) -> Dict[str, Any]:
    """Evaluate every UDF of the request over all rows; returns their result columns."""
    n = int(req["numRows"])
    types = req["argTypes"]
    cols: List[List[Any]] = [column_from_wire(t, c) for t, c in zip(types, req["columns"])]
    out: List[List[Any]] = []
    for spec in req["udfs"]:
        f = user_function(spec["func"])
        args = [cols[i] for i in spec["argOffsets"]]
        rt = spec["returnType"]
        ev = spec.get("evalType")
        eval_type = ev if isinstance(ev, int) else 100  # absent: a row-at-a-time UDF
        if eval_type in PANDAS_EVAL_TYPES:
            arg_types = [types[i] for i in spec["argOffsets"]]
            max_records = req.get("maxRecordsPerBatch")
            results = eval_pandas_udf(f, eval_type, arg_types, args, rt, n,
                                      max_records if isinstance(max_records, int) else 10000)
        else:
            results = list(map(f, *args)) if args else [f() for _ in range(n)]
        out.append(result_column(rt, results))
    return {"kind": "ok", "columns": out}


def result_column(rt: Any, results: List[Any]) -> Any:
    """A UDF's Python results as the wire column of its return type ``rt`` (typed bytes where it can)."""
    fast = fast_result(rt, results)
    if fast is not None:
        return fast
    vals = column_to_wire(rt, results, to_wire_converter(rt))
    typed = encode_typed(rt, vals)
    return vals if typed is None else typed
