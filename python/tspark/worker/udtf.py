"""``udtf``: a Python UDTF's ``eval`` / ``terminate`` over rows, as PySpark's worker (read_udtf) runs it.

Request: ``{func, evalType, returnType, name, numRows, argTypes, columns, shapes, starts, ends}``.
``func`` is the cloudpickled ``(class, returnType)``; ``columns`` the argument columns
(eval_udfs' wire form); ``shapes`` how the UDTF's arguments are made of them, in call order:
``{kind: "scalar", arg, name?}`` (one column) or ``{kind: "table", first, names, name?}`` (a
TABLE argument: a ``Row`` of ``len(names)`` columns from ``first``); ``name`` makes it a
keyword argument. ``starts``/``ends`` cut the rows into ranges (int32 bytes): each range gets
a new instance of the class, ``eval`` once per row and ``terminate`` at its end, as Spark runs
one instance per partition of the input (per PARTITION BY key when there is one).

Reply: ``{numRows, columns, rowIndex}``: the rows ``eval`` and ``terminate`` yielded, one
column per field of ``returnType``, and for each the input row it came from, which the engine
joins with the input's columns (lateral joins): ``terminate``'s rows carry the range's last
row, as Spark's EvalPythonUDTFExec joins them with the last row it read (-1 for an empty range).

Row checks and errors are PySpark's: UDTF_RETURN_SCHEMA_MISMATCH, UDTF_INVALID_OUTPUT_ROW_TYPE,
UDTF_RETURN_NOT_ITERABLE, UDTF_EXEC_ERROR (any exception of the user's methods),
UDTF_EVAL_METHOD_ARGUMENTS_DO_NOT_MATCH_SIGNATURE, UDTF_CONSTRUCTOR_INVALID_NO_ANALYZE_METHOD.
``SkipRestOfInputTableException`` from ``eval`` skips the rest of the range's rows.
Arrow UDTFs (evalType 301) see pandas' values (numpy scalars) and their rows go through a
pandas DataFrame per ``eval`` call, as PySpark's ArrowStreamPandasUDTFSerializer sends them.
"""
import inspect
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from tspark._row import _create_row
from tspark._udtf_skip import SkipRestOfInputTableException
from tspark.worker.eval_udfs import result_column
from tspark.worker.from_wire import column_from_wire
from tspark.worker.func_cache import load_function

SQL_TABLE_UDF = 300
SQL_ARROW_TABLE_UDF = 301


def _runtime_error(cls: str, params: Dict[str, str]) -> Exception:
    from tspark.errors import PySparkRuntimeError
    return PySparkRuntimeError(errorClass=cls, messageParameters=params)


def _handler(blob: bytes) -> Tuple[type, Any]:
    obj = load_function(blob)
    cls, analyze_result = (obj[0], obj[2] if len(obj) > 2 else None) if isinstance(obj, tuple) else (obj, None)
    if not isinstance(cls, type):
        from tspark.errors import PySparkRuntimeError
        raise PySparkRuntimeError(
            "Invalid UDTF handler type. Expected a class (type 'type'), but got an instance of %s." % type(cls).__name__)
    return cls, analyze_result


def _constructor(cls: type, analyze_result: Any, name: str) -> Callable[[], Any]:
    """How each instance is made: with the AnalyzeResult when ``__init__`` takes one (PySpark)."""
    nargs = len(inspect.getfullargspec(cls).args)
    if analyze_result is not None:
        if nargs > 2:
            raise _runtime_error("UDTF_CONSTRUCTOR_INVALID_IMPLEMENTS_ANALYZE_METHOD", {"name": name})
        if nargs == 2:
            import dataclasses
            return lambda: cls(dataclasses.replace(analyze_result))
    elif nargs > 1:
        raise _runtime_error("UDTF_CONSTRUCTOR_INVALID_NO_ANALYZE_METHOD", {"name": name})
    return cls


