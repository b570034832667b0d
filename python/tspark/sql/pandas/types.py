"""Spark types against Arrow types and pandas dtypes, as PySpark 4.0.1's pandas interop maps them.

Written for tspark from PySpark's documented behaviour (pyspark.sql.pandas.types), checked
against PySpark 4.0.1's outputs in tests/golden/cases/frame_pandas_*.py.
"""
import datetime
from typing import Any, Callable, List, Optional

from tspark.errors import PySparkTypeError, PySparkValueError, UnsupportedOperationException
from tspark.sql import types as T


def _unsupported(dt: T.DataType, direction: str) -> PySparkTypeError:
    return PySparkTypeError(errorClass="UNSUPPORTED_DATA_TYPE_FOR_ARROW_CONVERSION",
                            messageParameters={"data_type": str(dt)},
                            message="%s is not supported in conversion %s Arrow." % (dt, direction))


def _duplicated_fields(names: List[str]) -> UnsupportedOperationException:
    return UnsupportedOperationException(errorClass="DUPLICATED_FIELD_NAME_IN_ARROW_STRUCT",
                                         messageParameters={"field_names": str(names)},
                                         message="Duplicated field names in Arrow Struct are not allowed, got %s" % names)


def to_arrow_type(dt: T.DataType, timezone: str = "UTC") -> Any:
    """The Arrow type PySpark's toArrow / Arrow toPandas give a Spark type (YearMonth intervals,
    calendar intervals and nulls of unknown element type raise as PySpark does)."""
    import pyarrow as pa
    simple = {
        T.BooleanType: pa.bool_(), T.ByteType: pa.int8(), T.ShortType: pa.int16(), T.IntegerType: pa.int32(),
        T.LongType: pa.int64(), T.FloatType: pa.float32(), T.DoubleType: pa.float64(), T.StringType: pa.string(),
        T.BinaryType: pa.binary(), T.DateType: pa.date32(), T.NullType: pa.null(),
        T.TimestampNTZType: pa.timestamp("us"), T.DayTimeIntervalType: pa.duration("us"),
    }
    for cls, at in simple.items():
        if type(dt) is cls:
            return at
    if isinstance(dt, T.CharType) or isinstance(dt, T.VarcharType):
        return pa.string()
    if isinstance(dt, T.TimestampType):
        return pa.timestamp("us", tz="UTC")
    if isinstance(dt, T.DecimalType):
        return pa.decimal128(dt.precision, dt.scale)
    if isinstance(dt, T.ArrayType):
        return pa.list_(pa.field("element", to_arrow_type(dt.elementType, timezone), nullable=dt.containsNull))
    if isinstance(dt, T.MapType):
        return pa.map_(pa.field("key", to_arrow_type(dt.keyType, timezone), nullable=False),
                       pa.field("value", to_arrow_type(dt.valueType, timezone), nullable=dt.valueContainsNull))
    if isinstance(dt, T.StructType):
        names = dt.names
        if len(set(names)) != len(names):
            raise _duplicated_fields(names)
        return pa.struct([pa.field(f.name, to_arrow_type(f.dataType, timezone), nullable=f.nullable) for f in dt.fields])
    raise _unsupported(dt, "to")


def to_arrow_schema(schema: T.StructType) -> Any:
    """The Arrow schema of a frame: each column's Arrow type and nullability."""
    import pyarrow as pa
    return pa.schema([pa.field(f.name, to_arrow_type(f.dataType), nullable=f.nullable) for f in schema.fields])


