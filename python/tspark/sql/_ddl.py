"""Parse DDL type strings (``"name STRING, age INT"``, ``"a: int"``, ``"array<int>"``).

The client needs the parsed schema to verify and convert createDataFrame rows before
they go on the wire, as PySpark does; the engine has its own parser for SQL text.
"""
import re
from typing import List, Tuple

from tspark.errors import PySparkValueError
from tspark.sql import types as T

_TOKEN = re.compile(r"\s*(`(?:[^`]|``)*`|[A-Za-z_][A-Za-z0-9_]*|-?\d+|'(?:[^'\\]|\\.)*'|[<>(),:])")

_SIMPLE = {
    "string": T.StringType, "int": T.IntegerType, "integer": T.IntegerType, "bigint": T.LongType,
    "long": T.LongType, "smallint": T.ShortType, "short": T.ShortType, "tinyint": T.ByteType,
    "byte": T.ByteType, "boolean": T.BooleanType, "bool": T.BooleanType, "double": T.DoubleType,
    "float": T.FloatType, "real": T.FloatType, "date": T.DateType, "timestamp": T.TimestampType,
    "timestamp_ltz": T.TimestampType, "timestamp_ntz": T.TimestampNTZType, "binary": T.BinaryType,
    "void": T.NullType, "null": T.NullType, "variant": T.VariantType,
}


class _Parser:
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

    def data_type(self) -> T.DataType:
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
                return T.DecimalType(p, s)
            return T.DecimalType(10, 0)
        if t in ("char", "varchar"):
            self.expect("(")
            n = int(self.next())
            self.expect(")")
            return T.CharType(n) if t == "char" else T.VarcharType(n)
        if t == "array":
            self.expect("<")
            e = self.data_type()
            self.expect(">")
            return T.ArrayType(e, True)
        if t == "map":
            self.expect("<")
            k = self.data_type()
            self.expect(",")
            v = self.data_type()
            self.expect(">")
            return T.MapType(k, v, True)
        if t == "struct":
            self.expect("<")
            fields = []
            if self.peek() != ">":
                fields = self.fields(">")
            self.expect(">")
            return T.StructType(fields)
        if t in _SIMPLE:
            return _SIMPLE[t]()
        self.fail()
        raise AssertionError

    def field(self) -> T.StructField:
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
        return T.StructField(n, dt, nullable)

    def fields(self, end: str) -> List[T.StructField]:
        out = [self.field()]
        while self.peek() == ",":
            self.next()
            out.append(self.field())
        if self.peek() != end:
            self.fail()
        return out


def parse_ddl(text: str) -> T.DataType:
    """A StructType for a field list, or the single DataType a type string names."""
    # A lone type ("int", "array<string>") is tried first, as PySpark's parser does.
    single = _try(text, lambda p: p.data_type())
    if single is not None:
        return single
    p = _Parser(text)
    if p.toks[:1] == ["struct"] and p.toks[1:2] == ["<"]:
        return p.data_type()
    return T.StructType(p.fields(""))


def _try(text: str, fn) -> "T.DataType | None":  # type: ignore[valid-type]
    try:
        p = _Parser(text)
        dt = fn(p)
        return dt if p.peek() == "" else None
    except (PySparkValueError, ValueError):
        return None


def parse_schema(text: str) -> Tuple[T.DataType, bool]:
    """(type, is_struct_field_list) for a createDataFrame schema string."""
    dt = parse_ddl(text)
    return dt, isinstance(dt, T.StructType)
