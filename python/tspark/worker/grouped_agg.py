"""``aggPandas``: grouped-aggregate pandas UDFs (SQL_GROUPED_AGG_PANDAS_UDF) over row ranges.

Request: ``{udfs: [{func, returnType, argOffsets}], argTypes, columns, numRows, starts, ends}``
where ``starts``/``ends`` are int32 bytes: range i is the rows [starts[i], ends[i]) of the
argument columns (a group of an aggregate, a window partition, or one row's window frame).
Each UDF is called once per range with pandas Series of those rows (a struct column as a
DataFrame), indexed from 0 as PySpark passes a group, and returns a scalar. The scalars of
each UDF become a column of its return type the way PySpark's worker converts them
(``pd.Series`` of the results through Arrow: NaN becomes null). Reply: ``{columns}``, one per
UDF, each with one value per range.
"""
from typing import Any, Dict, List

from tspark.worker.eval_udfs import result_column, user_function
from tspark.worker.from_wire import column_from_wire
from tspark.worker.pandas_udfs import from_pandas, to_pandas


def _ranges(req: Dict[str, Any]) -> List[Any]:
    starts = memoryview(req["starts"]).cast("i").tolist()
    ends = memoryview(req["ends"]).cast("i").tolist()
    return list(zip(starts, ends))


def _scalars(rt: Any, values: List[Any]) -> List[Any]:
    """The UDF's per-range results as Python values of ``rt``."""
    import pandas as pd
    return from_pandas(rt, pd.Series(values, dtype=object if any(v is None for v in values) else None))


def agg_pandas(req: Dict[str, Any]) -> Dict[str, Any]:
    """Every UDF of the request over every range; one result column per UDF."""
    types = req["argTypes"]
    series = [to_pandas(t, column_from_wire(t, c)) for t, c in zip(types, req["columns"])]
    ranges = _ranges(req)
    out: List[Any] = []
    for spec in req["udfs"]:
        f = user_function(spec["func"])
        args = [series[i] for i in spec["argOffsets"]]
        values = [f(*[s.iloc[a:b].reset_index(drop=True) for s in args]) for a, b in ranges]
        rt = spec["returnType"]
        out.append(result_column(rt, _scalars(rt, values)))
    return {"kind": "ok", "columns": out}
