"""Types print and serialize exactly as PySpark's (reprs recorded from PySpark 4.0.1)."""
from tspark.sql.types import (ArrayType, CharType, DataType, DecimalType, DoubleType, IntegerType,
                              LongType, MapType, NullType, StringType, StructField, StructType,
                              TimestampNTZType, BooleanType, DateType)


def test_struct_repr_matches_pyspark():
    s = StructType([StructField("id", LongType(), False), StructField("v", DoubleType(), True)])
    assert repr(s) == "StructType([StructField('id', LongType(), False), StructField('v', DoubleType(), True)])"


def test_nested_repr():
    s = StructType().add("a", IntegerType()).add("b", ArrayType(MapType(StringType(), DecimalType(10, 2))))
    assert repr(s) == ("StructType([StructField('a', IntegerType(), True), StructField('b', "
                       "ArrayType(MapType(StringType(), DecimalType(10,2), True), True), True)])")


def test_atomic_reprs():
    assert [repr(t) for t in (DecimalType(), TimestampNTZType(), NullType(), CharType(3))] == \
        ["DecimalType(10,0)", "TimestampNTZType()", "NullType()", "CharType(3)"]


def test_simple_string_and_json():
    s = StructType().add("a", "integer")
    assert s.simpleString() == "struct<a:int>"
    assert s.json() == '{"fields":[{"metadata":{},"name":"a","nullable":true,"type":"integer"}],"type":"struct"}'
    assert LongType().simpleString() == "bigint"
    assert ArrayType(StringType()).simpleString() == "array<string>"


def test_json_round_trip():
    s = StructType([StructField("m", MapType(StringType(), ArrayType(DateType(), False))),
                    StructField("d", DecimalType(38, 18), False), StructField("b", BooleanType())])
    assert StructType.fromJson(s.jsonValue()) == s
    assert DataType.fromJson("timestamp_ntz") == TimestampNTZType()


def test_type_names():
    assert LongType.typeName() == "long" and IntegerType().typeName() == "integer"
    assert NullType.typeName() == "void" and TimestampNTZType.typeName() == "timestamp_ntz"


def test_struct_access():
    s = StructType().add("a", LongType()).add(StructField("b", StringType()))
    assert s.fieldNames() == ["a", "b"] and s["b"].dataType == StringType() and len(s) == 2


def test_ddl_parsing():
    assert DataType.fromDDL("name STRING, age INT") == StructType(
        [StructField("name", StringType()), StructField("age", IntegerType())])
    assert DataType.fromDDL("a: int") == StructType([StructField("a", IntegerType())])
    assert DataType.fromDDL("array<bigint>") == ArrayType(LongType())
    assert DataType.fromDDL("a INT NOT NULL, `b c` decimal(10,2)")["b c"].dataType == DecimalType(10, 2)
