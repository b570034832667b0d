"""Spark data types with PySpark's class names, reprs and JSON forms.

The JSON form (``jsonValue``) is also the wire form of types (bridge/PROTOCOL.md,
"Data types"). Schema inference and row verification live in ``_infer.py`` and
``_verify.py``; this module only describes types.
"""
import json
import re
from typing import Any, Dict, Iterator, List, Optional, Union

from tspark.errors import PySparkValueError

__all__ = [
    "DataType", "NullType", "StringType", "CharType", "VarcharType", "BinaryType", "BooleanType",
    "DateType", "TimestampType", "TimestampNTZType", "DecimalType", "DoubleType", "FloatType",
    "ByteType", "IntegerType", "LongType", "ShortType", "ArrayType", "MapType", "StructField",
    "StructType", "DayTimeIntervalType", "YearMonthIntervalType", "VariantType", "VariantVal", "Row", "CalendarIntervalType",
    "NumericType", "IntegralType", "FractionalType", "AtomicType", "UserDefinedType",
]


class DataType:
    """Base class of all Spark types."""

    def __repr__(self) -> str:
        return self.__class__.__name__ + "()"

    def __hash__(self) -> int:
        return hash(str(self))

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, self.__class__) and self.__dict__ == other.__dict__

    def __ne__(self, other: Any) -> bool:
        return not self.__eq__(other)

    @classmethod
    def typeName(cls) -> str:
        """Lower-case name in JSON form: ``StringType`` -> ``string``."""
        return cls.__name__[:-4].lower()

    def simpleString(self) -> str:
        """Spark SQL's short name (``bigint``, ``array<string>``)."""
        return self.typeName()

    def jsonValue(self) -> Union[str, Dict[str, Any]]:
        """Spark's JSON representation (also the bridge wire form)."""
        return self.typeName()

    def json(self) -> str:
        """``jsonValue`` as compact JSON text."""
        return json.dumps(self.jsonValue(), separators=(",", ":"), sort_keys=True)

    def needConversion(self) -> bool:
        """Whether values need converting between Python and the internal form."""
        return False

    def toInternal(self, obj: Any) -> Any:
        """Python value to internal value (identity for most types)."""
        return obj

    def fromInternal(self, obj: Any) -> Any:
        """Internal value to Python value (identity for most types)."""
        return obj

    @classmethod
    def fromJson(cls, json_value: Union[str, Dict[str, Any]]) -> "DataType":
        """Inverse of ``jsonValue``."""
        return _parse_datatype_json_value(json_value)

    @classmethod
    def fromDDL(cls, ddl: str) -> "DataType":
        """Parse a DDL type or schema string (``"a INT, b STRING"`` or ``"array<int>"``)."""
        return _parse_ddl(ddl)


class DataTypeSingleton(type):
    """Metaclass making parameterless types singletons, as in PySpark."""

    _instances: Dict[type, Any] = {}

    def __call__(cls):  # type: ignore[override]
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__()
        return cls._instances[cls]


class NullType(DataType, metaclass=DataTypeSingleton):
    """The type of None."""

    @classmethod
    def typeName(cls) -> str:
        return "void"


class AtomicType(DataType):
    """Non-nested types."""


class NumericType(AtomicType):
    """Numeric types."""


class IntegralType(NumericType, metaclass=DataTypeSingleton):
    """Integer types."""


class FractionalType(NumericType):
    """Float, double and decimal."""


