"""toPandas, toArrow and createDataFrame from pandas / pyarrow / numpy, with PySpark 4.0.1's
dtypes, schema inference and Arrow switches (``spark.sql.execution.arrow.pyspark.enabled`` and
its ``fallback.enabled``). The rows travel as the engine's Arrow IPC (toPandas / toArrow on the
Arrow path) or as ordinary wire rows (every other path)."""
import warnings
from typing import Any, List, Optional, Tuple

from tspark.errors import PySparkImportError, PySparkValueError
from tspark.sql import types as T
from tspark.sql.pandas.types import (from_arrow_schema, from_arrow_type, series_converter,
                                     to_arrow_schema)

_ARROW = "spark.sql.execution.arrow.pyspark.enabled"
_FALLBACK = "spark.sql.execution.arrow.pyspark.fallback.enabled"


def _conf_true(session: Any, key: str, default: str) -> bool:
    return str(session.conf.get(key, default)).strip().lower() == "true"


def require_pandas() -> Any:
    """pandas, or PySpark's PACKAGE_NOT_INSTALLED."""
    try:
        import pandas as pd
        return pd
    except ImportError:
        raise PySparkImportError(errorClass="PACKAGE_NOT_INSTALLED", messageParameters={
            "package_name": "pandas", "minimum_version": "2.0.0"},
            message="pandas >= 2.0.0 must be installed; however, it was not found.")


def require_pyarrow() -> Any:
    """pyarrow, or PySpark's PACKAGE_NOT_INSTALLED."""
    try:
        import pyarrow as pa
        return pa
    except ImportError:
        raise PySparkImportError(errorClass="PACKAGE_NOT_INSTALLED", messageParameters={
            "package_name": "PyArrow", "minimum_version": "11.0.0"},
            message="PyArrow >= 11.0.0 must be installed; however, it was not found.")


def _session_zone(session: Any) -> str:
    import os
    return session.conf.get("spark.sql.session.timeZone", None) or os.environ.get("TZ", "UTC")


def _arrow_table(df: Any) -> Any:
    """The frame's rows as one pyarrow Table (the engine's Arrow IPC batches)."""
    import pyarrow as pa
    from tspark.sql._execute import collect_arrow
    schema, chunks = collect_arrow(df._session, df._plan)
    tables = [pa.ipc.open_stream(pa.py_buffer(c)).read_all() for c in chunks]
    target = to_arrow_schema(schema)
    if not tables:
        return pa.Table.from_batches([], schema=target)
    table = pa.concat_tables(tables)
    # the engine's column names may repeat; Spark's schema is the contract (names, nullability)
    return pa.Table.from_arrays([table.column(i).cast(target.field(i).type) for i in range(table.num_columns)], schema=target)


def to_arrow(df: Any) -> Any:
    """df.toArrow(): a pyarrow Table with Spark's Arrow types (timestamps in UTC, intervals as
    durations); YearMonth and calendar intervals raise as PySpark does."""
    require_pyarrow()
    to_arrow_schema(df.schema)
    return _arrow_table(df)


def to_pandas(df: Any) -> Any:
    """df.toPandas(): through Arrow when ``spark.sql.execution.arrow.pyspark.enabled`` (falling
    back to rows when the schema has no Arrow form and fallback is on), else from collected rows;
    either way each column gets the dtype PySpark gives its Spark type."""
    pd = require_pandas()
    session = df._session
    schema = df.schema
    tz = _session_zone(session)
    if _conf_true(session, _ARROW, "false"):
        use_arrow = True
        try:
            require_pyarrow()
            to_arrow_schema(schema)
        except Exception as e:
            if not _conf_true(session, _FALLBACK, "true"):
                warnings.warn("toPandas attempted Arrow optimization because '%s' is set to true, but has reached "
                              "the error below and will not continue because automatic fallback with '%s' has been "
                              "set to false.\n  %s" % (_ARROW, _FALLBACK, e))
                raise
            warnings.warn("toPandas attempted Arrow optimization because '%s' is set to true; however, failed by "
                          "the reason below:\n  %s\nAttempting non-optimization as '%s' is set to true."
                          % (_ARROW, e, _FALLBACK))
            use_arrow = False
        if use_arrow:
            table = _arrow_table(df)
            if table.num_rows > 0:
                pdf = table.rename_columns(["col_%d" % i for i in range(table.num_columns)]).to_pandas(
                    date_as_object=True, coerce_temporal_nanoseconds=True)
                pdf.columns = schema.names
            else:
                pdf = pd.DataFrame(columns=schema.names)
            return _convert_columns(pd, pdf, schema, tz, "dict", True, True)
    rows = df.collect()
    if rows:
        pdf = pd.DataFrame.from_records(rows, index=range(len(rows)), columns=schema.names)
    else:
        pdf = pd.DataFrame(columns=schema.names)
    return _convert_columns(pd, pdf, schema, tz, "row", False, False)


