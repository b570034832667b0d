"""Result batches decode into PySpark's Python values, by schema."""
import datetime
from decimal import Decimal

from tspark.sql import Row
from tspark.sql._convert import decode_rows, to_wire
from tspark.sql.types import (ArrayType, BinaryType, DateType, DecimalType, LongType, MapType, StringType,
                              StructField, StructType, TimestampNTZType, TimestampType)


def test_atomic_values():
    s = StructType([StructField("d", DateType()), StructField("n", DecimalType(5, 2)),
                    StructField("b", BinaryType()), StructField("t", TimestampNTZType()),
                    StructField("x", LongType())])
    rows = decode_rows([[19724, None], ["12.50", None], [b"x", None], [1_000_001, None], [2 ** 63 - 1, None]], s, 2)
    assert rows[0] == Row(d=datetime.date(2024, 1, 2), n=Decimal("12.50"), b=bytearray(b"x"),
                          t=datetime.datetime(1970, 1, 1, 0, 0, 1, 1), x=2 ** 63 - 1)
    assert tuple(rows[1]) == (None,) * 5
    assert repr(rows[0]).startswith("Row(d=datetime.date(2024, 1, 2), n=Decimal('12.50')")


def test_timestamp_is_local_time_and_round_trips():
    ts = datetime.datetime(2024, 1, 2, 3, 4, 5, 6)
    s = StructType([StructField("t", TimestampType())])
    assert decode_rows([[to_wire(ts, TimestampType())]], s, 1)[0].t == ts


def test_nested_values():
    inner = StructType([StructField("a", LongType()), StructField("s", StringType())])
    s = StructType([StructField("arr", ArrayType(DateType())), StructField("m", MapType(StringType(), LongType())),
                    StructField("st", inner)])
    row = decode_rows([[[0, None]], [[["k", 1], ["z", None]]], [[7, "q"]]], s, 1)[0]
    assert row.arr == [datetime.date(1970, 1, 1), None] and row.m == {"k": 1, "z": None}
    assert row.st == Row(a=7, s="q") and row.st.s == "q" and repr(row.st) == "Row(a=7, s='q')"


def test_zero_column_rows():
    assert decode_rows([], StructType(), 3) == [Row(), Row(), Row()]
