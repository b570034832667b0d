"""``pythonMap``: functions over whole batches of rows, as PySpark's worker wraps them.

- SQL_MAP_PANDAS_ITER_UDF (205, ``mapInPandas``) and SQL_MAP_ARROW_ITER_UDF (207,
  ``mapInArrow``): ``f`` is called once per partition with an iterator of pandas DataFrames
  (pyarrow RecordBatches) of at most ``maxRecordsPerBatch`` rows, and yields frames (batches)
  of the output schema; the partition streams in (``pythonMapStream``, chunk frames asked for
  as the iterator reads) and the output goes back with each request for more.
- SQL_GROUPED_MAP_PANDAS_UDF (201, ``applyInPandas``) and SQL_GROUPED_MAP_ARROW_UDF (209,
  ``applyInArrow``): ``f(frame)`` or ``f(key, frame)`` once per group (the row ranges
  ``starts``/``ends``; ``key`` is the tuple of the group's grouping values) returns a pandas
  DataFrame (a pyarrow Table).
- SQL_COGROUPED_MAP_PANDAS_UDF (206) and SQL_COGROUPED_MAP_ARROW_UDF (210): ``f(left,
  right)`` or ``f(key, left, right)`` per pair of co-groups (``pairs``: left and right
  ranges, -1 when a side has no rows for the key).

Results are checked as PySpark's worker checks them (UDF_RETURN_TYPE,
RESULT_COLUMNS_MISMATCH_FOR_PANDAS_UDF, RESULT_LENGTH_MISMATCH_FOR_PANDAS_UDF, the Arrow
forms) and come back as the output schema's columns.
"""
import inspect
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from tspark.worker.arrow_columns import arrow_from_wire, batch_from_wire, wire_from_arrow
from tspark.worker.eval_udfs import user_function
from tspark.worker.pandas_udfs import arrow_type

MAP_PANDAS = 205
MAP_ARROW = 207
GROUPED_MAP_PANDAS = 201
GROUPED_MAP_ARROW = 209
COGROUPED_MAP_PANDAS = 206
COGROUPED_MAP_ARROW = 210
_PANDAS = (MAP_PANDAS, GROUPED_MAP_PANDAS, COGROUPED_MAP_PANDAS)


class _UdfError(Exception):
    """A PySpark error of the user's function's result: the message carries its error class."""


def _type_error(expected: str, actual: str) -> Exception:
    from tspark.errors import PySparkTypeError
    return PySparkTypeError(errorClass="UDF_RETURN_TYPE", messageParameters={"expected": expected, "actual": actual})


def _runtime_error(cls: str, params: Dict[str, str]) -> Exception:
    from tspark.errors import PySparkRuntimeError
    return PySparkRuntimeError(errorClass=cls, messageParameters=params)


def _fields(rt: Any) -> List[Tuple[str, Any]]:
    return [(f["name"], f["type"]) for f in rt["fields"]]


def _verify_pandas(result: Any, rt: Any, truncate: bool) -> None:
    """PySpark's verify_pandas_result for a struct return type."""
    import pandas as pd
    if not isinstance(result, pd.DataFrame):
        raise _type_error("pandas.DataFrame", type(result).__name__)
    if result.empty and len(result.columns) == 0:
        return
    names = [n for n, _ in _fields(rt)]
    field_names = set(names)
    cols = result.columns[: len(field_names)] if truncate else result.columns
    column_names = set(cols)
    if any(isinstance(c, str) for c in result.columns) and column_names != field_names:
        missing = sorted(field_names.difference(column_names))
        extra = sorted(column_names.difference(field_names))
        raise _runtime_error("RESULT_COLUMNS_MISMATCH_FOR_PANDAS_UDF", {
            "missing": " Missing: %s." % ", ".join(missing) if missing else "",
            "extra": " Unexpected: %s." % ", ".join(map(str, extra)) if extra else ""})
    if len(cols) != len(names):
        raise _runtime_error("RESULT_LENGTH_MISMATCH_FOR_PANDAS_UDF", {
            "expected": str(len(names)), "actual": str(len(result.columns))})