def from_arrow_type(at: Any, prefer_timestamp_ntz: bool = False) -> T.DataType:
    """The Spark type of an Arrow type (createDataFrame from Arrow or through the Arrow path):
    timestamps with or without a zone to TimestampType (unless timestamp_ntz is preferred);
    unsigned integers have no Spark type and raise, as PySpark's do (the Arrow path then falls
    back to rows)."""
    import pyarrow.types as t
    if t.is_boolean(at):
        return T.BooleanType()
    if t.is_int8(at):
        return T.ByteType()
    if t.is_int16(at):
        return T.ShortType()
    if t.is_int32(at):
        return T.IntegerType()
    if t.is_int64(at):
        return T.LongType()
    if t.is_float32(at):
        return T.FloatType()
    if t.is_float64(at):
        return T.DoubleType()
    if t.is_decimal(at):
        return T.DecimalType(precision=at.precision, scale=at.scale)
    if t.is_string(at) or t.is_large_string(at):
        return T.StringType()
    if t.is_binary(at) or t.is_large_binary(at) or t.is_fixed_size_binary(at):
        return T.BinaryType()
    if t.is_date32(at) or t.is_date64(at):
        return T.DateType()
    if t.is_timestamp(at):
        return T.TimestampNTZType() if prefer_timestamp_ntz and at.tz is None else T.TimestampType()
    if t.is_duration(at):
        return T.DayTimeIntervalType()
    if t.is_list(at) or t.is_large_list(at) or t.is_fixed_size_list(at):
        return T.ArrayType(from_arrow_type(at.value_type, prefer_timestamp_ntz), at.value_field.nullable)
    if t.is_map(at):
        return T.MapType(from_arrow_type(at.key_type, prefer_timestamp_ntz), from_arrow_type(at.item_type, prefer_timestamp_ntz),
                         at.item_field.nullable)
    if t.is_struct(at):
        return T.StructType([T.StructField(f.name, from_arrow_type(f.type, prefer_timestamp_ntz), nullable=f.nullable) for f in at])
    if t.is_dictionary(at):
        return from_arrow_type(at.value_type, prefer_timestamp_ntz)
    if t.is_null(at):
        return T.NullType()
    raise PySparkTypeError(errorClass="UNSUPPORTED_DATA_TYPE_FOR_ARROW_CONVERSION",
                           messageParameters={"data_type": str(at)},
                           message="%s is not supported in conversion to Arrow." % at)


def from_arrow_schema(schema: Any, prefer_timestamp_ntz: bool = False) -> T.StructType:
    """The Spark schema of an Arrow schema."""
    return T.StructType([T.StructField(f.name, from_arrow_type(f.type, prefer_timestamp_ntz), nullable=f.nullable) for f in schema])


def corrected_dtype(dt: T.DataType) -> Optional[Any]:
    """The numpy dtype toPandas gives a column of this Spark type (None: pandas infers it)."""
    import numpy as np
    table = {
        T.ByteType: np.int8, T.ShortType: np.int16, T.IntegerType: np.int32, T.LongType: np.int64,
        T.FloatType: np.float32, T.DoubleType: np.float64, T.BooleanType: bool,
        T.TimestampType: np.dtype("datetime64[ns]"), T.TimestampNTZType: np.dtype("datetime64[ns]"),
        T.DayTimeIntervalType: np.dtype("timedelta64[ns]"),
    }
    return table.get(type(dt))


def dedup_names(names: List[str]) -> List[str]:
    """Struct field names made unique as PySpark's dict conversion does: duplicates become a_0, a_1."""
    if len(set(names)) == len(names):
        return names
    counts: dict = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    seen: dict = {}
    out = []
    for n in names:
        if counts[n] > 1:
            out.append("%s_%d" % (n, seen.get(n, 0)))
            seen[n] = seen.get(n, 0) + 1
        else:
            out.append(n)
    return out


