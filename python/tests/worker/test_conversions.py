"""Value conversions of the worker, checked against what PySpark 4.0.1 gives (recorded with
/work/pyspark-venv: ``F.udf(f, T)`` over one row, classic mode)."""
import datetime
from decimal import Decimal

import pytest

from tspark.worker.from_wire import column_from_wire
from tspark.worker.portable_hash import portable_hash
from tspark.worker.to_wire import to_wire_converter
from tspark.worker.typed_columns import decode_typed, encode_typed, fast_result


@pytest.mark.parametrize("value,type_name,expected", [
    (1, "string", "1"),
    (1.5, "string", "1.5"),
    (True, "string", "true"),
    ([1], "string", "[1]"),
    ("1", "integer", None),
    (1.5, "integer", None),
    (True, "integer", None),
    (2 ** 40, "integer", 0),
    (5, "long", 5),
    (5, "double", None),
    ("5", "double", None),
    (1, "boolean", None),
    (Decimal("1.234"), "decimal(10,2)", "1.23"),
    (1.5, "decimal(10,2)", None),
    (300, "byte", 44),
    (b"ab", "binary", b"ab"),
    (bytearray(b"ab"), "binary", b"ab"),
    ("ab", "binary", b"ab"),
    (datetime.datetime(2020, 1, 1, 5), "date", 18262),
])
def test_result_conversion_matches_pyspark(value, type_name, expected):
    assert to_wire_converter(type_name)(value) == expected


def test_float_result_rounds_to_float32():
    assert to_wire_converter("float")(1.1) == 1.100000023841858


def test_non_date_for_date_type_raises_like_pyspark():
    with pytest.raises(AttributeError):
        to_wire_converter("date")("2020-01-01")


def test_complex_results():
    struct_t = {"type": "struct", "fields": [{"name": "a", "type": "long"}, {"name": "b", "type": "string"}]}
    assert to_wire_converter(struct_t)((1, "a")) == [1, "a"]
    assert to_wire_converter(struct_t)({"a": 1, "b": "x"}) == [1, "x"]
    assert to_wire_converter({"type": "array", "elementType": "long"})((1, None)) == [1, None]
    assert to_wire_converter({"type": "map", "keyType": "string", "valueType": "long"})({"a": 1}) == [["a", 1]]


def test_arguments_arrive_as_pyspark_gives_them():
    assert column_from_wire("date", [18262, None]) == [datetime.date(2020, 1, 1), None]
    assert column_from_wire("decimal(10,2)", ["12.50"]) == [Decimal("12.50")]
    assert column_from_wire("timestamp_ntz", [1000001]) == [datetime.datetime(1970, 1, 1, 0, 0, 1, 1)]
    assert column_from_wire("binary", [b"x"]) == [bytearray(b"x")]
    assert column_from_wire("long", [2.0 ** 40]) == [2 ** 40]


def test_typed_columns_round_trip_with_nulls():
    col = encode_typed("long", [1, None, -(2 ** 50)])
    assert col is not None and col["t"] == "f64"
    assert column_from_wire("long", col) == [1, None, -(2 ** 50)]
    assert encode_typed("long", [2 ** 60]) is None  # past 2^53: sent as exact msgpack ints
    assert decode_typed(encode_typed("boolean", [True, None])) == [1, None]
    assert fast_result("integer", [1, 2]) == {"t": "i32", "data": encode_typed("integer", [1, 2])["data"]}
    assert fast_result("integer", [1, None]) is None
    assert fast_result("long", [True]) is None  # bool is not an int result


def test_portable_hash_matches_pyspark():
    # pyspark.rdd.portable_hash under PYTHONHASHSEED=0 (recorded on PySpark 4.0.1) for non-str keys
    assert portable_hash(None) == 0
    assert portable_hash(7) == 7
    assert portable_hash((1, 2)) == portable_hash((1, 2))
    assert portable_hash((1, None)) == 3430029580084870083


def test_complex_arguments_become_lists_dicts_and_rows():
    struct_t = {"type": "struct", "fields": [{"name": "a", "type": "long"}, {"name": "d", "type": "date"}]}
    (row,) = column_from_wire(struct_t, [[1, 0]])
    assert row.a == 1 and row.d == datetime.date(1970, 1, 1) and repr(row) == "Row(a=1, d=datetime.date(1970, 1, 1))"
    arr_t = {"type": "array", "elementType": "date", "containsNull": True}
    assert column_from_wire(arr_t, [[1, None]]) == [[datetime.date(1970, 1, 2), None]]
    map_t = {"type": "map", "keyType": "string", "valueType": "double", "valueContainsNull": True}
    assert column_from_wire(map_t, [[["k", 1]], None]) == [{"k": 1.0}, None]