def _verify_arrow_table(table: Any, rt: Any) -> None:
    """PySpark's verify_arrow_result (columns assigned by name)."""
    import pyarrow as pa
    if not isinstance(table, pa.Table):
        raise _type_error("pyarrow.Table", type(table).__name__)
    if table.num_columns == 0 and table.num_rows == 0:
        return
    expected = {n: arrow_type(t) for n, t in _fields(rt)}
    actual = dict(zip(table.schema.names, table.schema.types))
    missing = sorted(set(expected).difference(actual))
    extra = sorted(set(actual).difference(expected))
    if missing or extra:
        raise _runtime_error("RESULT_COLUMNS_MISMATCH_FOR_ARROW_UDF", {
            "missing": " Missing: %s." % ", ".join(missing) if missing else "",
            "extra": " Unexpected: %s." % ", ".join(extra) if extra else ""})
    bad = [(n, expected[n], actual[n]) for n in sorted(expected) if actual[n] != expected[n]]
    if bad:
        raise _runtime_error("RESULT_TYPE_MISMATCH_FOR_ARROW_UDF", {"mismatch": ", ".join(
            "column '%s' (expected %s, actual %s)" % b for b in bad)})


def _pandas_columns(pdf: Any, rt: Any) -> List[Any]:
    """A result frame's columns as Arrow arrays of the schema (by name when any column name is a
    string, else by position), as PySpark's ArrowStreamPandasSerializer assigns them."""
    import pyarrow as pa
    by_name = any(isinstance(c, str) for c in pdf.columns)
    out = []
    for i, (name, t) in enumerate(_fields(rt)):
        s = pdf[name] if by_name else pdf.iloc[:, i]
        out.append(pa.Array.from_pandas(s, type=arrow_type(t), safe=False))
    return out


def _arrow_columns(batch: Any, rt: Any) -> List[Any]:
    """A result RecordBatch or Table's columns as arrays of the schema (by name, else by position)."""
    names = list(batch.schema.names)
    out = []
    for i, (name, t) in enumerate(_fields(rt)):
        col = batch.column(names.index(name)) if name in names else batch.column(i)
        at = arrow_type(t)
        out.append(col if col.type == at else col.cast(at))
    return out


def _arg_count(f: Callable[..., Any]) -> int:
    try:
        return len(inspect.getfullargspec(f).args)
    except TypeError:
        return 1


def _slices(batch: Any, max_records: int) -> Iterator[Any]:
    n = batch.num_rows
    step = max_records if max_records > 0 else max(n, 1)
    for i in range(0, n, step):
        yield batch.slice(i, min(step, n - i))


def _to_pandas(batch: Any) -> Any:
    return batch.to_pandas(date_as_object=True)


def _map_results(f: Callable[..., Any], eval_type: int, inputs: Iterator[Any], rt: Any, parts: List[List[Any]]) -> None:
    """mapInPandas / mapInArrow: ``f`` over the batches ``inputs`` yields; each result's columns are appended to ``parts``."""
    pandas = eval_type == MAP_PANDAS
    label = "pandas.DataFrame" if pandas else "pyarrow.RecordBatch"
    result = f(inputs)
    if not isinstance(result, Iterator) and not hasattr(result, "__iter__"):
        raise _type_error("iterator of %s" % label, type(result).__name__)
    for elem in result:
        if pandas:
            import pandas as pd
            if not isinstance(elem, pd.DataFrame):
                raise _type_error("iterator of pandas.DataFrame", "iterator of %s" % type(elem).__name__)
            _verify_pandas(elem, rt, truncate=True)
            parts.append(_pandas_columns(elem, rt))
        else:
            import pyarrow as pa
            if not isinstance(elem, pa.RecordBatch):
                raise _type_error("iterator of pyarrow.RecordBatch", "iterator of %s" % type(elem).__name__)
            parts.append(_arrow_columns(elem, rt))


def _key(key_cols: List[Any], row: int) -> Tuple[Any, ...]:
    """The group's key as PySpark builds it: a tuple of the key columns' first values of the group
    (numpy scalars from pandas Series; pyarrow scalars for the Arrow forms)."""
    return tuple(c.iloc[row] if hasattr(c, "iloc") else c[row] for c in key_cols)


def _one_group(f: Callable[..., Any], pandas: bool, nargs: int, key: Optional[Tuple[Any, ...]],
               frames: List[Any], rt: Any) -> List[Any]:
    """One call of a grouped or cogrouped function (``frames``: its one or two groups)."""
    args = ([key] if nargs == len(frames) + 1 else []) + frames
    result = f(*args)
    if pandas:
        _verify_pandas(result, rt, truncate=False)
        return _pandas_columns(result, rt)
    _verify_arrow_table(result, rt)
    return _arrow_columns(result, rt)


def _ranges(raw: Any) -> List[int]:
    return memoryview(raw).cast("i").tolist()


def _concat(rt: Any, parts: List[List[Any]]) -> List[Any]:
    """Per field, the output batches' arrays joined into one column (wire form)."""
    import pyarrow as pa
    out = []
    for i, (_, t) in enumerate(_fields(rt)):
        arrays = [p[i] for p in parts]
        at = arrow_type(t)
        chunks = [a for a in arrays if len(a) > 0]
        col = pa.chunked_array(chunks, type=at) if chunks else pa.array([], type=at)
        out.append(wire_from_arrow(t, col))
    return out


