"""toPandas: Arrow IPC chunks when pyarrow is installed, else built from collected rows."""
from typing import Any, Dict

from tspark.errors import PySparkImportError
from tspark.sql._execute import collect_arrow, collect_rows
from tspark.sql import types as T


def _have_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
        return True
    except ImportError:
        return False


def to_pandas(session: Any, plan: Dict[str, Any], columns: Any) -> Any:
    """The result as a pandas.DataFrame with the result's column names."""
    try:
        import pandas as pd
    except ImportError:
        raise PySparkImportError(errorClass="PACKAGE_NOT_INSTALLED", messageParameters={
            "package_name": "pandas", "minimum_version": "2.0.0"},
            message="pandas >= 2.0.0 must be installed; however, it was not found.")
    if _have_pyarrow():
        import pyarrow as pa
        schema, chunks = collect_arrow(session, plan)
        tables = [pa.ipc.open_stream(pa.py_buffer(c)).read_all() for c in chunks]
        if tables:
            table = pa.concat_tables(tables)
            if table.num_rows > 0 and any(isinstance(f.dataType, T.CalendarIntervalType) for f in schema.fields):
                # PySpark's toPandas builds Rows, whose calendar intervals have no Python value.
                from tspark.sql._convert import decode_column
                decode_column([None], T.CalendarIntervalType())
            pdf = table.to_pandas()
            pdf.columns = schema.names
            _nested_as_python(pdf, table, schema)
            return _as_pyspark_dtypes(session, pdf, schema)
        return pd.DataFrame({n: pd.Series([], dtype=object) for n in schema.names})
    rows = collect_rows(session, plan)
    names = columns()
    return pd.DataFrame.from_records([tuple(r) for r in rows], columns=names)


def _nested_as_python(pdf: Any, table: Any, schema: Any) -> None:
    """Nested columns hold what PySpark's toPandas gives: lists, dicts and Rows (not ndarrays,
    key-value tuples and dicts, which Arrow's own conversion makes)."""
    from tspark.sql import types as T
    from tspark.sql.row import Row

    def conv(v: Any, dt: Any) -> Any:
        if v is None:
            return None
        if isinstance(dt, T.ArrayType):
            return [conv(x, dt.elementType) for x in v]
        if isinstance(dt, T.MapType):
            return {conv(k, dt.keyType): conv(x, dt.valueType) for k, x in v}
        if isinstance(dt, T.StructType):
            cls = Row._class_for(tuple(dt.names))
            return tuple.__new__(cls, [conv(v.get(f.name), f.dataType) for f in dt.fields]) if isinstance(v, dict) else v
        return v

    for i, f in enumerate(schema.fields):
        if isinstance(f.dataType, (T.ArrayType, T.MapType, T.StructType)):
            values = [conv(v, f.dataType) for v in table.column(i).to_pylist()]
            import pandas as pd
            pdf.isetitem(i, pd.Series(values, dtype=object, index=pdf.index))


def _as_pyspark_dtypes(session: Any, pdf: Any, schema: Any) -> Any:
    """Match PySpark's toPandas: Decimal objects, timestamps naive in the session time zone."""
    import decimal
    from tspark.sql import types as T
    tz = None
    for i, f in enumerate(schema.fields):
        col = pdf.iloc[:, i]
        if isinstance(f.dataType, T.DecimalType):
            pdf.isetitem(i, col.map(lambda v: None if v is None else decimal.Decimal(v)))
        elif isinstance(f.dataType, (T.TimestampType, T.TimestampNTZType)) and hasattr(col, "dt"):
            if getattr(col.dt, "tz", None) is not None:
                if tz is None:
                    tz = session.conf.get("spark.sql.session.timeZone", None) or "UTC"
                col = col.dt.tz_convert(tz).dt.tz_localize(None)
            pdf.isetitem(i, col.astype("datetime64[ns]"))  # PySpark hands out nanosecond columns
    return pdf
