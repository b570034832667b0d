"""Convert values between Python and the wire convention (bridge/PROTOCOL.md "Wire values").

to_wire: Python value -> wire value for a declared type (createDataFrame, lit).
column_decoder: a function turning one wire column (list) into Python values, built
once per result schema so decoding a batch is a list comprehension per column, and
rows are built with zip(*columns).
"""
import calendar
import datetime
import decimal
import time
from typing import Any, Callable, List, Optional

from tspark.sql import types as T
from tspark.sql.row import Row
from tspark.worker.to_wire import java_string

_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()
_EPOCH_NAIVE = datetime.datetime(1970, 1, 1)


def _field_values(obj: Any, st: T.StructType) -> List[Any]:
    if isinstance(obj, dict):
        return [obj.get(n) for n in st.names]
    if isinstance(obj, Row) and hasattr(obj, "__fields__"):
        d = dict(zip(obj.__fields__, obj))
        return [d.get(n) for n in st.names] if set(st.names) <= set(d) else list(obj)
    if isinstance(obj, (tuple, list)):
        return list(obj)
    if hasattr(obj, "__dict__"):
        return [obj.__dict__.get(n) for n in st.names]
    return [obj]


def to_wire(v: Any, dt: T.DataType) -> Any:
    """The wire value of Python value `v` under type `dt` (None stays None)."""
    if v is None:
        return None
    if isinstance(dt, T.UserDefinedType):
        # the engine holds a UDT's values as its sqlType (PySpark's UserDefinedType.toInternal)
        return to_wire(dt.serialize(v), dt.sqlType())
    if isinstance(dt, (T.LongType, T.IntegerType, T.ShortType, T.ByteType)):
        return int(v)
    if isinstance(dt, T.CalendarIntervalType):
        from tspark.errors import PySparkNotImplementedError
        raise PySparkNotImplementedError(errorClass="NOT_IMPLEMENTED", messageParameters={"feature": "CalendarIntervalType.toInternal"})
    if isinstance(dt, (T.DoubleType, T.FloatType)):
        return float(v)
    if isinstance(dt, (T.StringType, T.CharType, T.VarcharType)):
        # Non-str values become what the JVM's toString gives in PySpark ("NaN", "true", "1.0E10").
        return v if isinstance(v, str) else java_string(v)
    if isinstance(dt, T.BooleanType):
        return bool(v)
    if isinstance(dt, T.BinaryType):
        return bytes(v)
    if isinstance(dt, T.VariantType):
        # [value, metadata] bins (bridge/PROTOCOL.md "Wire values").
        return [bytes(v.value), bytes(v.metadata)]
    if isinstance(dt, T.DayTimeIntervalType):
        # Microseconds, exactly (timedelta keeps days, seconds and microseconds apart).
        return (v.days * 86400 + v.seconds) * 1000000 + v.microseconds
    if isinstance(dt, T.YearMonthIntervalType):
        return int(v)
    if isinstance(dt, T.DecimalType):
        d = v if isinstance(v, decimal.Decimal) else decimal.Decimal(str(v))
        return str(d.quantize(decimal.Decimal(1).scaleb(-dt.scale), context=decimal.Context(prec=60)))
    if isinstance(dt, T.DateType):
        if isinstance(v, datetime.datetime):
            v = v.date()
        return v.toordinal() - _EPOCH_ORDINAL
    if isinstance(dt, T.TimestampType):
        # Aware datetimes are instants; naive ones are local wall-clock time, as in PySpark.
        secs = calendar.timegm(v.utctimetuple()) if v.tzinfo else time.mktime(v.timetuple())
        return int(secs) * 1000000 + v.microsecond
    if isinstance(dt, T.TimestampNTZType):
        return calendar.timegm(v.timetuple()) * 1000000 + v.microsecond
    if isinstance(dt, T.ArrayType):
        return [to_wire(e, dt.elementType) for e in v]
    if isinstance(dt, T.MapType):
        return [[to_wire(k, dt.keyType), to_wire(x, dt.valueType)] for k, x in v.items()]
    if isinstance(dt, T.StructType):
        vals = _field_values(v, dt)
        return [to_wire(x, f.dataType) for x, f in zip(vals, dt.fields)]
    return v