class StringType(AtomicType):
    """UTF-8 string, with a collation (Spark 4): ``StringType("UTF8_LCASE")``; UTF8_BINARY by default."""

    providerSpark = "spark"
    providerICU = "icu"
    providers = [providerSpark, providerICU]

    def __init__(self, collation: str = "UTF8_BINARY"):
        self.collation = collation

    @classmethod
    def collationProvider(cls, collationName: str) -> str:
        """``spark`` for the UTF8_* collations, ``icu`` for the others (as PySpark)."""
        return cls.providerSpark if collationName.startswith("UTF8") else cls.providerICU

    def simpleString(self) -> str:
        return "string" if self.isUTF8BinaryCollation() else "string collate %s" % self.collation

    def jsonValue(self) -> str:
        return self.simpleString()

    def __repr__(self) -> str:
        return "StringType()" if self.isUTF8BinaryCollation() else "StringType('%s')" % self.collation

    def isUTF8BinaryCollation(self) -> bool:
        """Whether this is the default collation (bytes compare)."""
        return self.collation == "UTF8_BINARY"


class CharType(AtomicType):
    """Fixed-length string ``char(n)``."""

    def __init__(self, length: int):
        self.length = length

    def simpleString(self) -> str:
        return "char(%d)" % self.length

    def jsonValue(self) -> str:
        return "char(%d)" % self.length

    def __repr__(self) -> str:
        return "CharType(%d)" % self.length


class VarcharType(AtomicType):
    """Bounded-length string ``varchar(n)``."""

    def __init__(self, length: int):
        self.length = length

    def simpleString(self) -> str:
        return "varchar(%d)" % self.length

    def jsonValue(self) -> str:
        return "varchar(%d)" % self.length

    def __repr__(self) -> str:
        return "VarcharType(%d)" % self.length


class BinaryType(AtomicType, metaclass=DataTypeSingleton):
    """bytes / bytearray."""


class BooleanType(AtomicType, metaclass=DataTypeSingleton):
    """bool."""


class DateType(AtomicType, metaclass=DataTypeSingleton):
    """datetime.date; days since the epoch on the wire."""


class TimestampType(AtomicType, metaclass=DataTypeSingleton):
    """datetime.datetime in the session time zone; UTC micros on the wire."""


class TimestampNTZType(AtomicType, metaclass=DataTypeSingleton):
    """datetime.datetime without time zone; wall-clock micros on the wire."""

    @classmethod
    def typeName(cls) -> str:
        return "timestamp_ntz"


class DecimalType(FractionalType):
    """decimal.Decimal with fixed precision and scale (default 10, 0)."""

    def __init__(self, precision: int = 10, scale: int = 0):
        self.precision = precision
        self.scale = scale
        self.hasPrecisionInfo = True

    def simpleString(self) -> str:
        return "decimal(%d,%d)" % (self.precision, self.scale)

    def jsonValue(self) -> str:
        return "decimal(%d,%d)" % (self.precision, self.scale)

    def __repr__(self) -> str:
        return "DecimalType(%d,%d)" % (self.precision, self.scale)


class DoubleType(FractionalType, metaclass=DataTypeSingleton):
    """64-bit float."""


class FloatType(FractionalType, metaclass=DataTypeSingleton):
    """32-bit float."""


class ByteType(IntegralType):
    """8-bit signed integer."""

    def simpleString(self) -> str:
        return "tinyint"


class IntegerType(IntegralType):
    """32-bit signed integer."""

    def simpleString(self) -> str:
        return "int"


class LongType(IntegralType):
    """64-bit signed integer."""

    def simpleString(self) -> str:
        return "bigint"


class ShortType(IntegralType):
    """16-bit signed integer."""

    def simpleString(self) -> str:
        return "smallint"


class DayTimeIntervalType(AtomicType):
    """Day-time interval: a count of microseconds, ``datetime.timedelta`` in Python."""

    DAY, HOUR, MINUTE, SECOND = 0, 1, 2, 3
    _fields = {0: "day", 1: "hour", 2: "minute", 3: "second"}

    def __init__(self, startField: int = 0, endField: int = 3):
        self.startField = startField
        self.endField = endField

    def simpleString(self) -> str:
        s, e = self._fields[self.startField], self._fields[self.endField]
        return "interval %s" % s if s == e else "interval %s to %s" % (s, e)

    def jsonValue(self) -> str:
        return self.simpleString()

    def __repr__(self) -> str:
        return "DayTimeIntervalType(%d, %d)" % (self.startField, self.endField)


