"""createDataFrame infers, verifies and encodes rows as PySpark does (errors recorded from PySpark 4.0.1)."""
import datetime
from decimal import Decimal

import pytest

from tspark.errors import PySparkTypeError, PySparkValueError
from tspark.sql import Row
from tspark.sql._local_data import local_relation_parts


def test_infers_like_pyspark():
    schema, rows = local_relation_parts(
        [(1, 2.5, "s", True, datetime.date(2024, 1, 2), Decimal("1.50"))], ["i", "f", "s", "b", "d", "dec"])
    assert [f.dataType.simpleString() for f in schema] == \
        ["bigint", "double", "string", "boolean", "date", "decimal(38,18)"]
    assert rows == [[1, 2.5, "s", True, 19724, "1.500000000000000000"]]


def test_dicts_sorted_rows_and_names():
    assert local_relation_parts([{"b": "x", "a": 1}])[0].names == ["a", "b"]
    s, rows = local_relation_parts([Row(name="Ann", age=3), Row(name="Bo", age=None)])
    assert s.names == ["name", "age"] and rows == [["Ann", 3], ["Bo", None]]
    assert local_relation_parts([(1, 2)])[0].names == ["_1", "_2"]


def test_nested_inference():
    s, rows = local_relation_parts([([1, 2], {"a": 1.0}, bytearray(b"x"))], ["l", "m", "b"])
    assert s.simpleString() == "struct<l:array<bigint>,m:map<string,double>,b:binary>"
    assert rows == [[[1, 2], [["a", 1.0]], b"x"]]


def test_mixed_atomic_and_string_merges_to_string():
    s, rows = local_relation_parts([(1, "a"), ("b", 2)], ["a", "b"])
    assert s.simpleString() == "struct<a:string,b:string>" and rows == [["1", "a"], ["b", "2"]]


def test_atomic_schema_wraps_values():
    s, rows = local_relation_parts([1, 2], "int")
    assert repr(s) == "StructType([StructField('value', IntegerType(), True)])" and rows == [[1], [2]]


@pytest.mark.parametrize("data,schema,exc,cls,msg", [
    ([(1, 2, 3)], "a INT, b INT", PySparkValueError, "FIELD_STRUCT_LENGTH_MISMATCH",
     "[FIELD_STRUCT_LENGTH_MISMATCH] Length of object (3) does not match with length of fields (2)."),
    ([("x",)], "a INT", PySparkTypeError, "FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME",
     "[FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME] field a: IntegerType() can not accept object 'x' in type <class 'str'>."),
    ([(None,)], ["a"], PySparkValueError, "CANNOT_DETERMINE_TYPE",
     "[CANNOT_DETERMINE_TYPE] Some of types cannot be determined after inferring."),
    ([(1000,)], "a TINYINT", PySparkValueError, "VALUE_OUT_OF_BOUNDS",
     "[VALUE_OUT_OF_BOUNDS] Value for `obj` must be between -128 and 127 (inclusive), got 1000"),
    ([(None,)], "a INT NOT NULL", PySparkValueError, "FIELD_NOT_NULLABLE_WITH_NAME",
     "[FIELD_NOT_NULLABLE_WITH_NAME] field a: This field is not nullable, but got None."),
    ([], ["a"], PySparkValueError, "CANNOT_INFER_EMPTY_SCHEMA",
     "[CANNOT_INFER_EMPTY_SCHEMA] Can not infer schema from an empty dataset."),
])
def test_bad_rows_raise_pyspark_errors(data, schema, exc, cls, msg):
    with pytest.raises(exc) as info:
        local_relation_parts(data, schema)
    assert info.value.getErrorClass() == cls and str(info.value) == msg
    assert info.value.getSqlState() is None


def test_big_longs_stay_exact():
    assert local_relation_parts([(2 ** 63 - 1,), (2 ** 53 + 1,)], ["v"])[1] == [[2 ** 63 - 1], [2 ** 53 + 1]]


@pytest.mark.parametrize("data", [
    [(1, None, [1]), (None, "a", [None, 2.5 if False else 3]), (2, 3, [])],
    [{"a": 1, "b": [1]}, {"a": None, "b": None}, {"a": 3, "b": [2]}],
    [Row(x=1.5, y={"k": 1}), Row(x=None, y={"k": None, "z": 2})],
])
def test_column_wise_inference_equals_row_wise_merge(data):
    from functools import reduce
    from tspark.sql._infer import infer_schema, infer_schema_from_list, merge_type
    assert infer_schema_from_list(data) == reduce(merge_type, (infer_schema(r) for r in data))


def test_column_wise_inference_reports_merge_conflicts_like_pyspark():
    with pytest.raises(PySparkTypeError) as info:
        local_relation_parts([(1,), (1.5,)], ["a"])
    assert str(info.value) == "[CANNOT_MERGE_TYPE] Can not merge type `LongType` and `DoubleType`."