def _value_converter(dt: T.DataType, struct_in_pandas: str, timezone: str, utc_localized: bool,
                     error_on_duplicates: bool) -> Optional[Callable[[Any], Any]]:
    """A per-value conversion for cells of type `dt` (None when the value is kept as it is)."""
    import numpy as np
    import pandas as pd
    from tspark.sql.row import Row

    def sub(t: T.DataType) -> Optional[Callable[[Any], Any]]:
        return _value_converter(t, struct_in_pandas, timezone, utc_localized, error_on_duplicates)

    if isinstance(dt, T.ArrayType):
        elem = sub(dt.elementType)
        if elem is None:
            return None

        def conv_array(v: Any) -> Any:
            out = [elem(x) if x is not None else None for x in v]
            return np.array(out) if isinstance(v, np.ndarray) else out
        return conv_array
    if isinstance(dt, T.MapType):
        kc, vc = sub(dt.keyType), sub(dt.valueType)

        def conv_map(v: Any) -> Any:
            items = v if isinstance(v, list) else list(v.items())
            return {(kc(k) if kc is not None and k is not None else k): (vc(x) if vc is not None and x is not None else x)
                    for k, x in items}
        return conv_map
    if isinstance(dt, T.StructType):
        names = dt.names
        if error_on_duplicates and len(set(names)) != len(names):
            raise _duplicated_fields(names)
        keys = dedup_names(names)
        convs = [sub(f.dataType) for f in dt.fields]

        def field_values(v: Any) -> List[Any]:
            raw = [v.get(k) for k in keys] if isinstance(v, dict) else list(v)
            return [c(x) if c is not None and x is not None else x for c, x in zip(convs, raw)]
        if struct_in_pandas == "row":
            cls = Row._class_for(tuple(names))
            return lambda v: tuple.__new__(cls, field_values(v))
        if struct_in_pandas == "dict":
            return lambda v: dict(zip(keys, field_values(v)))
        raise PySparkValueError(errorClass="UNKNOWN_VALUE_FOR", messageParameters={"var": str(struct_in_pandas)})
    if isinstance(dt, T.TimestampType):
        local = datetime.timezone.utc if utc_localized else local_timezone()

        def conv_ts(v: Any) -> Any:
            ts = pd.Timestamp(v)
            if not (isinstance(v, datetime.datetime) and v.tzinfo is not None):
                ts = ts.tz_localize(local)
            return ts.tz_convert(timezone).tz_localize(None)
        return conv_ts
    if isinstance(dt, T.TimestampNTZType):
        return lambda v: pd.Timestamp(v)
    return None


def local_timezone() -> str:
    """The Python process's zone, as PySpark reads it (TZ, else the system's)."""
    import os
    return os.environ.get("TZ", "dateutil/:")


def series_converter(dt: T.DataType, nullable: bool, timezone: str, struct_in_pandas: str,
                     error_on_duplicates: bool, utc_localized: bool) -> Callable[[Any], Any]:
    """The conversion toPandas applies to one column: its dtype corrected for the Spark type
    (integers and booleans with nulls stay float64 / object), timestamps into the session
    zone as naive values, nested values as lists, dicts and Rows."""
    import numpy as np
    import pandas as pd
    target = corrected_dtype(dt)
    if target is not None:
        if isinstance(dt, T.IntegralType) and nullable:
            return lambda s: s.astype(np.float64) if s.isnull().any() else s.astype(target)
        if isinstance(dt, T.BooleanType) and nullable:
            return lambda s: s.astype(object) if s.isnull().any() else s.astype(target)
        if isinstance(dt, T.TimestampType):
            def conv_ts_series(s: Any) -> Any:
                if not isinstance(s.dtype, pd.DatetimeTZDtype):
                    s = s.astype(target)
                if isinstance(s.dtype, pd.DatetimeTZDtype):
                    return s.dt.tz_convert(timezone).dt.tz_localize(None)
                local = "UTC" if utc_localized else local_timezone()
                if local == timezone:
                    return s
                return s.dt.tz_localize(local, ambiguous=False).dt.tz_convert(timezone).dt.tz_localize(None)
            return conv_ts_series
        return lambda s: s.astype(target)
    conv = _value_converter(dt, struct_in_pandas, timezone, utc_localized, error_on_duplicates)
    if conv is None:
        return lambda s: s
    return lambda s: s.apply(lambda x: conv(x) if x is not None else None)