class YearMonthIntervalType(AtomicType):
    """Year-month interval: a count of months (PySpark cannot collect it either)."""

    YEAR, MONTH = 0, 1
    _fields = {0: "year", 1: "month"}

    def __init__(self, startField: int = 0, endField: int = 1):
        self.startField = startField
        self.endField = endField

    def simpleString(self) -> str:
        s, e = self._fields[self.startField], self._fields[self.endField]
        return "interval %s" % s if s == e else "interval %s to %s" % (s, e)

    def jsonValue(self) -> str:
        return self.simpleString()

    def __repr__(self) -> str:
        return "YearMonthIntervalType(%d, %d)" % (self.startField, self.endField)


class CalendarIntervalType(DataType, metaclass=DataTypeSingleton):
    """Calendar interval (``make_interval``): months, days and microseconds apart; as in PySpark it
    has no Python value, so collecting one raises NOT_IMPLEMENTED."""

    @classmethod
    def typeName(cls) -> str:
        return "interval"


class VariantType(AtomicType, metaclass=DataTypeSingleton):
    """Semi-structured values (parse_json): each a VariantVal of Spark's variant bytes."""


class VariantVal:
    """A variant value: Spark's binary encoding, ``value`` and ``metadata`` bytes, as collect
    gives them; ``str()`` and ``toJson()`` give its JSON, ``toPython()`` dicts, lists and scalars."""

    def __init__(self, value: bytes, metadata: bytes):
        self.value = value
        self.metadata = metadata

    def __str__(self) -> str:
        from tspark.sql import _variant_codec
        return _variant_codec.to_json(self.value, self.metadata)

    def __repr__(self) -> str:
        return "VariantVal(%r, %r)" % (self.value, self.metadata)

    def toPython(self) -> Any:
        """The variant as Python values: dicts, lists, ints, floats, Decimals, dates, datetimes (UTC), bytes."""
        from tspark.sql import _variant_codec
        return _variant_codec.to_python(self.value, self.metadata)

    def toJson(self, zone_id: str = "UTC") -> str:
        """The variant's JSON text, timestamps in ``zone_id``."""
        from tspark.sql import _variant_codec
        return _variant_codec.to_json(self.value, self.metadata, zone_id)

    @classmethod
    def parseJson(cls, json_str: str) -> "VariantVal":
        """The VariantVal of JSON text, encoded as Spark's parse_json encodes it."""
        from tspark.sql import _variant_codec
        return VariantVal(*_variant_codec.parse_json(json_str))


class ArrayType(DataType):
    """list of ``elementType``."""

    def __init__(self, elementType: DataType, containsNull: bool = True):
        self.elementType = elementType
        self.containsNull = containsNull

    def simpleString(self) -> str:
        return "array<%s>" % self.elementType.simpleString()

    def __repr__(self) -> str:
        return "ArrayType(%s, %s)" % (self.elementType, str(self.containsNull))

    def jsonValue(self) -> Dict[str, Any]:
        return {"type": self.typeName(), "elementType": self.elementType.jsonValue(),
                "containsNull": self.containsNull}

    @classmethod
    def fromJson(cls, json: Dict[str, Any]) -> "ArrayType":
        return ArrayType(_parse_datatype_json_value(json["elementType"]), json["containsNull"])