def _convert_columns(pd: Any, pdf: Any, schema: T.StructType, tz: str, struct_in_pandas: str,
                     error_on_duplicates: bool, utc_localized: bool) -> Any:
    if len(pdf.columns) == 0:
        return pdf
    cols = [series_converter(f.dataType, f.nullable, tz, struct_in_pandas, error_on_duplicates, utc_localized)(s)
            for (_, s), f in zip(pdf.items(), schema.fields)]
    return pd.concat(cols, axis="columns")


# --- createDataFrame -----------------------------------------------------------------------

def _records_from_pandas(pdf: Any, schema: Any, tz: str) -> List[Any]:
    """The rows PySpark's non-Arrow createDataFrame makes of a pandas frame: zoned timestamps
    moved to the session zone and made naive, timedeltas as Python objects, then numpy records
    (nanosecond datetimes as microseconds) turned into Python values."""
    import numpy as np
    import pandas as pd
    from tspark.sql.pandas.types import local_timezone
    copied = False
    if not isinstance(schema, T.StructType):
        for name, s in list(pdf.items()):
            if isinstance(s.dtype, pd.DatetimeTZDtype):
                if not copied:
                    pdf, copied = pdf.copy(), True
                # an instant becomes the process's local wall clock, which the row path reads as local time
                pdf[name] = s.dt.tz_convert(local_timezone()).dt.tz_localize(None)
    for name, s in list(pdf.items()):
        if pd.api.types.is_timedelta64_dtype(s):
            if not copied:
                pdf, copied = pdf.copy(), True
            pdf[name] = pd.Series(s.dt.to_pytimedelta(), index=s.index, dtype="object", name=s.name)
    recs = pdf.set_axis(["col_%d" % i for i in range(len(pdf.columns))], axis="columns").to_records(index=False)
    if len(recs) > 0:
        fixed = [(n, "datetime64[us]" if recs.dtype[i] == np.dtype("datetime64[ns]") else recs.dtype[i])
                 for i, n in enumerate(recs.dtype.names)]
        if any(recs.dtype[i] == np.dtype("datetime64[ns]") for i in range(len(recs.dtype))):
            return [r.astype(np.dtype(fixed)).tolist() for r in recs]
    return [r.tolist() for r in recs]


def _schema_from_pandas_arrow(pdf: Any, schema: Any) -> T.StructType:
    """The Arrow path's schema: each pandas column's Arrow type mapped to Spark's."""
    import pyarrow as pa
    names = schema if isinstance(schema, list) else [str(c) for c in pdf.columns]
    fields = []
    for name, (_, s) in zip(names, pdf.items()):
        at = pa.Array.from_pandas(s).type
        fields.append(T.StructField(name, from_arrow_type(at), nullable=True))
    return T.StructType(fields)


def from_pandas(session: Any, pdf: Any, schema: Any, sampling_ratio: Any, verify: bool) -> Tuple[T.StructType, List[Any]]:
    """createDataFrame(pandas_df): the schema and rows PySpark would make (Arrow path when
    enabled and the frame has rows, else its record path)."""
    from tspark.sql._local_data import local_relation_parts
    require_pandas()
    tz = _session_zone(session)
    if schema is None:
        schema = [str(c) for c in pdf.columns]
    if _conf_true(session, _ARROW, "false") and len(pdf) > 0:
        try:
            return _from_pandas_arrow(pdf, schema, tz)
        except Exception as e:
            if not _conf_true(session, _FALLBACK, "true"):
                warnings.warn("createDataFrame attempted Arrow optimization because '%s' is set to true, but has "
                              "reached the error below and will not continue because automatic fallback with '%s' "
                              "has been set to false.\n  %s" % (_ARROW, _FALLBACK, e))
                raise
            warnings.warn("createDataFrame attempted Arrow optimization because '%s' is set to true; however, "
                          "failed by the reason below:\n  %s\nAttempting non-optimization as '%s' is set to true."
                          % (_ARROW, e, _FALLBACK))
    records = _records_from_pandas(pdf, schema, tz)
    return local_relation_parts(records, schema, verify)


def _from_pandas_arrow(pdf: Any, schema: Any, tz: str) -> Tuple[T.StructType, List[Any]]:
    import pyarrow as pa
    from tspark.sql._local_data import local_relation_parts
    if isinstance(schema, T.StructType):
        struct = schema
    else:
        struct = _schema_from_pandas_arrow(pdf, schema if isinstance(schema, list) else None)
    import pandas as pd
    arrays = []
    for (_, s), f in zip(pdf.items(), struct.fields):
        if isinstance(f.dataType, T.TimestampType) and pd.api.types.is_datetime64_any_dtype(s):
            # Spark's Arrow path: naive datetimes are wall clock in the session zone
            if not isinstance(s.dtype, pd.DatetimeTZDtype):
                s = s.dt.tz_localize(tz, ambiguous=False)
            s = s.dt.tz_convert("UTC")
        arrays.append(pa.Array.from_pandas(s, type=_arrow_for(f.dataType), safe=False))
    table = pa.Table.from_arrays(arrays, names=struct.names)
    return local_relation_parts(_arrow_rows(table, struct, tz), struct, False)


