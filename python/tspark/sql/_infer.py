"""Schema inference from Python values, exactly as PySpark's createDataFrame infers."""
import datetime
import decimal
from functools import reduce
from typing import Any, List, Optional, Tuple

from tspark.errors import PySparkTypeError, PySparkValueError
from tspark.sql import types as T

_TYPE_MAPPINGS = {
    bool: T.BooleanType, int: T.LongType, float: T.DoubleType, str: T.StringType,
    bytearray: T.BinaryType, bytes: T.BinaryType, decimal.Decimal: T.DecimalType,
    datetime.date: T.DateType, datetime.datetime: T.TimestampType, datetime.time: T.TimestampType,
    datetime.timedelta: T.DayTimeIntervalType,
}


def infer_type(obj: Any) -> T.DataType:
    """The DataType PySpark infers for one value (int -> LongType, dict -> MapType, ...)."""
    if obj is None:
        return T.NullType()
    if hasattr(obj, "__UDT__"):
        # a user-defined type's objects name their UDT (PySpark's _infer_type)
        return obj.__UDT__
    dt = _TYPE_MAPPINGS.get(type(obj))
    if dt is T.DecimalType:
        return T.DecimalType(38, 18)  # precision varies row to row, so Spark picks the widest
    if dt is not None:
        return dt()
    if isinstance(obj, dict):
        kt: T.DataType = T.NullType()
        vt: T.DataType = T.NullType()
        for k, v in obj.items():
            if k is not None:
                kt = merge_type(kt, infer_type(k))
            if v is not None:
                vt = merge_type(vt, infer_type(v))
        return T.MapType(kt, vt, True)
    if isinstance(obj, list):
        if len(obj) > 0:
            return T.ArrayType(reduce(merge_type, (infer_type(v) for v in obj), T.NullType()), True)
        return T.ArrayType(T.NullType(), True)
    if isinstance(obj, (tuple, T.Row)) or hasattr(obj, "__dict__"):
        try:
            return infer_schema(obj)
        except PySparkTypeError:
            pass
    raise PySparkTypeError(errorClass="UNSUPPORTED_DATA_TYPE",
                           messageParameters={"data_type": type(obj).__name__})


def infer_schema(row: Any, names: Optional[List[str]] = None) -> T.StructType:
    """Schema of one row: a dict (keys sorted), Row, namedtuple, tuple/list or object."""
    if isinstance(row, dict):
        items = sorted(row.items())
    elif isinstance(row, (tuple, list)):
        if hasattr(row, "__fields__"):
            items = list(zip(row.__fields__, tuple(row)))
        elif hasattr(row, "_fields"):
            items = list(zip(row._fields, tuple(row)))
        else:
            if names is None:
                names = ["_%d" % i for i in range(1, len(row) + 1)]
            elif len(names) < len(row):
                names = list(names) + ["_%d" % i for i in range(len(names) + 1, len(row) + 1)]
            items = list(zip(names, row))
    elif hasattr(row, "__dict__"):
        items = sorted(row.__dict__.items())
    else:
        raise PySparkTypeError(errorClass="CANNOT_INFER_SCHEMA_FOR_TYPE",
                               messageParameters={"data_type": type(row).__name__})
    fields = []
    for k, v in items:
        try:
            fields.append(T.StructField(k, infer_type(v), True))
        except TypeError:
            raise PySparkTypeError(errorClass="CANNOT_INFER_TYPE_FOR_FIELD",
                                   messageParameters={"field_name": k})
    return T.StructType(fields)


def merge_type(a: T.DataType, b: T.DataType, name: Optional[str] = None) -> T.DataType:
    """Combine the types inferred for two values of one column (None fills in; atomic+string -> string)."""
    if isinstance(a, T.NullType):
        return b
    if isinstance(b, T.NullType):
        return a
    if isinstance(a, T.TimestampType) and isinstance(b, T.TimestampNTZType):
        return a
    if isinstance(a, T.TimestampNTZType) and isinstance(b, T.TimestampType):
        return b
    if isinstance(a, T.AtomicType) and isinstance(b, T.StringType):
        return b
    if isinstance(a, T.StringType) and isinstance(b, T.AtomicType):
        return a
    if type(a) is not type(b):
        raise PySparkTypeError(errorClass="CANNOT_MERGE_TYPE",
                               messageParameters={"data_type1": type(a).__name__,
                                                  "data_type2": type(b).__name__})
    if isinstance(a, T.StructType):
        assert isinstance(b, T.StructType)
        nfs = dict((f.name, f.dataType) for f in b.fields)
        fields = [T.StructField(f.name, merge_type(f.dataType, nfs.get(f.name, T.NullType())))
                  for f in a.fields]
        have = set(f.name for f in fields)
        for n in nfs:
            if n not in have:
                fields.append(T.StructField(n, nfs[n]))
        return T.StructType(fields)
    if isinstance(a, T.ArrayType):
        assert isinstance(b, T.ArrayType)
        return T.ArrayType(merge_type(a.elementType, b.elementType), True)
    if isinstance(a, T.MapType):
        assert isinstance(b, T.MapType)
        return T.MapType(merge_type(a.keyType, b.keyType), merge_type(a.valueType, b.valueType), True)
    return a