class MapType(DataType):
    """dict from ``keyType`` to ``valueType``."""

    def __init__(self, keyType: DataType, valueType: DataType, valueContainsNull: bool = True):
        self.keyType = keyType
        self.valueType = valueType
        self.valueContainsNull = valueContainsNull

    def simpleString(self) -> str:
        return "map<%s,%s>" % (self.keyType.simpleString(), self.valueType.simpleString())

    def __repr__(self) -> str:
        return "MapType(%s, %s, %s)" % (self.keyType, self.valueType, str(self.valueContainsNull))

    def jsonValue(self) -> Dict[str, Any]:
        return {"type": self.typeName(), "keyType": self.keyType.jsonValue(),
                "valueType": self.valueType.jsonValue(), "valueContainsNull": self.valueContainsNull}

    @classmethod
    def fromJson(cls, json: Dict[str, Any]) -> "MapType":
        return MapType(_parse_datatype_json_value(json["keyType"]),
                       _parse_datatype_json_value(json["valueType"]), json["valueContainsNull"])


class StructField(DataType):
    """One named field of a StructType."""

    def __init__(self, name: str, dataType: DataType, nullable: bool = True,
                 metadata: Optional[Dict[str, Any]] = None):
        assert isinstance(dataType, DataType), "dataType %s should be an instance of %s" % (
            dataType, DataType)
        assert isinstance(name, str), "field name %s should be a string" % name
        self.name = name
        self.dataType = dataType
        self.nullable = nullable
        self.metadata = metadata or {}

    def simpleString(self) -> str:
        return "%s:%s" % (self.name, self.dataType.simpleString())

    def __repr__(self) -> str:
        return "StructField(%r, %s, %s)" % (self.name, self.dataType, str(self.nullable))

    def jsonValue(self) -> Dict[str, Any]:
        return {"name": self.name, "type": self.dataType.jsonValue(),
                "nullable": self.nullable, "metadata": self.metadata}

    @classmethod
    def fromJson(cls, json: Dict[str, Any]) -> "StructField":
        return StructField(json["name"], _parse_datatype_json_value(json["type"]),
                           json.get("nullable", True), json.get("metadata"))

    def typeName(self) -> str:  # type: ignore[override]
        raise TypeError("StructField does not have typeName. Use typeName on its type explicitly instead.")


class StructType(DataType):
    """A row type: an ordered list of StructFields."""

    def __init__(self, fields: Optional[List[StructField]] = None):
        self.fields = list(fields) if fields else []
        self.names = [f.name for f in self.fields]
        assert all(isinstance(f, StructField) for f in self.fields), \
            "fields should be a list of StructField"

    def add(self, field: Union[str, StructField], data_type: Union[str, DataType, None] = None,
            nullable: bool = True, metadata: Optional[Dict[str, Any]] = None) -> "StructType":
        """Append a field (a StructField, or a name plus a type or DDL type string); returns self."""
        if isinstance(field, StructField):
            self.fields.append(field)
            self.names.append(field.name)
        else:
            if isinstance(field, str) and data_type is None:
                raise ValueError("Must specify DataType if passing name of struct_field to create.")
            dt = DataType.fromDDL(data_type) if isinstance(data_type, str) else data_type
            self.fields.append(StructField(field, dt, nullable, metadata))  # type: ignore[arg-type]
            self.names.append(field)
        return self

    def __iter__(self) -> Iterator[StructField]:
        return iter(self.fields)

    def __len__(self) -> int:
        return len(self.fields)

    def __getitem__(self, key: Union[str, int, slice]) -> Any:
        if isinstance(key, str):
            for f in self.fields:
                if f.name == key:
                    return f
            raise KeyError("No StructField named {0}".format(key))
        if isinstance(key, int):
            return self.fields[key]
        if isinstance(key, slice):
            return StructType(self.fields[key])
        raise TypeError("StructType keys should be strings, integers or slices")

    def simpleString(self) -> str:
        return "struct<%s>" % (",".join(f.simpleString() for f in self))

    def __repr__(self) -> str:
        return "StructType([%s])" % ", ".join(str(f) for f in self)

    def jsonValue(self) -> Dict[str, Any]:
        return {"type": self.typeName(), "fields": [f.jsonValue() for f in self]}

    @classmethod
    def fromJson(cls, json: Dict[str, Any]) -> "StructType":
        return StructType([StructField.fromJson(f) for f in json["fields"]])

    def fieldNames(self) -> List[str]:
        """The field names, in order."""
        return list(self.names)

    def treeString(self, level: Optional[int] = None) -> str:
        """printSchema's text for this schema, as PySpark's (``level``: its maxDepth; None or <= 0, all)."""
        return _tree_string(self, level)


