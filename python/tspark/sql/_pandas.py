"""toPandas: Arrow IPC chunks when pyarrow is installed, else built from collected rows."""
from typing import Any, Dict

from tspark.errors import PySparkImportError
from tspark.sql._execute import collect_arrow, collect_rows


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
            pdf = pa.concat_tables(tables).to_pandas()
            pdf.columns = schema.names
            return pdf
        return pd.DataFrame({n: pd.Series([], dtype=object) for n in schema.names})
    rows = collect_rows(session, plan)
    names = columns()
    return pd.DataFrame.from_records([tuple(r) for r in rows], columns=names)
