"""Scalar pandas UDFs in the worker: argument columns become pandas Series (a struct column a
DataFrame) through Arrow, as PySpark's ArrowStreamPandasUDFSerializer converts them, the
function runs once per batch (SQL_SCALAR_PANDAS_UDF) or over an iterator of the batches
(SQL_SCALAR_PANDAS_ITER_UDF), and its Series comes back as Python values of the return type.
pandas and pyarrow must be importable by the worker's interpreter, as PySpark requires."""
from typing import Any, Callable, List

#: PySpark's PythonEvalType values for the pandas UDFs a batch can evaluate.
SQL_SCALAR_PANDAS_UDF = 200
SQL_SCALAR_PANDAS_ITER_UDF = 204
PANDAS_EVAL_TYPES = (SQL_SCALAR_PANDAS_UDF, SQL_SCALAR_PANDAS_ITER_UDF)

_ATOMIC = {
    "long": "int64", "integer": "int32", "short": "int16", "byte": "int8", "double": "float64",
    "float": "float32", "string": "string", "boolean": "bool_", "binary": "binary", "date": "date32",
    "null": "null",
}


def arrow_type(t: Any) -> Any:
    """The Arrow type of a wire (Spark JSON) data type, as PySpark's to_arrow_type maps it."""
    import pyarrow as pa
    if isinstance(t, str):
        if t in _ATOMIC:
            return getattr(pa, _ATOMIC[t])()
        if t in ("timestamp", "timestamp_ntz"):
            return pa.timestamp("us")
        if t.startswith("decimal("):
            p, s = t[len("decimal("):-1].split(",")
            return pa.decimal128(int(p), int(s))
        raise TypeError("pandas UDFs do not support the type %s" % t)
    kind = t["type"]
    if kind == "array":
        return pa.list_(arrow_type(t["elementType"]))
    if kind == "map":
        return pa.map_(arrow_type(t["keyType"]), arrow_type(t["valueType"]))
    if kind == "struct":
        return pa.struct([pa.field(f["name"], arrow_type(f["type"]), True) for f in t["fields"]])
    raise TypeError("pandas UDFs do not support the type %r" % (t,))


def to_pandas(t: Any, values: List[Any]) -> Any:
    """A column of Python values as the pandas object PySpark passes: a Series, or for a
    struct a DataFrame with one column per field."""
    import pyarrow as pa
    if not isinstance(t, str) and t.get("type") == "struct":
        import pandas as pd
        names = [f["name"] for f in t["fields"]]
        rows = [None if v is None else (list(v) if isinstance(v, (list, tuple)) else [getattr(v, n, None) for n in names]) for v in values]
        cols = {n: to_pandas(f["type"], [None if r is None else r[i] for r in rows]) for i, (n, f) in enumerate(zip(names, t["fields"]))}
        return pd.DataFrame(cols)
    if not isinstance(t, str) and t.get("type") == "map":
        values = [None if v is None else list(v.items()) for v in values]
    return pa.array(values, type=arrow_type(t)).to_pandas(date_as_object=True)


def from_pandas(t: Any, result: Any) -> List[Any]:
    """A Series (or, for a struct return type, a DataFrame) as Python values of type ``t``."""
    import pyarrow as pa
    import pandas as pd
    if isinstance(result, pd.DataFrame):
        if isinstance(t, str) or t.get("type") != "struct":
            raise TypeError("a pandas UDF returning a DataFrame needs a struct return type")
        cols = [from_pandas(f["type"], result[f["name"]] if f["name"] in result.columns else result.iloc[:, i])
                for i, f in enumerate(t["fields"])]
        return [tuple(row) for row in zip(*cols)] if cols else [() for _ in range(len(result))]
    return pa.Array.from_pandas(result, type=arrow_type(t)).to_pylist()


def _checked(out: Any, n: int) -> Any:
    import pandas as pd
    if not isinstance(out, (pd.Series, pd.DataFrame)):
        raise TypeError("Return type of the user-defined function should be pandas.Series, but is %s."
                        % type(out).__name__)
    if len(out) != n:
        raise RuntimeError("Result vector from pandas_udf was not the required length: expected %d, got %d."
                           % (n, len(out)))
    return out


def eval_pandas_udf(f: Callable[..., Any], eval_type: int, arg_types: List[Any], args: List[List[Any]],
                    return_type: Any, n: int, max_records: int = 10000) -> List[Any]:
    """One pandas UDF over ``n`` rows, in batches of at most ``max_records`` rows
    (spark.sql.execution.arrow.maxRecordsPerBatch; ≤ 0: one batch): the scalar form is
    called per batch, the iterator form once over all of them. Results as Python values."""
    step = max_records if max_records > 0 else max(n, 1)
    bounds = [(i, min(i + step, n)) for i in range(0, n, step)] or [(0, 0)]
    batches = [[to_pandas(t, col[a:b]) for t, col in zip(arg_types, args)] for a, b in bounds]
    out: List[Any] = []
    if eval_type == SQL_SCALAR_PANDAS_UDF:
        for (a, b), series in zip(bounds, batches):
            out.extend(from_pandas(return_type, _checked(f(*series), b - a).reset_index(drop=True)))
        return out
    inputs = (s[0] if len(s) == 1 else tuple(s) for s in batches)
    results = [_checked(r, len(r) if hasattr(r, "__len__") else -1) for r in f(inputs)]
    total = sum(len(r) for r in results)
    if total != n:
        raise RuntimeError("[RESULT_LENGTH_MISMATCH_FOR_SCALAR_ITER_PANDAS_UDF] The length of output in Scalar "
                           "iterator pandas UDF should be the same with the input's; however, the length of "
                           "output was %d and the length of input was %d." % (total, n))
    for r in results:
        out.extend(from_pandas(return_type, r.reset_index(drop=True)))
    return out