class UserDefinedType(DataType):
    """A user-defined type (PySpark's UserDefinedType): Python objects stored as ``sqlType()`` values.

    Subclasses give ``sqlType``, ``module``, ``serialize`` and ``deserialize`` (and ``scalaUDT``
    when a Scala twin exists). The engine keeps the values in the sqlType's form; collect and
    toPandas give back ``deserialize``'s objects.
    """

    @classmethod
    def typeName(cls) -> str:
        return cls.__name__.lower()

    @classmethod
    def sqlType(cls) -> DataType:
        """Underlying SQL storage type for this UDT."""
        raise _not_implemented("sqlType()")

    @classmethod
    def module(cls) -> str:
        """The Python module of the UDT."""
        raise _not_implemented("module()")

    @classmethod
    def scalaUDT(cls) -> str:
        """The class name of the paired Scala UDT ('' when there is none)."""
        return ""

    def needConversion(self) -> bool:
        return True

    @classmethod
    def _cachedSqlType(cls) -> DataType:
        """sqlType(), once per class (toInternal calls it per value)."""
        if "_cached_sql_type" not in cls.__dict__:
            cls._cached_sql_type = cls.sqlType()  # type: ignore[attr-defined]
        return cls._cached_sql_type  # type: ignore[attr-defined]

    def toInternal(self, obj: Any) -> Any:
        if obj is not None:
            return self._cachedSqlType().toInternal(self.serialize(obj))
        return None

    def fromInternal(self, obj: Any) -> Any:
        v = self._cachedSqlType().fromInternal(obj)
        if v is not None:
            return self.deserialize(v)
        return None

    def serialize(self, obj: Any) -> Any:
        """A user-type object as a SQL datum."""
        raise _not_implemented("toInternal()")

    def deserialize(self, datum: Any) -> Any:
        """A SQL datum as a user-type object."""
        raise _not_implemented("fromInternal()")

    def simpleString(self) -> str:
        return "udt"

    def json(self) -> str:
        return json.dumps(self.jsonValue(), separators=(",", ":"), sort_keys=True)

    def jsonValue(self) -> Dict[str, Any]:
        schema: Dict[str, Any] = {"type": "udt"}
        if self.scalaUDT():
            assert self.module() != "__main__", "UDT in __main__ cannot work with ScalaUDT"
            schema["class"] = self.scalaUDT()
        schema["pyClass"] = "%s.%s" % (self.module(), type(self).__name__)
        if not self.scalaUDT():
            import base64
            import cloudpickle
            schema["serializedClass"] = base64.b64encode(cloudpickle.dumps(type(self))).decode("utf8")
        schema["sqlType"] = self.sqlType().jsonValue()
        return schema

    @classmethod
    def fromJson(cls, json: Dict[str, Any]) -> "UserDefinedType":
        py_udt = str(json["pyClass"])
        split = py_udt.rfind(".")
        py_module, py_class = py_udt[:split], py_udt[split + 1:]
        # PySpark's own UDTs (pyspark.ml.linalg.VectorUDT) are tspark's under the same path
        candidates = ["tspark" + py_module[len("pyspark"):]] if py_module.startswith("pyspark.") else []
        for name in candidates + [py_module]:
            try:
                m = __import__(name, globals(), locals(), [py_class])
                if hasattr(m, py_class):
                    return getattr(m, py_class)()
            except ImportError:
                pass
        if "serializedClass" in json:
            # the class itself travels cloudpickled (a UDT defined in __main__ or a notebook)
            import base64
            import cloudpickle
            return cloudpickle.loads(base64.b64decode(json["serializedClass"].encode("utf-8")))()
        raise ValueError("Could not find UDT class %s" % py_udt)

    def __eq__(self, other: Any) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))