def row_to_wire(obj: Any, schema: T.StructType) -> List[Any]:
    """One createDataFrame row as a list of wire values in schema order."""
    vals = _field_values(obj, schema)
    return [to_wire(x, f.dataType) for x, f in zip(vals, schema.fields)]


def value_encoder(dt: T.DataType) -> Callable[[Any], Any]:
    """to_wire specialised for one type (fast paths for the common atomic types)."""
    if isinstance(dt, (T.LongType, T.IntegerType, T.ShortType, T.ByteType)):
        return lambda v: v if type(v) is int or v is None else int(v)
    if isinstance(dt, (T.DoubleType, T.FloatType)):
        return lambda v: v if type(v) is float or v is None else float(v)
    if isinstance(dt, (T.StringType, T.CharType, T.VarcharType)):
        return lambda v: v if type(v) is str or v is None else java_string(v)
    return lambda v: to_wire(v, dt)


def rows_to_wire(data: List[Any], schema: T.StructType) -> List[List[Any]]:
    """All createDataFrame rows as wire rows (encoders built once per field)."""
    encs = [value_encoder(f.dataType) for f in schema.fields]
    plain = all(type(r) is tuple or type(r) is list for r in data)
    if plain:
        return [[e(x) for e, x in zip(encs, r)] for r in data]
    return [[e(x) for e, x in zip(encs, _field_values(r, schema))] for r in data]


def _engineering_text(d: decimal.Decimal) -> str:
    """Java's BigDecimal.toEngineeringString for a value Java prints with an exponent."""
    sign, digits, exp = d.as_tuple()
    coeff = "".join(map(str, digits))
    adjusted = exp + len(coeff) - 1
    sig = adjusted % 3  # Python's % is already non-negative, as Java's fix-up makes it
    adjusted -= sig
    sig += 1
    if not any(digits):
        body, adjusted = {1: ("0", adjusted), 2: ("0.00", adjusted + 3), 3: ("0.0", adjusted + 3)}[sig]
    elif sig >= len(coeff):
        body = coeff + "0" * (sig - len(coeff))
    else:
        body = coeff[:sig] + "." + coeff[sig:]
    tail = "" if adjusted == 0 else "E" + ("+" if adjusted > 0 else "") + str(adjusted)
    return ("-" if sign else "") + body + tail


def java_decimal(text: str) -> decimal.Decimal:
    """The Decimal PySpark gives for a decimal value (wire text in plain notation).

    PySpark's rows carry Java BigDecimals through Pyrolite, which pickles them by their
    engineering string, so a small value such as 0.00000010 arrives as Decimal('100E-9')
    (repr Decimal('1.00E-7')); in plain range the text is the value's own.
    """
    d = decimal.Decimal(text)
    if d.adjusted() >= -6 or d.as_tuple().exponent >= 0:
        return d
    return decimal.Decimal(_engineering_text(d))


def _year_month_not_implemented(_months: Any) -> Any:
    """PySpark cannot turn a year-month interval into a Python value; neither do we."""
    from tspark.errors import PySparkNotImplementedError
    raise PySparkNotImplementedError(errorClass="NOT_IMPLEMENTED", messageParameters={"feature": "YearMonthIntervalType.fromInternal"})


def _calendar_interval_not_implemented(_value: Any) -> Any:
    """PySpark has no Python value for a calendar interval (CalendarIntervalType.fromInternal raises)."""
    from tspark.errors import PySparkNotImplementedError
    raise PySparkNotImplementedError(errorClass="NOT_IMPLEMENTED", messageParameters={"feature": "CalendarIntervalType.fromInternal"})


