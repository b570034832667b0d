"""Row verification against a schema, raising PySpark's error classes (verifySchema=True)."""
import array
import datetime
import decimal
from typing import Any, Callable, Optional

from tspark.errors import PySparkTypeError, PySparkValueError
from tspark.sql import types as T

_ACCEPTABLE = {
    T.BooleanType: (bool,), T.ByteType: (int,), T.ShortType: (int,), T.IntegerType: (int,),
    T.LongType: (int,), T.FloatType: (float,), T.DoubleType: (float,),
    T.DecimalType: (decimal.Decimal,), T.StringType: (str,), T.CharType: (str,),
    T.VarcharType: (str,), T.BinaryType: (bytearray, bytes),
    T.DateType: (datetime.date, datetime.datetime), T.TimestampType: (datetime.datetime,),
    T.TimestampNTZType: (datetime.datetime,), T.DayTimeIntervalType: (datetime.timedelta,),
    T.ArrayType: (list, tuple, array.array), T.MapType: (dict,), T.StructType: (tuple, list, dict),
}

_BOUNDS = {
    T.ByteType: (-128, 127), T.ShortType: (-32768, 32767),
    T.IntegerType: (-2147483648, 2147483647),
    T.LongType: (-9223372036854775808, 9223372036854775807),
}


def make_verifier(dt: T.DataType, nullable: bool = True, name: Optional[str] = None) -> Callable[[Any], None]:
    """A function raising PySpark's error for a value that does not fit `dt`."""

    def new_name(n: str) -> str:
        return "field %s" % n if name is None else "field %s in %s" % (n, name)

    def unacceptable(obj: Any) -> Exception:
        params = {"data_type": str(dt), "obj": repr(obj), "obj_type": str(type(obj))}
        if name is not None:
            return PySparkTypeError(errorClass="FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME",
                                    messageParameters={"field_name": str(name), **params})
        return PySparkTypeError(errorClass="FIELD_DATA_TYPE_UNACCEPTABLE", messageParameters=params)

    def check_type(obj: Any) -> None:
        if type(obj) not in _ACCEPTABLE.get(type(dt), (type(obj),)):
            raise unacceptable(obj)

    if isinstance(dt, T.UserDefinedType):
        inner = make_verifier(dt.sqlType(), name=name)

        def verify_value(obj: Any) -> None:
            # PySpark's verify_udf: the object must be of this UDT, and its serialized form fit the sqlType
            if not (hasattr(obj, "__UDT__") and obj.__UDT__ == dt):
                if name is not None:
                    raise PySparkValueError(errorClass="FIELD_TYPE_MISMATCH_WITH_NAME", messageParameters={
                        "field_name": str(name), "obj": str(obj), "data_type": str(dt)})
                raise PySparkValueError(errorClass="FIELD_TYPE_MISMATCH", messageParameters={"obj": str(obj), "data_type": str(dt)})
            inner(dt.serialize(obj))
    elif isinstance(dt, (T.StringType, T.CharType, T.VarcharType, T.NullType, T.VariantType)):
        def verify_value(obj: Any) -> None:
            pass
    elif type(dt) in _BOUNDS:
        lo, hi = _BOUNDS[type(dt)]

        def verify_value(obj: Any) -> None:
            check_type(obj)
            if obj < lo or obj > hi:
                raise PySparkValueError(errorClass="VALUE_OUT_OF_BOUNDS", messageParameters={
                    "arg_name": "obj", "lower_bound": str(lo), "upper_bound": str(hi),
                    "actual": str(obj)})
    elif isinstance(dt, T.ArrayType):
        elem = make_verifier(dt.elementType, dt.containsNull, "element in array %s" % name)

        def verify_value(obj: Any) -> None:
            check_type(obj)
            for v in obj:
                elem(v)
    elif isinstance(dt, T.MapType):
        kv = make_verifier(dt.keyType, False, "key of map %s" % name)
        vv = make_verifier(dt.valueType, dt.valueContainsNull, "value of map %s" % name)

        def verify_value(obj: Any) -> None:
            check_type(obj)
            for k, v in obj.items():
                kv(k)
                vv(v)
    elif isinstance(dt, T.StructType):
        verifiers = [(f.name, make_verifier(f.dataType, f.nullable, new_name(f.name))) for f in dt.fields]

        def verify_value(obj: Any) -> None:
            if isinstance(obj, dict):
                for f, ver in verifiers:
                    ver(obj.get(f))
            elif isinstance(obj, (tuple, list)):
                if len(obj) != len(verifiers):
                    params = {"object_length": str(len(obj)), "field_length": str(len(verifiers))}
                    if name is not None:
                        raise PySparkValueError(errorClass="FIELD_STRUCT_LENGTH_MISMATCH_WITH_NAME",
                                                messageParameters={"field_name": str(name), **params})
                    raise PySparkValueError(errorClass="FIELD_STRUCT_LENGTH_MISMATCH",
                                            messageParameters=params)
                for v, (_, ver) in zip(obj, verifiers):
                    ver(v)
            elif hasattr(obj, "__dict__"):
                d = obj.__dict__
                for f, ver in verifiers:
                    ver(d.get(f))
            else:
                raise unacceptable(obj)
    else:
        def verify_value(obj: Any) -> None:
            check_type(obj)

    def verify(obj: Any) -> None:
        if obj is None:
            if nullable:
                return
            if name is not None:
                raise PySparkValueError(errorClass="FIELD_NOT_NULLABLE_WITH_NAME",
                                        messageParameters={"field_name": str(name)})
            raise PySparkValueError(errorClass="FIELD_NOT_NULLABLE", messageParameters={})
        verify_value(obj)

    return verify