def _not_implemented(feature: str) -> Exception:
    from tspark.errors import PySparkNotImplementedError
    return PySparkNotImplementedError(errorClass="NOT_IMPLEMENTED", messageParameters={"feature": feature})


_ATOMIC = {t.typeName(): t for t in [
    NullType, StringType, BinaryType, BooleanType, DateType, TimestampType, TimestampNTZType,
    DoubleType, FloatType, ByteType, IntegerType, LongType, ShortType, VariantType]}
_FIXED = re.compile(r"decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)")
_LEN = re.compile(r"(char|varchar)\(\s*(\d+)\s*\)")
_STRING_WITH_COLLATION = re.compile(r"string\s+collate\s+(\w+)")


_INTERVAL = re.compile(r"interval\s+(\w+)(?:\s+to\s+(\w+))?", re.IGNORECASE)


def _interval_type(text: str) -> Optional[DataType]:
    """The interval type `interval <field> [to <field>]` names (JSON and DDL forms), or None."""
    m = _INTERVAL.fullmatch(text.strip())
    if m is None:
        return None
    start, end = m.group(1).lower(), (m.group(2) or m.group(1)).lower()
    for cls in (DayTimeIntervalType, YearMonthIntervalType):
        names = {v: k for k, v in cls._fields.items()}
        if start in names and end in names and names[end] >= names[start]:
            return cls(names[start], names[end])
    return None


def _parse_datatype_json_value(v: Union[str, Dict[str, Any]]) -> DataType:
    """A DataType from its JSON value (string for atomic types, dict for nested)."""
    if not isinstance(v, dict):
        if v in _ATOMIC:
            return _ATOMIC[v]()
        if v == "null":
            return NullType()
        if v in ("calendar_interval", "interval"):
            # the engine's wire name, and PySpark's typeName
            return CalendarIntervalType()
        if v == "decimal":
            return DecimalType()
        m = _FIXED.fullmatch(v)
        if m:
            return DecimalType(int(m.group(1)), int(m.group(2)))
        m = _STRING_WITH_COLLATION.fullmatch(v)
        if m:
            return StringType(m.group(1))
        m = _LEN.fullmatch(v)
        if m:
            return CharType(int(m.group(2))) if m.group(1) == "char" else VarcharType(int(m.group(2)))
        iv = _interval_type(v)
        if iv is not None:
            return iv
        raise ValueError("Could not parse datatype: %s" % v)
    tpe = v["type"]
    if tpe == "array":
        return ArrayType.fromJson(v)
    if tpe == "map":
        return MapType.fromJson(v)
    if tpe == "struct":
        return StructType.fromJson(v)
    if tpe == "udt":
        return UserDefinedType.fromJson(v)
    raise ValueError("Could not parse datatype: %s" % v)


def _parse_datatype_json_string(s: str) -> DataType:
    """A DataType from JSON text."""
    return _parse_datatype_json_value(json.loads(s))


# --- DDL strings ("name STRING, age INT", "a: int", "array<int>") ---
# Here rather than in a module of its own: DataType.fromDDL needs the parser and the parser
# builds these classes (two modules would import each other). The client parses DDL to verify
# and convert createDataFrame rows before they go on the wire, as PySpark does; the engine
# has its own parser for SQL text.

_TOKEN = re.compile(r"\s*(`(?:[^`]|``)*`|[A-Za-z_][A-Za-z0-9_]*|-?\d+|'(?:[^'\\]|\\.)*'|[<>(),:])")

