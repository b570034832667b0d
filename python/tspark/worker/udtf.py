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


def _argument_builder(head: Dict[str, Any], columns: List[Any], arrow: bool) -> Tuple[List[Any], Dict[str, Any], Callable[[int], Tuple[List[Any], Dict[str, Any]]]]:
    """The call's argument shapes (``head``'s argTypes and shapes) over one request's argument
    ``columns``: placeholders for the signature check, and a function giving row i's arguments."""
    types = head["argTypes"]
    cols = [column_from_wire(t, c) for t, c in zip(types, columns)]
    if arrow:
        from tspark.worker.pandas_udfs import to_pandas
        series = [to_pandas(t, c) for t, c in zip(types, cols)]
    getters: List[Tuple[Optional[str], Callable[[int], Any]]] = []
    for s in head["shapes"]:
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


class _Udtf:
    """One call's UDTF: its class checked and made into instances as PySpark's worker makes
    them, with eval/terminate wrapped, and the rows they yield."""

    def __init__(self, head: Dict[str, Any]):
        cls, analyze_result = _handler(head["func"])
        self.name = str(head.get("name", cls.__name__))
        self.cls = cls
        self.arrow = int(head.get("evalType", SQL_TABLE_UDF)) == SQL_ARROW_TABLE_UDF
        self.construct = _constructor(cls, analyze_result, self.name)
        self.head = head
        self.out = _Rows(head["returnType"], self.arrow)

    def arguments(self, columns: List[Any]) -> Callable[[int], Tuple[List[Any], Dict[str, Any]]]:
        """Row i's arguments of a request's columns, the call checked against eval's signature."""
        placeholders, kw_placeholders, row_args = _argument_builder(self.head, columns, self.arrow)
        try:
            inspect.signature(self.cls.eval).bind(None, *placeholders, **kw_placeholders)
        except TypeError as e:
            raise _runtime_error("UDTF_EVAL_METHOD_ARGUMENTS_DO_NOT_MATCH_SIGNATURE", {"name": self.name, "reason": str(e)}) from None
        return row_args

    def instance(self) -> "_Instance":
        try:
            return _Instance(self.construct())
        except Exception as e:  # noqa: BLE001 - the user's __init__
            raise _runtime_error("UDTF_EXEC_ERROR", {"method_name": "__init__", "error": str(e)}) from None

    def reply(self, kind: str) -> Dict[str, Any]:
        """The rows yielded since the last reply, column-wise, with their input row indexes."""
        from array import array
        out = self.out
        reply = {"kind": kind, "numRows": len(out.row_index),
                 "columns": [result_column(t, c) for (_, t, _), c in zip(out.fields, out.cols)],
                 "rowIndex": array("i", out.row_index).tobytes()}
        self.out = _Rows(self.head["returnType"], self.arrow)
        return reply


class _Instance:
    """A UDTF instance: ``eval`` over rows until SkipRestOfInputTableException, then ``terminate`` and ``cleanup``."""

    def __init__(self, inst: Any):
        self.inst = inst
        self.eval = _wrapped(inst.eval, "eval", SkipRestOfInputTableException)
        self.skipping = False

    def rows(self, out: _Rows, row_args: Callable[[int], Tuple[List[Any], Dict[str, Any]]], a: int, b: int) -> None:
        """eval of rows [a, b) (none once eval asked to skip the rest of its input)."""
        for i in range(a, b):
            if self.skipping:
                return
            args, kwargs = row_args(i)
            try:
                out.add("eval", self.eval(*args, **kwargs), i)
            except SkipRestOfInputTableException:
                self.skipping = True

    def finish(self, out: _Rows, last_row: int) -> None:
        """terminate (its rows joined with ``last_row``, the input's last; -1 for none) and cleanup."""
        try:
            if hasattr(self.inst, "terminate"):
                out.add("terminate", _wrapped(self.inst.terminate, "terminate", SkipRestOfInputTableException)(), last_row)
        finally:
            self.cleanup()

    def cleanup(self) -> None:
        if hasattr(self.inst, "cleanup"):
            self.inst.cleanup()


def udtf(req: Dict[str, Any]) -> Dict[str, Any]:
    """Run one UDTF request over its ranges of rows; reply with the rows and their input row indexes."""
    call = _Udtf(req)
    row_args = call.arguments(req["columns"])
    starts = memoryview(req["starts"]).cast("i").tolist()
    ends = memoryview(req["ends"]).cast("i").tolist()
    for a, b in zip(starts, ends):
        inst = call.instance()
        try:
            inst.rows(call.out, row_args, a, b)
        except BaseException:
            inst.cleanup()
            raise
        # Spark joins terminate's rows with the range's last input row (none: -1)
        inst.finish(call.out, b - 1 if b > a else -1)
    return call.reply("ok")


def udtf_stream(req: Dict[str, Any]) -> Dict[str, Any]:
    """One instance over a partition that arrives in chunks (a UDTF call without PARTITION BY,
    as Spark runs one instance per input partition): ``eval`` over each chunk's rows, a
    ``more`` reply with the rows they yielded (row indexes within the chunk), then the next
    ``chunk`` frame; after the ``last`` one, ``terminate`` and the ``ok`` reply."""
    from tspark.worker import foreach_ops
    from tspark.worker.framing import read_frame, write_frame
    call = _Udtf(req)
    inst = call.instance()
    cur = req
    try:
        while True:
            n = int(cur["numRows"])
            inst.rows(call.out, call.arguments(cur["columns"]), 0, n)
            if cur.get("last", True):
                break
            if foreach_ops.PIPES is None:
                raise RuntimeError("a streamed UDTF needs the worker's pipes")
            frames_in, frames_out = foreach_ops.PIPES
            write_frame(frames_out, call.reply("more"))
            cur = read_frame(frames_in)
            if not isinstance(cur, dict) or cur.get("kind") != "chunk":
                raise RuntimeError("a streamed UDTF expected the next chunk of its partition")
    except BaseException:
        inst.cleanup()
        raise
    inst.finish(call.out, n - 1 if n > 0 else -1)
    return call.reply("ok")