def _arrow_for(dt: T.DataType) -> Any:
    from tspark.sql.pandas.types import to_arrow_type
    return to_arrow_type(dt)


def _arrow_rows(table: Any, struct: T.StructType, tz: str) -> List[Any]:
    """An Arrow table's rows as Python values of `struct`. A zoned timestamp is an instant; a
    naive one is wall-clock time in the session zone (Spark's Arrow path reads it so), where
    a naive datetime on the row path would be the process's local time."""
    cols = []
    for i, f in enumerate(struct.fields):
        col = table.column(i)
        vals = col.to_pylist()
        if isinstance(f.dataType, T.TimestampType) and getattr(col.type, "tz", None) is None:
            zone = _zone(tz)
            vals = [None if v is None else v.replace(tzinfo=zone) for v in vals]
        cols.append(vals)
    return [list(r) for r in zip(*cols)] if cols else [[] for _ in range(table.num_rows)]


def _zone(tz: str) -> Any:
    from zoneinfo import ZoneInfo
    return ZoneInfo(tz)


def from_arrow_table(session: Any, table: Any, schema: Any) -> Tuple[T.StructType, List[Any]]:
    """createDataFrame(pyarrow.Table): the Spark schema of its Arrow types (or `schema`, which the
    table is cast to; a list of names must equal the table's, as PySpark requires)."""
    require_pyarrow()
    tz = _session_zone(session)
    if schema is None:
        schema = table.schema.names
    if isinstance(schema, T.StructType):
        table = table.cast(to_arrow_schema(schema))
        struct = schema
    else:
        names = list(schema)
        if table.schema.names != names:
            raise ValueError("Target schema's field names are not matching the table's field names: %s, %s"
                             % (table.schema.names, names))
        struct = from_arrow_schema(table.schema)
    from tspark.sql._local_data import local_relation_parts
    return local_relation_parts(_arrow_rows(table, struct, tz), struct, False)


def numpy_to_pandas(data: Any, schema: Any, arrow_enabled: bool) -> Tuple[Any, Any]:
    """createDataFrame(ndarray): a 1-d array is a column ``value``, a 2-d one columns _1, _2, …;
    without Arrow the schema comes from the array's dtype, as PySpark does."""
    pd = require_pandas()
    if data.ndim not in (1, 2):
        raise PySparkValueError(errorClass="INVALID_NDARRAY_DIMENSION", messageParameters={"dimensions": "1 or 2"},
                                message="NumPy array input should be of 1 or 2 dimensions.")
    names = ["value"] if data.ndim == 1 or data.shape[1] == 1 else ["_%d" % i for i in range(1, data.shape[1] + 1)]
    if schema is None and not arrow_enabled:
        st = _from_numpy_dtype(data.dtype)
        if st is not None:
            schema = T.StructType([T.StructField(n, st, True) for n in names])
    return pd.DataFrame(data, columns=names), schema


def _from_numpy_dtype(dtype: Any) -> Optional[T.DataType]:
    import numpy as np
    table = {np.dtype("int8"): T.ByteType(), np.dtype("int16"): T.ShortType(), np.dtype("int32"): T.IntegerType(),
             np.dtype("int64"): T.LongType(), np.dtype("float32"): T.FloatType(), np.dtype("float64"): T.DoubleType(),
             np.dtype("bool"): T.BooleanType()}
    if dtype in table:
        return table[dtype]
    if dtype.kind in ("U", "S"):
        return T.StringType()
    return None


def is_pandas_frame(data: Any) -> bool:
    """Whether `data` is a pandas.DataFrame (without importing pandas when it is not loaded)."""
    import sys
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(data, pd.DataFrame)


def is_arrow_table(data: Any) -> bool:
    """Whether `data` is a pyarrow.Table."""
    import sys
    pa = sys.modules.get("pyarrow")
    return pa is not None and isinstance(data, pa.Table)


def is_ndarray(data: Any) -> bool:
    """Whether `data` is a numpy.ndarray."""
    import sys
    np = sys.modules.get("numpy")
    return np is not None and isinstance(data, np.ndarray)


__all__ = ["to_pandas", "to_arrow", "from_pandas", "from_arrow_table", "numpy_to_pandas",
           "is_pandas_frame", "is_arrow_table", "is_ndarray"]