_SIMPLE = {
    "string": StringType, "int": IntegerType, "integer": IntegerType, "bigint": LongType,
    "long": LongType, "smallint": ShortType, "short": ShortType, "tinyint": ByteType,
    "byte": ByteType, "boolean": BooleanType, "bool": BooleanType, "double": DoubleType,
    "float": FloatType, "real": FloatType, "date": DateType, "timestamp": TimestampType,
    "timestamp_ltz": TimestampType, "timestamp_ntz": TimestampNTZType, "binary": BinaryType,
    "void": NullType, "null": NullType, "variant": VariantType,
}


class _DdlParser:
    def __init__(self, text: str):
        self.text = text
        self.toks: List[str] = []
        pos = 0
        while pos < len(text):
            if text[pos:].strip() == "":
                break
            m = _TOKEN.match(text, pos)
            if not m:
                self.fail()
            self.toks.append(m.group(1))
            pos = m.end()
        self.i = 0

    def fail(self) -> None:
        raise PySparkValueError(errorClass="CANNOT_PARSE_DATATYPE",
                                messageParameters={"msg": repr(self.text)})

    def peek(self) -> str:
        return self.toks[self.i] if self.i < len(self.toks) else ""

    def next(self) -> str:
        t = self.peek()
        if t == "":
            self.fail()
        self.i += 1
        return t

    def expect(self, t: str) -> None:
        if self.next() != t:
            self.fail()

    def name(self) -> str:
        t = self.next()
        if t.startswith("`"):
            return t[1:-1].replace("``", "`")
        if not re.match(r"[A-Za-z_]", t):
            self.fail()
        return t

    def data_type(self) -> DataType:
        t = self.next().lower()
        if t in ("decimal", "dec", "numeric"):
            if self.peek() == "(":
                self.next()
                p = int(self.next())
                s = 0
                if self.peek() == ",":
                    self.next()
                    s = int(self.next())
                self.expect(")")
                return DecimalType(p, s)
            return DecimalType(10, 0)
        if t in ("char", "varchar"):
            self.expect("(")
            n = int(self.next())
            self.expect(")")
            return CharType(n) if t == "char" else VarcharType(n)
        if t == "array":
            self.expect("<")
            e = self.data_type()
            self.expect(">")
            return ArrayType(e, True)
        if t == "map":
            self.expect("<")
            k = self.data_type()
            self.expect(",")
            v = self.data_type()
            self.expect(">")
            return MapType(k, v, True)
        if t == "struct":
            self.expect("<")
            fields = []
            if self.peek() != ">":
                fields = self.fields(">")
            self.expect(">")
            return StructType(fields)
        if t == "interval":
            start = self.next().lower()
            end = start
            if self.peek().lower() == "to":
                self.next()
                end = self.next().lower()
            parsed = _interval_type("interval %s to %s" % (start, end))
            if parsed is None:
                self.fail()
            return parsed
        if t == "string" and self.peek().lower() == "collate":
            # Spark 4's `STRING COLLATE <name>`; the engine checks and canonicalizes the name
            self.next()
            return StringType(self.next())
        if t in _SIMPLE:
            return _SIMPLE[t]()
        self.fail()
        raise AssertionError

    def field(self) -> StructField:
        n = self.name()
        if self.peek() == ":":
            self.next()
        dt = self.data_type()
        nullable = True
        while self.peek().lower() in ("not", "comment"):
            if self.next().lower() == "not":
                if self.next().lower() != "null":
                    self.fail()
                nullable = False
            else:
                self.next()
        return StructField(n, dt, nullable)

    def fields(self, end: str) -> List[StructField]:
        out = [self.field()]
        while self.peek() == ",":
            self.next()
            out.append(self.field())
        if self.peek() != end:
            self.fail()
        return out


def _parse_ddl(text: str) -> DataType:
    """A StructType for a field list, or the single DataType a type string names."""
    # A lone type ("int", "array<string>") is tried first, as PySpark's parser does.
    single = _try_ddl(text, lambda p: p.data_type())
    if single is not None:
        return single
    p = _DdlParser(text)
    if p.toks[:1] == ["struct"] and p.toks[1:2] == ["<"]:
        return p.data_type()
    return StructType(p.fields(""))