class _Rows:
    """The rows a range's ``eval``/``terminate`` calls yielded, column-wise, checked as PySpark checks them."""

    def __init__(self, rt: Any, arrow: bool):
        self.fields = [(f["name"], f["type"], f.get("nullable", True)) for f in rt["fields"]]
        self.names = [f[0] for f in self.fields]
        self.cols: List[List[Any]] = [[] for _ in self.fields]
        self.row_index: List[int] = []
        self.arrow = arrow

    def add(self, method: str, res: Any, row: int) -> None:
        """The rows of one call (``res`` as the method returned it), tagged with input ``row``."""
        if res is None:
            return
        if not isinstance(res, Iterable):
            raise _runtime_error("UDTF_RETURN_NOT_ITERABLE", {"type": type(res).__name__, "func": method})
        if self.arrow:
            self._add_frame(method, res, row)
            return
        size = len(self.fields)
        for r in res:
            if r is not None:
                if hasattr(r, "__len__") and len(r) != size:
                    raise _runtime_error("UDTF_RETURN_SCHEMA_MISMATCH", {
                        "expected": str(size), "actual": str(len(r)), "func": method})
                if not (isinstance(r, (list, dict, tuple)) or hasattr(r, "__dict__")):
                    raise _runtime_error("UDTF_INVALID_OUTPUT_ROW_TYPE", {"type": type(r).__name__, "func": method})
            vals = self._values(r)
            self._check_nulls(vals)
            for c, v in zip(self.cols, vals):
                c.append(v)
            self.row_index.append(row)

    def _values(self, r: Any) -> List[Any]:
        # StructType.toInternal: a dict by field name, a tuple/list by position, an object by attribute
        if r is None:
            return [None] * len(self.fields)
        if isinstance(r, dict):
            return [r.get(n) for n in self.names]
        if isinstance(r, (list, tuple)):
            return list(r)
        return [getattr(r, n, None) for n in self.names]

    def _check_nulls(self, vals: List[Any]) -> None:
        for i, ((_, _, nullable), v) in enumerate(zip(self.fields, vals)):
            if v is None and not nullable:
                raise _runtime_error("UDTF_EXEC_ERROR", {
                    "method_name": "eval' or 'terminate",
                    "error": "Column %d within a returned row had a value of None, either directly or within "
                             "array/struct/map subfields, but the corresponding column type was declared as "
                             "non-nullable; please update the UDTF to return a non-None value at this location "
                             "or otherwise declare the column type as nullable." % i})

    def _add_frame(self, method: str, res: Any, row: int) -> None:
        """An Arrow UDTF's call: its rows become one pandas DataFrame, converted by position."""
        import pandas as pd
        rows = list(res)
        for r in rows:
            if r is not None:
                self._check_nulls(self._values(r))
        frame = pd.DataFrame(rows)
        if len(frame) > 0 or len(frame.columns) > 0:
            if len(frame.columns) != len(self.fields):
                raise _runtime_error("UDTF_RETURN_SCHEMA_MISMATCH", {
                    "expected": str(len(self.fields)), "actual": str(len(frame.columns)), "func": method})
        import pyarrow as pa
        from tspark.worker.pandas_udfs import arrow_type
        for i, (name, t, _) in enumerate(self.fields):
            s = frame.iloc[:, i]
            try:
                vals = pa.Array.from_pandas(s, type=arrow_type(t), safe=False).to_pylist()
            except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
                raise _runtime_error("UDTF_ARROW_TYPE_CAST_ERROR", {
                    "col_name": str(name), "col_type": str(s.dtype), "arrow_type": str(arrow_type(t))}) from None
            self.cols[i].extend(vals)
        self.row_index.extend([row] * len(frame))