def has_nulltype(dt: T.DataType) -> bool:
    """Whether any part of `dt` is still NullType (a column that was None everywhere)."""
    if isinstance(dt, T.StructType):
        return any(has_nulltype(f.dataType) for f in dt.fields)
    if isinstance(dt, T.ArrayType):
        return has_nulltype(dt.elementType)
    if isinstance(dt, T.MapType):
        return has_nulltype(dt.keyType) or has_nulltype(dt.valueType)
    return isinstance(dt, T.NullType)


def _uniform_columns(data: List[Any], names: Optional[List[str]]) -> Optional[Tuple[List[str], List[Tuple[Any, ...]]]]:
    """(field names, columns) when every row has the same fields (plain tuples of one length,
    Rows/namedtuples with the same fields, dicts with the same keys), else None."""
    first = data[0]
    if isinstance(first, dict):
        keys = sorted(first)
        if not all(isinstance(r, dict) and len(r) == len(keys) and all(k in r for k in keys) for r in data):
            return None
        return keys, [tuple(r[k] for r in data) for k in keys]
    if not isinstance(first, (tuple, list)):
        return None
    width = len(first)
    if type(first) in (tuple, list):
        # Plain rows: one type check and one length set instead of attribute probes per row.
        t = type(first)
        if not all(type(r) is t for r in data) or set(map(len, data)) != {width}:
            return None
        fields = None
    else:
        fields = getattr(first, "__fields__", None) or getattr(first, "_fields", None)
        for r in data:
            if not isinstance(r, (tuple, list)) or len(r) != width:
                return None
            if (getattr(r, "__fields__", None) or getattr(r, "_fields", None)) != fields:
                return None
    if fields is not None:
        cols_names = list(fields)
    elif names is None:
        cols_names = ["_%d" % i for i in range(1, width + 1)]
    else:
        cols_names = list(names) + ["_%d" % i for i in range(len(names) + 1, width + 1)]
    return cols_names[:width], list(zip(*data)) if width else []


def _infer_column(name: str, values: Tuple[Any, ...]) -> T.DataType:
    """Same result as merging infer_type row by row; repeated atomic Python types are merged once
    (merging a type already merged never changes the result nor raises anew)."""
    merged: T.DataType = T.NullType()
    seen: set = set()
    for v in values:
        t = type(v)
        if t in _TYPE_MAPPINGS or v is None:
            if t in seen:
                continue
            seen.add(t)
        try:
            vt = infer_type(v)
        except TypeError:
            raise PySparkTypeError(errorClass="CANNOT_INFER_TYPE_FOR_FIELD",
                                   messageParameters={"field_name": name})
        merged = merge_type(merged, vt)
    return merged


def infer_schema_from_list(data: List[Any], names: Optional[List[str]] = None) -> T.StructType:
    """Merge per-row schemas over all rows; an undetermined column is an error, as in PySpark."""
    if not data:
        raise PySparkValueError(errorClass="CANNOT_INFER_EMPTY_SCHEMA", messageParameters={})
    uniform = _uniform_columns(data, names)
    if uniform is not None:
        # Column-wise: the same answer as the row-wise merge below, without a StructType per row.
        col_names, columns = uniform
        schema: T.DataType = T.StructType([T.StructField(n, _infer_column(n, c), True)
                                           for n, c in zip(col_names, columns)])
    else:
        schema = reduce(merge_type, (infer_schema(row, names) for row in data))
    if has_nulltype(schema):
        raise PySparkValueError(errorClass="CANNOT_DETERMINE_TYPE", messageParameters={})
    assert isinstance(schema, T.StructType)
    return schema