def _try_ddl(text: str, fn) -> "DataType | None":  # type: ignore[valid-type]
    try:
        p = _DdlParser(text)
        dt = fn(p)
        return dt if p.peek() == "" else None
    except (PySparkValueError, ValueError):
        return None


# --- treeString (printSchema's text) ---
# Here, not in a module of its own, for the same reason as the DDL parser: StructType.treeString
# needs it and it needs these classes. ``root``, then `` |-- name: type (nullable = true)`` per
# field, element/key/value lines for arrays and maps, nested levels indented by ``    |``.

_TREE_UNLIMITED = 2 ** 31 - 1  # the JVM's Int.MaxValue, PySpark's default maxDepth

# Control characters in field names print escaped, as Spark's SchemaUtils.escapeMetaCharacters.
_TREE_META = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f", "\b": "\\b", "\v": "\\v", "\a": "\\a"}


def _escape_meta(name: str) -> str:
    return "".join(_TREE_META.get(c, c) for c in name)


def _jvm_type_name(dt: DataType) -> str:
    if isinstance(dt, UserDefinedType):
        # the JVM's typeName: PythonUserDefinedType, or the Scala UDT's (VectorUDT → vector)
        simple = dt.scalaUDT().split(".")[-1] if dt.scalaUDT() else "PythonUserDefinedType"
        for suffix in ("$", "Type", "UDT"):
            simple = simple[:-len(suffix)] if simple.endswith(suffix) else simple
        return simple.lower()
    # The JVM's name: parameterised types print their parameters (decimal(10,2), char(3) ...).
    if isinstance(dt, (DecimalType, CharType, VarcharType, DayTimeIntervalType, YearMonthIntervalType, StringType)):
        return dt.simpleString()
    return dt.typeName()


def _tree_nested(dt: DataType, prefix: str, out: List[str], depth: int) -> None:
    """The lines under a field, element, key or value of type ``dt`` (one level deeper)."""
    if isinstance(dt, (StructType, ArrayType, MapType)):
        _tree_lines(dt, prefix, out, depth - 1)


def _tree_lines(dt: DataType, prefix: str, out: List[str], depth: int) -> None:
    if depth <= 0:
        return
    if isinstance(dt, StructType):
        for f in dt.fields:
            out.append("%s-- %s: %s (nullable = %s)\n" % (prefix, _escape_meta(f.name), _jvm_type_name(f.dataType), str(f.nullable).lower()))
            _tree_nested(f.dataType, prefix + "    |", out, depth)
    elif isinstance(dt, ArrayType):
        out.append("%s-- element: %s (containsNull = %s)\n" % (prefix, _jvm_type_name(dt.elementType), str(dt.containsNull).lower()))
        _tree_nested(dt.elementType, prefix + "    |", out, depth)
    elif isinstance(dt, MapType):
        out.append("%s-- key: %s\n" % (prefix, _jvm_type_name(dt.keyType)))
        _tree_nested(dt.keyType, prefix + "    |", out, depth)
        out.append("%s-- value: %s (valueContainsNull = %s)\n" % (prefix, _jvm_type_name(dt.valueType), str(dt.valueContainsNull).lower()))
        _tree_nested(dt.valueType, prefix + "    |", out, depth)


def _tree_string(schema: StructType, level: Optional[int] = None) -> str:
    """``root`` and one line per field (and nested element/key/value), ending in a newline."""
    depth = level if level is not None and level > 0 else _TREE_UNLIMITED
    out = ["root\n"]
    _tree_lines(schema, " |", out, depth)
    return "".join(out)


from tspark.sql.row import Row  # noqa: E402  (PySpark exposes Row from types too)