def _argument_builder(req: Dict[str, Any], n: int, arrow: bool) -> Tuple[List[Any], Dict[str, Any], Callable[[int], Tuple[List[Any], Dict[str, Any]]]]:
    """The call's argument shapes: placeholders for the signature check, and a function giving row i's arguments."""
    types = req["argTypes"]
    cols = [column_from_wire(t, c) for t, c in zip(types, req["columns"])]
    if arrow:
        from tspark.worker.pandas_udfs import to_pandas
        series = [to_pandas(t, c) for t, c in zip(types, cols)]
    getters: List[Tuple[Optional[str], Callable[[int], Any]]] = []
    for s in req["shapes"]:
        name = s.get("name")
        if s["kind"] == "table":
            first, names = int(s["first"]), list(s["names"])
            table_cols = cols[first:first + len(names)]
            getters.append((name, lambda i, tc=table_cols, nm=names: _create_row(nm, tuple(c[i] for c in tc))))
        elif arrow:
            getters.append((name, lambda i, sr=series[int(s["arg"])]: sr.iloc[i]))
        else:
            getters.append((name, lambda i, c=cols[int(s["arg"])]: c[i]))
    placeholders = [i for i, (nm, _) in enumerate(getters) if nm is None]
    kw_placeholders = {nm: i for i, (nm, _) in enumerate(getters) if nm is not None}

    def row_args(i: int) -> Tuple[List[Any], Dict[str, Any]]:
        args: List[Any] = []
        kwargs: Dict[str, Any] = {}
        for nm, g in getters:
            if nm is None:
                args.append(g(i))
            else:
                kwargs[nm] = g(i)
        return args, kwargs
    return placeholders, kw_placeholders, row_args  # type: ignore[return-value]


def _wrapped(f: Callable[..., Any], method: str, skip: type) -> Callable[..., Any]:
    """``f`` with any exception (but SkipRestOfInputTableException) as PySpark's UDTF_EXEC_ERROR."""
    def call(*a: Any, **kw: Any) -> Any:
        # as PySpark's evaluate: only the call is wrapped; a generator method's errors surface
        # unwrapped while its rows are read
        try:
            return f(*a, **kw)
        except skip:
            raise
        except Exception as e:  # noqa: BLE001 - the user's method may raise anything
            raise _runtime_error("UDTF_EXEC_ERROR", {"method_name": method, "error": str(e)}) from None
    return call


def udtf(req: Dict[str, Any]) -> Dict[str, Any]:
    """Run one UDTF request over its ranges of rows; reply with the rows and their input row indexes."""
    cls, analyze_result = _handler(req["func"])
    name = str(req.get("name", cls.__name__))
    eval_type = int(req.get("evalType", SQL_TABLE_UDF))
    arrow = eval_type == SQL_ARROW_TABLE_UDF
    n = int(req["numRows"])
    construct = _constructor(cls, analyze_result, name)
    skip = SkipRestOfInputTableException
    placeholders, kw_placeholders, row_args = _argument_builder(req, n, arrow)
    try:
        inspect.signature(cls.eval).bind(None, *placeholders, **kw_placeholders)
    except TypeError as e:
        raise _runtime_error("UDTF_EVAL_METHOD_ARGUMENTS_DO_NOT_MATCH_SIGNATURE", {"name": name, "reason": str(e)}) from None
    out = _Rows(req["returnType"], arrow)
    starts = memoryview(req["starts"]).cast("i").tolist()
    ends = memoryview(req["ends"]).cast("i").tolist()
    for a, b in zip(starts, ends):
        try:
            inst = construct()
        except Exception as e:  # noqa: BLE001 - the user's __init__
            raise _runtime_error("UDTF_EXEC_ERROR", {"method_name": "__init__", "error": str(e)}) from None
        ev = _wrapped(inst.eval, "eval", skip)
        term = _wrapped(inst.terminate, "terminate", skip) if hasattr(inst, "terminate") else None
        try:
            for i in range(a, b):
                args, kwargs = row_args(i)
                try:
                    out.add("eval", ev(*args, **kwargs), i)
                except skip:
                    break
            if term is not None:
                # Spark joins terminate's rows with the range's last input row (none: -1)
                out.add("terminate", term(), b - 1 if b > a else -1)
        finally:
            if hasattr(inst, "cleanup"):
                inst.cleanup()
    from array import array
    return {"kind": "ok", "numRows": len(out.row_index),
            "columns": [result_column(t, c) for (_, t, _), c in zip(out.fields, out.cols)],
            "rowIndex": array("i", out.row_index).tobytes()}