def value_decoder(dt: T.DataType) -> Optional[Callable[[Any], Any]]:
    """Converter for one non-null wire value of `dt`, or None when the value is already Python's."""
    if isinstance(dt, T.UserDefinedType):
        inner = value_decoder(dt.sqlType())
        return (lambda v: dt.deserialize(v)) if inner is None else (lambda v: dt.deserialize(inner(v)))
    if isinstance(dt, T.DateType):
        return lambda d: datetime.date.fromordinal(d + _EPOCH_ORDINAL)
    if isinstance(dt, T.TimestampType):
        return lambda ts: datetime.datetime.fromtimestamp(ts // 1000000).replace(microsecond=ts % 1000000)
    if isinstance(dt, T.TimestampNTZType):
        # As PySpark's TimestampNTZType.fromInternal (years past 9999 raise "year … is out of range").
        return lambda ts: datetime.datetime.fromtimestamp(ts // 1000000, datetime.timezone.utc).replace(
            tzinfo=None, microsecond=ts % 1000000)
    if isinstance(dt, T.DecimalType):
        return java_decimal
    if isinstance(dt, T.DayTimeIntervalType):
        return lambda us: datetime.timedelta(microseconds=us)
    if isinstance(dt, T.YearMonthIntervalType):
        return _year_month_not_implemented
    if isinstance(dt, T.CalendarIntervalType):
        return _calendar_interval_not_implemented
    if isinstance(dt, T.VariantType):
        # [value, metadata] bins as bytearrays, as PySpark's VariantType.fromInternal gives them.
        return lambda pair: T.VariantVal(bytearray(pair[0]), bytearray(pair[1]))
    if isinstance(dt, T.BinaryType):
        return bytearray
    if isinstance(dt, T.ArrayType):
        inner = value_decoder(dt.elementType)
        if inner is None:
            return list
        return lambda xs: [None if x is None else inner(x) for x in xs]
    if isinstance(dt, T.MapType):
        kd = value_decoder(dt.keyType) or (lambda x: x)
        vd = value_decoder(dt.valueType) or (lambda x: x)
        return lambda kvs: {kd(k): (None if v is None else vd(v)) for k, v in kvs}
    if isinstance(dt, T.StructType):
        return struct_decoder(dt)
    return None


def struct_decoder(st: T.StructType) -> Callable[[List[Any]], Row]:
    """Wire struct (list of field values) -> Row with the struct's field names."""
    cls = Row._class_for(tuple(st.names))
    new = tuple.__new__
    decs = [value_decoder(f.dataType) for f in st.fields]

    def dec(vals: List[Any]) -> Row:
        return new(cls, [v if d is None or v is None else d(v) for v, d in zip(vals, decs)])
    return dec


def decode_column(values: List[Any], dt: T.DataType) -> List[Any]:
    """A whole wire column as Python values."""
    d = value_decoder(dt)
    if d is None:
        return values
    if isinstance(dt, T.CalendarIntervalType) and values:
        # PySpark's StructField.fromInternal calls CalendarIntervalType.fromInternal for nulls too.
        _calendar_interval_not_implemented(None)
    return [None if v is None else d(v) for v in values]


def decode_rows(columns: List[List[Any]], schema: T.StructType, num_rows: int) -> List[Row]:
    """A `batch` message's columns as Rows (column-wise conversion, then zip)."""
    cls = Row._class_for(tuple(schema.names))
    new = tuple.__new__
    if not columns:
        return [new(cls, ()) for _ in range(num_rows)]
    cols = [decode_column(c, f.dataType) for c, f in zip(columns, schema.fields)]
    return [new(cls, t) for t in zip(*cols)]


def wire_type(dt: T.DataType) -> Any:
    """The wire (PROTOCOL.md) JSON form of `dt`: Spark's jsonValue, with NullType as "null"."""
    return _void_to_null(dt.jsonValue())


def _void_to_null(j: Any) -> Any:
    if j == "void":
        return "null"
    if isinstance(j, dict):
        return {k: (_void_to_null(v) if k in ("type", "elementType", "keyType", "valueType", "fields") else v)
                for k, v in j.items()}
    if isinstance(j, list):
        return [_void_to_null(v) for v in j]
    return j