def _side(req: Dict[str, Any], prefix: str, pandas: bool) -> Tuple[Any, List[Any]]:
    n = int(req[prefix + "NumRows"])
    batch = batch_from_wire(req[prefix + "ArgNames"], req[prefix + "ArgTypes"], req[prefix + "Columns"], n)
    keys = [arrow_from_wire(t, c, n) for t, c in zip(req[prefix + "KeyTypes"], req[prefix + "KeyColumns"])]
    return batch, [k.to_pandas(date_as_object=True) for k in keys] if pandas else keys


def python_map(req: Dict[str, Any]) -> Dict[str, Any]:
    """Run one grouped-map or cogrouped-map request; reply with the output columns (maps stream: python_map_stream)."""
    f = user_function(req["func"])
    eval_type = int(req["evalType"])
    rt = req["returnType"]
    pandas = eval_type in _PANDAS
    if eval_type in (GROUPED_MAP_PANDAS, GROUPED_MAP_ARROW):
        batch, keys = _side(req, "", pandas)
        nargs = _arg_count(f)
        parts = []
        for a, b in zip(_ranges(req["starts"]), _ranges(req["ends"])):
            part = batch.slice(a, b - a)
            frame = _to_pandas(part) if pandas else _table(part)
            parts.append(_one_group(f, pandas, nargs, _key(keys, a) if nargs == 2 else None, [frame], rt))
    elif eval_type in (COGROUPED_MAP_PANDAS, COGROUPED_MAP_ARROW):
        left, lkeys = _side(req, "left", pandas)
        right, rkeys = _side(req, "right", pandas)
        nargs = _arg_count(f)
        pairs = _ranges(req["pairs"])
        parts = []
        for i in range(0, len(pairs), 4):
            la, lb, ra, rb = pairs[i:i + 4]
            lpart = left.slice(max(la, 0), lb - la if la >= 0 else 0)
            rpart = right.slice(max(ra, 0), rb - ra if ra >= 0 else 0)
            key = None
            if nargs == 3:
                key = _key(lkeys, la) if la >= 0 else _key(rkeys, ra)
            frames = [_to_pandas(lpart), _to_pandas(rpart)] if pandas else [_table(lpart), _table(rpart)]
            parts.append(_one_group(f, pandas, nargs, key, frames, rt))
    else:
        raise ValueError("pythonMap does not run evalType %d" % eval_type)
    n = sum(len(p[0]) for p in parts) if parts and parts[0] else 0
    return {"kind": "ok", "numRows": n, "columns": _concat(rt, parts)}


def _table(batch: Any) -> Any:
    import pyarrow as pa
    return pa.Table.from_batches([batch])


def python_map_stream(req: Dict[str, Any]) -> Dict[str, Any]:
    """mapInPandas / mapInArrow over a partition that arrives in chunks: the function's iterator
    reads the first chunk's batches, and when it wants more the worker sends the output made
    so far (``{kind: "more", numRows, columns}``) and reads the next ``chunk`` frame; the last
    reply is ``ok`` with the rest. Neither side holds the whole partition."""
    from tspark.worker import foreach_ops
    from tspark.worker.framing import read_frame, write_frame
    f = user_function(req["func"])
    eval_type = int(req["evalType"])
    rt = req["returnType"]
    pandas = eval_type == MAP_PANDAS
    max_records = req.get("maxRecordsPerBatch")
    max_records = max_records if isinstance(max_records, int) else 10000
    parts: List[List[Any]] = []
    state = {"req": req}

    def reply(kind: str) -> Dict[str, Any]:
        n = sum(len(p[0]) for p in parts) if parts and parts[0] else 0
        out = {"kind": kind, "numRows": n, "columns": _concat(rt, parts)}
        parts.clear()
        return out

    def batches() -> Iterator[Any]:
        while True:
            cur = state["req"]
            batch, _ = _side(cur, "", pandas)
            for b in _slices(batch, max_records):
                yield _to_pandas(b) if pandas else b
            if cur.get("last", True):
                return
            if foreach_ops.PIPES is None:
                raise RuntimeError("a streamed mapInPandas needs the worker's pipes")
            frames_in, frames_out = foreach_ops.PIPES
            write_frame(frames_out, reply("more"))
            nxt = read_frame(frames_in)
            if not isinstance(nxt, dict) or nxt.get("kind") != "chunk":
                raise RuntimeError("mapInPandas expected the next chunk of its partition")
            state["req"] = nxt

    _map_results(f, eval_type, batches(), rt, parts)
    return reply("ok")
